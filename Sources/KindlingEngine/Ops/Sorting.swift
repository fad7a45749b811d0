/// Ordering ops along one dim: `sort`, `argsort`, `topk`, with PyTorch's
/// order: stable (ties keep their input order, also descending), NaN after
/// every number ascending and before them descending.
extension Tensor {
    /// `sort(dim=-1, descending=False, stable=False)`: values and int64 indices.
    public func sort(dim d: Int = -1, descending: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        let w = try Shape.wrapDim(d, rank: dim)
        let lines = try SortLines(self, dim: w)
        let order = lines.orders(descending: descending, keep: lines.size)
        return try lines.results(order, keep: lines.size, gradName: "SortBackward0")
    }

    /// `argsort(dim=-1, descending=False, stable=False)`.
    public func argsort(dim d: Int = -1, descending: Bool = false) throws -> Tensor {
        try GradMode.withNoGrad { try sort(dim: d, descending: descending).indices }
    }

    /// `topk(k, dim=-1, largest=True, sorted=True)`: the k largest (or smallest)
    /// along `dim`, tied values in the order PyTorch's CPU kernel leaves them.
    public func topk(_ k: Int, dim d: Int = -1, largest: Bool = true, sorted: Bool = true) throws -> (values: Tensor, indices: Tensor) {
        let w = try Shape.wrapDim(d, rank: dim)
        let size = dim == 0 ? 1 : shape[w]
        guard k >= 0 && k <= size else { throw TensorError.runtime("selected index k out of range") }
        let lines = try SortLines(self, dim: w)
        let order = lines.topkOrders(k, largest: largest, sorted: sorted)
        return try lines.results(order, keep: k, gradName: "TopkBackward0")
    }
}

/// A tensor seen as lines along one dim, with its elements as exact sort keys
/// (Double for floats, Int64 for integers and bools).
struct SortLines {
    let source: Tensor
    let dim: Int
    let outer: Int, size: Int, inner: Int
    let floatKeys: [Double]?
    let intKeys: [Int64]?

    init(_ t: Tensor, dim: Int) throws {
        source = t
        self.dim = dim
        (outer, size, inner) = PositionKernels.layout(t.dim == 0 ? [1] : t.shape, dim)
        let v = try t.contiguousValues()
        switch t.dtype {
        case .float32: floatKeys = UnsafeBufferPointer(start: v.basePointer(Float.self), count: t.numel).map(Double.init); intKeys = nil
        case .float64: floatKeys = Array(UnsafeBufferPointer(start: v.basePointer(Double.self), count: t.numel)); intKeys = nil
        case .int32: intKeys = UnsafeBufferPointer(start: v.basePointer(Int32.self), count: t.numel).map(Int64.init); floatKeys = nil
        case .int64: intKeys = Array(UnsafeBufferPointer(start: v.basePointer(Int64.self), count: t.numel)); floatKeys = nil
        case .bool: intKeys = UnsafeBufferPointer(start: v.basePointer(Bool.self), count: t.numel).map { $0 ? 1 : 0 }; floatKeys = nil
        }
    }

    /// The row-major position of element `i` of line (o, j).
    @inline(__always) func position(_ o: Int, _ j: Int, _ i: Int) -> Int { (o * size + i) * inner + j }

    /// For every line (outer-major, then inner), the first `keep` positions along the line in sorted order.
    func orders(descending: Bool, keep: Int) -> [[Int]] {
        var result: [[Int]] = []
        result.reserveCapacity(outer * inner)
        for o in 0..<outer {
            for j in 0..<inner {
                var idx = Array(0..<size)
                if let keys = floatKeys {
                    let line = idx.map { keys[position(o, j, $0)] }
                    idx.sort { a, b in SortLines.before(line[a], line[b], a, b, descending) }
                } else if let keys = intKeys {
                    let line = idx.map { keys[position(o, j, $0)] }
                    idx.sort { a, b in line[a] != line[b] ? (descending ? line[a] > line[b] : line[a] < line[b]) : a < b }
                }
                result.append(Array(idx.prefix(keep)))
            }
        }
        return result
    }

    /// For every line, the line indices PyTorch's topk returns: a partial sort
    /// when k * 64 <= size, else nth_element and a sort of the first k - 1.
    func topkOrders(_ k: Int, largest: Bool, sorted: Bool) -> [[Int]] {
        var result: [[Int]] = []
        result.reserveCapacity(outer * inner)
        for o in 0..<outer {
            for j in 0..<inner {
                if let keys = floatKeys {
                    let line = (0..<size).map { (keys[position(o, j, $0)], $0) }
                    let less: ((Double, Int), (Double, Int)) -> Bool = largest
                        ? { x, y in (x.0.isNaN && !y.0.isNaN) || x.0 > y.0 }
                        : { x, y in (!x.0.isNaN && y.0.isNaN) || x.0 < y.0 }
                    result.append(SortLines.select(line, k, sorted, less))
                } else if let keys = intKeys {
                    let line = (0..<size).map { (keys[position(o, j, $0)], $0) }
                    let less: ((Int64, Int), (Int64, Int)) -> Bool = largest ? { $0.0 > $1.0 } : { $0.0 < $1.0 }
                    result.append(SortLines.select(line, k, sorted, less))
                }
            }
        }
        return result
    }

    private static func select<K>(_ line: [(K, Int)], _ k: Int, _ sorted: Bool, _ less: @escaping ((K, Int), (K, Int)) -> Bool) -> [Int] {
        guard k > 0 else { return [] }
        var alg = SelectionAlgorithms(a: line, less: less)
        let n = line.count
        if k * 64 <= n {
            alg.partialSort(0, k, n)
        } else {
            alg.nthElement(0, k - 1, n)
            if sorted { alg.sort(0, k - 1) }
        }
        return alg.a.prefix(k).map { $0.1 }
    }

    /// PyTorch's float order: NaN largest; ties by input position.
    @inline(__always) static func before(_ x: Double, _ y: Double, _ a: Int, _ b: Int, _ descending: Bool) -> Bool {
        let xn = x.isNaN, yn = y.isNaN
        if xn || yn {
            if xn && yn { return a < b }
            return descending ? xn : yn
        }
        if x != y { return descending ? x > y : x < y }
        return a < b
    }

    /// Values (a tracked copy named `gradName`) and int64 indices for lines kept to `keep` elements each.
    func results(_ orders: [[Int]], keep: Int, gradName: String) throws -> (values: Tensor, indices: Tensor) {
        var outShape = source.shape
        if !outShape.isEmpty { outShape[dim] = keep }
        var positions = [Int](repeating: 0, count: outer * keep * inner)
        let indices = try Tensor.empty(outShape, .int64)
        let pi = indices.basePointer(Int64.self)
        for o in 0..<outer {
            for j in 0..<inner {
                let order = orders[o * inner + j]
                for (r, i) in order.enumerated() {
                    let out = (o * keep + r) * inner + j
                    positions[out] = position(o, j, i)
                    pi[out] = Int64(i)
                }
            }
        }
        let values = try source.takePositions(positions, shape: outShape, gradName: gradName)
        return (values, indices)
    }
}
