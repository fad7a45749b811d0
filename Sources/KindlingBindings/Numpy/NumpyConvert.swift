import KindlingData
import KindlingEngine
import KindlingLanguage

/// Python values to NumPy arrays and back, and the operands of NumPy's operators.
enum NumpyConvert {
    /// One side of a NumPy operation: an array (strong dtype) or a Python number, whose type is
    /// weak under NumPy 2's rules (`float32_array * 2.5` stays float32).
    enum Operand {
        case array(NDArray)
        case weakInt(Int64)
        case weakFloat(Double)
        case weakBool(Bool)

        var array: NDArray {
            switch self {
            case .array(let a): return a
            case .weakInt(let i): return (try? NDArray.make([i], shape: [], type: .int64)) ?? NDArray.emptyFloat64
            case .weakFloat(let d): return (try? NDArray.make([d], shape: [], type: .float64)) ?? NDArray.emptyFloat64
            case .weakBool(let b): return (try? NDArray.make([b], shape: [])) ?? NDArray.emptyFloat64
            }
        }
    }

    /// An operand, or nil for values NumPy would not take here (tensors: torch's reflected
    /// operator handles them, as PyTorch's `__array_priority__` makes NumPy do).
    static func operand(_ v: Value) throws -> Operand? {
        switch v {
        case .int(let i): return .weakInt(Int64(i))
        case .float(let d): return .weakFloat(d)
        case .bool(let b): return .weakBool(b)
        default: break
        }
        if v.tensorValue != nil { return nil }
        if let a = v.as(NDArrayObject.self) { return .array(a.array) }
        if v.as(PyList.self) != nil || v.as(PyTuple.self) != nil { return .array(try array(v, dtype: nil)) }
        return nil
    }

    /// The dtype an operation of `a` and `b` computes in (NumPy 2's promotion with weak scalars).
    static func computeType(_ a: Operand, _ b: Operand) throws -> ArrayElementType {
        switch (a, b) {
        case (.array(let x), .array(let y)): return ArrayElementType.promote(x.elementType, y.elementType)
        case (.array(let x), let w), (let w, .array(let x)): return try weakResult(x.elementType, w)
        default: return try weakResult(a.array.elementType, b)
        }
    }

    private static func weakResult(_ t: ArrayElementType, _ w: Operand) throws -> ArrayElementType {
        switch w {
        case .weakBool: return t
        case .weakInt(let i):
            if t == .bool { return .int64 }
            if t == .uint8 && (i < 0 || i > 255) {
                throw pyError(.overflowError, "Python integer \(i) out of bounds for uint8")
            }
            if t == .int32 && (i < Int64(Int32.min) || i > Int64(Int32.max)) {
                throw pyError(.overflowError, "Python integer \(i) out of bounds for int32")
            }
            return t
        case .weakFloat: return t.isFloat ? t : .float64
        case .array(let a): return ArrayElementType.promote(t, a.elementType)
        }
    }

    /// `np.array(data, dtype)`: nested lists/tuples of numbers, arrays, NumPy scalars, tensors.
    static func array(_ v: Value, dtype: ArrayElementType?) throws -> NDArray {
        if let a = v.as(NDArrayObject.self) { return dtype.map { a.array.astype($0) } ?? a.array }
        if let t = v.tensorValue { return try NumpyBridge.array(from: t).astype(dtype ?? NumpyBridge.elementType(of: t)) }
        var shape: [Int] = []
        var leaves: [Value] = []
        try flatten(v, depth: 0, shape: &shape, leaves: &leaves)
        var sawFloat = false, sawInt = false, strongTypes: [ArrayElementType] = []
        for x in leaves {
            switch x {
            case .bool: break
            case .int: sawInt = true
            case .float: sawFloat = true
            default:
                if let s = x.as(NDArrayObject.self), s.array.ndim == 0 { strongTypes.append(s.array.elementType); continue }
                if let t = x.tensorValue, t.numel == 1 { strongTypes.append(NumpyBridge.elementType(of: t)); continue }
                if case .str = x { throw notSupported("NumPy arrays of strings") }
                throw notSupported("np.array() of \(x.typeName) values")
            }
        }
        var inferred: ArrayElementType = strongTypes.reduce(leaves.isEmpty ? .float64 : .bool) { ArrayElementType.promote($0, $1) }
        if sawInt { inferred = ArrayElementType.promote(inferred, .int64) }
        if sawFloat { inferred = inferred.isFloat ? inferred : .float64 }
        let type = dtype ?? inferred
        if type.isFloat || sawFloat {
            let values = try leaves.map { try number($0) }
            return try NDArray.make(values, shape: shape, type: type)
        }
        return try NDArray.make(try leaves.map { Int64(try number($0)) }, shape: shape, type: type)
    }

    private static func number(_ v: Value) throws -> Double {
        if let s = v.as(NDArrayObject.self) { return s.array.doubleValues.first ?? 0 }
        if let t = v.tensorValue { return try t.item().doubleValue }
        return try v.asDouble()
    }

    private static func flatten(_ v: Value, depth: Int, shape: inout [Int], leaves: inout [Value]) throws {
        var items: [Value]
        if let l = v.as(PyList.self) { items = l.items }
        else if let t = v.as(PyTuple.self) { items = t.items }
        else if let a = v.as(NDArrayObject.self), a.array.ndim > 0 {
            let arr = a.array
            let inner = arr.shape.dropFirst().reduce(1, *)
            items = try (0..<arr.shape[0]).map { i in
                .object(NDArrayObject(numpy: try arr.gathered(Array((i * inner)..<((i + 1) * inner)), shape: Array(arr.shape.dropFirst())),
                                      scalar: arr.ndim == 1))
            }
        } else if let t = v.tensorValue, t.dim > 0 {
            items = try (0..<t.shape[0]).map { .tensor(try t.row($0)) }
        } else if case .object(let o) = v, o is PyRange {
            items = try Runtime.iterateToArray(v)
        } else {
            if depth < shape.count { throw ragged(shape, depth) }
            leaves.append(v)
            return
        }
        if depth > 32 { throw notSupported("np.array() nested more than 32 levels") }
        if depth == shape.count {
            if !leaves.isEmpty { throw ragged(shape, depth) }
            shape.append(items.count)
        } else if shape[depth] != items.count {
            throw ragged(shape, depth)
        }
        for item in items { try flatten(item, depth: depth + 1, shape: &shape, leaves: &leaves) }
        items.removeAll()
    }

    private static func ragged(_ shape: [Int], _ depth: Int) -> PyException {
        pyError(.valueError, "setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth) dimensions. The detected shape was \(ShapeText.tuple(Array(shape.prefix(depth)))) + inhomogeneous part.")
    }

    /// A Python number for an array element (`tolist()`, `item()`).
    static func python(_ s: KindlingData.FrameScalar) -> Value {
        switch s {
        case .int(let i): return .int(Int(i))
        case .float(let d): return .float(d)
        case .bool(let b): return .bool(b)
        }
    }

    /// An operation's result: a NumPy scalar for 0-d results, else an array.
    static func wrap(_ a: NDArray) -> Value {
        .object(NDArrayObject(numpy: a, scalar: a.ndim == 0))
    }

    /// A shape argument: an int or a sequence of ints.
    static func shape(_ v: Value) throws -> [Int] {
        if case .int(let n) = v { return [n] }
        if v.as(PyList.self) != nil || v.as(PyTuple.self) != nil {
            return try Runtime.iterateToArray(v).map { try $0.asInt() }
        }
        if let a = v.as(NDArrayObject.self), a.array.ndim <= 1, a.array.elementType.isInteger {
            return a.array.int64Values.map { Int($0) }
        }
        return [try v.asInt()]
    }

    static func checkShape(_ shape: [Int]) throws {
        if shape.contains(where: { $0 < 0 }) { throw pyError(.valueError, "negative dimensions are not allowed") }
        var n = 1
        for d in shape {
            let (p, o) = n.multipliedReportingOverflow(by: d)
            if o || p > 1 << 31 { throw pyError(.valueError, "array is too big; Kindling's NumPy arrays hold at most 2**31 elements") }
            n = p
        }
    }
}

