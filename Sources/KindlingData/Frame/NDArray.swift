import Foundation

/// A numpy-like array: a shape and row-major values (`df.values`, `s.values`).
/// Bindings turn it into a tensor with one of the bulk conversions below, no per-element Python work.
public struct NDArray {
    public let shape: [Int]
    /// Row-major values; `.uint8` is compact int64 storage.
    public let storage: NumericBuffer
    /// The NumPy dtype; float32/int32/uint8 values live in the wider storage (see `ArrayElementType`).
    public let elementType: ArrayElementType

    /// An array of `elementType` (whose values the caller has already converted to that type).
    public init(_ storage: NumericBuffer, shape: [Int], elementType: ArrayElementType) throws {
        try self.init(storage, shape: shape)
        self = NDArray(unchecked: storage, shape: shape, elementType: elementType)
    }

    /// Checks that the shape matches the number of values.
    public init(_ storage: NumericBuffer, shape: [Int]) throws {
        var n = 1, overflow = false
        for d in shape { let (p, o) = n.multipliedReportingOverflow(by: Swift.max(d, 0)); n = p; overflow = overflow || o }
        guard shape.allSatisfy({ $0 >= 0 }), !overflow, n == storage.count else {
            throw DataError.value("cannot reshape array of size \(storage.count) into shape \(ShapeText.tuple(shape))")
        }
        self.init(unchecked: storage, shape: shape)
    }

    init(unchecked storage: NumericBuffer, shape: [Int], elementType: ArrayElementType? = nil) {
        self.storage = storage
        self.shape = shape
        self.elementType = elementType ?? ArrayElementType(storage.dtype)
    }

    public var dtype: FrameDType { storage.dtype }
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
        if nCols > 0 && allBytes && rows == nil {
            storage = .uint8(transposeBytes(cols.map { if case .uint8(let a) = $0 { return a } else { return [] } }, rows: nRows))
        } else if nCols > 0 && allBytes {
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

/// The row-major `rows x columns.count` block of byte columns (each `rows` long), built
/// 8 x 8 bytes at a time: eight 8-byte loads, a transpose in registers, eight 8-byte stores
/// (a byte-by-byte strided copy cost one store per value). Row blocks are split over the cores.
private func transposeBytes(_ columns: [[UInt8]], rows: Int) -> [UInt8] {
    let nCols = columns.count
    let total = rows * nCols
    // The column arrays are held by `columns` and never mutated while their addresses are used.
    let sources: [UnsafePointer<UInt8>?] = columns.map { $0.withUnsafeBufferPointer { $0.baseAddress } }
    return withExtendedLifetime(columns) {
        Array(unsafeUninitializedCapacity: total) { out, n in
            n = total
            guard let dst = out.baseAddress, total > 0, sources.count == nCols,
                  sources.allSatisfy({ $0 != nil }) else { n = 0; return }
            let src = sources.map { $0.unsafelyUnwrapped }
            let blocks = rows / 8
            let parts = total > 1 << 20 ? ProcessInfo.processInfo.activeProcessorCount : 1
            src.withUnsafeBufferPointer { cp in
                guard let cols = cp.baseAddress else { return }
                DispatchQueue.concurrentPerform(iterations: parts) { k in
                    let from = blocks * k / parts, to = blocks * (k + 1) / parts
                    for b in from..<to { transpose8Rows(cols, nCols, b * 8, dst) }
                }
            }
            for r in (blocks * 8)..<rows {   // the last rows % 8 rows
                for c in 0..<nCols { dst[r * nCols + c] = src[c][r] }
            }
        }
    }
}

/// Rows `r0 ..< r0 + 8` of the byte columns `cols` into the row-major `dst`.
@inline(__always)
private func transpose8Rows(_ cols: UnsafePointer<UnsafePointer<UInt8>>, _ nCols: Int, _ r0: Int,
                            _ dst: UnsafeMutablePointer<UInt8>) {
    var c0 = 0
    while c0 + 8 <= nCols {
        // x_j holds rows r0...r0+7 of column c0+j (byte i = row r0+i).
        var x0 = load8(cols[c0] + r0), x1 = load8(cols[c0 + 1] + r0), x2 = load8(cols[c0 + 2] + r0)
        var x3 = load8(cols[c0 + 3] + r0), x4 = load8(cols[c0 + 4] + r0), x5 = load8(cols[c0 + 5] + r0)
        var x6 = load8(cols[c0 + 6] + r0), x7 = load8(cols[c0 + 7] + r0)
        swapBlocks(&x0, &x1, 8, 0x00FF_00FF_00FF_00FF); swapBlocks(&x2, &x3, 8, 0x00FF_00FF_00FF_00FF)
        swapBlocks(&x4, &x5, 8, 0x00FF_00FF_00FF_00FF); swapBlocks(&x6, &x7, 8, 0x00FF_00FF_00FF_00FF)
        swapBlocks(&x0, &x2, 16, 0x0000_FFFF_0000_FFFF); swapBlocks(&x1, &x3, 16, 0x0000_FFFF_0000_FFFF)
        swapBlocks(&x4, &x6, 16, 0x0000_FFFF_0000_FFFF); swapBlocks(&x5, &x7, 16, 0x0000_FFFF_0000_FFFF)
        swapBlocks(&x0, &x4, 32, 0x0000_0000_FFFF_FFFF); swapBlocks(&x1, &x5, 32, 0x0000_0000_FFFF_FFFF)
        swapBlocks(&x2, &x6, 32, 0x0000_0000_FFFF_FFFF); swapBlocks(&x3, &x7, 32, 0x0000_0000_FFFF_FFFF)
        // Now x_j holds columns c0...c0+7 of row r0+j.
        let base = dst + r0 * nCols + c0
        store8(x0, base); store8(x1, base + nCols); store8(x2, base + 2 * nCols); store8(x3, base + 3 * nCols)
        store8(x4, base + 4 * nCols); store8(x5, base + 5 * nCols); store8(x6, base + 6 * nCols); store8(x7, base + 7 * nCols)
        c0 += 8
    }
    for c in c0..<nCols {   // the last nCols % 8 columns
        for i in 0..<8 { dst[(r0 + i) * nCols + c] = cols[c][r0 + i] }
    }
}

/// Exchanges the `shift`-wide sub-blocks selected by `mask` between two 8 x 8 halves.
@inline(__always) private func swapBlocks(_ a: inout UInt64, _ b: inout UInt64, _ shift: UInt64, _ mask: UInt64) {
    let t = ((a >> shift) ^ b) & mask
    b ^= t
    a ^= t << shift
}

@inline(__always) private func load8(_ p: UnsafePointer<UInt8>) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
}

@inline(__always) private func store8(_ v: UInt64, _ p: UnsafeMutablePointer<UInt8>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v.littleEndian, as: UInt64.self)
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
