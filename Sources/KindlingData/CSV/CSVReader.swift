import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `pd.read_csv` for numeric files: a header row, then integer or float cells.
/// Each column becomes int64 when every cell is an integer, else float64 (empty cells and
/// NA markers are NaN), as pandas decides. The body is split at newlines into one chunk per
/// thread and parsed straight from the bytes.
public enum CSVReader {
    /// Reads the CSV file at `path` (errors name the path as given).
    public static func read(path: String, threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> DataFrame {
        let file = try MappedFile(path: path)
        defer { file.close() }
        return try parse(UnsafeBufferPointer(start: file.bytes, count: file.count), name: path, threads: threads)
    }

    /// Parses CSV text held in memory; `name` is used in error messages.
    public static func read(text: String, name: String = "<string>", threads: Int = 1) throws -> DataFrame {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes = [] }
        return try bytes.withUnsafeBufferPointer { try parse($0, name: name, threads: threads) }
    }

    /// Parses CSV bytes.
    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>, name: String, threads: Int) throws -> DataFrame {
        guard let base = buffer.baseAddress, buffer.count > 0 else {
            throw DataError("EmptyDataError", "No columns to parse from file")
        }
        var start = base
        let end = base + buffer.count
        if buffer.count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { start += 3 }   // BOM
        // Header: the first non-blank line.
        var headerEnd = lineEnd(from: start, to: end)
        var headerLine = 1
        while contentEnd(start, headerEnd) == start && headerEnd < end {
            start = headerEnd + 1; headerEnd = lineEnd(from: start, to: end); headerLine += 1
        }
        let names = parseHeader(start, contentEnd(start, headerEnd))
        if names.isEmpty { throw DataError("EmptyDataError", "No columns to parse from file") }
        let bodyStart = min(headerEnd + 1, end)
        let chunks = splitAtNewlines(bodyStart, end, parts: max(1, min(threads, (end - bodyStart) / (1 << 20) + 1)))
        let columnCount = names.count
        var results = [ChunkColumns?](repeating: nil, count: chunks.count)
        var failures = [ChunkFailure?](repeating: nil, count: chunks.count)
        results.withUnsafeMutableBufferPointer { res in
            failures.withUnsafeMutableBufferPointer { fails in
                guard let resPtr = res.baseAddress, let failPtr = fails.baseAddress else { return }
                DispatchQueue.concurrentPerform(iterations: chunks.count) { k in
                    let (s, e) = chunks[k]
                    let lines = countNewlines(s, e) + 1
                    let cols = ChunkColumns(columns: columnCount, capacity: lines)
                    failPtr[k] = parseChunk(s, e, into: cols)
                    resPtr[k] = cols
                }
            }
        }
        if let k = failures.firstIndex(where: { $0 != nil }), let failure = failures[k] {
            let line = headerLine + countNewlines(start, chunks[k].0) + failure.lineInChunk
            throw failure.error(file: name, line: line, columns: names)
        }
        let data = mergeColumns(results.compactMap { $0 }, columnCount: columnCount)
        return DataFrame(uncheckedColumns: names, data: data, index: .range(start: 0, step: 1, count: data.first?.count ?? 0))
    }
}

/// What went wrong in a chunk, before the absolute line number is known.
struct ChunkFailure {
    enum Reason { case fieldCount(saw: Int), notANumber(column: Int, text: String) }
    let lineInChunk: Int
    let reason: Reason

    func error(file: String, line: Int, columns: [String]) -> DataError {
        switch reason {
        case .fieldCount(let saw):
            return .value("\(file) line \(line): expected \(columns.count) fields, saw \(saw)")
        case .notANumber(let c, let text):
            return .value("\(file) line \(line), column \(pythonQuoted(columns[c])): \(pythonQuoted(text)) is not a number")
        }
    }
}

/// Parses the body lines in `[start, end)` into `cols`; returns the first problem, if any.
private func parseChunk(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into cols: ChunkColumns) -> ChunkFailure? {
    let n = cols.columnCount
    let kinds = cols.kinds, buffers = cols.buffers
    var row = cols.rows
    defer { cols.rows = row }
    var lineStart = start
    var lineNo = 0
    while lineStart < end {
        let le = lineEnd(from: lineStart, to: end)
        let ce = contentEnd(lineStart, le)
        defer { lineStart = le + 1; lineNo += 1 }
        if ce == lineStart { continue }   // blank lines are skipped, as pandas does
        var p = lineStart
        var column = 0
        while true {
            // Fast path: a plain non-negative integer field.
            var q = p
            var v: UInt64 = 0
            while q < ce, case let d = q.pointee &- 48, d <= 9 { v = v &* 10 &+ UInt64(d); q += 1 }
            let fieldEnd: UnsafePointer<UInt8>
            if q > p && q - p <= 18 && (q == ce || q.pointee == 44) {
                fieldEnd = q
                if column < n {
                    if v <= 255 && kinds[column] == .uint8 {
                        buffers[column].assumingMemoryBound(to: UInt8.self)[row] = UInt8(truncatingIfNeeded: v)
                    } else {
                        cols.storeSmall(v, column: column)
                    }
                }
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
                        return ChunkFailure(lineInChunk: lineNo, reason: .notANumber(column: column, text: text))
                    }
                }
            }
            column += 1
            if fieldEnd >= ce { break }
            p = fieldEnd + 1
        }
        if column != n { return ChunkFailure(lineInChunk: lineNo, reason: .fieldCount(saw: column)) }
        row += 1
        cols.rows = row
    }
    return nil
}

/// The position of the next `\n` at or after `p`, or `end`.
@inline(__always) func lineEnd(from p: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
    guard p < end, let hit = memchr(p, 10, end - p) else { return end }
    return UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
}

/// The line's end without a trailing `\r`.
@inline(__always) func contentEnd(_ start: UnsafePointer<UInt8>, _ le: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
    le > start && (le - 1).pointee == 13 ? le - 1 : le
}

func countNewlines(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) -> Int {
    var count = 0
    var p = s
    while p < e, let hit = memchr(p, 10, e - p) {
        count += 1
        p = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
    }
    return count
}

/// Splits `[s, e)` into up to `parts` pieces that each end just after a newline.
private func splitAtNewlines(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>, parts: Int) -> [(UnsafePointer<UInt8>, UnsafePointer<UInt8>)] {
    var pieces: [(UnsafePointer<UInt8>, UnsafePointer<UInt8>)] = []
    var from = s
    let size = e - s
    for k in 1..<max(parts, 1) {
        let target = s + size * k / parts
        if target <= from { continue }
        let cut = lineEnd(from: target, to: e)
        if cut >= e { break }
        pieces.append((from, cut + 1))
        from = cut + 1
    }
    pieces.append((from, e))
    return pieces
}

/// Column names: comma separated, optionally double-quoted; duplicates mangled as pandas does (`a.1`).
private func parseHeader(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) -> [String] {
    if s == e { return [] }
    var names: [String] = []
    var field: [UInt8] = []
    var inQuotes = false
    var p = s
    while p < e {
        let b = p.pointee
        if inQuotes {
            if b == 34 { if p + 1 < e && (p + 1).pointee == 34 { field.append(34); p += 1 } else { inQuotes = false } }
            else { field.append(b) }
        } else if b == 34 { inQuotes = true }
        else if b == 44 { names.append(String(decoding: field, as: UTF8.self)); field = [] }
        else { field.append(b) }
        p += 1
    }
    names.append(String(decoding: field, as: UTF8.self))
    var seen: [String: Int] = [:]
    return names.enumerated().map { i, raw in
        var name = raw.isEmpty ? "Unnamed: \(i)" : raw
        if let k = seen[name] {
            var j = k
            while seen[name + ".\(j)"] != nil { j += 1 }
            seen[name] = j + 1
            name += ".\(j)"
        }
        seen[name] = 1
        return name
    }
}
