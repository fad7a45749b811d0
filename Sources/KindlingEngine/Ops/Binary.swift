#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One side of a binary op: a tensor or a (weak) Python scalar.
public enum Operand {
    case tensor(Tensor)
    case scalar(Scalar)
}

/// The elementwise binary ops (`+ - * / // % **`, max/min, comparisons, `& | ^`).
public enum BinaryOp: Sendable {
    case add, sub, mul, div, floorDiv, remainder, pow, maximum, minimum
    case eq, ne, lt, le, gt, ge
    /// `&`, `|`, `^`: logical on bool tensors, bitwise on integers.
    case logicalAnd, logicalOr, logicalXor

    var isComparison: Bool {
        switch self {
        case .eq, .ne, .lt, .le, .gt, .ge: return true
        default: return false
        }
    }
}

extension Tensor {
    /// `a op b` with broadcasting and PyTorch's type promotion; records autograd.
    public static func binary(_ op: BinaryOp, _ lhs: Operand, _ rhs: Operand) throws -> Tensor {
        switch (lhs, rhs) {
        case (.tensor(let a), .tensor(let b)):
            return try binaryTensors(op, a, b, scalarSide: 0)
        case (.tensor(let a), .scalar(let s)):
            let dt = try computeDType(op, a.dtype, DType.resultType(a.dtype, scalar: s), bothBool: a.dtype == .bool && s.dtype == .bool)
            return try binaryTensors(op, a, try scalarTensor(s, dt.compute), scalarSide: 2)
        case (.scalar(let s), .tensor(let b)):
            if op == .div {
                // Python's `s / t` is `t.reciprocal() * s` in PyTorch (ReciprocalBackward0, MulBackward0).
                return try binary(.mul, .tensor(try b.reciprocal()), .scalar(s))
            }
            let dt = try computeDType(op, b.dtype, DType.resultType(b.dtype, scalar: s), bothBool: b.dtype == .bool && s.dtype == .bool)
            return try binaryTensors(op, try scalarTensor(s, dt.compute), b, scalarSide: 1)
        case (.scalar, .scalar):
            throw TensorError(.typeError, "binary tensor op needs at least one tensor operand")
        }
    }

    /// The dtype the kernel computes in and the dtype of the result, given the
    /// promoted dtype `p` of the operands (see DType+Promotion.swift).
    static func computeDType(_ op: BinaryOp, _ a: DType, _ p: DType, bothBool: Bool) throws -> (compute: DType, result: DType) {
        switch op {
        case .div:
            return (p.floatResult, p.floatResult)
        case .eq, .ne, .lt, .le, .gt, .ge:
            return (p, .bool)
        case .logicalAnd, .logicalOr, .logicalXor:
            if p.isFloatingPoint {
                let name = op == .logicalAnd ? "bitwise_and_cpu" : op == .logicalOr ? "bitwise_or_cpu" : "bitwise_xor_cpu"
                throw TensorError(.runtimeError, "\"\(name)\" not implemented for '\(p.kernelName)'")
            }
            return (p, p)
        case .sub where bothBool:
            throw TensorError(.runtimeError,
                "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.")
        case .floorDiv where p == .bool, .remainder where p == .bool, .pow where p == .bool:
            let name = op == .floorDiv ? "div_floor_cpu" : op == .remainder ? "remainder_cpu" : "pow"
            throw TensorError(.runtimeError, "\"\(name)\" not implemented for 'Bool'")
        default:
            return (p, p)
        }
    }

    /// `scalarSide`: 0 both tensors, 1 lhs came from a Python scalar, 2 rhs did.
    static func binaryTensors(_ op: BinaryOp, _ a0: Tensor, _ b0: Tensor, scalarSide: Int) throws -> Tensor {
        let dt = try computeDType(op, a0.dtype, DType.resultType(a0, b0), bothBool: a0.dtype == .bool && b0.dtype == .bool)
        let shape = try Shape.broadcast(a0.shape, b0.shape)
        let a = try a0.converted(to: dt.compute)
        let b = try b0.converted(to: dt.compute)
        let out = try Tensor.empty(shape, dt.result)
        if !CompactKernels.binaryWithScalar(op, a, b, out) { try BinaryKernels.run(op, a, b, out) }
        if dt.result.isFloatingPoint && needsGrad(a0, b0) {
            out.attach(try BinaryKernels.backwardOp(op, a0, b0, out, scalarSide: scalarSide), [a0, b0])
        }
        return out
    }
}

/// Dispatch from (op, dtype) to a specialised elementwise loop.
enum BinaryKernels {
    static func run(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, _ out: Tensor) throws {
        switch a.dtype {
        case .float32: try runFloat(op, a, b, out, Float.self)
        case .float64: try runFloat(op, a, b, out, Double.self)
        case .int32: try runInt(op, a, b, out, Int32.self)
        case .int64: try runInt(op, a, b, out, Int64.self)
        case .bool: try runBool(op, a, b, out)
        }
    }

    @inline(__always)
    static func numeric<T: NumericElement>(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, _ out: Tensor, _: T.Type) -> Bool {
        typealias K = ElementwiseKernel
        switch op {
        case .add: K.map2(a, b, out) { (x: T, y: T) -> T in T.plus(x, y) }
        case .sub: K.map2(a, b, out) { (x: T, y: T) -> T in T.minus(x, y) }
        case .mul: K.map2(a, b, out) { (x: T, y: T) -> T in T.times(x, y) }
        case .maximum: K.map2(a, b, out) { (x: T, y: T) -> T in T.maximum(x, y) }
        case .minimum: K.map2(a, b, out) { (x: T, y: T) -> T in T.minimum(x, y) }
        case .eq: K.map2(a, b, out) { (x: T, y: T) -> Bool in x == y }
        case .ne: K.map2(a, b, out) { (x: T, y: T) -> Bool in x != y }
        case .lt: K.map2(a, b, out) { (x: T, y: T) -> Bool in x < y }
        case .le: K.map2(a, b, out) { (x: T, y: T) -> Bool in x <= y }
        case .gt: K.map2(a, b, out) { (x: T, y: T) -> Bool in x > y }
        case .ge: K.map2(a, b, out) { (x: T, y: T) -> Bool in x >= y }
        default: return false
        }
        return true
    }

    static func runFloat<T: FloatElement>(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, _ out: Tensor, _: T.Type) throws {
        if numeric(op, a, b, out, T.self) { return }
        typealias K = ElementwiseKernel
        switch op {
        case .div: K.map2(a, b, out) { (x: T, y: T) -> T in x / y }
        case .floorDiv: K.map2(a, b, out) { (x: T, y: T) -> T in ScalarMath.floorDiv(x, y) }
        case .remainder: K.map2(a, b, out) { (x: T, y: T) -> T in ScalarMath.remainder(x, y) }
        case .pow:
            if b.numel == 1 && b.dim == 0 {
                let e = b.basePointer(T.self)[0]
                switch e {
                case 2: K.map1(a, out) { (x: T) -> T in x * x }
                case 3: K.map1(a, out) { (x: T) -> T in x * x * x }
                case 0.5: K.map1(a, out) { (x: T) -> T in T.squareRootOf(x) }
                case 1: K.map1(a, out) { (x: T) -> T in x }
                case -1: K.map1(a, out) { (x: T) -> T in 1 / x }
                case -2: K.map1(a, out) { (x: T) -> T in 1 / (x * x) }
                default: K.map1(a, out) { (x: T) -> T in T.power(x, e) }
                }
            } else {
                K.map2(a, b, out) { (x: T, y: T) -> T in T.power(x, y) }
            }
        default:
            throw TensorError(.runtimeError, "unsupported op \(op) for \(T.dtype.kernelName)")
        }
    }

    static func runInt<T: IntElement>(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, _ out: Tensor, _: T.Type) throws {
        if numeric(op, a, b, out, T.self) { return }
        typealias K = ElementwiseKernel
        switch op {
        case .floorDiv, .remainder:
            if try Reduce.containsZero(b) { throw TensorError(.runtimeError, "ZeroDivisionError") }
            if op == .floorDiv {
                K.map2(a, b, out) { (x: T, y: T) -> T in ScalarMath.floorDiv(x, y) }
            } else {
                K.map2(a, b, out) { (x: T, y: T) -> T in ScalarMath.remainder(x, y) }
            }
        case .pow:
            if try Reduce.containsNegative(b) {
                throw TensorError(.runtimeError, "Integers to negative integer powers are not allowed.")
            }
            K.map2(a, b, out) { (x: T, y: T) -> T in ScalarMath.pow(x, y) }
        case .logicalAnd: K.map2(a, b, out) { (x: T, y: T) -> T in x & y }
        case .logicalOr: K.map2(a, b, out) { (x: T, y: T) -> T in x | y }
        case .logicalXor: K.map2(a, b, out) { (x: T, y: T) -> T in x ^ y }
        default:
            throw TensorError(.runtimeError, "unsupported op \(op) for \(T.dtype.kernelName)")
        }
    }

    static func runBool(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, _ out: Tensor) throws {
        typealias K = ElementwiseKernel
        switch op {
        case .add, .logicalOr, .maximum: K.map2(a, b, out) { (x: Bool, y: Bool) -> Bool in x || y }
        case .mul, .logicalAnd, .minimum: K.map2(a, b, out) { (x: Bool, y: Bool) -> Bool in x && y }
        case .logicalXor, .ne: K.map2(a, b, out) { (x: Bool, y: Bool) -> Bool in x != y }
        case .eq: K.map2(a, b, out) { (x: Bool, y: Bool) -> Bool in x == y }
        case .lt: K.map2(a, b, out) { (x: Bool, y: Bool) -> Bool in !x && y }
        case .le: K.map2(a, b, out) { (x: Bool, y: Bool) -> Bool in !x || y }
        case .gt: K.map2(a, b, out) { (x: Bool, y: Bool) -> Bool in x && !y }
        case .ge: K.map2(a, b, out) { (x: Bool, y: Bool) -> Bool in x || !y }
        default:
            throw TensorError(.runtimeError, "unsupported op \(op) for Bool")
        }
    }

    /// The graph node for a float binary op, saving what its gradient needs.
    static func backwardOp(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, _ out: Tensor, scalarSide: Int) throws -> BackwardOp {
        let sa = a.shape, sb = b.shape
        switch op {
        case .add: return .add(sa, sb)
        case .sub: return scalarSide == 1 ? .rsub(sb) : .sub(sa, sb)
        case .mul:
            return .mul(a: b.requiresGrad ? SavedTensor(a) : nil, b: a.requiresGrad ? SavedTensor(b) : nil, sa, sb)
        case .div:
            return .div(a: b.requiresGrad ? SavedTensor(a) : nil, b: SavedTensor(b), sa, sb)
        case .pow:
            if scalarSide == 2 { return .powScalar(base: SavedTensor(a), exponent: b.scalar(atLogical: 0).doubleValue) }
            if scalarSide == 1 { return .rpow(base: a.scalar(atLogical: 0).doubleValue, result: SavedTensor(output: out, producer: "PowBackward2")) }
            return .pow(base: SavedTensor(a), exponent: SavedTensor(b), result: SavedTensor(output: out, producer: "PowBackward1"), sa, sb)
        case .maximum, .minimum:
            return .extremum(isMax: op == .maximum, a: SavedTensor(a), b: SavedTensor(b), sa, sb)
        case .remainder:
            return .remainder(a: SavedTensor(a), b: SavedTensor(b), sa, sb)
        case .floorDiv:
            // PyTorch records floor_divide with a node literally named NotImplemented.
            return .notDifferentiable(name: "NotImplemented", shapes: [sa, sb])
        case .eq, .ne, .lt, .le, .gt, .ge, .logicalAnd, .logicalOr, .logicalXor:
            return .notDifferentiable(name: "NotImplemented", shapes: [sa, sb])
        }
    }
}

extension Tensor {
    /// A float tensor divided by a plain number, recorded as ATen's `div(Tensor, Scalar)`
    /// (DivBackward1), the node PyTorch shows inside composite ops such as a mean over
    /// a weighted cross-entropy; user code's `t / 2` is DivBackward0.
    public func divided(byNumber divisor: Float) throws -> Tensor {
        let out = try GradMode.withNoGrad { try Tensor.binary(.div, .tensor(detach()), .scalar(.float(Double(divisor)))) }
        if Tensor.needsGrad(self) { out.attach(.divByNumber(divisor), [self]) }
        return out
    }
}
