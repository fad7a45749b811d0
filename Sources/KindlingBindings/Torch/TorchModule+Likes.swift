import KindlingEngine
import KindlingLanguage

extension TorchModule {
    /// `torch.Tensor(...)`, the random `*_like` functions and `torch.randint`
    /// with PyTorch's keyword names and dtype rules.
    static func installLikes(_ m: PyModule) {
        installTensorConstructor()
        for (name, normal) in [("rand_like", false), ("randn_like", true)] {
            function(m, name, ["input", "*", "dtype=None", "layout=None", "device=None", "requires_grad=False",
                               "memory_format=None"]) { b in
                let like = try TorchConvert.tensor(b["input"], function: name)
                try DeviceObject.checkArgument(b["device"])
                let dtype = try TorchConvert.dtype(b["dtype"]) ?? like.dtype
                guard dtype.isFloatingPoint else {
                    throw pyError(.notImplementedError, normal
                        ? "\"normal_kernel_cpu\" not implemented for '\(OutArgument.kernelName(dtype))'"
                        : "\"check_uniform_bounds\" not implemented for '\(OutArgument.kernelName(dtype))'")
                }
                let t = normal ? try Tensor.randn(like.shape) : try Tensor.rand(like.shape)
                return try withRequiresGrad(try t.to(dtype), b)
            }
        }
        function(m, "randint_like", ["input", "low=0", "high=None", "*", "dtype=None", "layout=None", "device=None",
                                     "requires_grad=False", "memory_format=None"]) { b in
            let like = try TorchConvert.tensor(b["input"], function: "randint_like")
            try DeviceObject.checkArgument(b["device"])
            var low = 0, high: Int
            if b["high"].isNone { high = try b.int("low") } else { low = try b.int("low"); high = try b.int("high") }
            if low >= high {
                throw pyError(.runtimeError, "random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)")
            }
            let t = try Tensor.randint(low: Int64(low), high: Int64(high), shape: like.shape)
            return try withRequiresGrad(try t.to(try TorchConvert.dtype(b["dtype"]) ?? like.dtype), b)
        }
        function(m, "randint", ["low", "high=None", "size=None", "*", "generator=None", "dtype=None", "layout=None",
                                "device=None", "requires_grad=False"]) { b in
            let generator = try GeneratorObject.from(b["generator"], function: "randint")
            try DeviceObject.checkArgument(b["device"])
            var low = 0, high: Int, sizeValue = b["size"]
            if b["size"].isNone {
                // randint(high, size)
                high = try b.int("low")
                sizeValue = b["high"]
            } else {
                low = try b.int("low")
                high = try b.int("high")
            }
            if sizeValue.isNone { throw pyError(.typeError, "randint() missing required argument 'size'") }
            if low >= high {
                throw pyError(.runtimeError, "random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)")
            }
            let t = try Tensor.randint(low: Int64(low), high: Int64(high), shape: try TorchConvert.intList(sizeValue, what: "size"),
                                     generator: generator)
            return try withRequiresGrad(try t.to(try TorchConvert.dtype(b["dtype"]) ?? .int64), b)
        }
    }

    /// `torch.Tensor(data)` (a float32 copy of a sequence), `torch.Tensor(*sizes)`
    /// (zeros: Kindling has no uninitialised memory), `torch.Tensor(tensor)`
    /// (that tensor) and `torch.Tensor()` (empty).
    static func installTensorConstructor() {
        TorchTypes.tensor.constructor = { args in
            for (k, v) in args.keywords where k != "device" {
                throw pyError(.typeError, "new() received an invalid combination of arguments - got (\(args.positional.map { $0.typeName }.joined(separator: ", ")), \(k)=\(v.typeName))")
            }
            if let d = args.keywords.first?.1 { try DeviceObject.checkArgument(d) }
            let p = args.positional
            if p.isEmpty { return .tensor(try Tensor.zeros([0])) }
            if p.count == 1, let t = p[0].tensorValue { return .tensor(t) }
            if p.allSatisfy({ if case .int = $0 { return true } else { return false } }) {
                return .tensor(try Tensor.zeros(try TorchConvert.shape(p)))
            }
            if p.count == 1, p[0].as(PyTuple.self) != nil || p[0].as(PyList.self) != nil || p[0].as(PyRange.self) != nil {
                return .tensor(try TorchConvert.tensor(fromData: p[0], dtype: .float32))
            }
            if p.count == 1, case .float = p[0] {
                throw pyError(.typeError, "new(): data must be a sequence (got float)")
            }
            throw pyError(.typeError, "new() received an invalid combination of arguments - got (\(p.map { $0.typeName }.joined(separator: ", ")))")
        }
    }
}
