import KindlingData
import KindlingLanguage

/// NumPy indexing (`a[i]`, `a[1:3, None]`, `a[mask]`, `a[[0, 2]]`, `a[..., 0]`) and assignment:
/// every key resolves to the flat positions it selects and the result's shape. Basic and
/// advanced indices mix as in NumPy: the broadcast advanced indices put their dimensions where
/// they stand when adjacent, first otherwise.
enum NumpyIndexing {
    /// What one entry of the key does to the source axes.
    private enum Selector {
        case newAxis
        case positions([Int])       // a slice: source positions along one axis
        case advanced(NDArray)      // integer positions (an int is a 0-d one) along one axis
    }

    /// The positions a key selects and the result shape.
    static func resolve(_ a: NDArray, _ key: Value) throws -> (positions: [Int], shape: [Int]) {
        var keys: [Value] = [key]
        if let t = key.as(PyTuple.self) { keys = t.items }
        // Boolean arrays expand into one integer array per dimension they cover.
        var expanded: [Value] = []
        var consumed = 0
        for k in keys {
            if let m = k.as(NDArrayObject.self), m.array.elementType == .bool, m.array.ndim > 0 {
                consumed += m.array.ndim
            } else if k.isNone || isEllipsis(k) {
                continue
            } else {
                consumed += 1
            }
        }
        if consumed > a.ndim {
            throw pyError(.indexError, "too many indices for array: array is \(a.ndim)-dimensional, but \(consumed) were indexed")
        }
        var sawEllipsis = false
        for k in keys {
            if isEllipsis(k) {
                if sawEllipsis { throw pyError(.indexError, "an index can only have a single ellipsis ('...')") }
                sawEllipsis = true
                for _ in 0..<(a.ndim - consumed) { expanded.append(.object(KindlingLanguage.PySlice(.none, .none, .none))) }
            } else {
                expanded.append(k)
            }
        }
        var selectors: [Selector] = []
        var axis = 0
        for k in expanded {
            if k.isNone { selectors.append(.newAxis); continue }
            if let s = k.as(KindlingLanguage.PySlice.self) {
                let n = a.shape[axis]
                selectors.append(.positions(try slicePositions(s, count: n)))
                axis += 1
                continue
            }
            if let m = k.as(NDArrayObject.self), m.array.elementType == .bool, m.array.ndim > 0 {
                let mask = m.array
                let dims = Array(a.shape[axis..<(axis + mask.ndim)])
                guard dims == mask.shape else {
                    throw pyError(.indexError, "boolean index did not match indexed array along axis \(axis); size of axis is \(a.shape[axis]) but size of corresponding boolean axis is \(mask.shape[0])")
                }
                let hits = mask.int64Values.enumerated().filter { $0.element != 0 }.map { $0.offset }
                let strides = mask.elementStrides
                for d in 0..<mask.ndim {
                    let coords = hits.map { Int64(($0 / strides[d]) % mask.shape[d]) }
                    selectors.append(.advanced(try NDArray.make(coords, shape: [coords.count], type: .int64)))
                }
                axis += mask.ndim
                continue
            }
            let index = try integerIndex(k)
            let n = a.shape[axis]
            let checked = try index.mapInt { i in
                let j = i < 0 ? i + Int64(n) : i
                guard j >= 0 && j < Int64(n) else {
                    throw pyError(.indexError, "index \(i) is out of bounds for axis \(axis) with size \(n)")
                }
                return j
            }
            selectors.append(.advanced(checked))
            axis += 1
        }
        while axis < a.ndim { selectors.append(.positions(Array(0..<a.shape[axis]))); axis += 1 }
        return try positions(a, selectors)
    }

    static func isEllipsis(_ v: Value) -> Bool {
        if case .object(let o) = v { return o.pyClass === Builtins.ellipsisType }
        return false
    }

    /// An integer index: a Python int, NumPy integer scalar, integer array or list of ints.
    private static func integerIndex(_ k: Value) throws -> NDArray {
        if case .int(let i) = k { return try NDArray.make([Int64(i)], shape: [], type: .int64) }
        if case .bool = k { throw notSupported("indexing an array with a Python bool") }
        if let m = k.as(NDArrayObject.self) {
            guard m.array.elementType.isInteger else {
                throw pyError(.indexError, "arrays used as indices must be of integer (or boolean) type")
            }
            return m.array
        }
        if k.as(PyList.self) != nil {
            let arr = try NumpyConvert.array(k, dtype: nil)
            if arr.count == 0 { return arr.astype(.int64) }
            guard arr.elementType.isInteger else {
                throw pyError(.indexError, "arrays used as indices must be of integer (or boolean) type")
            }
            return arr
        }
        if let t = k.tensorValue, t.dtype == .int64 { return try NumpyBridge.array(from: t) }
        throw pyError(.indexError, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
    }

    static func slicePositions(_ s: KindlingLanguage.PySlice, count n: Int) throws -> [Int] {
        try PandasConvert.slice(s).positions(count: n).array
    }

    /// Flat source positions in result order, and the result shape.
    private static func positions(_ a: NDArray, _ selectors: [Selector]) throws -> ([Int], [Int]) {
        let strides = a.elementStrides
        // Source axis of each selector (new axes have none).
        var axisOf: [Int?] = []
        var ax = 0
        for s in selectors {
            if case .newAxis = s { axisOf.append(nil) } else { axisOf.append(ax); ax += 1 }
        }
        let advancedAt = selectors.indices.filter { if case .advanced = selectors[$0] { return true } else { return false } }
        // Factors: (shape part, offsets) in output order.
        var factors: [([Int], [Int])] = []
        var advancedFactor: ([Int], [Int])? = nil
        if !advancedAt.isEmpty {
            let arrays = advancedAt.map { i -> NDArray in if case .advanced(let x) = selectors[i] { return x } else { return NDArray.emptyFloat64 } }
            var shape: [Int] = []
            for x in arrays { shape = try NDArray.broadcastShape(shape, x.shape) }
            let total = shape.reduce(1, *)
            var offsets = [Int](repeating: 0, count: total)
            for (k, x) in arrays.enumerated() {
                let stride = strides[axisOf[advancedAt[k]] ?? 0]
                let values = x.int64Values
                let pos = try x.broadcastPositions(to: shape)
                for j in 0..<total { offsets[j] += Int(values[pos[j]]) * stride }
            }
            advancedFactor = (shape, offsets)
        }
        let adjacent = advancedAt.isEmpty || (advancedAt.last ?? 0) - (advancedAt.first ?? 0) + 1 == advancedAt.count
        if let f = advancedFactor, !adjacent { factors.append(f) }
        for (i, s) in selectors.enumerated() {
            switch s {
            case .newAxis: factors.append(([1], [0]))
            case .positions(let p): factors.append(([p.count], p.map { $0 * strides[axisOf[i] ?? 0] }))
            case .advanced:
                if adjacent, i == advancedAt.first, let f = advancedFactor { factors.append(f) }
            }
        }
        var offsets = [0]
        var shape: [Int] = []
        for (part, offs) in factors {
            shape += part
            var next: [Int] = []
            next.reserveCapacity(offsets.count * offs.count)
            for o in offsets { for d in offs { next.append(o + d) } }
            offsets = next
        }
        return (offsets, shape)
    }

    /// `a[key]`: a NumPy scalar when the key picks one element with integers only.
    static func get(_ a: NDArray, _ key: Value) throws -> Value {
        let (positions, shape) = try resolve(a, key)
        return NumpyConvert.wrap(try a.gathered(positions, shape: shape))
    }

    /// `a[key] = value` (the value broadcast to the selection and cast to the array's dtype).
    static func set(_ a: NDArray, _ key: Value, _ value: Value) throws -> NDArray {
        let (positions, shape) = try resolve(a, key)
        let v: NDArray
        if let op = try NumpyConvert.operand(value) { v = op.array } else if let t = value.tensorValue {
            v = try NumpyBridge.array(from: t)
        } else {
            throw pyError(.typeError, "float() argument must be a string or a real number, not '\(value.typeName)'")
        }
        let source = try v.broadcastPositions(to: shape)
        if a.elementType.isFloat || v.elementType.isFloat && !a.elementType.isInteger && a.elementType != .bool {
            var out = a.doubleValues
            let values = v.doubleValues
            for (k, p) in positions.enumerated() { out[p] = a.elementType.convert(values[source[k]]) }
            return try NDArray.make(out, shape: a.shape, type: a.elementType)
        }
        if v.elementType.isFloat {
            var out = a.int64Values
            let values = v.doubleValues
            for (k, p) in positions.enumerated() { out[p] = a.elementType.wrap(truncatingDouble: values[source[k]]) }
            return try NDArray.make(out, shape: a.shape, type: a.elementType)
        }
        var out = a.int64Values
        let values = v.int64Values
        for (k, p) in positions.enumerated() { out[p] = a.elementType.wrap(values[source[k]]) }
        return try NDArray.make(out, shape: a.shape, type: a.elementType)
    }
}
