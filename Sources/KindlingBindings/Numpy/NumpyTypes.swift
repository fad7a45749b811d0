import KindlingData
import KindlingLanguage

/// NumPy's scalar types (`np.float32`, `np.int64`, ...): classes that print as NumPy 2 does
/// (`np.float64(1.5)` in repr, `1.5` in str), convert like numbers, and, called, make a scalar
/// (`np.float32(2)`) or an array (`np.float32([1, 2])`). Also the dtype names `dtype=` accepts.
enum NumpyTypes {
    /// The scalar classes by dtype, all subclasses of ndarray (so every array method works on them).
    static let scalarClasses: [ArrayElementType: PyClass] = {
        var out: [ArrayElementType: PyClass] = [:]
        for t in ArrayElementType.allCases {
            let c = PyClass(native: t == .bool ? "bool" : t.rawValue, base: PandasTypes.ndarray, module: "numpy")
            NumpyScalarMethods.install(on: c, type: t)
            out[t] = c
        }
        return out
    }()

    static func scalarClass(_ t: ArrayElementType) -> PyClass { scalarClasses[t] ?? PandasTypes.ndarray }

    static func isScalarClass(_ c: PyClass) -> Bool { scalarClasses.values.contains { $0 === c } }

    static func elementType(ofClass c: PyClass) -> ArrayElementType? {
        scalarClasses.first { $0.value === c }?.key
    }

    /// `dtype='float32'`, `'f4'`, `'int'`, `'uint8'`... (nil when unknown).
    static func elementType(named s: String) -> ArrayElementType? {
        switch s {
        case "float32", "f4", "single", "float32_": return .float32
        case "float64", "f8", "float", "double", "d": return .float64
        case "int64", "i8", "int", "long", "int_", "intp": return .int64
        case "int32", "i4", "intc": return .int32
        case "uint8", "u1", "ubyte", "B": return .uint8
        case "bool", "?", "bool_", "b1": return .bool
        default: return nil
        }
    }

    /// The dtype a `dtype=` argument names: a NumPy type, dtype object, string, Python type
    /// (`float` is float64, `int` int64, `bool` bool) or a torch dtype (refused).
    static func elementType(_ v: Value, function: String) throws -> ArrayElementType? {
        if v.isNone { return nil }
        if case .str(let s) = v {
            if let t = elementType(named: s) { return t }
            throw pyError(.typeError, "data type '\(s)' not understood")
        }
        if let d = v.as(NumpyDTypeObject.self), let t = ArrayElementType(rawValue: d.name) { return t }
        if let c = v.as(PyClass.self) {
            if let t = elementType(ofClass: c) { return t }
            switch c.name {
            case "float": return .float64
            case "int": return .int64
            case "bool": return .bool
            default: break
            }
            throw notSupported("\(function)(dtype=\(c.name))")
        }
        throw notSupported("\(function)(dtype=\(Runtime.reprOrType(v)))")
    }

    /// `np.dtype(x)`.
    static let dtypeFunction: Value = .object(NativeFunction(name: "dtype") { args in
        guard let t = try elementType(try args[0], function: "dtype") else {
            return .object(NumpyDTypeObject("float64"))
        }
        return .object(NumpyDTypeObject(t.rawValue))
    })

    /// The name `np.float64(1.5)` prints with.
    static func reprName(_ t: ArrayElementType) -> String { "np.\(t.rawValue)" }
}

/// Methods a NumPy scalar has beyond the array ones: number conversions and NumPy 2's printing.
enum NumpyScalarMethods {
    static func install(on c: PyClass, type: ArrayElementType) {
        c.constructor = { args in
            let value = args.count > 0 ? try args[0] : .int(0)
            let array = try NumpyConvert.array(value, dtype: type)
            if array.ndim == 0 { return .object(NDArrayObject(numpy: array, scalar: true)) }
            return .object(NDArrayObject(numpy: array))
        }
        c.define("__repr__") { args in
            let me = try args.selfObject(NDArrayObject.self)
            return .str(repr(me.array))
        }
        c.define("__str__") { args in .str(text(try args.selfObject(NDArrayObject.self).array)) }
        c.define("__format__") { args in
            let me = try args.selfObject(NDArrayObject.self)
            let spec = args.count > 1 ? try (try args[1]).asString() : ""
            if spec.isEmpty { return .str(text(me.array)) }
            return .str(try Runtime.format(NumpyConvert.python(me.array.scalar(at: 0)), spec))
        }
        c.define("__hash__") { args in
            .int(try Runtime.hash(NumpyConvert.python(try args.selfObject(NDArrayObject.self).array.scalar(at: 0))))
        }
    }

    /// `np.float64(1.5)`, `np.int64(3)`, `np.True_`.
    static func repr(_ a: NDArray) -> String {
        if a.elementType == .bool { return a.scalar(at: 0).doubleValue != 0 ? "np.True_" : "np.False_" }
        return "\(NumpyTypes.reprName(a.elementType))(\(text(a)))"
    }

    /// `str(np.float32(0.1))` is `0.1`: the shortest digits of the scalar's own type.
    static func text(_ a: NDArray) -> String {
        let s = a.scalar(at: 0)
        switch s {
        case .float(let d): return numpyScalarFloatText(d, single: a.elementType == .float32)
        default: return s.description
        }
    }
}
