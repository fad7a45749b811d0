#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `exponential_` and `bernoulli_` as ATen's CPU kernels draw them (one generator draw per
/// element in row-major order), so the values and the generator's state afterwards are PyTorch's.
extension Tensor {
    /// `exponential_(lambd)`: `-log1p(-u) / lambd` from a 53-bit uniform double per element,
    /// computed in double and rounded to the tensor's dtype.
    @discardableResult
    public func exponential_(lambd: Double = 1, generator: RandomGenerator = .global) throws -> Tensor {
        try checkInPlaceAllowed()
        guard lambd > 0 else {
            throw TensorError(.runtimeError, "exponential_ expects lambda > 0.0, but found lambda=\(gFormat(lambd))")
        }
        guard dtype.isFloatingPoint else {
            throw TensorError(.runtimeError,
                "Exponential distribution is a continuous probability distribution. dtype must be a floating point but you specified \(dtype.kernelName)")
        }
        try fillLogical { _ in -1.0 / lambd * Glibc.log1p(-generator.uniformDouble()) }
        return self
    }

    /// `bernoulli_(p)` with a float `p`: 1 where a 53-bit uniform double is below `p`.
    @discardableResult
    public func bernoulli_(p: Double, generator: RandomGenerator = .global) throws -> Tensor {
        try checkInPlaceAllowed()
        guard p >= 0 && p <= 1 else {
            throw TensorError(.runtimeError, "bernoulli_ expects p to be in [0, 1], but got p=\(gFormat(p))")
        }
        try fillLogical { _ in generator.uniformDouble() < p ? 1 : 0 }
        return self
    }

    /// `bernoulli_(probabilities)`: each element from its own probability (broadcast to this
    /// shape); float32 probabilities compare with a 24-bit uniform float, float64 ones with a
    /// 53-bit uniform double, as ATen's kernel does.
    @discardableResult
    public func bernoulli_(probabilities p: Tensor, generator: RandomGenerator = .global) throws -> Tensor {
        try checkInPlaceAllowed()
        guard p.dtype.isFloatingPoint else {
            throw TensorError(.notImplementedError, "\"bernoulli_tensor_cpu_p_\" not implemented for '\(p.dtype.kernelName)'")
        }
        let expanded = try p.expand(shape)
        let values = (0..<numel).map { expanded.scalar(atLogical: $0).doubleValue }
        guard values.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
            throw TensorError(.runtimeError,
                "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)")
        }
        if p.dtype == .float64 {
            try fillLogical { i in generator.uniformDouble() < values[i] ? 1 : 0 }
        } else {
            try fillLogical { i in generator.uniformFloat() < Float(values[i]) ? 1 : 0 }
        }
        return self
    }

    /// Writes `value(i)` to every element in row-major order, converting to the dtype.
    func fillLogical(_ value: (Int) -> Double) throws {
        let target = try contiguousValues()
        switch dtype {
        case .float32:
            let p = target.basePointer(Float.self)
            for i in 0..<numel { p[i] = Float(value(i)) }
        case .float64:
            let p = target.basePointer(Double.self)
            for i in 0..<numel { p[i] = value(i) }
        case .int32:
            let p = target.basePointer(Int32.self)
            for i in 0..<numel { p[i] = Int32(value(i)) }
        case .int64:
            let p = target.basePointer(Int64.self)
            for i in 0..<numel { p[i] = Int64(value(i)) }
        case .bool:
            let p = target.basePointer(Bool.self)
            for i in 0..<numel { p[i] = value(i) != 0 }
        }
        if target !== self { CopyKernel.copy(src: target, srcStrides: target.strides, dst: self) }
        storage.version += 1
    }
}

/// A double as C++'s stream output writes it in ATen's messages (`%g`).
func gFormat(_ d: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    _ = withVaList([d]) { vsnprintf(&buffer, buffer.count, "%g", $0) }
    return String(cString: buffer)
}
