import KindlingEngine

/// Finite-difference gradient checking for engine ops (float32 math, Double
/// bookkeeping). The function under test is reduced to a scalar with fixed
/// random weights, so every output element contributes.
public enum Gradcheck {
    public struct Result: CustomStringConvertible {
        public let passed: Bool
        /// The worst mismatch found (input index, element, analytic, numeric).
        public let report: String
        public var description: String { report }
    }

    /// Compares autograd's gradients of `f` for every input that requires grad
    /// with central differences of step `eps`. An element passes when
    /// |analytic - numeric| <= atol + rtol * |numeric|.
    public static func check(_ inputs: [Tensor], eps: Float = 1e-2, atol: Float = 2e-3, rtol: Float = 1e-2,
                             seed: UInt64 = 1234, _ f: ([Tensor]) throws -> Tensor) throws -> Result {
        let out0 = try GradMode.withNoGrad { try f(inputs) }
        let rng = RandomGenerator(seed: seed)
        let weights = try Tensor.rand(out0.shape, generator: rng)
        let weightValues = weights.floatValues().map { Double($0) + 0.5 }
        let weightTensor = try Tensor(shape: out0.shape, floats: weightValues.map { Float($0) })

        let out = try f(inputs)
        guard out.requiresGrad else { return Result(passed: false, report: "output does not require grad") }
        try Tensor.binary(.mul, .tensor(out), .tensor(weightTensor)).sum().backward()

        func loss(_ xs: [Tensor]) throws -> Double {
            let o = try GradMode.withNoGrad { try f(xs) }
            var acc = 0.0
            for (v, w) in zip(o.floatValues(), weightValues) { acc += Double(v) * w }
            return acc
        }

        var worst = (excess: -Double.infinity, text: "all gradients match")
        var passed = true
        for (k, x) in inputs.enumerated() where x.requiresGrad {
            let analytic = x.grad?.floatValues() ?? [Float](repeating: 0, count: x.numel)
            let base = x.floatValues()
            for i in 0..<x.numel {
                var plus = base, minus = base
                plus[i] += eps
                minus[i] -= eps
                var xsPlus = inputs, xsMinus = inputs
                xsPlus[k] = try Tensor(shape: x.shape, floats: plus)
                xsMinus[k] = try Tensor(shape: x.shape, floats: minus)
                let numeric = (try loss(xsPlus) - loss(xsMinus)) / (2 * Double(eps))
                let a = Double(analytic[i])
                let allowed = Double(atol) + Double(rtol) * Swift.abs(numeric)
                let excess = Swift.abs(a - numeric) - allowed
                if excess > 0 { passed = false }
                if excess > worst.excess {
                    worst = (excess, "input \(k) element \(i): analytic \(a) numeric \(numeric)")
                }
            }
        }
        return Result(passed: passed, report: passed ? "ok (closest: \(worst.text))" : worst.text)
    }
}
