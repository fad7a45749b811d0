import KindlingEngine

/// Finite-difference check of autograd gradients for the indexing, joining
/// and softmax ops (float32, so central differences with a loose tolerance).
public enum GradcheckOps {
    /// Compares the gradients backward() gives for `f(inputs)` with central
    /// differences of `sum(f(inputs) * w)` for fixed pseudo-random weights `w`.
    /// Only float inputs are checked. Returns nil when every element agrees,
    /// else a description of the first mismatch.
    public static func check(_ inputs: [Tensor], eps: Float = 1e-2, atol: Float = 2e-2, rtol: Float = 2e-2,
                             _ f: ([Tensor]) throws -> Tensor) throws -> String? {
        let leaves = try inputs.map { t -> Tensor in
            let leaf = try Tensor(shape: t.shape, scalars: t.scalars(), dtype: t.dtype)
            return t.dtype == .float32 ? try leaf.requiresGrad_() : leaf
        }
        let output = try f(leaves)
        let weights = try Tensor(shape: output.shape, floats: (0..<output.numel).map { k in
            Float((k * 7 + 3) % 11) / 5 - 1
        })
        try Tensor.binary(.mul, .tensor(output), .tensor(weights)).sum().backward()

        func loss(_ values: [Tensor]) throws -> Double {
            try GradMode.withNoGrad {
                let out = try f(values)
                return zip(out.floatValues(), weights.floatValues()).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            }
        }
        for (i, leaf) in leaves.enumerated() where leaf.dtype == .float32 {
            let analytic = leaf.grad?.floatValues() ?? [Float](repeating: 0, count: leaf.numel)
            let base = leaf.floatValues()
            for k in 0..<base.count {
                var values = leaves.map { $0.detach() }
                var plus = base, minus = base
                plus[k] += eps
                minus[k] -= eps
                values[i] = try Tensor(shape: leaf.shape, floats: plus)
                let up = try loss(values)
                values[i] = try Tensor(shape: leaf.shape, floats: minus)
                let down = try loss(values)
                let numeric = Float((up - down) / Double(2 * eps))
                if abs(numeric - analytic[k]) > atol + rtol * abs(numeric) {
                    return "input \(i) element \(k): analytic \(analytic[k]), numeric \(numeric)"
                }
            }
        }
        return nil
    }
}
