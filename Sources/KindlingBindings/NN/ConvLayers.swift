import KindlingEngine
import KindlingLanguage

/// `nn.Conv2d`, `nn.MaxPool2d`, `F.conv2d` and `F.max_pool2d` on the engine's convolution and
/// pooling, with PyTorch's arguments, reprs and initialisation (weight then bias drawn uniform
/// within ±1/sqrt(fan_in) from the global generator, as `kaiming_uniform_(a=sqrt(5))` gives).
/// Grouped convolutions and padding modes other than zeros are refused.
enum ConvLayers {
    static let conv2d: PyClass = {
        let c = Layers.layerClass("Conv2d", module: "torch.nn.modules.conv")
        let sig = Signature(parsing: ["self", "in_channels", "out_channels", "kernel_size", "stride=1", "padding=0",
                                      "dilation=1", "groups=1", "bias=True", "padding_mode='zeros'", "device=None", "dtype=None"])
        c.define("__init__") { args in
            let m = try ModuleClass.selfModule(args)
            let b = try args.bind(sig)
            let cin = try b.int("in_channels"), cout = try b.int("out_channels")
            let kernel = try pair(b["kernel_size"], "kernel_size")
            guard try b.int("groups") == 1 else { throw notSupported("nn.Conv2d(groups=\(try b.int("groups")))") }
            guard try b.string("padding_mode") == "zeros" else {
                throw notSupported("nn.Conv2d(padding_mode='\(try b.string("padding_mode"))')")
            }
            guard cin > 0, cout > 0 else {
                throw pyError(.valueError, cin <= 0 ? "in_channels must be positive" : "out_channels must be positive")
            }
            let stride = try pair(b["stride"], "stride"), dilation = try pair(b["dilation"], "dilation")
            _ = try padding(b["padding"], kernel: kernel, stride: stride, dilation: dilation)
            let fanIn = cin * kernel[0] * kernel[1]
            let bound = 1 / Double(fanIn).squareRoot()
            let w = try Tensor.empty([cout, cin, kernel[0], kernel[1]])
            try w.uniform_(from: -bound, to: bound)
            m.setParameter("weight", TensorObject(try w.requiresGrad_(true), pyClass: TorchTypes.parameter))
            if try b["bias"].isTruthy() {
                let bias = try Tensor.empty([cout])
                try bias.uniform_(from: -bound, to: bound)
                m.setParameter("bias", TensorObject(try bias.requiresGrad_(true), pyClass: TorchTypes.parameter))
            } else {
                m.setParameter("bias", nil)
            }
            m.attributes?["in_channels"] = .int(cin)
            m.attributes?["out_channels"] = .int(cout)
            m.attributes?["kernel_size"] = tuple(kernel)
            m.attributes?["stride"] = tuple(stride)
            if case .str(let mode) = b["padding"] {
                m.attributes?["padding"] = .str(mode)
            } else {
                m.attributes?["padding"] = tuple(try pair(b["padding"], "padding"))
            }
            m.attributes?["dilation"] = tuple(dilation)
            m.attributes?["groups"] = .int(1)
            m.attributes?["padding_mode"] = .str("zeros")
            return .none
        }
        c.define("extra_repr") { args in
            let m = try ModuleClass.selfModule(args)
            let a = m.attributes
            func r(_ k: String) throws -> String { try Runtime.repr(a?[k] ?? .none) }
            var s = "\(try r("in_channels")), \(try r("out_channels")), kernel_size=\(try r("kernel_size")), stride=\(try r("stride"))"
            if let p = a?["padding"] {
                if case .str(let text) = p { s += ", padding=\(text)" } else if try r("padding") != "(0, 0)" { s += ", padding=\(try r("padding"))" }
            }
            if try r("dilation") != "(1, 1)" { s += ", dilation=\(try r("dilation"))" }
            if (m.parameter(named: "bias") ?? nil) == nil { s += ", bias=False" }
            return .str(s)
        }
        c.define("forward") { args in
            let m = try ModuleClass.selfModule(args)
            guard args.count == 2 else {
                throw pyError(.typeError, "Conv2d.forward() takes 2 positional arguments but \(args.count) were given")
            }
            guard let weight = m.parameter(named: "weight") ?? nil else { throw pyError(.attributeError, "'Conv2d' object has no attribute 'weight'") }
            let a = m.attributes
            return try apply(try args[1], weight: .object(weight), bias: (m.parameter(named: "bias") ?? nil).map { .object($0) } ?? .none,
                             stride: a?["stride"] ?? .int(1), padding: a?["padding"] ?? .int(0), dilation: a?["dilation"] ?? .int(1))
        }
        return c
    }()

    static let maxPool2d: PyClass = {
        let c = Layers.layerClass("MaxPool2d", module: "torch.nn.modules.pooling")
        let sig = Signature(parsing: ["self", "kernel_size", "stride=None", "padding=0", "dilation=1", "return_indices=False",
                                      "ceil_mode=False"])
        c.define("__init__") { args in
            let m = try ModuleClass.selfModule(args)
            let b = try args.bind(sig)
            for k in ["kernel_size", "padding", "dilation"] { _ = try pair(b[k], k) }
            m.attributes?["kernel_size"] = b["kernel_size"]
            m.attributes?["stride"] = b["stride"].isNone ? b["kernel_size"] : b["stride"]
            for k in ["padding", "dilation", "return_indices", "ceil_mode"] { m.attributes?[k] = b[k] }
            return .none
        }
        c.define("extra_repr") { args in
            let a = try ModuleClass.selfModule(args).attributes
            func r(_ k: String) throws -> String { try Runtime.repr(a?[k] ?? .none) }
            return .str("kernel_size=\(try r("kernel_size")), stride=\(try r("stride")), padding=\(try r("padding")), dilation=\(try r("dilation")), ceil_mode=\(try r("ceil_mode"))")
        }
        c.define("forward") { args in
            let m = try ModuleClass.selfModule(args)
            guard args.count == 2 else {
                throw pyError(.typeError, "MaxPool2d.forward() takes 2 positional arguments but \(args.count) were given")
            }
            let a = m.attributes
            return try pool(try args[1], kernel: a?["kernel_size"] ?? .none, stride: a?["stride"] ?? .none,
                            padding: a?["padding"] ?? .int(0), dilation: a?["dilation"] ?? .int(1),
                            ceilMode: try (a?["ceil_mode"] ?? .bool(false)).isTruthy(),
                            returnIndices: try (a?["return_indices"] ?? .bool(false)).isTruthy())
        }
        return c
    }()

    /// `F.conv2d` and `F.max_pool2d` in `torch.nn.functional`.
    static func installFunctional(in m: PyModule) {
        TorchModule.function(m, "conv2d", ["input", "weight", "bias=None", "stride=1", "padding=0", "dilation=1", "groups=1"]) { b in
            guard try b.int("groups") == 1 else { throw notSupported("F.conv2d(groups=\(try b.int("groups")))") }
            return try apply(b["input"], weight: b["weight"], bias: b["bias"], stride: b["stride"], padding: b["padding"],
                             dilation: b["dilation"])
        }
        TorchModule.function(m, "max_pool2d", ["input", "kernel_size", "stride=None", "padding=0", "dilation=1",
                                               "ceil_mode=False", "return_indices=False"]) { b in
            try pool(b["input"], kernel: b["kernel_size"], stride: b["stride"], padding: b["padding"], dilation: b["dilation"],
                     ceilMode: try b["ceil_mode"].isTruthy(), returnIndices: try b["return_indices"].isTruthy())
        }
    }

    private static func apply(_ input: Value, weight: Value, bias: Value, stride: Value, padding: Value,
                              dilation: Value) throws -> Value {
        let x = try TorchConvert.tensor(input, function: "conv2d")
        let w = try TorchConvert.tensor(weight, function: "conv2d", argument: "weight", position: 2)
        let b = bias.isNone ? nil : try TorchConvert.tensor(bias, function: "conv2d", argument: "bias", position: 3)
        guard w.dim == 4 else {
            throw pyError(.runtimeError, "weight should have at least three dimensions")
        }
        let s = try pair(stride, "stride"), d = try pair(dilation, "dilation")
        let p = try self.padding(padding, kernel: [w.shape[2], w.shape[3]], stride: s, dilation: d)
        return .tensor(try Tensor.conv2d(x, weight: w, bias: b, stride: s, padding: p, dilation: d))
    }

    private static func pool(_ input: Value, kernel: Value, stride: Value, padding: Value, dilation: Value,
                             ceilMode: Bool, returnIndices: Bool) throws -> Value {
        let x = try TorchConvert.tensor(input, function: "max_pool2d")
        let k = try pair(kernel, "kernel_size")
        let s = stride.isNone || (stride.as(PyTuple.self)?.items.isEmpty ?? false) || (stride.as(PyList.self)?.items.isEmpty ?? false)
            ? k : try pair(stride, "stride")
        let (values, indices) = try Tensor.maxPool2d(x, kernel: k, stride: s, padding: try pair(padding, "padding"),
                                                     dilation: try pair(dilation, "dilation"), ceilMode: ceilMode)
        return returnIndices ? .object(PyTuple([.tensor(values), .tensor(indices)])) : .tensor(values)
    }

    /// An int, or a tuple/list of two ints, as the two spatial values.
    static func pair(_ v: Value, _ name: String) throws -> [Int] {
        if case .int(let n) = v { return [n, n] }
        if let items = v.as(PyTuple.self)?.items ?? v.as(PyList.self)?.items {
            if items.count == 1, case .int(let n) = items[0] { return [n, n] }
            if items.count == 2 { return [try items[0].asInt(), try items[1].asInt()] }
        }
        throw pyError(.typeError, "\(name) must be an int or a tuple of two ints, not \(try Runtime.repr(v))")
    }

    /// Numeric padding, or 'valid' / 'same' (stride 1, and an odd effective kernel: PyTorch pads
    /// unevenly otherwise, which Kindling does not).
    static func padding(_ v: Value, kernel: [Int], stride: [Int], dilation: [Int]) throws -> [Int] {
        guard case .str(let mode) = v else { return try pair(v, "padding") }
        switch mode {
        case "valid": return [0, 0]
        case "same":
            guard stride == [1, 1] else { throw pyError(.runtimeError, "padding='same' is not supported for strided convolutions") }
            let totals = (0..<2).map { dilation[$0] * (kernel[$0] - 1) }
            guard totals.allSatisfy({ $0 % 2 == 0 }) else {
                throw notSupported("padding='same' with an even kernel size (PyTorch pads one side more)")
            }
            return totals.map { $0 / 2 }
        default:
            throw pyError(.runtimeError, "Invalid padding string: '\(mode)'")
        }
    }

    private static func tuple(_ v: [Int]) -> Value { .object(PyTuple(v.map { .int($0) })) }
}
