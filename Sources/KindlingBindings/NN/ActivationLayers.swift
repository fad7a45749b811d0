import KindlingEngine
import KindlingLanguage

/// `nn.Softmax`, `nn.LogSoftmax`, `nn.Identity`, `nn.LeakyReLU`: layers
/// whose `forward` is a single tensor function (run through the
/// interpreter's `forward`, not the native fast path).
enum ActivationLayers {
    static var all: [PyClass] { [softmax, logSoftmax, identity, leakyReLU] }

    static func selfModule(_ args: Arguments) throws -> ModuleObject { try ModuleClass.selfModule(args) }

    static func input(_ args: Arguments, _ name: String) throws -> Tensor {
        guard args.count == 2 else {
            throw pyError(.typeError, "\(name).forward() takes 2 positional arguments but \(args.count) were given")
        }
        return try TorchConvert.tensor(try args[1], function: name.lowercased())
    }

    /// PyTorch's implicit softmax dimension (`_get_softmax_dim`), with its warning.
    static func implicitDim(_ t: Tensor, _ name: String) throws -> Int {
        try TorchWarnings.warn("Implicit dimension choice for \(name) has been deprecated. Change the call to include dim=X as an argument.")
        return [0, 1, 3].contains(t.dim) ? 0 : 1
    }

    static func softmaxClass(_ name: String, log: Bool) -> PyClass {
        let c = Layers.layerClass(name, module: "torch.nn.modules.activation")
        let sig = Signature(parsing: ["self", "dim=None"])
        c.define("__init__") { args in
            let b = try args.bind(sig)
            let m = try selfModule(args)
            m.attributes?["dim"] = b["dim"].isNone ? Value.none : .int(try b.int("dim"))
            return .none
        }
        c.define("extra_repr") { args in
            let dim = try selfModule(args).attributes?["dim"] ?? .none
            return .str("dim=\(try Runtime.repr(dim))")
        }
        c.define("forward") { args in
            let x = try input(args, name)
            let dimValue = try selfModule(args).attributes?["dim"] ?? .none
            let dim = dimValue.isNone ? try implicitDim(x, log ? "log_softmax" : "softmax") : try dimValue.asInt()
            return .tensor(log ? try x.logSoftmax(dim: dim) : try x.softmax(dim: dim))
        }
        return c
    }

    static let softmax = softmaxClass("Softmax", log: false)
    static let logSoftmax = softmaxClass("LogSoftmax", log: true)

    static let identity: PyClass = {
        let c = Layers.layerClass("Identity", module: "torch.nn.modules.linear")
        c.define("__init__") { args in _ = try selfModule(args); return .none }  // accepts and ignores any arguments
        c.define("forward") { args in
            guard args.count == 2 else { throw pyError(.typeError, "Identity.forward() takes 2 positional arguments but \(args.count) were given") }
            return try args[1]
        }
        return c
    }()

    static let leakyReLU: PyClass = {
        let c = Layers.layerClass("LeakyReLU", module: "torch.nn.modules.activation")
        let sig = Signature(parsing: ["self", "negative_slope=0.01", "inplace=False"])
        c.define("__init__") { args in
            let b = try args.bind(sig)
            if try b.bool("inplace") { throw notSupported("nn.LeakyReLU(inplace=True)") }
            try selfModule(args).attributes?["negative_slope"] = .float(try b.double("negative_slope"))
            return .none
        }
        c.define("extra_repr") { args in
            let slope = try selfModule(args).attributes?["negative_slope"] ?? .float(0.01)
            return .str("negative_slope=\(try Runtime.repr(slope))")
        }
        c.define("forward") { args in
            let x = try input(args, "LeakyReLU")
            let slope = try (try selfModule(args).attributes?["negative_slope"] ?? .float(0.01)).asDouble()
            return .tensor(try x.leakyRelu(negativeSlope: Float(slope)))
        }
        return c
    }()
}
