#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The float -> float functions of the unary ops, chosen once per call so each
/// kernel loop is specialised for its function and element type.
enum FloatUnaryFunction {
    case neg, abs, sqrt, exp, log, sigmoid, tanh, reciprocal, sin, cos, relu, floor, ceil, round
    /// Round half to even at `decimals` places: scale up (positive) or down by `factor`.
    case roundScaled(factor: Double, up: Bool)
    case clamp(min: Double, max: Double)
    case leakyRelu(slope: Double)

    @inline(__always)
    func run<T: FloatElement>(_ x: Tensor, _ out: Tensor, _: T.Type) {
        typealias K = ElementwiseKernel
        switch self {
        case .neg: K.map1(x, out) { (v: T) -> T in -v }
        case .abs: K.map1(x, out) { (v: T) -> T in Swift.abs(v) }
        case .sqrt: K.map1(x, out) { (v: T) -> T in T.squareRootOf(v) }
        case .exp: K.map1(x, out) { (v: T) -> T in T.exponential(v) }
        case .log: K.map1(x, out) { (v: T) -> T in T.logarithm(v) }
        case .sigmoid: K.map1(x, out) { (v: T) -> T in ScalarMath.sigmoid(v) }
        case .tanh: K.map1(x, out) { (v: T) -> T in T.hyperbolicTangent(v) }
        case .reciprocal: K.map1(x, out) { (v: T) -> T in 1 / v }
        case .sin: K.map1(x, out) { (v: T) -> T in T.sine(v) }
        case .cos: K.map1(x, out) { (v: T) -> T in T.cosine(v) }
        // NaN stays NaN as in PyTorch's relu.
        case .relu: K.map1(x, out) { (v: T) -> T in v > 0 || v.isNaN ? v : 0 }
        case .floor: K.map1(x, out) { (v: T) -> T in v.rounded(.down) }
        case .ceil: K.map1(x, out) { (v: T) -> T in v.rounded(.up) }
        case .round: K.map1(x, out) { (v: T) -> T in v.rounded(.toNearestOrEven) }
        case .roundScaled(let factor, let up):
            let f = T(factor)
            if up {
                K.map1(x, out) { (v: T) -> T in (v * f).rounded(.toNearestOrEven) / f }
            } else {
                K.map1(x, out) { (v: T) -> T in (v / f).rounded(.toNearestOrEven) * f }
            }
        case .leakyRelu(let slope):
            let a = T(slope)
            K.map1(x, out) { (v: T) -> T in v > 0 ? v : v * a }
        case .clamp(let lo, let hi):
            let l = T(lo), h = T(hi)
            K.map1(x, out) { (v: T) -> T in v.isNaN ? v : Swift.min(Swift.max(v, l), h) }
        }
    }
}

/// Elementwise unary ops. Float math on integer tensors returns the default
/// float dtype, as in PyTorch; float64 stays float64.
extension Tensor {
    /// Applies a float -> float function, converting integer input to the float dtype first.
    private func floatUnary(_ node: (Tensor) -> BackwardOp?, _ f: FloatUnaryFunction) throws -> Tensor {
        let dt = dtype.floatResult
        let x = try converted(to: dt)
        let out = try Tensor.empty(shape, dt)
        if dt == .float64 { f.run(x, out, Double.self) } else { f.run(x, out, Float.self) }
        if Tensor.needsGrad(self), let op = node(out) { out.attach(op, [self]) }
        return out
    }

    /// An integer function applied to an int32 or int64 tensor (same dtype out).
    private func intUnary(_ f32: (Int32) -> Int32, _ f64: (Int64) -> Int64) throws -> Tensor {
        let out = try Tensor.empty(shape, dtype)
        if dtype == .int32 { ElementwiseKernel.map1(self, out, f32) } else { ElementwiseKernel.map1(self, out, f64) }
        return out
    }

    public func neg() throws -> Tensor {
        switch dtype {
        case .bool:
            throw TensorError(.runtimeError,
                "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
        case .int32, .int64:
            return try intUnary({ 0 &- $0 }, { 0 &- $0 })
        case .float32, .float64:
            return try floatUnary({ _ in .neg }, .neg)
        }
    }

    public func abs() throws -> Tensor {
        switch dtype {
        case .bool: throw TensorError(.runtimeError, "\"abs_cpu\" not implemented for 'Bool'")
        case .int32, .int64:
            return try intUnary({ $0 < 0 ? 0 &- $0 : $0 }, { $0 < 0 ? 0 &- $0 : $0 })
        case .float32, .float64:
            return try floatUnary({ _ in .abs(SavedTensor(self)) }, .abs)
        }
    }

    public func sqrt() throws -> Tensor {
        try floatUnary({ .sqrt(SavedTensor(output: $0, producer: "SqrtBackward0")) }, .sqrt)
    }

    public func exp() throws -> Tensor {
        try floatUnary({ .exp(SavedTensor(output: $0, producer: "ExpBackward0")) }, .exp)
    }

    public func log() throws -> Tensor {
        try floatUnary({ _ in .log(SavedTensor(self)) }, .log)
    }

    public func sigmoid() throws -> Tensor {
        try floatUnary({ .sigmoid(SavedTensor(output: $0, producer: "SigmoidBackward0")) }, .sigmoid)
    }

    public func tanh() throws -> Tensor {
        try floatUnary({ .tanh(SavedTensor(output: $0, producer: "TanhBackward0")) }, .tanh)
    }

    public func reciprocal() throws -> Tensor {
        try floatUnary({ .reciprocal(SavedTensor(output: $0, producer: "ReciprocalBackward0")) }, .reciprocal)
    }

    public func sin() throws -> Tensor {
        try floatUnary({ _ in .sin(SavedTensor(self)) }, .sin)
    }

    public func cos() throws -> Tensor {
        try floatUnary({ _ in .cos(SavedTensor(self)) }, .cos)
    }

    /// `F.leaky_relu(x, negative_slope)`: x where x > 0, else x * slope (LeakyReluBackward0).
    public func leakyRelu(negativeSlope slope: Float) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            // Integers and bools: relu(x) + slope * (x - relu(x)), promoted as PyTorch's ops promote.
            let positive = try relu()
            let negative = try Tensor.binary(.sub, .tensor(self), .tensor(positive))
            return try Tensor.binary(.add, .tensor(positive), .tensor(try Tensor.binary(.mul, .tensor(negative), .scalar(.float(Double(slope))))))
        }
        return try floatUnary({ _ in .leakyRelu(x: SavedTensor(self), slope: slope) }, .leakyRelu(slope: Double(slope)))
    }

    public func relu() throws -> Tensor {
        switch dtype {
        case .bool: throw TensorError(.runtimeError, "\"clamp_min_cpu\" not implemented for 'Bool'")
        case .int32, .int64:
            return try intUnary({ $0 > 0 ? $0 : 0 }, { $0 > 0 ? $0 : 0 })
        case .float32, .float64:
            return try floatUnary({ .relu(SavedTensor(output: $0, producer: "ReluBackward0")) }, .relu)
        }
    }

    /// Integer and bool tensors are returned as copies (rounding is the identity).
    private func roundingOp(_ name: String, _ f: FloatUnaryFunction) throws -> Tensor {
        if !dtype.isFloatingPoint { return try CopyKernel.materialize(self, dtype: dtype) }
        return try floatUnary({ _ in .zeroGrad(name: name) }, f)
    }

    public func floor() throws -> Tensor { try roundingOp("FloorBackward0", .floor) }
    public func ceil() throws -> Tensor { try roundingOp("CeilBackward0", .ceil) }

    /// Round half to even, optionally to `decimals` places (PyTorch's formula).
    public func round(decimals: Int = 0) throws -> Tensor {
        if decimals == 0 { return try roundingOp("RoundBackward0", .round) }
        let factor = powerOfTen(Int(Swift.min(decimals.magnitude, 400)))
        // float32 tensors scale by the float32 power of ten, as PyTorch's kernel does.
        let tenPow = dtype == .float64 ? factor : Double(Float(factor))
        return try roundingOp("RoundBackward1", .roundScaled(factor: tenPow, up: decimals > 0))
    }

    /// `~t`: logical not on bool tensors, bitwise not on integers.
    public func logicalNot() throws -> Tensor {
        switch dtype {
        case .bool:
            let out = try Tensor.empty(shape, .bool)
            ElementwiseKernel.map1(self, out) { (x: Bool) -> Bool in !x }
            return out
        case .int32, .int64:
            return try intUnary({ ~$0 }, { ~$0 })
        case .float32, .float64:
            throw TensorError(.runtimeError, "\"bitwise_not_cpu\" not implemented for '\(dtype.kernelName)'")
        }
    }

    /// `torch.logical_not`: bool result for any dtype.
    public func logicalNotBool() throws -> Tensor {
        let b = try converted(to: .bool)
        let out = try Tensor.empty(shape, .bool)
        ElementwiseKernel.map1(b, out) { (x: Bool) -> Bool in !x }
        return out
    }

    /// `clamp(min, max)`; either bound may be nil (but not both). `gradName` is the
    /// grad_fn's name: ClampBackward1 for clamp, ClampMinBackward0/ClampMaxBackward0
    /// for clamp_min/clamp_max.
    public func clamp(min lo: Scalar?, max hi: Scalar?) throws -> Tensor {
        try clamp(min: lo, max: hi, gradName: "ClampBackward1")
    }

    /// `clamp` recorded under the grad_fn name `gradName`.
    public func clamp(min lo: Scalar?, max hi: Scalar?, gradName: String) throws -> Tensor {
        if lo == nil && hi == nil {
            throw TensorError(.runtimeError, "torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        if dtype == .bool { throw TensorError(.runtimeError, "\"clamp_cpu\" not implemented for 'Bool'") }
        let boundsFloat = (lo?.dtype.isFloatingPoint ?? false) || (hi?.dtype.isFloatingPoint ?? false)
        if dtype.isIntegral && !boundsFloat {
            let l = lo.map { Int64.fromScalar($0) } ?? Int64.min
            let h = hi.map { Int64.fromScalar($0) } ?? Int64.max
            return try intUnary({ Int32(clamping: Swift.min(Swift.max(Int64($0), l), h)) },
                                { Swift.min(Swift.max($0, l), h) })
        }
        // Bounds are rounded to the tensor's float dtype, as PyTorch's kernel does.
        let floatType = dtype.floatResult
        func bound(_ s: Scalar?, _ fallback: Double) -> Double {
            guard let s else { return fallback }
            return floatType == .float64 ? s.doubleValue : Double(Float.fromScalar(s))
        }
        let l = bound(lo, -Double.infinity), h = bound(hi, Double.infinity)
        return try floatUnary({ _ in .clamp(name: gradName, x: SavedTensor(self), min: l, max: h) }, .clamp(min: l, max: h))
    }
}

/// 10^n as a Double for n >= 0 (exact for the decimals used in practice).
@inline(__always) func powerOfTen(_ n: Int) -> Double {
    var r = 1.0
    for _ in 0..<Swift.min(n, 400) { r *= 10 }
    return r
}
