import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Growing-by-promotion column buffers for one chunk of a CSV: every column starts as
/// compact uint8 and is widened to int64, then float64, only when a value needs it.
/// The uint8 columns of a chunk are slices of one anonymous mapping (huge pages where the
/// system allows them: a row writes one byte into every column, so few pages means few
/// TLB misses); merged columns are released from it as they are copied out.
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
    /// The mapping holding every column's initial uint8 slice.
    private let block: UnsafeMutableRawPointer
    private let blockBytes: Int
    /// Bytes at the start of `block` already given back to the kernel.
    private var released = 0

    /// Fails (nil) only when the system refuses the memory.
    init?(columns: Int, capacity: Int) {
        columnCount = columns
        self.capacity = max(capacity, 1)
        let huge = 2 << 20
        let (bytes, overflow) = max(columns, 1).multipliedReportingOverflow(by: self.capacity)
        guard !overflow, bytes < Int.max - huge else { return nil }
        let unit = bytes >= 2 * huge ? huge : 4096
        blockBytes = (bytes + unit - 1) / unit * unit
        guard let m = mmap(nil, blockBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              m != MAP_FAILED else { return nil }
        block = m
        if blockBytes >= 2 * huge { _ = madvise(m, blockBytes, 14 /* MADV_HUGEPAGE */) }
        kinds = .allocate(capacity: max(columns, 1))
        kinds.initialize(repeating: .uint8, count: max(columns, 1))
        buffers = .allocate(capacity: max(columns, 1))
        for c in 0..<columns { buffers[c] = block + c * self.capacity }
    }

    deinit {
        for c in 0..<columnCount where !inBlock(buffers[c]) { buffers[c].deallocate() }
        munmap(block, blockBytes)
        buffers.deallocate()
        kinds.deallocate()
    }

    /// True while no column has been promoted (the pixel case).
    var allUInt8: Bool {
        for c in 0..<columnCount where kinds[c] != .uint8 { return false }
        return true
    }

    private func inBlock(_ p: UnsafeMutableRawPointer) -> Bool { p >= block && p < block + blockBytes }

    /// Gives the pages of columns `0..<c` back to the kernel (they were merged; never read again).
    func releaseColumns(below c: Int) {
        let end = min(c * capacity, blockBytes) / 4096 * 4096
        if end > released {
            _ = madvise(block + released, end - released, MADV_DONTNEED)
            released = end
        }
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
        if !inBlock(old) { old.deallocate() }
        buffers[c] = fresh
        kinds[c] = kind
    }
}

/// Concatenates the chunks' pieces of each column into one typed buffer of the widest kind.
/// Columns are merged 64 at a time split over the cores; after each batch the chunks' pages
/// of the merged columns are given back, so the frame never coexists with all of them.
func mergeColumns(_ chunks: [ChunkColumns], columnCount: Int) -> [NumericBuffer] {
    var merged = [NumericBuffer?](repeating: nil, count: columnCount)
    let batch = 64
    let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
    merged.withUnsafeMutableBufferPointer { out in
        guard let slots = out.baseAddress else { return }
        for first in stride(from: 0, to: columnCount, by: batch) {
            let last = min(first + batch, columnCount)
            DispatchQueue.concurrentPerform(iterations: parts) { k in
                for c in stride(from: first + k, to: last, by: parts) { slots[c] = mergeColumn(c, chunks) }
            }
            for ch in chunks { ch.releaseColumns(below: last) }
        }
    }
    return merged.map { $0 ?? .uint8([]) }
}

/// Column `c` of every chunk, concatenated into one buffer of the widest kind.
private func mergeColumn(_ c: Int, _ chunks: [ChunkColumns]) -> NumericBuffer {
    let total = chunks.reduce(0) { $0 + $1.rows }
    do {
        let kind = chunks.map { $0.kinds[c] }.max() ?? .uint8
        switch kind {
        case .uint8:
            return .uint8(Array(unsafeUninitializedCapacity: total) { out, n in
                var at = 0
                for ch in chunks {
                    if let base = out.baseAddress, ch.rows > 0 {
                        (base + at).initialize(from: ch.buffers[c].assumingMemoryBound(to: UInt8.self), count: ch.rows)
                    }
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
