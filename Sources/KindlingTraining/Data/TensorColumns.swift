import KindlingEngine

/// A dataset of rows of tensors held column-wise (`list(zip(xs, ys))` seen
/// as `[xs..., ys...]`), collated by stacking only the selected rows, so a
/// dataset of views is never copied whole. Each column gathers through a
/// `RowGather` (item addresses computed once, one copy loop per batch).
public struct TensorColumns {
    public let columns: [[Tensor]]
    public let count: Int
    private let gathers: [RowGather]

    /// `rows[i][c]`; every row must have the same number of tensors.
    public init?(rows: [[Tensor]]) {
        guard let width = rows.first?.count, width > 0, rows.allSatisfy({ $0.count == width }) else { return nil }
        var cols = Array(repeating: [Tensor](), count: width)
        for c in 0..<width { cols[c].reserveCapacity(rows.count) }
        for r in rows { for c in 0..<width { cols[c].append(r[c]) } }
        self.init(columns: cols)
    }

    public init(columns: [[Tensor]]) {
        self.columns = columns
        count = columns.first?.count ?? 0
        gathers = columns.map { RowGather($0) }
    }

    /// The stacked tensors of the rows at `indices`, one per column.
    public func batch(_ indices: [Int]) throws -> [Tensor] {
        try gathers.map { try $0.stack(indices) }
    }

    /// The batch at `indices`, then starts copying the batch at `next` on
    /// the second core (see `RowGather.prefetch`), to be taken by the next call.
    public func batch(_ indices: [Int], next: [Int]?) throws -> [Tensor] {
        let tensors = try batch(indices)
        if let next { for g in gathers { g.prefetch(next) } }
        return tensors
    }
}
