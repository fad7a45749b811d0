/// Three-input element-wise ops recorded as one node: `addcmul`, `addcdiv`
/// (input + value * t1 (*|/) t2) and `lerp` (start + weight * (end - start)).
public enum TernaryMathFunction: Sendable, Equatable {
    case addcmul(value: Double)
    case addcdiv(value: Double)
    /// `scalarWeight`: weight was a Python number (LerpBackward0, else LerpBackward1).
    case lerp(scalarWeight: Bool)

    public var gradName: String {
        switch self {
        case .addcmul: return "AddcmulBackward0"
        case .addcdiv: return "AddcdivBackward0"
        case .lerp(let scalar): return scalar ? "LerpBackward0" : "LerpBackward1"
        }
    }
}

extension Tensor {
    /// `f(a, b, c)` with broadcasting; values from the same operation order as PyTorch's kernels.
    public static func ternaryMath(_ f: TernaryMathFunction, _ a: Tensor, _ b: Tensor, _ c: Tensor) throws -> Tensor {
        func mul(_ x: Tensor, _ y: Tensor) throws -> Tensor { try binary(.mul, .tensor(x), .tensor(y)) }
        let out = try GradMode.withNoGrad { () -> Tensor in
            switch f {
            case .addcmul(let value):
                let scaled = value == 1 ? b : try binary(.mul, .tensor(b), .scalar(.float(value)))
                return try binary(.add, .tensor(a), .tensor(try mul(scaled, c)))
            case .addcdiv(let value):
                if !b.dtype.isFloatingPoint && !c.dtype.isFloatingPoint {
                    throw TensorError(.runtimeError,
                        "Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all dtypes.")
                }
                let q = try binary(.div, .tensor(b), .tensor(c))
                let scaled = value == 1 ? q : try binary(.mul, .tensor(q), .scalar(.float(value)))
                return try binary(.add, .tensor(a), .tensor(scaled))
            case .lerp:
                guard a.dtype == b.dtype, a.dtype.isFloatingPoint else {
                    throw TensorError(.runtimeError, "expected dtype \(a.dtype.kernelName.lowercased()) for `end` but got dtype \(b.dtype.kernelName.lowercased())")
                }
                // PyTorch's lerp: from the start for |weight| < 0.5, from the end otherwise.
                let diff = try binary(.sub, .tensor(b), .tensor(a))
                let fromStart = try binary(.add, .tensor(a), .tensor(try mul(c, diff)))
                let fromEnd = try binary(.sub, .tensor(b), .tensor(try mul(diff, try binary(.sub, .scalar(.float(1)), .tensor(c)))))
                let small = try binary(.lt, .tensor(try c.abs()), .scalar(.float(0.5)))
                return try where_(small, .tensor(fromStart), .tensor(fromEnd)).converted(to: a.dtype)
            }
        }
        let inputs = [a, b, c]
        if out.dtype.isFloatingPoint && GradMode.isEnabled && inputs.contains(where: { $0.requiresGrad }) {
            out.attach(.ternaryMath(f, SavedTensor(a), SavedTensor(b), SavedTensor(c)), inputs)
        }
        return out
    }

    /// The three input gradients of `ternaryMath`, each summed back to its input's shape.
    static func ternaryMathGradients(_ f: TernaryMathFunction, _ g: Tensor, _ a: Tensor, _ b: Tensor, _ c: Tensor,
                                     need: [Bool]) throws -> [Tensor?] {
        func mul(_ x: Tensor, _ y: Tensor) throws -> Tensor { try G.mul(x, try y.converted(to: g.dtype)) }
        var grads: [Tensor] = []
        switch f {
        case .addcmul(let value):
            grads = [g, try G.mul(try mul(g, c), value), try G.mul(try mul(g, b), value)]
        case .addcdiv(let value):
            let cf = try c.converted(to: g.dtype)
            let gb = try G.mul(try G.div(g, cf), value)
            let gc = try G.mul(try G.div(try mul(try g.neg(), b), try G.mul(cf, cf)), value)
            grads = [g, gb, gc]
        case .lerp:
            let w = try c.converted(to: g.dtype)
            grads = [try G.mul(g, try G.rsub(1, w)), try G.mul(g, w), try mul(g, try G.sub(b, a))]
        }
        let shapes = [a.shape, b.shape, c.shape]
        return try (0..<3).map { i in need[i] ? try G.sumTo(grads[i], shapes[i]) : nil }
    }
}
