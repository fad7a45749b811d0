import KindlingData
import KindlingLanguage

/// numpy `ndarray`'s subset: shape, dtype, reshape, indexing rows, tolist, reductions, printing.
enum NDArrayMethods {
    static func install(on c: PyClass) {
        func array(_ v: Value) throws -> NDArray {
            guard let a = v.as(NDArrayObject.self) else { throw pyError("TypeError", "expected an ndarray, got \(v.typeName)") }
            return a.array
        }
        pandasMethod(c, NDArrayObject.self, "__repr__") { me, _ in .str(me.array.numpyRepr) }
        pandasMethod(c, NDArrayObject.self, "__str__") { me, _ in .str(me.array.numpyStr) }
        pandasMethod(c, NDArrayObject.self, "__len__") { me, _ in
            guard let n = me.array.shape.first else { throw pyError("TypeError", "len() of unsized object") }
            return .int(n)
        }
        pandasMethod(c, NDArrayObject.self, "__getitem__", ["key"]) { me, b in try item(me.array, b["key"]) }
        pandasMethod(c, NDArrayObject.self, "__iter__") { me, _ in
            let a = me.array
            guard let n = a.shape.first else { throw pyError("TypeError", "iteration over a 0-d array") }
            var i = 0
            return .object(ClosureIterator {
                guard i < n else { return nil }
                i += 1
                return try item(a, .int(i - 1))
            })
        }
        c.defineProperty("shape", get: { v in PandasConvert.tuple(try array(v).shape) })
        c.defineProperty("ndim", get: { v in .int(try array(v).ndim) })
        c.defineProperty("size", get: { v in .int(try array(v).count) })
        c.defineProperty("dtype", get: { v in .object(NumpyDTypeObject(try array(v).dtype.rawValue)) })
        pandasMethod(c, NDArrayObject.self, "reshape", ["*shape"]) { me, b in
            var dims = b.varargs
            if dims.count == 1, let t = dims[0].as(PyTuple.self) { dims = t.items }
            if dims.count == 1, let l = dims[0].as(PyList.self) { dims = l.items }
            var shape = try dims.map { try $0.asInt() }
            let unknown = shape.indices.filter { shape[$0] == -1 }
            if unknown.count > 1 { throw pyError("ValueError", "can only specify one unknown dimension") }
            if let u = unknown.first {
                let known = shape.enumerated().filter { $0.offset != u }.map { $0.element }.reduce(1, *)
                if known <= 0 || me.array.count % known != 0 {
                    throw pyError("ValueError", "cannot reshape array of size \(me.array.count) into shape \(ShapeText.tuple(shape))")
                }
                shape[u] = me.array.count / known
            }
            guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, { $0.multipliedReportingOverflow(by: $1).overflow ? -1 : $0 * $1 }) == me.array.count else {
                throw pyError("ValueError", "cannot reshape array of size \(me.array.count) into shape \(ShapeText.tuple(shape))")
            }
            return .object(NDArrayObject(try NDArray(me.array.storage, shape: shape)))
        }
        pandasMethod(c, NDArrayObject.self, "tolist") { me, _ in nested(me.array, axis: 0, offset: 0) }
        pandasMethod(c, NDArrayObject.self, "sum") { me, _ in
            PandasConvert.value(Series(values: me.array.storage).sum())
        }
        pandasMethod(c, NDArrayObject.self, "mean") { me, _ in .float(Series(values: me.array.storage).mean()) }
        pandasMethod(c, NDArrayObject.self, "min") { me, _ in try SeriesMethods.extreme(Series(values: me.array.storage), largest: false) }
        pandasMethod(c, NDArrayObject.self, "max") { me, _ in try SeriesMethods.extreme(Series(values: me.array.storage), largest: true) }
    }

    /// `a[i]`, `a[i, j]`, `a[a:b]`: integers pick along leading axes, a slice picks rows.
    static func item(_ a: NDArray, _ key: Value) throws -> Value {
        var keys = [key]
        if let t = key.as(PyTuple.self) { keys = t.items }
        if keys.count > a.ndim {
            throw pyError("IndexError", "too many indices for array: array is \(a.ndim)-dimensional, but \(keys.count) were indexed")
        }
        var current = a
        for (axis, k) in keys.enumerated() {
            if let s = k.as(KindlingLanguage.PySlice.self) {
                guard keys.count == 1 else { throw notSupported("ndarray indexing mixing slices with other indices") }
                let rows = try PandasConvert.slice(s).positions(count: current.shape[0]).array
                return .object(NDArrayObject(try takeRows(current, rows)))
            }
            guard case .int(let i) = k else {
                throw pyError("IndexError", "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
            }
            let n = current.shape[0]
            let j = i < 0 ? i + n : i
            guard j >= 0 && j < n else {
                throw pyError("IndexError", "index \(i) is out of bounds for axis \(axis) with size \(n)")
            }
            current = try takeRows(current, [j], collapse: true)
        }
        if current.ndim == 0 { return PandasConvert.value(current.storage.scalar(at: 0)) }
        return .object(NDArrayObject(current))
    }

    /// Rows (along axis 0) at positions; `collapse` drops axis 0 (one integer index).
    static func takeRows(_ a: NDArray, _ rows: [Int], collapse: Bool = false) throws -> NDArray {
        let inner = a.shape.dropFirst().reduce(1, *)
        let storage: NumericBuffer
        if rows.count == 1 {
            storage = a.storage.slice((rows[0] * inner)..<((rows[0] + 1) * inner))
        } else {
            var positions: [Int] = []
            positions.reserveCapacity(rows.count * inner)
            for r in rows { positions.append(contentsOf: (r * inner)..<((r + 1) * inner)) }
            storage = a.storage.take(positions)
        }
        let rest = Array(a.shape.dropFirst())
        return try NDArray(storage, shape: collapse ? rest : [rows.count] + rest)
    }

    /// `tolist()`: nested Python lists.
    private static func nested(_ a: NDArray, axis: Int, offset: Int) -> Value {
        if a.ndim == 0 { return PandasConvert.value(a.storage.scalar(at: 0)) }
        let inner = a.shape.dropFirst(axis + 1).reduce(1, *)
        if axis == a.ndim - 1 {
            return .object(PyList((0..<a.shape[axis]).map { PandasConvert.value(a.storage.scalar(at: offset + $0)) }))
        }
        return .object(PyList((0..<a.shape[axis]).map { nested(a, axis: axis + 1, offset: offset + $0 * inner) }))
    }
}
