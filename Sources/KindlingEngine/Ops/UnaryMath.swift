#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The element-wise float functions beyond the core few of `FloatUnaryFunction`
/// (`torch.log1p`, `torch.erf`, `F.gelu`, ...), each with PyTorch's grad_fn name.
/// Values come from the C library's correctly rounded (or nearly) functions,
/// float32 through the float versions as PyTorch's scalar paths do.
public enum UnaryMathFunction: Sendable, Equatable {
    case log1p, expm1, log2, log10, exp2, rsqrt, erf, erfinv, tan, atan, asin, acos
    case sinh, cosh, asinh, acosh, atanh, frac, silu, logSigmoid
    /// `F.gelu`: exact (erf) or PyTorch's tanh approximation.
    case gelu(tanh: Bool)
    case softplus(beta: Double, threshold: Double)
    case elu(alpha: Double)
    /// `F.hardtanh`/`F.relu6`: clamp with a gradient only strictly inside the bounds.
    case hardtanh(min: Double, max: Double)
    case nanToNum(nan: Double, posinf: Double?, neginf: Double?)

    /// PyTorch's autograd node name.
    public var gradName: String {
        switch self {
        case .log1p: return "Log1PBackward0"
        case .expm1: return "Expm1Backward0"
        case .log2: return "Log2Backward0"
        case .log10: return "Log10Backward0"
        case .exp2: return "Exp2Backward0"
        case .rsqrt: return "RsqrtBackward0"
        case .erf: return "ErfBackward0"
        case .erfinv: return "ErfinvBackward0"
        case .tan: return "TanBackward0"
        case .atan: return "AtanBackward0"
        case .asin: return "AsinBackward0"
        case .acos: return "AcosBackward0"
        case .sinh: return "SinhBackward0"
        case .cosh: return "CoshBackward0"
        case .asinh: return "AsinhBackward0"
        case .acosh: return "AcoshBackward0"
        case .atanh: return "AtanhBackward0"
        case .frac: return "FracBackward0"
        case .silu: return "SiluBackward0"
        case .logSigmoid: return "LogSigmoidBackward0"
        case .gelu: return "GeluBackward0"
        case .softplus: return "SoftplusBackward0"
        case .elu: return "EluBackward0"
        case .hardtanh: return "HardtanhBackward0"
        case .nanToNum: return "NanToNumBackward0"
        }
    }

    /// The function on float64 elements.
    func double() -> (Double) -> Double {
        switch self {
        case .log1p: return { Glibc.log1p($0) }
        case .expm1: return { Glibc.expm1($0) }
        case .log2: return { Glibc.log2($0) }
        case .log10: return { Glibc.log10($0) }
        case .exp2: return { Glibc.exp2($0) }
        case .rsqrt: return { 1 / $0.squareRoot() }
        case .erf: return { Glibc.erf($0) }
        case .erfinv: return { InverseErrorFunction.value($0) }
        case .tan: return { Glibc.tan($0) }
        case .atan: return { Glibc.atan($0) }
        case .asin: return { Glibc.asin($0) }
        case .acos: return { Glibc.acos($0) }
        case .sinh: return { Glibc.sinh($0) }
        case .cosh: return { Glibc.cosh($0) }
        case .asinh: return { Glibc.asinh($0) }
        case .acosh: return { Glibc.acosh($0) }
        case .atanh: return { Glibc.atanh($0) }
        case .frac: return { $0 - $0.rounded(.towardZero) }
        case .silu: return { $0 / (1 + Glibc.exp(-$0)) }
        case .logSigmoid: return { Swift.min($0, 0) - Glibc.log1p(Glibc.exp(-Swift.abs($0))) }
        case .gelu(let approximate):
            if approximate {
                return { x in 0.5 * x * (1 + Glibc.tanh(GeluConstants.tanhScale * (x + GeluConstants.kappa * x * x * x))) }
            }
            return { x in x * 0.5 * (1 + Glibc.erf(x * GeluConstants.sqrtHalf)) }
        case .softplus(let beta, let threshold):
            return { x in x * beta > threshold ? x : Glibc.log1p(Glibc.exp(x * beta)) / beta }
        case .elu(let alpha):
            return { x in x > 0 ? x : alpha * Glibc.expm1(x) }
        case .hardtanh(let lo, let hi):
            return { x in x.isNaN ? x : Swift.min(Swift.max(x, lo), hi) }
        case .nanToNum(let nan, let posinf, let neginf):
            let p = posinf ?? Double.greatestFiniteMagnitude, n = neginf ?? -Double.greatestFiniteMagnitude
            return { x in x.isNaN ? nan : (x == .infinity ? p : (x == -.infinity ? n : x)) }
        }
    }

    /// The function on float32 elements (float C functions; constants rounded to float).
    func float() -> (Float) -> Float {
        switch self {
        case .log1p: return { log1pf($0) }
        case .expm1: return { expm1f($0) }
        case .log2: return { log2f($0) }
        case .log10: return { log10f($0) }
        case .exp2: return { exp2f($0) }
        case .rsqrt: return { 1 / $0.squareRoot() }
        case .erf: return { erff($0) }
        case .erfinv: return { Float(InverseErrorFunction.value(Double($0))) }
        case .tan: return { tanf($0) }
        case .atan: return { atanf($0) }
        case .asin: return { asinf($0) }
        case .acos: return { acosf($0) }
        case .sinh: return { sinhf($0) }
        case .cosh: return { coshf($0) }
        case .asinh: return { asinhf($0) }
        case .acosh: return { acoshf($0) }
        case .atanh: return { atanhf($0) }
        case .frac: return { $0 - $0.rounded(.towardZero) }
        case .silu: return { $0 / (1 + expf(-$0)) }
        case .logSigmoid: return { Swift.min($0, 0) - log1pf(expf(-Swift.abs($0))) }
        case .gelu(let approximate):
            if approximate {
                let s = Float(GeluConstants.tanhScale), k = Float(GeluConstants.kappa)
                return { x in 0.5 * x * (1 + tanhf(s * (x + k * x * x * x))) }
            }
            let h = Float(GeluConstants.sqrtHalf)
            return { x in x * 0.5 * (1 + erff(x * h)) }
        case .softplus(let beta, let threshold):
            let b = Float(beta), t = Float(threshold)
            return { x in x * b > t ? x : log1pf(expf(x * b)) / b }
        case .elu(let alpha):
            let a = Float(alpha)
            return { x in x > 0 ? x : a * expm1f(x) }
        case .hardtanh(let lo, let hi):
            let l = Float(lo), h = Float(hi)
            return { x in x.isNaN ? x : Swift.min(Swift.max(x, l), h) }
        case .nanToNum(let nan, let posinf, let neginf):
            let v = Float(nan), p = posinf.map { Float($0) } ?? Float.greatestFiniteMagnitude
            let n = neginf.map { Float($0) } ?? -Float.greatestFiniteMagnitude
            return { x in x.isNaN ? v : (x == .infinity ? p : (x == -.infinity ? n : x)) }
        }
    }
}

/// GELU's constants as PyTorch writes them.
enum GeluConstants {
    static let sqrtHalf = 0.70710678118654752440           // M_SQRT1_2
    static let tanhScale = 1.41421356237309504880 * 1.12837916709551257390 * 0.5  // M_SQRT2 * M_2_SQRTPI * 0.5
    static let kappa = 0.044715
}

extension Tensor {
    /// Applies `f` element-wise; integer and bool inputs become the default float dtype.
    public func unaryMath(_ f: UnaryMathFunction) throws -> Tensor {
        let dt = dtype.floatResult
        let x = try converted(to: dt)
        let out = try Tensor.empty(shape, dt)
        if dt == .float64 {
            ElementwiseKernel.map1(x, out, f.double())
        } else {
            ElementwiseKernel.map1(x, out, f.float())
        }
        if Tensor.needsGrad(self) {
            out.attach(.unaryMath(f, x: SavedTensor(self), result: SavedTensor(output: out, producer: f.gradName)), [self])
        }
        return out
    }

    public func log1p() throws -> Tensor { try unaryMath(.log1p) }
    public func expm1() throws -> Tensor { try unaryMath(.expm1) }
    public func log2() throws -> Tensor { try unaryMath(.log2) }
    public func log10() throws -> Tensor { try unaryMath(.log10) }
    public func exp2() throws -> Tensor { try unaryMath(.exp2) }
    public func rsqrt() throws -> Tensor { try unaryMath(.rsqrt) }
    public func erf() throws -> Tensor { try unaryMath(.erf) }
    public func erfinv() throws -> Tensor { try unaryMath(.erfinv) }
    public func tan() throws -> Tensor { try unaryMath(.tan) }
    public func atan() throws -> Tensor { try unaryMath(.atan) }
    public func asin() throws -> Tensor { try unaryMath(.asin) }
    public func acos() throws -> Tensor { try unaryMath(.acos) }
    public func sinh() throws -> Tensor { try unaryMath(.sinh) }
    public func cosh() throws -> Tensor { try unaryMath(.cosh) }
    public func asinh() throws -> Tensor { try unaryMath(.asinh) }
    public func acosh() throws -> Tensor { try unaryMath(.acosh) }
    public func atanh() throws -> Tensor { try unaryMath(.atanh) }

    /// `frac`: x - trunc(x); floating point only, as in PyTorch.
    public func frac() throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TensorError(.notImplementedError, "\"frac_cpu\" not implemented for '\(dtype.kernelName)'")
        }
        return try unaryMath(.frac)
    }

    /// `nan_to_num`: integer and bool tensors come back unchanged (as copies).
    public func nanToNum(nan: Double = 0, posinf: Double? = nil, neginf: Double? = nil) throws -> Tensor {
        if !dtype.isFloatingPoint { return try CopyKernel.materialize(self, dtype: dtype) }
        return try unaryMath(.nanToNum(nan: nan, posinf: posinf, neginf: neginf))
    }
}
