/// `tensor_split` (views, SliceBackward0 as in PyTorch), `tril_indices` /
/// `triu_indices`, and `unique_consecutive`.
extension Tensor {
    /// `tensor_split(sections, dim)`: `sections` views, the first `size % sections` one longer.
    public func tensorSplit(sections: Int, dim d: Int = 0) throws -> [Tensor] {
        guard dim > 0 else {
            throw TensorError.runtime("tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims")
        }
        guard sections > 0 else { throw TensorError.runtime("number of sections must be larger than 0, got \(sections)") }
        let w = try Shape.wrapDim(d, rank: dim)
        let base = shape[w] / sections, extra = shape[w] % sections
        var start = 0
        return try (0..<sections).map { i in
            let length = base + (i < extra ? 1 : 0)
            defer { start += length }
            return try slice(dim: w, start: start, end: start + length)
        }
    }

    /// `tensor_split(indices, dim)`: views between consecutive split points (Python slice bounds).
    public func tensorSplit(indices: [Int], dim d: Int = 0) throws -> [Tensor] {
        guard dim > 0 else {
            throw TensorError.runtime("tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims")
        }
        let w = try Shape.wrapDim(d, rank: dim)
        let starts: [Int?] = [0] + indices.map { $0 }
        let ends: [Int?] = indices.map { $0 } + [nil]
        return try zip(starts, ends).map { try slice(dim: w, start: $0, end: $1) }
    }

    /// `torch.tril_indices(row, col, offset)` / `triu_indices`: the 2 x N int64
    /// coordinates of a triangle, in row-major order.
    public static func triangleIndices(rows: Int, cols: Int, offset: Int, lower: Bool) throws -> Tensor {
        guard rows >= 0 else { throw TensorError.runtime("row must be non-negative, got\(rows)") }
        guard cols >= 0 else { throw TensorError.runtime("col must be non-negative, got\(cols)") }
        var r: [Int64] = [], c: [Int64] = []
        for i in 0..<rows {
            for j in 0..<cols where lower ? j - i <= offset : j - i >= offset {
                r.append(Int64(i))
                c.append(Int64(j))
            }
        }
        let out = try Tensor.empty([2, r.count], .int64)
        let p = out.basePointer(Int64.self)
        for k in 0..<r.count { p[k] = r[k]; p[r.count + k] = c[k] }
        return out
    }

    /// `unique_consecutive()` over all elements: the first of each run of
    /// equal neighbours, each element's run index, and the run lengths.
    public func uniqueConsecutive() throws -> (values: Tensor, inverse: Tensor, counts: Tensor) {
        let flat = try reshape([numel]).detach()
        return try groupRuns(flat, try SortLines(flat, dim: 0), order: Array(0..<numel), gradName: "UniqueConsecutiveBackward0")
    }
}
