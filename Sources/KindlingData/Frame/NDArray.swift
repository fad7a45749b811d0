import Foundation

/// A numpy-like array: a shape and row-major values (`df.values`, `s.values`).
/// Bindings turn it into a tensor with one of the bulk conversions below, no per-element Python work.
public struct NDArray {
    public let shape: [Int]
    /// Row-major values; `.uint8` is compact int64 storage.
    public let storage: NumericBuffer

    /// Checks that the shape matches the number of values.
    public init(_ storage: NumericBuffer, shape: [Int]) throws {
        var n = 1, overflow = false
        for d in shape { let (p, o) = n.multipliedReportingOverflow(by: Swift.max(d, 0)); n = p; overflow = overflow || o }
        guard shape.allSatisfy({ $0 >= 0 }), !overflow, n == storage.count else {
            throw DataError.value("cannot reshape array of size \(storage.count) into shape (\(shape.map(String.init).joined(separator: ", ")))")
        }
        self.init(unchecked: storage, shape: shape)
    }

    init(unchecked storage: NumericBuffer, shape: [Int]) {
        self.storage = storage
        self.shape = shape
    }

    public var dtype: DType { storage.dtype }
    public var count: Int { storage.count }
    public var ndim: Int { shape.count }

    /// Values as Float (for a float32 tensor).
    public func toFloats() -> [Float] { storage.toFloats() }
    /// Values as Double.
    public func toDoubles() -> [Double] { storage.toDoubles() }
    /// Values as Int64 (for an int64 tensor).
    public func toInt64s() -> [Int64] { storage.toInt64s() }
}

extension DataFrame {
    /// `df.values` / `df.to_numpy()`: a rows x columns array. int64 when every column is
    /// integer (compact uint8 storage when every column is), float64 when any is float.
    public var values: NDArray { block(rows: nil, columns: Array(0..<columns.count)) }

    /// True when every column is compact uint8-backed int64 (so `values` is one byte per value).
    public var allColumnsCompact: Bool {
        !data.isEmpty && data.allSatisfy { if case .uint8 = $0 { return true } else { return false } }
    }

    /// A row-major 2-D block of the given rows (nil: all, in order) and column positions,
    /// gathered in one pass per column.
    public func block(rows: [Int]?, columns picked: [Int]) -> NDArray {
        let nRows = rows?.count ?? rowCount
        let nCols = picked.count
        let total = nRows * nCols
        let cols = picked.map { data[$0] }
        let kinds = Set(cols.map { $0.dtype })
        let allBytes = cols.allSatisfy { if case .uint8 = $0 { return true } else { return false } }
        let storage: NumericBuffer
        if nCols > 0 && allBytes {
            storage = .uint8(gather(total, nRows, nCols) { c, out, stride, range in
                if case .uint8(let a) = cols[c] { scatter(a, rows, out, stride, range) }
            })
        } else if kinds == [.bool] {
            storage = .bool(gather(total, nRows, nCols) { c, out, stride, range in
                if case .bool(let a) = cols[c] { scatter(a, rows, out, stride, range) }
            })
        } else if kinds.contains(.float64) {
            let typed = cols.map { $0.toDoubles() }   // float64 columns are shared, not copied
            storage = .float64(gather(total, nRows, nCols) { c, out, stride, range in
                scatter(typed[c], rows, out, stride, range)
            })
        } else {
            let typed = cols.map { $0.toInt64s() }
            storage = .int64(gather(total, nRows, nCols) { c, out, stride, range in
                scatter(typed[c], rows, out, stride, range)
            })
        }
        return NDArray(unchecked: storage, shape: [nRows, nCols])
    }
}

/// Allocates `total` values and lets `fill(column, base, stride, rowRange)` write a column's
/// values for a tile of rows at base[r * stride]. Tiles of rows keep the written block in cache;
/// tiles are split over the cores.
private func gather<T>(_ total: Int, _ nRows: Int, _ nCols: Int,
                       _ fill: (Int, UnsafeMutablePointer<T>, Int, Range<Int>) -> Void) -> [T] {
    Array(unsafeUninitializedCapacity: total) { out, n in
        if let base = out.baseAddress, total > 0 {
            let tile = max(16, 262_144 / max(nCols * MemoryLayout<T>.stride, 1))
            let tiles = (nRows + tile - 1) / tile
            let parts = total > 1 << 20 ? ProcessInfo.processInfo.activeProcessorCount : 1
            DispatchQueue.concurrentPerform(iterations: parts) { k in
                for t in stride(from: k, to: tiles, by: parts) {
                    let rows = (t * tile)..<min((t + 1) * tile, nRows)
                    for c in 0..<nCols { fill(c, base + c, nCols, rows) }
                }
            }
        }
        n = total
    }
}

@inline(__always) private func scatter<T>(_ src: [T], _ rows: [Int]?, _ dst: UnsafeMutablePointer<T>, _ stride: Int, _ range: Range<Int>) {
    src.withUnsafeBufferPointer { s in
        guard let sp = s.baseAddress else { return }
        if let rows = rows {
            for r in range { (dst + r * stride).initialize(to: sp[rows[r]]) }
        } else {
            for r in range { (dst + r * stride).initialize(to: sp[r]) }
        }
    }
}

extension DataFrame {
    /// The block of `block(rows:columns:)` as Float: what `tensor(df.iloc[:, 1:].values).float()`
    /// ends with. (Gathering compact uint8 first and widening once measured faster than a fused
    /// converting gather, whose strided Float writes dominate.)
    public func floatBlock(rows: [Int]?, columns picked: [Int]) -> [Float] {
        block(rows: rows, columns: picked).toFloats()
    }
}
