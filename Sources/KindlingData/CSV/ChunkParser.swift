#if canImport(Glibc)
import Glibc
#endif

/// Parses the body lines in `[start, end)` into `cols`; returns the first problem, if any.
///
/// Rows whose fields are all 1-3 digit values up to 255 (pixel files) are first written
/// row-major into a small tile that stays in L1 cache, then copied into the column
/// buffers 32 rows at a time: writing one byte straight into each of 785 column buffers
/// per row missed the cache on almost every field. Any other row is flushed out of the
/// tile's way and parsed field by field into the columns (promoting them as needed).
///
/// With `releasing`, the pages of lines already parsed are dropped from the process every
/// few megabytes (the memory is a read-only file mapping: they come back from the page
/// cache if an error message needs them).
func parseChunk(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into cols: ChunkColumns,
                releasing: Bool) -> ChunkFailure? {
    let n = cols.columnCount
    let tile = PixelTile(columns: n)
    var allBytes = true   // every column still uint8: rows may go through the tile
    var released = pageCeiling(start)
    defer {
        tile.flush(into: cols)
        if releasing { releasePages(&released, upTo: end) }
    }
    var lineStart = start
    var lineNo = 0
    while lineStart < end {
        let le = lineEnd(from: lineStart, to: end)
        let ce = contentEnd(lineStart, le)
        defer { lineStart = le + 1; lineNo += 1 }
        if releasing && lineStart - released >= 8 << 20 { releasePages(&released, upTo: lineStart) }
        if ce == lineStart { continue }   // blank lines are skipped, as pandas does
        if allBytes && tile.parseRow(lineStart, ce, end) {
            if tile.isFull { tile.flush(into: cols) }
            continue
        }
        tile.flush(into: cols)
        if let reason = parseRow(lineStart, ce, end, into: cols) {
            return ChunkFailure(lineInChunk: lineNo, reason: reason)
        }
        cols.rows += 1
        allBytes = allBytes && cols.allUInt8
    }
    return nil
}

/// Up to 32 rows of one-byte values, row-major, on their way to the column buffers.
private final class PixelTile {
    static let rows = 32
    let columns: Int
    let bytes: UnsafeMutablePointer<UInt8>
    var count = 0

    init(columns: Int) {
        self.columns = columns
        bytes = .allocate(capacity: Swift.max(columns, 1) * PixelTile.rows)
    }

    deinit { bytes.deallocate() }

    var isFull: Bool { count == PixelTile.rows }

    /// Parses a line into the next tile row when it holds exactly `columns` fields of
    /// 1-3 digits with values up to 255; false (tile unchanged) otherwise.
    @inline(__always)
    func parseRow(_ lineStart: UnsafePointer<UInt8>, _ ce: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        let out = bytes + count * columns
        var p = lineStart
        var column = 0
        while true {
            guard column < columns, let (v, q) = smallField(p, ce, end), v <= 255 else { return false }
            out[column] = UInt8(truncatingIfNeeded: v)
            column += 1
            if q >= ce { break }
            p = q + 1
        }
        guard column == columns else { return false }
        count += 1
        return true
    }

    /// Appends the tile's rows to the (all uint8) columns of `cols` and empties the tile.
    func flush(into cols: ChunkColumns) {
        guard count > 0 else { return }
        let base = cols.rows
        for c in 0..<columns {
            let dst = cols.buffers[c].assumingMemoryBound(to: UInt8.self) + base
            var src = bytes + c
            for r in 0..<count { dst[r] = src.pointee; src += columns }
        }
        cols.rows += count
        count = 0
    }
}

/// Parses one line field by field into row `cols.rows` of the columns; the problem, if any.
private func parseRow(_ lineStart: UnsafePointer<UInt8>, _ ce: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>,
                      into cols: ChunkColumns) -> ChunkFailure.Reason? {
    let n = cols.columnCount
    var p = lineStart
    var column = 0
    while true {
        let fieldEnd: UnsafePointer<UInt8>
        if let (v, q) = smallField(p, ce, end) {
            fieldEnd = q
            if column < n { cols.storeSmall(UInt64(v), column: column) }
        } else {
            // A plain non-negative integer of up to 18 digits, else the general parser.
            var q = p
            var v: UInt64 = 0
            while q < ce, case let d = q.pointee &- 48, d <= 9 { v = v &* 10 &+ UInt64(d); q += 1 }
            if q > p && q - p <= 18 && (q == ce || q.pointee == 44) {
                fieldEnd = q
                if column < n { cols.storeSmall(v, column: column) }
            } else {
                var f = q
                while f < ce && f.pointee != 44 { f += 1 }
                fieldEnd = f
                if column < n {
                    switch parseField(p, f) {
                    case .int(let x): cols.storeInt(x, column: column)
                    case .float(let x): cols.storeDouble(x, column: column)
                    case .missing: cols.storeDouble(.nan, column: column)
                    case .invalid:
                        let text = String(decoding: UnsafeBufferPointer(start: p, count: f - p), as: UTF8.self)
                        return .notANumber(column: column, text: text)
                    }
                }
            }
        }
        column += 1
        if fieldEnd >= ce { break }
        p = fieldEnd + 1
    }
    return column == n ? nil : .fieldCount(saw: column)
}

/// A field of 1 to 3 decimal digits at `p` ending at a comma or at `ce`, read four bytes at
/// once without a branch per digit: its value and end, or nil for anything else.
/// Needs 4 readable bytes (`end - p >= 4`), else answers nil.
@inline(__always)
func smallField(_ p: UnsafePointer<UInt8>, _ ce: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> (UInt32, UnsafePointer<UInt8>)? {
    guard end - p >= 4 else { return nil }
    let t = UInt32(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt32.self)) ^ 0x3030_3030
    // A byte is a digit iff t < 10 there; the lowest byte with the high bit set here is the
    // first non-digit (carries only run upward from a non-digit, past the one we want).
    let nonDigit = ((t &+ 0x7676_7676) | t) & 0x8080_8080
    let k = nonDigit.trailingZeroBitCount >> 3
    guard k >= 1 && k <= 3 else { return nil }
    let q = p + k
    guard q == ce || (q < ce && q.pointee == 44) else { return nil }
    let s = t << UInt32((4 - k) * 8)   // the k digits right-aligned in bytes 1...3
    let v = ((s >> 8) & 0xFF) &* 100 &+ ((s >> 16) & 0xFF) &* 10 &+ (s >> 24)
    return (v, q)
}
