#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KindlingRandomCore

/// The global CPU generator: MT19937 seeded like PyTorch's `manual_seed`,
/// with PyTorch's recipes for uniform, normal and integer draws so that
/// streams for a seed are deterministic (and close to torch's CPU streams).
public final class RandomGenerator {
    nonisolated(unsafe) public static let global = RandomGenerator(seed: 67280421310721)

    var core = MT19937(seed: 0)
    /// Box-Muller's second sample, kept for the next scalar normal draw.
    var cachedNormal: Double? = nil
    public internal(set) var initialSeed: UInt64

    public init(seed: UInt64) {
        initialSeed = seed
        reseed(seed)
    }

    /// `torch.manual_seed(seed)` on the global generator.
    public static func manualSeed(_ seed: UInt64) { global.reseed(seed) }

    public func reseed(_ seed: UInt64) {
        initialSeed = seed
        core = MT19937(seed: UInt32(truncatingIfNeeded: seed))
        cachedNormal = nil
    }

    /// Next 32 random bits.
    public func next32() -> UInt32 { core.nextUInt32() }

    /// Next 64 random bits (two 32-bit draws, first one high).
    public func next64() -> UInt64 {
        let hi = UInt64(next32()), lo = UInt64(next32())
        return (hi << 32) | lo
    }

    /// Uniform float in [0, 1) from 24 bits (PyTorch's float recipe).
    public func uniformFloat() -> Float {
        Float(Double(next32() & ((1 << 24) - 1)) * 0x1p-24)
    }

    /// Uniform double in [0, 1) from 53 bits.
    public func uniformDouble() -> Double {
        Double(next64() & ((1 << 53) - 1)) * 0x1p-53
    }

    /// One standard normal sample (Box-Muller in double, caching the pair).
    public func normalDouble() -> Double {
        if let c = cachedNormal { cachedNormal = nil; return c }
        let u1 = uniformDouble(), u2 = uniformDouble()
        let r = (-2.0 * Glibc.log1p(-u2)).squareRoot()
        let theta = 2.0 * Double.pi * u1
        cachedNormal = r * Glibc.sin(theta)
        return r * Glibc.cos(theta)
    }

    /// Fills `p[0..<n]` with normal samples as PyTorch's CPU `normal_` does:
    /// per-element scalar draws below 16 elements, else uniform floats
    /// transformed in blocks of 16 by Box-Muller (the last block redrawn when
    /// 16 does not divide n), bit for bit as ATen's AVX2 kernel.
    func fillNormal(_ p: UnsafeMutablePointer<Float>, _ n: Int, mean: Float, std: Float) {
        if n < 16 {
            for i in 0..<n { p[i] = Float(normalDouble() * Double(std) + Double(mean)) }
            return
        }
        for i in 0..<n { p[i] = uniformFloat() }
        var i = 0
        while i + 16 <= n { normalFill16(p + i, mean, std); i += 16 }
        if n % 16 != 0 {
            let tail = p + (n - 16)
            for j in 0..<16 { tail[j] = uniformFloat() }
            normalFill16(tail, mean, std)
        }
    }

    /// `fillNormal` for float64: 53-bit uniform doubles, Box-Muller in double.
    func fillNormal(_ p: UnsafeMutablePointer<Double>, _ n: Int, mean: Double, std: Double) {
        if n < 16 {
            for i in 0..<n { p[i] = normalDouble() * std + mean }
            return
        }
        for i in 0..<n { p[i] = uniformDouble() }
        var i = 0
        while i + 16 <= n { normalFill16(p + i, mean, std); i += 16 }
        if n % 16 != 0 {
            let tail = p + (n - 16)
            for j in 0..<16 { tail[j] = uniformDouble() }
            normalFill16(tail, mean, std)
        }
    }

    private func normalFill16(_ d: UnsafeMutablePointer<Double>, _ mean: Double, _ std: Double) {
        for j in 0..<8 {
            let u1 = 1 - d[j]
            let u2 = d[j + 8]
            let radius = (-2 * Glibc.log(u1)).squareRoot()
            let theta = 2 * Double.pi * u2
            d[j] = radius * Glibc.cos(theta) * std + mean
            d[j + 8] = radius * Glibc.sin(theta) * std + mean
        }
    }

    /// One block of ATen's `normal_fill_16_AVX2`: uniforms d[0..<8] and d[8..<16] become
    /// Box-Muller pairs, with its float log/sincos (`BoxMullerMath`) and its final fused
    /// `n * std + mean`.
    private func normalFill16(_ d: UnsafeMutablePointer<Float>, _ mean: Float, _ std: Float) {
        let twoPi = Float(2.0 * Double.pi)
        for j in 0..<8 {
            let u1 = 1 - d[j]
            let u2 = d[j + 8]
            let radius = (-2 * BoxMullerMath.log(u1)).squareRoot()
            let (sine, cosine) = BoxMullerMath.sinCos(twoPi * u2)
            d[j] = mean.addingProduct(radius * cosine, std)
            d[j + 8] = mean.addingProduct(radius * sine, std)
        }
    }

    /// Uniform integer in [low, high) (PyTorch's random_from_to).
    public func integer(low: Int64, high: Int64) -> Int64 {
        let range = UInt64(bitPattern: high &- low)
        if range == 0 { return low }
        if range >= 1 << 32 { return low &+ Int64(bitPattern: next64() % range) }
        return low &+ Int64(UInt64(next32()) % range)
    }
}

/// Random creation and in-place random fills.
extension Tensor {
    /// `torch.rand(shape)`: uniform [0, 1).
    public static func rand(_ shape: [Int], dtype: DType? = nil, generator: RandomGenerator = .global) throws -> Tensor {
        let t = try Tensor(uninitialized: shape, dtype: dtype ?? DType.defaultFloat)
        try t.uniform_(from: 0, to: 1, generator: generator)
        return t
    }

    /// `torch.randn(shape)`: standard normal.
    public static func randn(_ shape: [Int], dtype: DType? = nil, generator: RandomGenerator = .global) throws -> Tensor {
        let t = try Tensor(uninitialized: shape, dtype: dtype ?? DType.defaultFloat)
        try t.normal_(mean: 0, std: 1, generator: generator)
        return t
    }

    /// `torch.randint(low, high, shape)` (int64).
    public static func randint(low: Int64 = 0, high: Int64, shape: [Int], generator: RandomGenerator = .global) throws -> Tensor {
        if low >= high {
            throw TensorError(.runtimeError,
                "random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)")
        }
        let t = try Tensor(uninitialized: shape, dtype: .int64)
        for i in 0..<t.numel { t.storage.ints[i] = generator.integer(low: low, high: high) }
        return t
    }

    /// `torch.randperm(n)` (int64), Fisher-Yates as PyTorch's CPU kernel.
    public static func randperm(n: Int, generator: RandomGenerator = .global) throws -> Tensor {
        if n < 0 { throw TensorError(.runtimeError, "n must be non-negative, got\(n)") }
        let t = try Tensor(uninitialized: [n], dtype: .int64)
        let p = t.storage.ints
        for i in 0..<n { p[i] = Int64(i) }
        if n > 1 {
            for i in 0..<(n - 1) {
                let z = Int(UInt64(generator.next32()) % UInt64(n - i))
                let v = p[z + i]
                p[z + i] = p[i]
                p[i] = v
            }
        }
        return t
    }

    /// `uniform_(from, to)` in place (PyTorch's per-element recipe).
    @discardableResult
    public func uniform_(from: Double = 0, to: Double = 1, generator: RandomGenerator = .global) throws -> Tensor {
        try checkInPlaceAllowed()
        guard dtype.isFloatingPoint else { throw TensorError(.notImplementedError, "\"check_uniform_bounds\" not implemented for '\(dtype.kernelName)'") }
        if from > to {
            throw TensorError(.runtimeError, "uniform_ expects to return a [from, to) range, but found from=\(streamText(from)) > to=\(streamText(to))")
        }
        let target = try contiguousValues()
        if dtype == .float64 {
            let p = target.basePointer(Double.self)
            for i in 0..<numel { p[i] = generator.uniformDouble() * (to - from) + from }
            if target !== self { CopyKernel.copy(src: target, srcStrides: target.strides, dst: self) }
            storage.version += 1
            return self
        }
        let p = target.basePointer(Float.self)
        let fromF = Double(Float(from)), range = Double(Float(to)) - Double(Float(from))
        for i in 0..<numel {
            let x = Double(generator.next32() & ((1 << 24) - 1)) * 0x1p-24
            p[i] = Float(x * range + fromF)
        }
        if target !== self { CopyKernel.copy(src: target, srcStrides: target.strides, dst: self) }
        storage.version += 1
        return self
    }

    /// `normal_(mean, std)` in place.
    @discardableResult
    public func normal_(mean: Double = 0, std: Double = 1, generator: RandomGenerator = .global) throws -> Tensor {
        try checkInPlaceAllowed()
        guard dtype.isFloatingPoint else { throw TensorError(.notImplementedError, "\"normal_kernel_cpu\" not implemented for '\(dtype.kernelName)'") }
        if std < 0 { throw TensorError(.runtimeError, "normal expects std >= 0.0, but found std \(streamText(std))") }
        let target = try contiguousValues()
        if dtype == .float64 {
            generator.fillNormal(target.basePointer(Double.self), numel, mean: mean, std: std)
        } else {
            generator.fillNormal(target.basePointer(Float.self), numel, mean: Float(mean), std: Float(std))
        }
        if target !== self { CopyKernel.copy(src: target, srcStrides: target.strides, dst: self) }
        storage.version += 1
        return self
    }
}

/// A double as C++'s default stream output writes it in ATen's messages (`%g`: 6 significant digits).
private func streamText(_ d: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    _ = withVaList([d]) { vsnprintf(&buffer, buffer.count, "%g", $0) }
    return String(cString: buffer)
}
