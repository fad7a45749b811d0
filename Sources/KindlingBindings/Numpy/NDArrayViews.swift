import KindlingData
import KindlingLanguage

/// The ndarray operations that give views sharing their base's elements, as NumPy's do: basic
/// indexing (ints, slices, `None`, `...`), `reshape`/`ravel` of contiguous data, `T`/`transpose`,
/// `squeeze`, `view()` and iteration over rows; and the in-place operators (`a += b` writes into
/// `a`, so its views and other names see the change).
enum NDArrayViews {
    /// `a[key]`: a view for a basic key selecting at least one dimension, else a copy or a scalar.
    static func item(_ me: NDArrayObject, _ key: Value) throws -> Value {
        let a = me.array
        if !me.isScalar, isBasic(key) {
            let (positions, shape) = try NumpyIndexing.resolve(a, key)
            if !shape.isEmpty { return .object(NDArrayObject(viewOf: me, positions: positions, shape: shape)) }
        }
        return try NumpyIndexing.get(a, key)
    }

    /// True for a key of ints, slices, `None` and `...` only (NumPy's basic indexing).
    static func isBasic(_ key: Value) -> Bool {
        let parts = key.as(PyTuple.self)?.items ?? [key]
        return parts.allSatisfy { k in
            switch k {
            case .int: return true
            default:
                if k.isNone || NumpyIndexing.isEllipsis(k) || k.as(KindlingLanguage.PySlice.self) != nil { return true }
                if let s = k.as(NDArrayObject.self) { return s.isScalar && s.array.elementType.isInteger }
                return false
            }
        }
    }

    /// A view showing the same elements in the same order with another shape.
    static func reshaped(_ me: NDArrayObject, _ shape: [Int]) -> Value {
        if me.isScalar { return NumpyConvert.wrap(me.array.taking(Array(0..<me.array.count), shape: shape)) }
        return .object(NDArrayObject(viewOf: me, positions: Array(0..<me.array.count), shape: shape))
    }

    /// `reshape`/`ravel`: a view when the elements are contiguous in their base (NumPy copies otherwise).
    static func reshapedIfContiguous(_ me: NDArrayObject, _ shape: [Int]) throws -> Value {
        if let p = me.viewPositions, !isContiguous(p) { return NumpyConvert.wrap(try me.array.reshaped(shape)) }
        return reshaped(me, shape)
    }

    /// `T` / `transpose(axes)`: a view with the axes permuted.
    static func transposed(_ me: NDArrayObject, _ axes: [Int]?) throws -> Value {
        let grid = try me.array.positionGrid.transposed(axes)
        if me.isScalar { return NumpyConvert.wrap(me.array) }
        return .object(NDArrayObject(viewOf: me, positions: grid.int64Values.map { Int($0) }, shape: grid.shape))
    }

    private static func isContiguous(_ positions: [Int]) -> Bool {
        guard let first = positions.first else { return true }
        for (k, p) in positions.enumerated() where p != first + k { return false }
        return true
    }

    /// The in-place operators (`__iadd__`, ...): the result is computed as the binary operator
    /// does, cast back to the array's dtype under NumPy's `same_kind` rule, and written into the
    /// array. NumPy scalars are immutable: their `+=` falls back to `+`.
    static func installInPlace(on c: PyClass) {
        let ufuncNames: [ArrayBinaryOp: String] = [
            .add: "add", .subtract: "subtract", .multiply: "multiply", .trueDivide: "divide",
            .floorDivide: "floor_divide", .remainder: "remainder", .power: "power",
            .bitwiseAnd: "bitwise_and", .bitwiseOr: "bitwise_or", .bitwiseXor: "bitwise_xor",
        ]
        for (name, op) in NDArrayOperators.binaries {
            c.define("__i\(name)__") { args in
                let me = try args.selfObject(NDArrayObject.self)
                guard !me.isScalar, args.count > 1, let other = try NumpyConvert.operand(try args[1]) else {
                    return Builtins.notImplemented
                }
                let mine = me.array
                guard let result = try NumpyMath.apply(op, .array(mine), other).as(NDArrayObject.self)?.array else {
                    return Builtins.notImplemented
                }
                guard sameKind(result.elementType, mine.elementType) else {
                    throw pyError(NDArrayViews.ufuncTypeError, "Cannot cast ufunc '\(ufuncNames[op] ?? name)' output from dtype('\(result.elementType.rawValue)') to dtype('\(mine.elementType.rawValue)') with casting rule 'same_kind'")
                }
                guard result.shape == mine.shape else {
                    throw pyError(.valueError, "non-broadcastable output operand with shape \(compact(mine.shape)) doesn't match the broadcast shape \(compact(result.shape))")
                }
                me.array = result.astype(mine.elementType)
                return .object(me)
            }
        }
    }

    /// A ufunc's `out=` argument (an array, or a tuple holding one): the result, broadcast to the
    /// output's shape and cast under `same_kind`, is written into it, and the output returned.
    static func store(_ result: Value, into out: Value, ufunc: String) throws -> Value {
        var target = out
        if let t = out.as(PyTuple.self), t.items.count == 1 { target = t.items[0] }
        guard let destination = target.as(NDArrayObject.self), !destination.isScalar else {
            throw pyError(.typeError, "return arrays must be of ArrayType")
        }
        guard let value = try NumpyConvert.operand(result)?.array else { return result }
        let mine = destination.array
        guard sameKind(value.elementType, mine.elementType) else {
            throw pyError(NDArrayViews.ufuncTypeError, "Cannot cast ufunc '\(ufunc)' output from dtype('\(value.elementType.rawValue)') to dtype('\(mine.elementType.rawValue)') with casting rule 'same_kind'")
        }
        let shaped: NDArray
        do { shaped = try value.broadcast(to: mine.shape) } catch {
            throw pyError(.valueError, "non-broadcastable output operand with shape \(compact(mine.shape)) doesn't match the broadcast shape \(compact(value.shape))")
        }
        destination.array = shaped.astype(mine.elementType)
        return .object(destination)
    }

    /// A shape as NumPy's broadcasting errors write it: `(2,)`, `(2,3)`.
    private static func compact(_ shape: [Int]) -> String {
        "(" + shape.map(String.init).joined(separator: ",") + (shape.count == 1 ? "," : "") + ")"
    }

    /// NumPy's `can_cast(from, to, 'same_kind')` for the dtypes Kindling has.
    static func sameKind(_ from: ArrayElementType, _ to: ArrayElementType) -> Bool {
        func kind(_ t: ArrayElementType) -> Int {
            switch t {
            case .bool: return 0
            case .uint8: return 1
            case .int32, .int64: return 2
            case .float32, .float64: return 3
            }
        }
        if from == to { return true }
        let (a, b) = (kind(from), kind(to))
        if a == 1 && b == 2 { return true }    // unsigned to a wider signed type
        if a == 2 && b == 1 { return false }   // signed to unsigned
        return a <= b
    }

    /// The `UFuncTypeError` class NumPy raises for a disallowed output cast (a TypeError).
    static let ufuncTypeError: PyClass = {
        let c = PyClass(native: "UFuncTypeError", base: Builtins.exc(.typeError), module: "numpy._core._exceptions")
        c.factory = { cls in PyBaseException(cls, args: []) }
        return c
    }()
}
