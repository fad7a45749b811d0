import KindlingEngine

/// A dataset of rows of tensors held column-wise (`list(zip(xs, ys))` seen
/// as `[xs..., ys...]`), collated by stacking only the selected rows, so a
/// dataset of views is never copied whole.
public struct TensorColumns {
    public let columns: [[Tensor]]
    public let count: Int

    /// `rows[i][c]`; every row must have the same number of tensors.
    public init?(rows: [[Tensor]]) {
        guard let width = rows.first?.count, width > 0, rows.allSatisfy({ $0.count == width }) else { return nil }
        var cols = Array(repeating: [Tensor](), count: width)
        for c in 0..<width { cols[c].reserveCapacity(rows.count) }
        for r in rows { for c in 0..<width { cols[c].append(r[c]) } }
        columns = cols
        count = rows.count
    }

    public init(columns: [[Tensor]]) {
        self.columns = columns
        count = columns.first?.count ?? 0
    }

    /// The stacked tensors of the rows at `indices`, one per column.
    public func batch(_ indices: [Int]) throws -> [Tensor] {
        try columns.map { col in
            var picked: [Tensor] = []
            picked.reserveCapacity(indices.count)
            for i in indices {
                guard i >= 0 && i < col.count else { throw TensorError(.indexError, "list index out of range") }
                picked.append(col[i])
            }
            return try Tensor.stack(picked, dim: 0)
        }
    }
}
