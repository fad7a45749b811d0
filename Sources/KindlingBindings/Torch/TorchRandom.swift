#if canImport(Glibc)
import Glibc
#endif
import KindlingEngine
import KindlingLanguage

/// torch's generator functions (`Generator`, `default_generator`, `manual_seed`, `seed`,
/// `initial_seed`, `get_rng_state`/`set_rng_state`) and sampling functions (`multinomial`,
/// `bernoulli`, `normal`), drawing PyTorch's numbers for a seed.
enum TorchRandom {
    static func install(_ m: PyModule) {
        m["Generator"] = .object(GeneratorObject.pyClassObject)
        m["default_generator"] = .object(GeneratorObject.global)
        TorchModule.function(m, "manual_seed", ["seed"]) { b in
            RandomGenerator.global.reseed(try GeneratorObject.seed(b["seed"]))
            return .object(GeneratorObject.global)
        }
        TorchModule.function(m, "seed", []) { _ in try GeneratorObject.seedValue(RandomGenerator.global.seedNondeterministically()) }
        TorchModule.function(m, "initial_seed", []) { _ in try GeneratorObject.seedValue(RandomGenerator.global.initialSeed) }
        TorchModule.function(m, "get_rng_state", []) { _ in .object(RNGStateObject(RandomGenerator.global.stateBytes())) }
        TorchModule.function(m, "set_rng_state", ["new_state"]) { b in
            try RandomGenerator.global.restore(stateBytes: try RNGStateObject.bytes(b["new_state"]))
            return .none
        }
        TorchModule.function(m, "multinomial", ["input", "num_samples", "replacement=False", "*", "generator=None", "out=None"]) { b in
            let t = try TorchConvert.tensor(b["input"], function: "multinomial")
            let r = try t.multinomial(numSamples: try b.int("num_samples"), replacement: try b.bool("replacement"),
                                      generator: try GeneratorObject.from(b["generator"], function: "multinomial"))
            return try out(.tensor(r), b, "multinomial")
        }
        TorchModule.function(m, "bernoulli", ["input", "p=None", "*", "generator=None", "out=None"]) { b in
            let t = try TorchConvert.tensor(b["input"], function: "bernoulli")
            let r = try bernoulli(t, p: b["p"], generator: try GeneratorObject.from(b["generator"], function: "bernoulli"))
            return try out(.tensor(r), b, "bernoulli")
        }
        TorchModule.function(m, "normal", ["mean", "std=1.0", "size=None", "*", "generator=None", "out=None", "dtype=None",
                                           "layout=None", "device=None", "pin_memory=False", "requires_grad=False"]) { b in
            let generator = try GeneratorObject.from(b["generator"], function: "normal")
            let t = try normal(mean: b["mean"], std: b["std"], size: b["size"], dtype: try TorchConvert.dtype(b["dtype"]),
                               generator: generator)
            return try out(try TorchModule.withRequiresGrad(t, b), b, "normal")
        }
    }

    /// The result, or the `out=` tensor it was written into.
    static func out(_ result: Value, _ b: BoundArguments, _ function: String) throws -> Value {
        b["out"].isNone ? result : try OutArgument.store(result, into: b["out"], function: function)
    }

    /// Two shapes broadcast together, with PyTorch's error.
    static func broadcastShape(_ a: [Int], _ b: [Int]) throws -> [Int] {
        let n = max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for i in 0..<n {
            let x = i < n - a.count ? 1 : a[i - (n - a.count)], y = i < n - b.count ? 1 : b[i - (n - b.count)]
            guard x == y || x == 1 || y == 1 else {
                throw pyError(.runtimeError, "The size of tensor a (\(x)) must match the size of tensor b (\(y)) at non-singleton dimension \(i)")
            }
            out[i] = x == 1 ? y : x
        }
        return out
    }

    /// A double as ATen's messages print it (C++ stream output, 6 significant digits).
    static func formatG(_ d: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([d]) { vsnprintf(&buffer, buffer.count, "%g", $0) }
        return String(cString: buffer)
    }

    /// `torch.bernoulli(input)` (each element its own probability) or `torch.bernoulli(input, p)`.
    static func bernoulli(_ t: Tensor, p: Value, generator: RandomGenerator) throws -> Tensor {
        if t.requiresGrad && GradMode.isEnabled {
            throw notSupported("torch.bernoulli of a tensor that requires grad (BernoulliBackward0)")
        }
        let out = try Tensor.zerosLike(t, dtype: nil)
        if p.isNone { return try out.bernoulli_(probabilities: t, generator: generator) }
        return try out.bernoulli_(p: try p.asDouble(), generator: generator)
    }

    /// The four forms of `torch.normal`, drawing as ATen does: standard normals scaled by a
    /// tensor `std` then shifted by `mean`, or `normal_(0, std)` shifted by a tensor `mean`.
    static func normal(mean: Value, std: Value, size: Value, dtype: DType?, generator: RandomGenerator) throws -> Tensor {
        let meanTensor = mean.tensorValue, stdTensor = std.tensorValue
        if meanTensor == nil && stdTensor == nil {
            guard !size.isNone else {
                throw pyError(.typeError, "normal() received an invalid combination of arguments - got (\(mean.typeName), \(std.typeName)), but expected (Tensor mean, Tensor std) or (float mean, float std, tuple of ints size)")
            }
            let shape = try TorchConvert.intList(size, what: "size")
            let s = try std.asDouble()
            if s < 0 { throw pyError(.runtimeError, "normal expects std >= 0.0, but found std \(formatG(s))") }
            let out = try Tensor.zeros(shape, dtype: dtype ?? DType.defaultFloat)
            return try out.normal_(mean: try mean.asDouble(), std: s, generator: generator)
        }
        if !size.isNone { throw pyError(.typeError, "normal() received an invalid combination of arguments - size= is only taken with float mean and std") }
        if let m = meanTensor, let s = stdTensor {
            try checkStd(s)
            let out = try Tensor.zeros(try broadcastShape(m.shape, s.shape), dtype: DType.promote(m.dtype, s.dtype))
            try checkNormalDType(out)
            try out.normal_(mean: 0, std: 1, generator: generator)
            return try out.mul_(.tensor(s)).add_(.tensor(m))
        }
        if let m = meanTensor {
            let s = try std.asDouble()
            if s < 0 { throw pyError(.runtimeError, "normal expects std >= 0.0, but found std \(formatG(s))") }
            let out = try Tensor.zerosLike(m, dtype: nil)
            try checkNormalDType(out)
            try out.normal_(mean: 0, std: s, generator: generator)
            return try out.add_(.tensor(m))
        }
        guard let s = stdTensor else { throw pyError(.typeError, "normal(): std must be a Tensor or a float") }
        try checkStd(s)
        let out = try Tensor.zerosLike(s, dtype: nil)
        try checkNormalDType(out)
        try out.normal_(mean: 0, std: 1, generator: generator)
        return try out.mul_(.tensor(s)).add_(.scalar(.float(try mean.asDouble())))
    }

    private static func checkStd(_ s: Tensor) throws {
        if s.dtype.isFloatingPoint, (0..<s.numel).contains(where: { s.scalar(atLogical: $0).doubleValue < 0 }) {
            throw pyError(.runtimeError, "normal expects all elements of std >= 0.0")
        }
    }

    private static func checkNormalDType(_ t: Tensor) throws {
        guard t.dtype.isFloatingPoint else {
            throw pyError(.notImplementedError, "\"normal_kernel_cpu\" not implemented for '\(t.dtype.kernelName)'")
        }
    }
}
