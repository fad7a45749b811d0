/// Growing-by-promotion column buffers for one chunk of a CSV: every column starts as
/// compact uint8 and is widened to int64, then float64, only when a value needs it.
final class ChunkColumns {
    enum Kind: UInt8, Comparable {
        case uint8 = 0, int64 = 1, float64 = 2
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    let columnCount: Int
    let capacity: Int
    /// Per-column kind and buffer; the pointers never change, the pointees do on promotion.
    let kinds: UnsafeMutablePointer<Kind>
    let buffers: UnsafeMutablePointer<UnsafeMutableRawPointer>
    var rows = 0

    init(columns: Int, capacity: Int) {
        columnCount = columns
        self.capacity = max(capacity, 1)
        kinds = .allocate(capacity: max(columns, 1))
        kinds.initialize(repeating: .uint8, count: max(columns, 1))
        buffers = .allocate(capacity: max(columns, 1))
        for c in 0..<columns {
            buffers[c] = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 8)
        }
    }

    deinit {
        for c in 0..<columnCount { buffers[c].deallocate() }
        buffers.deallocate()
        kinds.deallocate()
    }

    /// Stores a non-negative integer below 10^18 (the common pixel case).
    @inline(__always) func storeSmall(_ v: UInt64, column c: Int) {
        switch kinds[c] {
        case .uint8:
            if v <= 255 { buffers[c].assumingMemoryBound(to: UInt8.self)[rows] = UInt8(truncatingIfNeeded: v); return }
            promote(c, to: .int64)
            buffers[c].assumingMemoryBound(to: Int64.self)[rows] = Int64(v)
        case .int64: buffers[c].assumingMemoryBound(to: Int64.self)[rows] = Int64(v)
        case .float64: buffers[c].assumingMemoryBound(to: Double.self)[rows] = Double(v)
        }
    }

    func storeInt(_ v: Int64, column c: Int) {
        if v >= 0 { storeSmall(UInt64(v), column: c); return }
        if kinds[c] == .uint8 { promote(c, to: .int64) }
        if kinds[c] == .int64 { buffers[c].assumingMemoryBound(to: Int64.self)[rows] = v }
        else { buffers[c].assumingMemoryBound(to: Double.self)[rows] = Double(v) }
    }

    func storeDouble(_ v: Double, column c: Int) {
        if kinds[c] != .float64 { promote(c, to: .float64) }
        buffers[c].assumingMemoryBound(to: Double.self)[rows] = v
    }

    /// Widens column `c`, converting the `rows` values already stored.
    private func promote(_ c: Int, to kind: Kind) {
        let old = buffers[c], oldKind = kinds[c]
        let width = kind == .int64 ? MemoryLayout<Int64>.stride : MemoryLayout<Double>.stride
        let fresh = UnsafeMutableRawPointer.allocate(byteCount: capacity * width, alignment: 8)
        for r in 0..<rows {
            switch (oldKind, kind) {
            case (.uint8, .int64):
                fresh.assumingMemoryBound(to: Int64.self)[r] = Int64(old.assumingMemoryBound(to: UInt8.self)[r])
            case (.uint8, .float64):
                fresh.assumingMemoryBound(to: Double.self)[r] = Double(old.assumingMemoryBound(to: UInt8.self)[r])
            case (.int64, .float64):
                fresh.assumingMemoryBound(to: Double.self)[r] = Double(old.assumingMemoryBound(to: Int64.self)[r])
            default: break
            }
        }
        old.deallocate()
        buffers[c] = fresh
        kinds[c] = kind
    }
}

/// Concatenates the chunks' pieces of each column into one typed buffer of the widest kind.
func mergeColumns(_ chunks: [ChunkColumns], columnCount: Int) -> [NumericBuffer] {
    let total = chunks.reduce(0) { $0 + $1.rows }
    return (0..<columnCount).map { c in
        let kind = chunks.map { $0.kinds[c] }.max() ?? .uint8
        switch kind {
        case .uint8:
            return .uint8(Array(unsafeUninitializedCapacity: total) { out, n in
                var at = 0
                for ch in chunks {
                    let src = ch.buffers[c].assumingMemoryBound(to: UInt8.self)
                    for r in 0..<ch.rows { out[at + r] = src[r] }
                    at += ch.rows
                }
                n = total
            })
        case .int64:
            return .int64(Array(unsafeUninitializedCapacity: total) { out, n in
                var at = 0
                for ch in chunks {
                    let raw = ch.buffers[c]
                    if ch.kinds[c] == .uint8 {
                        let src = raw.assumingMemoryBound(to: UInt8.self)
                        for r in 0..<ch.rows { out[at + r] = Int64(src[r]) }
                    } else {
                        let src = raw.assumingMemoryBound(to: Int64.self)
                        for r in 0..<ch.rows { out[at + r] = src[r] }
                    }
                    at += ch.rows
                }
                n = total
            })
        case .float64:
            return .float64(Array(unsafeUninitializedCapacity: total) { out, n in
                var at = 0
                for ch in chunks {
                    let raw = ch.buffers[c]
                    switch ch.kinds[c] {
                    case .uint8:
                        let src = raw.assumingMemoryBound(to: UInt8.self)
                        for r in 0..<ch.rows { out[at + r] = Double(src[r]) }
                    case .int64:
                        let src = raw.assumingMemoryBound(to: Int64.self)
                        for r in 0..<ch.rows { out[at + r] = Double(src[r]) }
                    case .float64:
                        let src = raw.assumingMemoryBound(to: Double.self)
                        for r in 0..<ch.rows { out[at + r] = src[r] }
                    }
                    at += ch.rows
                }
                n = total
            })
        }
    }
}
