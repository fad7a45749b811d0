/// NumPy's shape operations and linear algebra on `NDArray`: transpose, concatenate, matmul,
/// sort. Results are new arrays (NumPy's views are copies here).
extension NDArray {
    /// `a.transpose(axes)` (nil: reversed axes, `a.T`).
    public func transposed(_ axes: [Int]? = nil) throws -> NDArray {
        let perm = try (axes ?? Array((0..<ndim).reversed())).map { ax -> Int in
            guard ax >= -ndim && ax < ndim else {
                throw DataError(.axisError, "axis \(ax) is out of bounds for array of dimension \(ndim)")
            }
            return ax < 0 ? ax + ndim : ax
        }
        guard perm.count == ndim, Set(perm).count == ndim else { throw DataError.value("axes don't match array") }
        let newShape = perm.map { shape[$0] }
        let strides = elementStrides
        let newStrides = perm.map { strides[$0] }
        return try gathered(NDArray.stridedPositions(shape: newShape, strides: newStrides), shape: newShape)
    }

    /// `np.concatenate(arrays, axis)` (the dtypes promoted).
    public static func concatenate(_ arrays: [NDArray], axis: Int) throws -> NDArray {
        guard let first = arrays.first else { throw DataError.value("need at least one array to concatenate") }
        guard first.ndim > 0 else { throw DataError.value("zero-dimensional arrays cannot be concatenated") }
        guard axis >= -first.ndim && axis < first.ndim else {
            throw DataError(.axisError, "axis \(axis) is out of bounds for array of dimension \(first.ndim)")
        }
        let ax = axis < 0 ? axis + first.ndim : axis
        let type = arrays.dropFirst().reduce(first.elementType) { ArrayElementType.promote($0, $1.elementType) }
        for (i, a) in arrays.enumerated() {
            guard a.ndim == first.ndim else {
                throw DataError.value("all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has \(first.ndim) dimension(s) and the array at index \(i) has \(a.ndim) dimension(s)")
            }
            for d in 0..<a.ndim where d != ax && a.shape[d] != first.shape[d] {
                throw DataError.value("all the input array dimensions except for the concatenation axis must match exactly, but along dimension \(d), the array at index 0 has size \(first.shape[d]) and the array at index \(i) has size \(a.shape[d])")
            }
        }
        let outer = first.shape[..<ax].reduce(1, *)
        var shape = first.shape
        shape[ax] = arrays.reduce(0) { $0 + $1.shape[ax] }
        if type.isFloat {
            let parts = arrays.map { $0.doubleValues }
            var out: [Double] = []
            out.reserveCapacity(shape.reduce(1, *))
            for o in 0..<outer {
                for (a, values) in zip(arrays, parts) {
                    let block = a.shape[ax...].reduce(1, *)
                    out.append(contentsOf: values[(o * block)..<((o + 1) * block)])
                }
            }
            return try make(out, shape: shape, type: type)
        }
        let parts = arrays.map { $0.int64Values }
        var out: [Int64] = []
        for o in 0..<outer {
            for (a, values) in zip(arrays, parts) {
                let block = a.shape[ax...].reduce(1, *)
                out.append(contentsOf: values[(o * block)..<((o + 1) * block)])
            }
        }
        return try make(out, shape: shape, type: type)
    }

    /// `a @ b` / `np.dot` for 1-D and 2-D operands and stacks of matrices (NumPy's matmul rules).
    public static func matmul(_ a: NDArray, _ b: NDArray) throws -> NDArray {
        guard a.ndim > 0 && b.ndim > 0 else {
            throw DataError.value("matmul: Input operand \(a.ndim == 0 ? 0 : 1) does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
        }
        let x = a.ndim == 1 ? try a.reshaped([1, a.shape[0]]) : a
        let y = b.ndim == 1 ? try b.reshaped([b.shape[0], 1]) : b
        let n = x.shape[x.ndim - 2], k = x.shape[x.ndim - 1], k2 = y.shape[y.ndim - 2], m = y.shape[y.ndim - 1]
        guard k == k2 else {
            throw DataError.value("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size \(k2) is different from \(k))")
        }
        let batch = try broadcastShape(Array(x.shape.dropLast(2)), Array(y.shape.dropLast(2)))
        let xb = try x.broadcast(to: batch + [n, k]), yb = try y.broadcast(to: batch + [k, m])
        let type = ArrayElementType.promote(a.elementType, b.elementType)
        let batches = batch.reduce(1, *)
        var shape = batch + [n, m]
        if a.ndim == 1 { shape.remove(at: shape.count - 2) }
        if b.ndim == 1 { shape.removeLast() }
        if type.isFloat || type == .bool {
            let xv = xb.doubleValues, yv = yb.doubleValues
            var out = [Double](repeating: 0, count: batches * n * m)
            let single = type == .float32
            for bi in 0..<batches {
                for i in 0..<n { for j in 0..<m {
                    var acc = 0.0
                    var accF: Float = 0
                    for p in 0..<k {
                        let prod = xv[bi * n * k + i * k + p] * yv[bi * k * m + p * m + j]
                        if single { accF += Float(prod) } else { acc += prod }
                    }
                    out[bi * n * m + i * m + j] = single ? Double(accF) : acc
                } }
            }
            if type == .bool { return try make(out.map { $0 != 0 }, shape: shape) }
            return try make(out, shape: shape, type: type)
        }
        let xv = xb.int64Values, yv = yb.int64Values
        var out = [Int64](repeating: 0, count: batches * n * m)
        for bi in 0..<batches {
            for i in 0..<n { for j in 0..<m {
                var acc: Int64 = 0
                for p in 0..<k { acc = acc &+ xv[bi * n * k + i * k + p] &* yv[bi * k * m + p * m + j] }
                out[bi * n * m + i * m + j] = acc
            } }
        }
        return try make(out, shape: shape, type: type)
    }

    /// `np.argsort(a, axis=-1)` (stable, NaN last) and, with `values`, `np.sort`.
    public func sortedAlongLastAxis(returnIndices: Bool) throws -> NDArray {
        guard ndim > 0 else { return self }
        let length = shape[ndim - 1]
        let rows = length == 0 ? 0 : count / length
        let v = doubleValues
        let ints = elementType.isFloat ? [] : int64Values
        var order = [Int](repeating: 0, count: count)
        for r in 0..<rows {
            let base = r * length
            let idx = (0..<length).sorted { i, j in
                if ints.isEmpty {
                    let x = v[base + i], y = v[base + j]
                    // NaN sorts last, as in NumPy; ties keep their order (a stable sort).
                    if x.isNaN || y.isNaN { return x.isNaN == y.isNaN ? i < j : y.isNaN }
                    return x < y || (x == y && i < j)
                }
                let x = ints[base + i], y = ints[base + j]
                return x < y || (x == y && i < j)
            }
            for (k, i) in idx.enumerated() { order[base + k] = returnIndices ? i : base + i }
        }
        if returnIndices { return try NDArray.make(order.map { Int64($0) }, shape: shape, type: .int64) }
        return try gathered(order, shape: shape)
    }

    /// `np.sort(a, axis)` / `np.argsort(a, axis)`: sorts along any axis (negative counts from the
    /// end) by moving it last, sorting there and moving it back; nil sorts the flattened array.
    public func sorted(axis: Int?, returnIndices: Bool) throws -> NDArray {
        guard let axis else { return try reshaped([count]).sortedAlongLastAxis(returnIndices: returnIndices) }
        guard ndim > 0 else {
            throw DataError(.axisError, "axis \(axis) is out of bounds for array of dimension 0")
        }
        guard axis >= -ndim && axis < ndim else {
            throw DataError(.axisError, "axis \(axis) is out of bounds for array of dimension \(ndim)")
        }
        let ax = axis < 0 ? axis + ndim : axis
        if ax == ndim - 1 { return try sortedAlongLastAxis(returnIndices: returnIndices) }
        var perm = Array(0..<ndim)
        perm.swapAt(ax, ndim - 1)   // a swap is its own inverse
        return try transposed(perm).sortedAlongLastAxis(returnIndices: returnIndices).transposed(perm)
    }
}
