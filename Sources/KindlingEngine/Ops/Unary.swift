#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Elementwise unary ops. Float math on integer tensors returns float32, as in PyTorch.
extension Tensor {
    /// Applies a float -> float function, converting integer input to float32 first.
    @inline(__always)
    private func floatUnary(_ node: (Tensor) -> BackwardOp?, _ f: (Float) -> Float) throws -> Tensor {
        let x = try converted(to: .float32)
        let out = try Tensor.empty(shape, .float32)
        ElementwiseKernel.map1(x, out, f)
        if Tensor.needsGrad(self), let op = node(out) { out.attach(op, [self]) }
        return out
    }

    public func neg() throws -> Tensor {
        switch dtype {
        case .bool:
            throw TensorError(.runtimeError,
                "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
        case .int64:
            let out = try Tensor.empty(shape, .int64)
            ElementwiseKernel.map1(self, out) { (x: Int64) -> Int64 in 0 &- x }
            return out
        case .float32:
            return try floatUnary({ _ in .neg }) { -$0 }
        }
    }

    public func abs() throws -> Tensor {
        switch dtype {
        case .bool: throw TensorError(.runtimeError, "\"abs_cpu\" not implemented for 'Bool'")
        case .int64:
            let out = try Tensor.empty(shape, .int64)
            ElementwiseKernel.map1(self, out) { (x: Int64) -> Int64 in x < 0 ? 0 &- x : x }
            return out
        case .float32:
            return try floatUnary({ _ in .abs(SavedTensor(self)) }) { Swift.abs($0) }
        }
    }

    public func sqrt() throws -> Tensor {
        try floatUnary({ .sqrt(SavedTensor(output: $0, producer: "SqrtBackward0")) }) { sqrtf($0) }
    }

    public func exp() throws -> Tensor {
        try floatUnary({ .exp(SavedTensor(output: $0, producer: "ExpBackward0")) }) { expf($0) }
    }

    public func log() throws -> Tensor {
        try floatUnary({ _ in .log(SavedTensor(self)) }) { logf($0) }
    }

    public func sigmoid() throws -> Tensor {
        try floatUnary({ .sigmoid(SavedTensor(output: $0, producer: "SigmoidBackward0")) }) { ScalarMath.sigmoid($0) }
    }

    public func tanh() throws -> Tensor {
        try floatUnary({ .tanh(SavedTensor(output: $0, producer: "TanhBackward0")) }) { tanhf($0) }
    }

    public func reciprocal() throws -> Tensor {
        try floatUnary({ .reciprocal(SavedTensor(output: $0, producer: "ReciprocalBackward0")) }) { 1 / $0 }
    }

    public func sin() throws -> Tensor {
        try floatUnary({ _ in .sin(SavedTensor(self)) }) { sinf($0) }
    }

    public func cos() throws -> Tensor {
        try floatUnary({ _ in .cos(SavedTensor(self)) }) { cosf($0) }
    }

    /// `F.leaky_relu(x, negative_slope)`: x where x > 0, else x * slope (LeakyReluBackward0).
    public func leakyRelu(negativeSlope slope: Float) throws -> Tensor {
        guard dtype == .float32 else {
            // Integers and bools: relu(x) + slope * (x - relu(x)), promoted as PyTorch's ops promote.
            let positive = try relu()
            let negative = try Tensor.binary(.sub, .tensor(self), .tensor(positive))
            return try Tensor.binary(.add, .tensor(positive), .tensor(try Tensor.binary(.mul, .tensor(negative), .scalar(.float(slope)))))
        }
        return try floatUnary({ _ in .leakyRelu(x: SavedTensor(self), slope: slope) }) { $0 > 0 ? $0 : $0 * slope }
    }

    public func relu() throws -> Tensor {
        switch dtype {
        case .bool: throw TensorError(.runtimeError, "\"clamp_min_cpu\" not implemented for 'Bool'")
        case .int64:
            let out = try Tensor.empty(shape, .int64)
            ElementwiseKernel.map1(self, out) { (x: Int64) -> Int64 in x > 0 ? x : 0 }
            return out
        case .float32:
            // NaN stays NaN as in PyTorch's relu.
            return try floatUnary({ .relu(SavedTensor(output: $0, producer: "ReluBackward0")) }) { $0 > 0 || $0.isNaN ? $0 : 0 }
        }
    }

    /// Integer and bool tensors are returned as copies (rounding is the identity).
    private func roundingOp(_ name: String, _ f: (Float) -> Float) throws -> Tensor {
        if dtype != .float32 { return try CopyKernel.materialize(self, dtype: dtype) }
        return try floatUnary({ _ in .zeroGrad(name: name) }, f)
    }

    public func floor() throws -> Tensor { try roundingOp("FloorBackward0") { $0.rounded(.down) } }
    public func ceil() throws -> Tensor { try roundingOp("CeilBackward0") { $0.rounded(.up) } }

    /// Round half to even, optionally to `decimals` places (PyTorch's formula).
    public func round(decimals: Int = 0) throws -> Tensor {
        if decimals == 0 { return try roundingOp("RoundBackward0") { $0.rounded(.toNearestOrEven) } }
        let tenPow = Float(powerOfTen(Int(Swift.min(decimals.magnitude, 400))))
        if decimals > 0 {
            return try roundingOp("RoundBackward1") { ($0 * tenPow).rounded(.toNearestOrEven) / tenPow }
        }
        return try roundingOp("RoundBackward1") { ($0 / tenPow).rounded(.toNearestOrEven) * tenPow }
    }

    /// `~t`: logical not on bool tensors, bitwise not on integers.
    public func logicalNot() throws -> Tensor {
        switch dtype {
        case .bool:
            let out = try Tensor.empty(shape, .bool)
            ElementwiseKernel.map1(self, out) { (x: Bool) -> Bool in !x }
            return out
        case .int64:
            let out = try Tensor.empty(shape, .int64)
            ElementwiseKernel.map1(self, out) { (x: Int64) -> Int64 in ~x }
            return out
        case .float32:
            throw TensorError(.runtimeError, "\"bitwise_not_cpu\" not implemented for 'Float'")
        }
    }

    /// `torch.logical_not`: bool result for any dtype.
    public func logicalNotBool() throws -> Tensor {
        let b = try converted(to: .bool)
        let out = try Tensor.empty(shape, .bool)
        ElementwiseKernel.map1(b, out) { (x: Bool) -> Bool in !x }
        return out
    }

    /// `clamp(min, max)`; either bound may be nil (but not both).
    public func clamp(min lo: Scalar?, max hi: Scalar?) throws -> Tensor {
        if lo == nil && hi == nil {
            throw TensorError(.runtimeError, "torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        if dtype == .bool { throw TensorError(.runtimeError, "\"clamp_cpu\" not implemented for 'Bool'") }
        let boundsFloat = (lo?.dtype == .float32) || (hi?.dtype == .float32)
        if dtype == .int64 && !boundsFloat {
            let l = lo.map { Int64.fromScalar($0) } ?? Int64.min
            let h = hi.map { Int64.fromScalar($0) } ?? Int64.max
            let out = try Tensor.empty(shape, .int64)
            ElementwiseKernel.map1(self, out) { (x: Int64) -> Int64 in Swift.min(Swift.max(x, l), h) }
            return out
        }
        let l = lo.map { Float.fromScalar($0) } ?? -Float.infinity
        let h = hi.map { Float.fromScalar($0) } ?? Float.infinity
        let name = "ClampBackward1"  // PyTorch's name for clamp with either or both bounds
        return try floatUnary({ _ in .clamp(name: name, x: SavedTensor(self), min: l, max: h) }) { x in
            x.isNaN ? x : Swift.min(Swift.max(x, l), h)
        }
    }
}

/// 10^n as a Double for n >= 0 (exact for the decimals used in practice).
@inline(__always) func powerOfTen(_ n: Int) -> Double {
    var r = 1.0
    for _ in 0..<Swift.min(n, 400) { r *= 10 }
    return r
}
