/// Dropout as ATen's CPU `_dropout` computes it: a noise tensor filled by `bernoulli_(1 - p)`
/// (one 53-bit uniform double from the generator per element, kept when below `1 - p`), divided
/// in place by `1 - p`, then multiplied into the input, so the result, its gradient node
/// (MulBackward0) and the generator's state afterwards are PyTorch's for the same seed.
extension Tensor {
    /// `F.dropout(self, p, training, inplace)`. Returns `self` itself when nothing is dropped
    /// (evaluation, p == 0, no elements), as PyTorch does.
    public func dropout(p: Double, training: Bool, inplace: Bool = false,
                        generator: RandomGenerator = .global) throws -> Tensor {
        guard p >= 0 && p <= 1 else {
            throw TensorError(.valueError, "dropout probability has to be between 0 and 1, but got \(p)")
        }
        if p == 0 || !training || numel == 0 { return self }
        guard dtype.isFloatingPoint else {
            throw TensorError(.runtimeError, "result type Float can't be cast to the desired output type \(dtype.kernelName)")
        }
        let noise: Tensor
        if p == 1 {
            noise = try Tensor.zeros([], dtype: dtype)   // ATen multiplies by a 0-d zero, drawing nothing
        } else {
            noise = try Tensor(uninitialized: shape, dtype: dtype)
            let keep = 1 - p
            if dtype == .float64 {
                let values = noise.storage.pointer(Double.self)
                for i in 0..<noise.numel { values[i] = generator.uniformDouble() < keep ? 1 : 0 }
            } else {
                let values = noise.storage.floats
                for i in 0..<noise.numel { values[i] = generator.uniformDouble() < keep ? 1 : 0 }
            }
            try noise.div_(.scalar(.float(keep)))
        }
        return inplace ? try mul_(.tensor(noise)) : try Tensor.binary(.mul, .tensor(self), .tensor(noise))
    }
}
