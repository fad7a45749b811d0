import KindlingData
import KindlingEngine
import KindlingLanguage

/// Objects other areas of the bindings can turn into tensors without a
/// Python-level loop (pandas' `.values`, for one).
public protocol TensorConvertible: AnyObject {
    func makeTensor() throws -> Tensor
}

/// Conversions between Python values and engine values, with PyTorch's errors.
enum TorchConvert {
    /// Longest `range` that `torch.tensor(range(n))` materialises (2 GiB of int64).
    static let maxRangeElements = 1 << 28

    // MARK: - Scalars and operands

    /// A Python number or bool as a weak scalar; nil for anything else.
    static func scalar(_ v: Value) -> Scalar? {
        switch v {
        case .int(let i): return .int(Int64(i))
        case .float(let d): return .float(d)
        case .bool(let b): return .bool(b)
        default:
            // NumPy scalars count as Python numbers, as in PyTorch.
            if let a = v.as(NDArrayObject.self), a.isScalar { return scalar(NumpyConvert.python(a.array.scalar(at: 0))) }
            return nil
        }
    }

    /// One side of a binary op: a tensor, a Python number (weak scalar), or a NumPy array
    /// (converted as `torch.as_tensor` would; dtypes the engine lacks give nil here, and the
    /// array's reflected operator then says why).
    static func operand(_ v: Value) -> Operand? {
        if let t = v.tensorValue { return .tensor(t) }
        if let a = v.as(NDArrayObject.self), !a.isScalar, let t = try? a.makeTensor() { return .tensor(t) }
        return scalar(v).map { .scalar($0) }
    }

    /// Like `operand`, with a TypeError naming the op when `v` is neither.
    static func operand(_ v: Value, op: String) throws -> Operand {
        if let o = operand(v) { return o }
        throw pyError(.typeError, "\(op)(): argument 'other' must be Tensor or Number, not \(v.typeName)")
    }

    /// `alpha * other` for `add`/`sub` and their in-place forms (`alpha=1` leaves it as is).
    static func scaled(_ other: Operand, alpha: Value) throws -> Operand {
        if case .int(1) = alpha { return other }
        guard let a = scalar(alpha) else { return other }
        return .tensor(try Tensor.binary(.mul, other, .scalar(a)))
    }

    /// A tensor argument, or TypeError `name(): argument 'input' (position 1) must be Tensor, not list`.
    static func tensor(_ v: Value, function: String, argument: String = "input", position: Int = 1) throws -> Tensor {
        if let t = v.tensorValue { return t }
        throw pyError(.typeError, "\(function)(): argument '\(argument)' (position \(position)) must be Tensor, not \(v.typeName)")
    }

    // MARK: - dtypes

    /// `dtype=` arguments: None or a torch dtype.
    static func dtype(_ v: Value) throws -> DType? {
        if v.isNone { return nil }
        if let d = v.as(DTypeObject.self) { return d.dtype }
        if case .object(let o) = v, let c = o as? PyClass {
            // Python's float / int / bool used as dtypes, as PyTorch accepts them.
            if c === Builtins.float { return .float64 }
            if c === Builtins.int { return .int64 }
            if c === Builtins.bool { return .bool }
        }
        throw pyError(.typeError, "dtype must be torch.dtype, not \(v.typeName)")
    }

    // MARK: - Shapes and dims

    /// A list/tuple/Size of ints.
    static func intList(_ v: Value, what: String) throws -> [Int] {
        if let t = v.as(PyTuple.self) { return try t.items.map { try $0.asInt() } }
        if let l = v.as(PyList.self) { return try l.items.map { try $0.asInt() } }
        if case .int(let i) = v { return [i] }
        throw pyError(.typeError, "\(what) must be tuple of ints, not \(v.typeName)")
    }

    /// Sizes given as `f(2, 3)`, `f((2, 3))`, `f([2, 3])` or `f(torch.Size([2, 3]))`.
    static func shape(_ args: [Value], what: String = "size") throws -> [Int] {
        if args.count == 1, args[0].as(PyTuple.self) != nil || args[0].as(PyList.self) != nil {
            return try intList(args[0], what: what)
        }
        return try args.map { v in
            guard case .int(let i) = v else {
                throw pyError(.typeError, "\(what) must be tuple of ints, but found element of type \(v.typeName) at pos 0")
            }
            return i
        }
    }

    /// `dim=` arguments: None (all), an int, or a tuple/list of ints.
    static func dims(_ v: Value) throws -> [Int]? {
        if v.isNone { return nil }
        if case .int(let i) = v { return [i] }
        return try intList(v, what: "dim")
    }

    /// `torch.Size([...])` as a Python value.
    static func sizeValue(_ shape: [Int]) -> Value {
        let t = PyTuple(shape.map { .int($0) })
        t.pyClass = TorchTypes.size
        return .object(t)
    }

    // MARK: - Python data to tensors

    /// `torch.tensor(data)`: nested lists/tuples of numbers, bools or 0-d
    /// tensors, a tensor (copied), or anything TensorConvertible.
    static func tensor(fromData data: Value, dtype: DType?) throws -> Tensor {
        if let t = data.tensorValue {
            let copy = try t.detach().clone()
            return try dtype.map { try copy.to($0) } ?? copy
        }
        if case .object(let o) = data, let c = o as? TensorConvertible {
            let t = try c.makeTensor()
            return try dtype.map { try t.to($0) } ?? t
        }
        var shape: [Int] = []
        var scalars: [Scalar] = []
        var inferred: DType? = nil
        try flatten(data, depth: 0, shape: &shape, out: &scalars, inferred: &inferred)
        return try Tensor(shape: shape, scalars: scalars, dtype: dtype ?? inferred ?? DType.defaultFloat)
    }

    /// Walks nested sequences, fixing the shape from the first element at each
    /// depth and raising PyTorch's ValueError on ragged input. `inferred` promotes the
    /// elements' dtypes as PyTorch infers them: Python floats the default float dtype, ints
    /// int64, bools bool; NumPy scalars and 0-d tensors their own dtype.
    private static func flatten(_ v: Value, depth: Int, shape: inout [Int], out: inout [Scalar], inferred: inout DType?) throws {
        if depth > 64 { throw pyError(.valueError, "too many dimensions 'list'") }
        if let s = scalar(v) {
            if depth < shape.count {
                throw pyError(.valueError, "expected sequence of length \(shape[depth]) at dim \(depth) (got 1)")
            }
            var element = s.dtype
            var value = s
            if let a = v.as(NDArrayObject.self) {
                element = try numpyScalarDType(a.array.elementType)
                value = s.converted(to: element)
            }
            inferred = inferred.map { DType.promote($0, element) } ?? element
            out.append(value)
            return
        }
        if let t = v.tensorValue {
            guard t.numel == 1 && t.dim == 0 else {
                throw pyError(.valueError, "only one element tensors can be converted to Python scalars")
            }
            inferred = inferred.map { DType.promote($0, t.dtype) } ?? t.dtype
            out.append(try t.item())
            return
        }
        let items: [Value]
        if let l = v.as(PyList.self) { items = l.items }
        else if let t = v.as(PyTuple.self) { items = t.items }
        else if let l = v.as(LObject.self) { items = l.items }  // fastcore's L, a sequence to torch
        else if let r = v.as(PyRange.self) {
            // A range is lazy, so its length is not bounded by memory like a list's.
            if r.count > TorchConvert.maxRangeElements {
                let (bytes, overflow) = r.count.multipliedReportingOverflow(by: 8)
                throw pyError(.runtimeError,
                    "[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough memory: you tried to allocate \(overflow ? "\(r.count) * 8" : "\(bytes)") bytes.")
            }
            items = (0..<r.count).map { .int(r.element($0)) }
        }
        else {
            throw pyError(.typeError, "new(): invalid data type '\(v.typeName)'")
        }
        if depth == shape.count {
            if !out.isEmpty {
                // A sequence where an earlier sibling was a scalar.
                throw pyError(.valueError, "expected sequence of length 1 at dim \(depth) (got \(items.count))")
            }
            shape.append(items.count)
        } else if shape[depth] != items.count {
            throw pyError(.valueError, "expected sequence of length \(shape[depth]) at dim \(depth) (got \(items.count))")
        }
        for item in items { try flatten(item, depth: depth + 1, shape: &shape, out: &out, inferred: &inferred) }
    }

    /// The dtype of a NumPy scalar's type (uint8, which the engine lacks, is refused).
    private static func numpyScalarDType(_ type: ArrayElementType) throws -> DType {
        switch type {
        case .float32: return .float32
        case .float64: return .float64
        case .int32: return .int32
        case .int64: return .int64
        case .bool: return .bool
        case .uint8: throw notSupported("a tensor of NumPy uint8 values (torch.uint8 tensors)")
        }
    }
}
