import KindlingEngine
import KindlingLanguage

/// The `torch` module: creation functions, function forms of tensor methods,
/// dtypes, `no_grad`, random seeding.
enum TorchModule {
    static let loaders: [(String, (Interpreter) throws -> PyModule)] = [("torch", { _ in make() })]

    static func make() -> PyModule {
        let m = PyModule(name: "torch")
        m["Tensor"] = .object(TorchTypes.tensor)
        m["Size"] = .object(TorchTypes.size)
        m["dtype"] = .object(TorchTypes.dtype)
        m["device"] = .object(DeviceObject.pyClassObject)
        m["from_numpy"] = NumpyBridge.fromNumpy
        for (name, dt) in [("float32", DType.float32), ("float", .float32), ("float64", .float64), ("double", .float64),
                           ("int32", .int32), ("int", .int32), ("int64", .int64), ("long", .int64), ("bool", .bool)] {
            m[name] = .object(DTypeObject.of(dt))
        }
        installDefaultDType(m)
        installCreation(m)
        installLikes(m)
        installFunctionForms(m)
        installIsClose(m)
        installJoining(m)
        installOrdering(m)
        installMath(m)
        installGradMode(m)
        TorchSubmodules.installDeviceFunctions(m)
        TorchSerialization.install(m)
        TorchRandom.install(m)
        return m
    }

    /// Defines a module-level function with a Python signature.
    static func function(_ m: PyModule, _ name: String, _ params: [String],
                         _ body: @escaping (BoundArguments) throws -> Value) {
        let signature = Signature(parsing: params)
        let function = NativeFunction(name: name) { args in try body(try args.bind(signature)) }
        function.signature = signature
        m[name] = .object(function)
    }

    // MARK: - Creation

    static func installCreation(_ m: PyModule) {
        function(m, "tensor", ["data", "*", "dtype=None", "device=None", "requires_grad=False"]) { b in
            let t = try TorchConvert.tensor(fromData: b["data"], dtype: try TorchConvert.dtype(b["dtype"]))
            if try b.bool("requires_grad") {
                guard t.dtype.isFloatingPoint else {
                    throw pyError(.runtimeError, "Only Tensors of floating point and complex dtype can require gradients")
                }
                _ = try t.requiresGrad_(true)
            }
            return .tensor(t)
        }
        function(m, "as_tensor", ["data", "dtype=None", "device=None"]) { b in
            if let t = b["data"].tensorValue, b["dtype"].isNone { return .tensor(t) }
            return .tensor(try TorchConvert.tensor(fromData: b["data"], dtype: try TorchConvert.dtype(b["dtype"])))
        }
        for (name, make) in [("zeros", { (s: [Int], d: DType) in try Tensor.zeros(s, dtype: d) }),
                             ("ones", { (s: [Int], d: DType) in try Tensor.ones(s, dtype: d) }),
                             ("empty", { (s: [Int], d: DType) in try Tensor.zeros(s, dtype: d) })] {
            function(m, name, ["*size", "dtype=None", "device=None", "requires_grad=False"]) { b in
                let t = try make(try TorchConvert.shape(b.varargs), try TorchConvert.dtype(b["dtype"]) ?? DType.defaultFloat)
                return try withRequiresGrad(t, b)
            }
        }
        function(m, "full", ["size", "fill_value", "*", "dtype=None", "device=None", "requires_grad=False"]) { b in
            guard let v = TorchConvert.scalar(b["fill_value"]) else {
                throw pyError(.typeError, "full(): argument 'fill_value' must be Number, not \(b["fill_value"].typeName)")
            }
            let t = try Tensor.full(try TorchConvert.intList(b["size"], what: "size"), value: v, dtype: try TorchConvert.dtype(b["dtype"]))
            return try withRequiresGrad(t, b)
        }
        for (name, make) in [("zeros_like", { (t: Tensor, d: DType?) in try Tensor.zerosLike(t, dtype: d) }),
                             ("ones_like", { (t: Tensor, d: DType?) in try Tensor.onesLike(t, dtype: d) }),
                             ("empty_like", { (t: Tensor, d: DType?) in try Tensor.zerosLike(t, dtype: d) })] {
            function(m, name, ["input", "*", "dtype=None", "device=None", "requires_grad=False"]) { b in
                let t = try make(try TorchConvert.tensor(b["input"], function: name), try TorchConvert.dtype(b["dtype"]))
                return try withRequiresGrad(t, b)
            }
        }
        function(m, "full_like", ["input", "fill_value", "*", "dtype=None", "device=None", "requires_grad=False"]) { b in
            guard let v = TorchConvert.scalar(b["fill_value"]) else { throw pyError(.typeError, "full_like(): fill_value must be Number") }
            let t = try Tensor.fullLike(try TorchConvert.tensor(b["input"], function: "full_like"), value: v, dtype: try TorchConvert.dtype(b["dtype"]))
            return try withRequiresGrad(t, b)
        }
        function(m, "arange", ["start", "end=None", "step=1", "*", "dtype=None", "device=None", "requires_grad=False"]) { b in
            func num(_ v: Value, _ n: String) throws -> Scalar {
                if let s = TorchConvert.scalar(v) { return s }
                if let t = v.tensorValue, t.numel == 1 { return try t.item() }
                throw pyError(.typeError, "arange(): argument '\(n)' must be Number, not \(v.typeName)")
            }
            var start = try num(b["start"], "start")
            var end: Scalar
            if b["end"].isNone { end = start; start = .int(0) } else { end = try num(b["end"], "end") }
            let t = try Tensor.arange(start: start, end: end, step: try num(b["step"], "step"), dtype: try TorchConvert.dtype(b["dtype"]))
            return try withRequiresGrad(t, b)
        }
        function(m, "linspace", ["start", "end", "steps", "*", "dtype=None", "device=None", "requires_grad=False"]) { b in
            let t = try Tensor.linspace(start: try b.double("start"), end: try b.double("end"), steps: try b.int("steps"),
                                        dtype: try TorchConvert.dtype(b["dtype"]))
            return try withRequiresGrad(t, b)
        }
        function(m, "eye", ["n", "m=None", "*", "dtype=None", "device=None", "requires_grad=False"]) { b in
            let t = try Tensor.eye(n: try b.int("n"), m: try b.optionalInt("m"), dtype: try TorchConvert.dtype(b["dtype"]))
            return try withRequiresGrad(t, b)
        }
        for (name, normal) in [("rand", false), ("randn", true)] {
            function(m, name, ["*size", "generator=None", "dtype=None", "device=None", "requires_grad=False"]) { b in
                let dtype = try TorchConvert.dtype(b["dtype"])
                if let d = dtype, !d.isFloatingPoint {
                    let kernel = name == "rand" ? "check_uniform_bounds" : "normal_kernel_cpu"
                    throw pyError(.notImplementedError, "\"\(kernel)\" not implemented for '\(d.kernelName)'")
                }
                let generator = try GeneratorObject.from(b["generator"], function: name)
                let shape = try TorchConvert.shape(b.varargs)
                let t = normal ? try Tensor.randn(shape, dtype: dtype, generator: generator)
                               : try Tensor.rand(shape, dtype: dtype, generator: generator)
                return try withRequiresGrad(t, b)
            }
        }
        function(m, "randperm", ["n", "*", "generator=None", "dtype=None", "device=None"]) { b in
            let perm = try Tensor.randperm(n: try b.int("n"), generator: try GeneratorObject.from(b["generator"], function: "randperm"))
            guard let dtype = try TorchConvert.dtype(b["dtype"]), dtype != .int64 else { return .tensor(perm) }
            if dtype == .bool { throw pyError(.notImplementedError, "\"randperm\" not implemented for 'Bool'") }
            return .tensor(try perm.to(dtype))
        }
        function(m, "is_tensor", ["obj"]) { b in .bool(b["obj"].tensorValue != nil) }
        function(m, "numel", ["input"]) { b in .int(try TorchConvert.tensor(b["input"], function: "numel").numel) }
        function(m, "set_printoptions", ["precision=None", "threshold=None", "edgeitems=None", "linewidth=None", "profile=None", "sci_mode=None"]) { b in
            var o = TensorFormatter.options
            if let p = try b.optionalString("profile") {
                switch p {
                case "default": o = .default
                case "short": o = .short
                case "full": o = .full
                default: throw pyError(.valueError, "unknown print profile '\(p)'")
                }
            }
            if let v = try b.optionalInt("precision") { o.precision = v }
            if let v = try b.optionalDouble("threshold") { o.threshold = v }
            if let v = try b.optionalInt("edgeitems") { o.edgeItems = v }
            if let v = try b.optionalInt("linewidth") { o.lineWidth = v }
            if !b["sci_mode"].isNone { o.sciMode = try b.bool("sci_mode") }
            TensorFormatter.options = o
            return .none
        }
    }

    static func withRequiresGrad(_ t: Tensor, _ b: BoundArguments) throws -> Value {
        if let i = b.signature.slot(of: "requires_grad"), try b.values[i].isTruthy() {
            guard t.dtype.isFloatingPoint else {
                throw pyError(.runtimeError, "Only Tensors of floating point and complex dtype can require gradients")
            }
            _ = try t.requiresGrad_(true)
        }
        return .tensor(t)
    }
}

extension TorchModule {
    /// `torch.get_default_dtype()` / `torch.set_default_dtype(d)`: the dtype of
    /// Python floats and float factories (float32 or float64 only, as PyTorch).
    static func installDefaultDType(_ m: PyModule) {
        function(m, "get_default_dtype", []) { _ in .object(DTypeObject.of(DType.defaultFloat)) }
        function(m, "set_default_dtype", ["d"]) { b in
            guard let d = try TorchConvert.dtype(b["d"]) else {
                throw pyError(.typeError, "set_default_dtype(): argument 'd' (position 1) must be torch.dtype, not NoneType")
            }
            guard d.isFloatingPoint else {
                throw pyError(.typeError, "only floating-point types are supported as the default type")
            }
            DType.defaultFloat = d
            return .none
        }
        function(m, "promote_types", ["type1", "type2"]) { b in
            guard let a = try TorchConvert.dtype(b["type1"]), let c = try TorchConvert.dtype(b["type2"]) else {
                throw pyError(.typeError, "promote_types(): arguments must be torch.dtype, not NoneType")
            }
            return .object(DTypeObject.of(DType.promote(a, c)))
        }
        function(m, "result_type", ["tensor1", "tensor2"]) { b in
            var dimensioned: [DType] = [], zeroDim: [DType] = [], scalars: [DType] = []
            for name in ["tensor1", "tensor2"] {
                if let t = b[name].tensorValue {
                    if t.dim == 0 { zeroDim.append(t.dtype) } else { dimensioned.append(t.dtype) }
                } else if let s = TorchConvert.scalar(b[name]) {
                    scalars.append(s.dtype)
                } else {
                    throw pyError(.typeError, "result_type(): argument '\(name)' must be Tensor or Number, not \(b[name].typeName)")
                }
            }
            if dimensioned.isEmpty && zeroDim.isEmpty {
                throw pyError(.typeError, "result_type() received an invalid combination of arguments - got (\(b["tensor1"].typeName), \(b["tensor2"].typeName))")
            }
            return .object(DTypeObject.of(DType.resultType(dimensioned: dimensioned, zeroDim: zeroDim, scalars: scalars)))
        }
    }
}
