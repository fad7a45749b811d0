import KindlingData
import KindlingLanguage

/// ndarray's Python operators: arithmetic with broadcasting and NumPy 2's promotion (reflected
/// forms too), comparisons, `@`, unary operators and number conversions. A tensor on the other
/// side gives NotImplemented, so torch's reflected operator runs (as PyTorch arranges it).
enum NDArrayOperators {
    static let binaries: [(String, ArrayBinaryOp)] = [
        ("add", .add), ("sub", .subtract), ("mul", .multiply), ("truediv", .trueDivide),
        ("floordiv", .floorDivide), ("mod", .remainder), ("pow", .power),
        ("and", .bitwiseAnd), ("or", .bitwiseOr), ("xor", .bitwiseXor),
    ]

    static func install(on c: PyClass) {
        for (name, op) in binaries {
            c.define("__\(name)__") { args in try binary(op, args, reflected: false) }
            c.define("__r\(name)__") { args in try binary(op, args, reflected: true) }
        }
        let comparisons: [(String, ArrayBinaryOp)] = [
            ("eq", .equal), ("ne", .notEqual), ("lt", .less), ("le", .lessEqual), ("gt", .greater), ("ge", .greaterEqual),
        ]
        for (name, op) in comparisons {
            c.define("__\(name)__") { args in try binary(op, args, reflected: false) }
        }
        c.define("__matmul__") { args in
            let me = try args.selfObject(NDArrayObject.self)
            return try NumpyMath.matmul(.array(me.array), try args[1])
        }
        c.define("__rmatmul__") { args in
            let me = try args.selfObject(NDArrayObject.self)
            guard let other = try NumpyConvert.operand(try args[1]) else { return Builtins.notImplemented }
            return NumpyConvert.wrap(try NDArray.matmul(other.array, me.array))
        }
        unary(c, "__neg__") { a in
            if a.elementType == .bool {
                throw pyError(.typeError, "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.")
            }
            return a.elementType.isFloat ? try a.mapFloat(resultType: a.elementType) { -$0 } : try a.mapInt { 0 &- $0 }
        }
        unary(c, "__pos__") { $0 }
        unary(c, "__abs__") { a in try NumpyMath.absolute(a) }
        unary(c, "__invert__") { a in
            if a.elementType == .bool { return try NDArray.make(a.int64Values.map { $0 == 0 }, shape: a.shape) }
            if a.elementType.isFloat {
                throw pyError(.typeError, "ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
            }
            return try a.mapInt { ~$0 }
        }
        c.define("__bool__") { args in
            let a = try args.selfObject(NDArrayObject.self).array
            guard a.count == 1 else {
                if a.count == 0 { return .bool(false) }
                throw pyError(.valueError, "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
            }
            return .bool(a.doubleValues[0] != 0)
        }
        c.define("__float__") { args in
            let a = try args.selfObject(NDArrayObject.self).array
            guard a.count == 1 else { throw pyError(.typeError, "only length-1 arrays can be converted to Python scalars") }
            return .float(a.doubleValues[0])
        }
        c.define("__int__") { args in
            let a = try args.selfObject(NDArrayObject.self).array
            guard a.count == 1 else { throw pyError(.typeError, "only length-1 arrays can be converted to Python scalars") }
            let d = a.doubleValues[0]
            guard d.isFinite else { throw pyError(d.isNaN ? .valueError : .overflowError, d.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer") }
            return a.elementType.isFloat ? .int(Int(d)) : .int(Int(a.int64Values[0]))
        }
        c.define("__index__") { args in
            let a = try args.selfObject(NDArrayObject.self).array
            guard a.count == 1, a.ndim == 0 || a.elementType.isInteger, a.elementType.isInteger || a.elementType == .bool && a.ndim == 0 else {
                throw pyError(.typeError, "only integer scalar arrays can be converted to a scalar index")
            }
            return .int(Int(a.int64Values[0]))
        }
        c.define("__hash__") { args in
            let me = try args.selfObject(NDArrayObject.self)
            if me.isScalar { return .int(try Runtime.hash(NumpyConvert.python(me.array.scalar(at: 0)))) }
            throw pyError(.typeError, "unhashable type: 'numpy.ndarray'")
        }
    }

    private static func unary(_ c: PyClass, _ name: String, _ f: @escaping (NDArray) throws -> NDArray) {
        c.define(name) { args in NumpyConvert.wrap(try f(try args.selfObject(NDArrayObject.self).array)) }
    }

    private static func binary(_ op: ArrayBinaryOp, _ args: Arguments, reflected: Bool) throws -> Value {
        let me = try args.selfObject(NDArrayObject.self)
        if args.count > 1, (try args[1]).tensorValue != nil, !me.isScalar {
            // torch 2.15 with NumPy 2.4 refuses `array + tensor`, `-` and `*` (its Tensor gives no
            // reflected result for an ndarray on the left); other operators reach the tensor's.
            if !reflected, op == .add {
                throw pyError(.typeError, "Concatenation operation is not implemented for NumPy arrays, use np.concatenate() instead. Please do not rely on this error; it may not be given on all Python implementations.")
            }
            if !reflected, op == .subtract || op == .multiply {
                throw pyError(.typeError, "unsupported operand type(s) for \(op == .subtract ? "-" : "*"): 'numpy.ndarray' and 'Tensor'")
            }
            _ = try me.makeTensor()   // raises why the array cannot join a tensor operation
            return Builtins.notImplemented
        }
        guard args.count > 1, let other = try NumpyConvert.operand(try args[1]) else {
            if op == .equal { return .bool(false) }
            if op == .notEqual { return .bool(true) }
            return Builtins.notImplemented
        }
        let mine = NumpyConvert.Operand.array(me.array)
        return try NumpyMath.apply(op, reflected ? other : mine, reflected ? mine : other)
    }
}
