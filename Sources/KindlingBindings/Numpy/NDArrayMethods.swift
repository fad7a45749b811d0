import KindlingData
import KindlingLanguage

/// numpy `ndarray`'s attributes and methods (the operators are in `NDArrayOperators`).
enum NDArrayMethods {
    static func install(on c: PyClass) {
        NDArrayOperators.install(on: c)
        NDArrayViews.installInPlace(on: c)
        method(c, "__repr__") { a, _ in .str(a.numpyRepr) }
        method(c, "__str__") { a, _ in .str(a.ndim == 0 ? NumpyScalarMethods.text(a) : a.numpyStr) }
        method(c, "__len__") { a, _ in
            guard let n = a.shape.first else { throw pyError(.typeError, "len() of unsized object") }
            return .int(n)
        }
        pandasMethod(c, NDArrayObject.self, "__getitem__", ["key"]) { me, b in try NDArrayViews.item(me, b["key"]) }
        c.define("__setitem__") { args in
            let me = try args.selfObject(NDArrayObject.self)
            if me.isScalar { throw pyError(.typeError, "'\(me.pyClass.name)' object does not support item assignment") }
            me.array = try NumpyIndexing.set(me.array, try args[1], try args[2])
            return .none
        }
        pandasMethod(c, NDArrayObject.self, "__iter__") { me, _ in
            guard let n = me.array.shape.first else { throw pyError(.typeError, "iteration over a 0-d array") }
            var i = 0
            return .object(ClosureIterator {   // rows are views, as NumPy iterates
                guard i < n else { return nil }
                i += 1
                return try NDArrayViews.item(me, .int(i - 1))
            })
        }
        c.defineProperty("shape", get: { v in PandasConvert.tuple(try array(v).shape) })
        c.defineProperty("ndim", get: { v in .int(try array(v).ndim) })
        c.defineProperty("size", get: { v in .int(try array(v).count) })
        c.defineProperty("itemsize", get: { v in .int(try array(v).elementType.itemSize) })
        c.defineProperty("nbytes", get: { v in let a = try array(v); return .int(a.count * a.elementType.itemSize) })
        c.defineProperty("dtype", get: { v in .object(NumpyDTypeObject(try array(v).elementType.rawValue)) })
        c.defineProperty("T", get: { v in
            guard let me = v.as(NDArrayObject.self) else { throw pyError(.typeError, "expected an ndarray, got \(v.typeName)") }
            return try NDArrayViews.transposed(me, nil)
        })
        c.defineProperty("base", get: { v in v.as(NDArrayObject.self)?.viewBase.map { .object($0) } ?? .none })
        pandasMethod(c, NDArrayObject.self, "reshape", ["*shape", "order='C'"]) { me, b in
            try NDArrayViews.reshapedIfContiguous(me, try reshape(me.array, b.varargs).shape)
        }
        pandasMethod(c, NDArrayObject.self, "transpose", ["*axes"]) { me, b in
            var axes = b.varargs
            if axes.count == 1, axes[0].as(PyTuple.self) != nil || axes[0].as(PyList.self) != nil { axes = try Runtime.iterateToArray(axes[0]) }
            return try NDArrayViews.transposed(me, axes.isEmpty ? nil : try axes.map { try $0.asInt() })
        }
        method(c, "flatten", ["order='C'"]) { a, _ in NumpyConvert.wrap(try a.reshaped([a.count])) }
        pandasMethod(c, NDArrayObject.self, "ravel", ["order='C'"]) { me, _ in try NDArrayViews.reshapedIfContiguous(me, [me.array.count]) }
        pandasMethod(c, NDArrayObject.self, "squeeze", ["axis=None"]) { me, b in
            NDArrayViews.reshaped(me, try squeeze(me.array, b["axis"]).shape)
        }
        pandasMethod(c, NDArrayObject.self, "view", ["dtype=None", "type=None"]) { me, b in
            guard b["dtype"].isNone, b["type"].isNone else { throw notSupported("ndarray.view(dtype) (reinterpreting the bytes)") }
            return NDArrayViews.reshaped(me, me.array.shape)
        }
        method(c, "copy", ["order='C'"]) { a, _ in NumpyConvert.wrap(a) }
        method(c, "astype", ["dtype", "order='K'", "casting='unsafe'", "subok=True", "copy=True"]) { a, b in
            guard let t = try NumpyTypes.elementType(b["dtype"], function: "astype") else { return NumpyConvert.wrap(a.astype(.float64)) }
            return NumpyConvert.wrap(a.astype(t))
        }
        method(c, "tolist") { a, _ in nested(a, axis: 0, offset: 0) }
        method(c, "item", ["*args"]) { a, b in
            if !b.varargs.isEmpty { return try scalarValue(NumpyIndexing.get(a, b.varargs.count == 1 ? b.varargs[0] : .object(PyTuple(b.varargs)))) }
            guard a.count == 1 else { throw pyError(.valueError, "can only convert an array of size 1 to a Python scalar") }
            return NumpyConvert.python(a.scalar(at: 0))
        }
        method(c, "fill", ["value"]) { _, _ in throw notSupported("ndarray.fill (in-place fill; use np.full)") }
        method(c, "dot", ["b"]) { a, b in try NumpyMath.matmul(.array(a), b["b"]) }
        method(c, "clip", ["min=None", "max=None"]) { a, b in try NumpyMath.clip(a, b["min"], b["max"]) }
        method(c, "round", ["decimals=0"]) { a, b in try NumpyMath.round(a, decimals: try b.int("decimals")) }
        method(c, "argsort", ["axis=-1", "kind=None", "order=None"]) { a, b in
            NumpyConvert.wrap(try a.sorted(axis: try b.optionalInt("axis"), returnIndices: true))
        }
        pandasMethod(c, NDArrayObject.self, "sort", ["axis=-1", "kind=None", "order=None"]) { me, b in
            if me.isScalar { throw pyError(.attributeError, "'\(me.pyClass.name)' object has no attribute 'sort'") }
            guard let axis = try b.optionalInt("axis") else { throw pyError(.valueError, "axis must be an integer for ndarray.sort") }
            me.array = try me.array.sorted(axis: axis, returnIndices: false)
            return .none
        }
        for r in [ArrayReduction.sum, .prod, .mean, .max, .min, .argmax, .argmin, .variance, .std, .any, .all] {
            let name = r == .variance ? "var" : r.rawValue
            method(c, name, ["axis=None", "dtype=None", "out=None", "keepdims=False", "ddof=0"]) { a, b in
                try NumpyMath.reduce(r, a, b)
            }
        }
        method(c, "cumsum", ["axis=None"]) { a, b in NumpyConvert.wrap(try a.cumulative(product: false, axis: try b.optionalInt("axis"))) }
        method(c, "cumprod", ["axis=None"]) { a, b in NumpyConvert.wrap(try a.cumulative(product: true, axis: try b.optionalInt("axis"))) }
        method(c, "__array_namespace__") { _, _ in throw notSupported("__array_namespace__") }
    }

    /// Defines a method whose `self` is any ndarray (or NumPy scalar).
    static func method(_ c: PyClass, _ name: String, _ params: [String] = [], _ body: @escaping (NDArray, BoundArguments) throws -> Value) {
        pandasMethod(c, NDArrayObject.self, name, params) { me, b in try body(me.array, b) }
    }

    static func array(_ v: Value) throws -> NDArray {
        guard let a = v.as(NDArrayObject.self) else { throw pyError(.typeError, "expected an ndarray, got \(v.typeName)") }
        return a.array
    }

    private static func scalarValue(_ v: Value) throws -> Value {
        guard let a = v.as(NDArrayObject.self), a.array.count == 1 else { return v }
        return NumpyConvert.python(a.array.scalar(at: 0))
    }

    /// `a.reshape(2, 3)`, `a.reshape((2, -1))`.
    static func reshape(_ a: NDArray, _ args: [Value]) throws -> NDArray {
        var dims = args
        if dims.count == 1, dims[0].as(PyTuple.self) != nil || dims[0].as(PyList.self) != nil { dims = try Runtime.iterateToArray(dims[0]) }
        var shape = try dims.map { try $0.asInt() }
        let unknown = shape.indices.filter { shape[$0] == -1 }
        if unknown.count > 1 { throw pyError(.valueError, "can only specify one unknown dimension") }
        if let u = unknown.first {
            let known = shape.enumerated().filter { $0.offset != u }.map { $0.element }.reduce(1, *)
            if known <= 0 || a.count % known != 0 {
                throw pyError(.valueError, "cannot reshape array of size \(a.count) into shape (\(shape.map(String.init).joined(separator: ",")))")
            }
            shape[u] = a.count / known
        }
        guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, { $0.multipliedReportingOverflow(by: $1).overflow ? -1 : $0 * $1 }) == a.count else {
            throw pyError(.valueError, "cannot reshape array of size \(a.count) into shape (\(shape.map(String.init).joined(separator: ",")))")
        }
        return try a.reshaped(shape)
    }

    static func squeeze(_ a: NDArray, _ axis: Value) throws -> NDArray {
        if axis.isNone { return try a.reshaped(a.shape.filter { $0 != 1 }) }
        var axes = try (axis.as(PyTuple.self) != nil ? Runtime.iterateToArray(axis) : [axis]).map { try $0.asInt() }
        axes = try axes.map { ax in
            guard ax >= -a.ndim && ax < a.ndim else { throw pyError(NumpyModule.axisError, "axis \(ax) is out of bounds for array of dimension \(a.ndim)") }
            return ax < 0 ? ax + a.ndim : ax
        }
        for ax in axes where a.shape[ax] != 1 {
            throw pyError(.valueError, "cannot select an axis to squeeze out which has size not equal to one")
        }
        return try a.reshaped(a.shape.enumerated().filter { !axes.contains($0.offset) }.map { $0.element })
    }

    /// `tolist()`: nested Python lists.
    private static func nested(_ a: NDArray, axis: Int, offset: Int) -> Value {
        if a.ndim == 0 { return NumpyConvert.python(a.scalar(at: 0)) }
        let inner = a.shape.dropFirst(axis + 1).reduce(1, *)
        if axis == a.ndim - 1 {
            return .object(PyList((0..<a.shape[axis]).map { NumpyConvert.python(a.scalar(at: offset + $0)) }))
        }
        return .object(PyList((0..<a.shape[axis]).map { nested(a, axis: axis + 1, offset: offset + $0 * inner) }))
    }

    // Kept for pandas' `.values[i]` row access.
    static func item(_ a: NDArray, _ key: Value) throws -> Value { try NumpyIndexing.get(a, key) }
}
