/// Order statistics: `median` (the lower median, NaN when a NaN is present)
/// and `mode` (the most frequent value, the smallest on ties, with the index
/// of its last occurrence), as PyTorch computes them.
extension Tensor {
    /// `median()`: the lower median of all elements (MedianBackward0 shares
    /// the gradient among the elements equal to it).
    public func median() throws -> Tensor {
        let flat = try reshape([numel])
        let lines = try SortLines(flat, dim: 0)
        let order = lines.orders(descending: false, keep: numel)[0]
        let out: Tensor
        if numel == 0 {
            out = try Tensor.scalarTensor(dtype.isFloatingPoint ? .float(.nan) : .int(0), dtype)
        } else {
            out = try PositionKernels.take(flat, [order[lines.firstNaN(order) ?? (numel - 1) / 2]], shape: [])
        }
        if dtype.isFloatingPoint && Tensor.needsGrad(self) {
            out.attach(.evenlyDistributed(name: "MedianBackward0", x: SavedTensor(self), result: SavedTensor(output: out, producer: "MedianBackward0")), [self])
        }
        return out
    }

    /// `median(dim, keepdim=False)`: lower medians and their indices along `dim`.
    public func median(dim d: Int, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try pickPerLine(d, keepdim: keepdim, name: "median", gradName: "MedianBackward1") { lines, order in
            lines.firstNaN(order) ?? (order.count - 1) / 2
        }
    }

    /// `mode(dim=-1, keepdim=False)`.
    public func mode(dim d: Int = -1, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try pickPerLine(d, keepdim: keepdim, name: "mode", gradName: "ModeBackward0") { lines, order in
            // The longest run of equal values in sorted order (first = smallest on ties), ending at its last element.
            var best = 0, bestCount = 0, runStart = 0
            for r in 0..<order.count {
                if r > 0 && !lines.equal(order[r], order[r - 1]) { runStart = r }
                let count = r - runStart + 1
                if count > bestCount { bestCount = count; best = r }
            }
            return best
        }
    }

    /// Sorts each line along `dim` stably and keeps the element at the rank
    /// `pick` chooses, with its index.
    private func pickPerLine(_ d: Int, keepdim: Bool, name: String, gradName: String,
                             _ pick: (SortLines, [Int]) -> Int) throws -> (values: Tensor, indices: Tensor) {
        let w = try Shape.wrapDim(d, rank: dim)
        let lines = try SortLines(self, dim: w)
        if lines.size == 0 {
            throw TensorError.index("\(name)(): Expected reduction dim \(w) to have non-zero size.")
        }
        let orders = lines.orders(descending: false, keep: lines.size)
        var outShape = shape
        if !outShape.isEmpty { if keepdim { outShape[w] = 1 } else { outShape.remove(at: w) } }
        var positions = [Int](repeating: 0, count: lines.outer * lines.inner)
        let indices = try Tensor.empty(outShape, .int64)
        let pi = indices.basePointer(Int64.self)
        for o in 0..<lines.outer {
            for j in 0..<lines.inner {
                let order = orders[o * lines.inner + j]
                let i = order[pick(lines, order.map { lines.position(o, j, $0) })]
                positions[o * lines.inner + j] = lines.position(o, j, i)
                pi[o * lines.inner + j] = Int64(i)
            }
        }
        let values = try takePositions(positions, shape: outShape, gradName: gradName)
        return (values, indices)
    }
}

extension SortLines {
    /// The rank of the first NaN in a sorted line given as row-major positions, if any.
    func firstNaN(_ order: [Int]) -> Int? {
        guard let keys = floatKeys else { return nil }
        return order.firstIndex { keys[$0].isNaN }
    }

    /// Whether the elements at two row-major positions are equal (NaN equals nothing).
    func equal(_ a: Int, _ b: Int) -> Bool {
        if let keys = floatKeys { return keys[a] == keys[b] }
        if let keys = intKeys { return keys[a] == keys[b] }
        return false
    }
}
