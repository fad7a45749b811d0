#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The gradients of `UnaryMathFunction`s: dy/dx computed element-wise from the
/// input x and the result y with PyTorch's formulas (derivatives.yaml), then
/// multiplied by the incoming gradient.
extension UnaryMathFunction {
    func inputGradient(_ g: Tensor, x savedX: Tensor, result: Tensor) throws -> Tensor {
        let x = try savedX.converted(to: result.dtype)
        let d = try Tensor.empty(result.shape, result.dtype)
        let f = derivative()
        if result.dtype == .float64 {
            ElementwiseKernel.map2(x, result, d) { (a: Double, b: Double) -> Double in f(a, b) }
        } else {
            ElementwiseKernel.map2(x, result, d) { (a: Float, b: Float) -> Float in Float(f(Double(a), Double(b))) }
        }
        return try G.mul(g, d)
    }

    /// dy/dx as a function of (x, y).
    private func derivative() -> (Double, Double) -> Double {
        switch self {
        case .log1p: return { x, _ in 1 / (x + 1) }
        case .expm1: return { _, y in y + 1 }
        case .log2: return { x, _ in 1 / (x * M_LN2) }
        case .log10: return { x, _ in 1 / (x * M_LN10) }
        case .exp2: return { _, y in y * M_LN2 }
        case .rsqrt: return { _, y in -0.5 * y * y * y }
        case .erf: return { x, _ in M_2_SQRTPI * Glibc.exp(-x * x) }
        case .erfinv: return { _, y in 0.5 * Double.pi.squareRoot() * Glibc.exp(y * y) }
        case .tan: return { _, y in 1 + y * y }
        case .atan: return { x, _ in 1 / (x * x + 1) }
        case .asin: return { x, _ in 1 / (1 - x * x).squareRoot() }
        case .acos: return { x, _ in -1 / (1 - x * x).squareRoot() }
        case .sinh: return { x, _ in Glibc.cosh(x) }
        case .cosh: return { x, _ in Glibc.sinh(x) }
        case .asinh: return { x, _ in 1 / (x * x + 1).squareRoot() }
        case .acosh: return { x, _ in 1 / (x * x - 1).squareRoot() }
        case .atanh: return { x, _ in 1 / (1 - x * x) }
        case .frac: return { _, _ in 1 }
        case .silu:
            return { x, _ in
                let s = 1 / (1 + Glibc.exp(-x))
                return s * (1 + x * (1 - s))
            }
        case .logSigmoid:
            return { x, _ in
                let negative = x < 0
                let z = Glibc.exp(-Swift.abs(x))
                return (negative ? 1 : 0) - (negative ? 1 : -1) * (z / (1 + z))
            }
        case .gelu(let approximate):
            if approximate {
                return { x, _ in
                    let inner = GeluConstants.tanhScale * (x + GeluConstants.kappa * x * x * x)
                    let t = Glibc.tanh(inner)
                    let innerDerivative = GeluConstants.tanhScale * (1 + 3 * GeluConstants.kappa * x * x)
                    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * innerDerivative
                }
            }
            return { x, _ in
                let cdf = 0.5 * (1 + Glibc.erf(x * GeluConstants.sqrtHalf))
                let pdf = Glibc.exp(-0.5 * x * x) * M_2_SQRTPI * GeluConstants.sqrtHalf * 0.5
                return cdf + x * pdf
            }
        case .softplus(let beta, let threshold):
            return { x, _ in
                if x * beta > threshold { return 1 }
                let z = Glibc.exp(x * beta)
                return z / (z + 1)
            }
        case .elu(let alpha):
            return { x, _ in x > 0 ? 1 : alpha * Glibc.exp(x) }
        case .hardtanh(let lo, let hi):
            return { x, _ in x <= lo || x >= hi ? 0 : 1 }
        case .nanToNum:
            return { x, _ in x.isFinite ? 1 : 0 }
        }
    }
}
