#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Element-wise two-argument functions beyond the arithmetic operators:
/// `torch.atan2`, `logaddexp`, `hypot` (float results) and `fmod` (C's
/// truncated remainder, integers kept).
public enum BinaryMathFunction: Sendable, Equatable {
    case atan2, logaddexp, hypot
    /// `scalarOther`: the divisor was a Python number (FmodBackward0, else FmodBackward1).
    case fmod(scalarOther: Bool)

    public var gradName: String {
        switch self {
        case .atan2: return "Atan2Backward0"
        case .logaddexp: return "LogaddexpBackward0"
        case .hypot: return "HypotBackward0"
        case .fmod(let scalar): return scalar ? "FmodBackward0" : "FmodBackward1"
        }
    }

    var floatOnly: Bool { self != .fmod(scalarOther: true) && self != .fmod(scalarOther: false) }

    func value(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .atan2: return Glibc.atan2(a, b)
        case .hypot: return Glibc.hypot(a, b)
        case .fmod: return Glibc.fmod(a, b)
        case .logaddexp:
            if a.isInfinite && a == b { return a }
            return Swift.max(a, b) + Glibc.log1p(Glibc.exp(-Swift.abs(a - b)))
        }
    }

    func value(_ a: Float, _ b: Float) -> Float {
        switch self {
        case .atan2: return atan2f(a, b)
        case .hypot: return hypotf(a, b)
        case .fmod: return fmodf(a, b)
        case .logaddexp:
            if a.isInfinite && a == b { return a }
            return Swift.max(a, b) + log1pf(expf(-Swift.abs(a - b)))
        }
    }

    /// d(f)/da and d(f)/db at (a, b), PyTorch's formulas.
    func partials(_ a: Double, _ b: Double) -> (Double, Double) {
        switch self {
        case .atan2:
            let r = a * a + b * b
            return (b / r, -a / r)
        case .hypot:
            let h = Glibc.hypot(a, b)
            return (a / h, b / h)
        case .fmod:
            return (1, -(a / b).rounded(.towardZero))
        case .logaddexp:
            return (1 / (1 + Glibc.exp(b - a)), 1 / (1 + Glibc.exp(a - b)))
        }
    }
}

extension Tensor {
    /// `f(lhs, rhs)` with broadcasting and PyTorch's type promotion (integers
    /// become the default float dtype for the float functions).
    public static func binaryMath(_ f: BinaryMathFunction, _ lhs: Operand, _ rhs: Operand) throws -> Tensor {
        let promoted: DType
        switch (lhs, rhs) {
        case (.tensor(let a), .tensor(let b)): promoted = DType.resultType(a, b)
        case (.tensor(let a), .scalar(let s)): promoted = DType.resultType(a.dtype, scalar: s)
        case (.scalar(let s), .tensor(let b)): promoted = DType.resultType(b.dtype, scalar: s)
        case (.scalar, .scalar): throw TensorError(.typeError, "binary tensor op needs at least one tensor operand")
        }
        if (f == .hypot || f == .logaddexp) && !promoted.isFloatingPoint {
            throw TensorError(.notImplementedError, "\"\(f == .hypot ? "hypot" : "logaddexp")_cpu\" not implemented for '\(promoted.kernelName)'")
        }
        let dt = f.floatOnly ? promoted.floatResult : promoted
        if dt == .bool { throw TensorError(.notImplementedError, "\"fmod_cpu\" not implemented for 'Bool'") }
        func side(_ o: Operand) throws -> (original: Tensor, computed: Tensor) {
            switch o {
            case .tensor(let t): return (t, try t.converted(to: dt))
            case .scalar(let s): let t = try scalarTensor(s, dt); return (t, t)
            }
        }
        let (a0, a) = try side(lhs), (b0, b) = try side(rhs)
        let out = try Tensor.empty(try Shape.broadcast(a.shape, b.shape), dt)
        switch dt {
        case .float64: ElementwiseKernel.map2(a, b, out) { (x: Double, y: Double) -> Double in f.value(x, y) }
        case .float32: ElementwiseKernel.map2(a, b, out) { (x: Float, y: Float) -> Float in f.value(x, y) }
        case .int64, .int32:
            if try Reduce.containsZero(b) { throw TensorError(.runtimeError, "ZeroDivisionError") }
            if dt == .int64 {
                ElementwiseKernel.map2(a, b, out) { (x: Int64, y: Int64) -> Int64 in x.remainderReportingOverflow(dividingBy: y).partialValue }
            } else {
                ElementwiseKernel.map2(a, b, out) { (x: Int32, y: Int32) -> Int32 in x.remainderReportingOverflow(dividingBy: y).partialValue }
            }
        case .bool: break
        }
        if dt.isFloatingPoint && needsGrad(a0, b0) {
            out.attach(.binaryMath(f, a: SavedTensor(a0), b: SavedTensor(b0), a0.shape, b0.shape), [a0, b0])
        }
        return out
    }

    /// The gradients of `binaryMath` for inputs `a` and `b` (each summed back to its shape).
    static func binaryMathGradients(_ f: BinaryMathFunction, _ g: Tensor, _ a0: Tensor, _ b0: Tensor,
                                    _ sa: [Int], _ sb: [Int], need: (Bool, Bool)) throws -> [Tensor?] {
        let a = try a0.converted(to: g.dtype), b = try b0.converted(to: g.dtype)
        let shape = try Shape.broadcast(a.shape, b.shape)
        let da = try Tensor.empty(shape, g.dtype), db = try Tensor.empty(shape, g.dtype)
        if g.dtype == .float64 {
            ElementwiseKernel.map2(a, b, da) { (x: Double, y: Double) -> Double in f.partials(x, y).0 }
            ElementwiseKernel.map2(a, b, db) { (x: Double, y: Double) -> Double in f.partials(x, y).1 }
        } else {
            ElementwiseKernel.map2(a, b, da) { (x: Float, y: Float) -> Float in Float(f.partials(Double(x), Double(y)).0) }
            ElementwiseKernel.map2(a, b, db) { (x: Float, y: Float) -> Float in Float(f.partials(Double(x), Double(y)).1) }
        }
        return [need.0 ? try G.sumTo(try G.mul(g, da), sa) : nil,
                need.1 ? try G.sumTo(try G.mul(g, db), sb) : nil]
    }
}
