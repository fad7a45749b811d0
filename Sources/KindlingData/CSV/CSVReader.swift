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
        return try parse(UnsafeBufferPointer(start: file.bytes, count: file.count), name: path, threads: threads,
                         releasingParsedPages: true)
    }

    /// Parses CSV text held in memory; `name` is used in error messages.
    public static func read(text: String, name: String = "<string>", threads: Int = 1) throws -> DataFrame {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes = [] }
        return try bytes.withUnsafeBufferPointer { try parse($0, name: name, threads: threads) }
    }

    /// Parses CSV bytes. `releasingParsedPages` (only for a read-only file mapping) hands the
    /// pages already parsed back to the kernel as the parse goes, so the whole file is never
    /// resident in the process at once.
    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>, name: String, threads: Int,
                             releasingParsedPages: Bool = false) throws -> DataFrame {
        guard let base = buffer.baseAddress, buffer.count > 0 else {
            throw DataError(.emptyDataError, "No columns to parse from file")
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
        if names.isEmpty { throw DataError(.emptyDataError, "No columns to parse from file") }
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
                    let lines = countNewlines(s, e, releasing: releasingParsedPages) + 1
                    guard let cols = ChunkColumns(columns: columnCount, capacity: lines) else {
                        failPtr[k] = ChunkFailure(lineInChunk: 0, reason: .outOfMemory(bytes: lines * columnCount))
                        return
                    }
                    failPtr[k] = parseChunk(s, e, into: cols, releasing: releasingParsedPages)
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
    enum Reason { case fieldCount(saw: Int), notANumber(column: Int, text: String), outOfMemory(bytes: Int) }
    let lineInChunk: Int
    let reason: Reason

    func error(file: String, line: Int, columns: [String]) -> DataError {
        switch reason {
        case .fieldCount(let saw):
            return .value("\(file) line \(line): expected \(columns.count) fields, saw \(saw)")
        case .notANumber(let c, let text):
            return .value("\(file) line \(line), column \(pythonQuoted(columns[c])): \(pythonQuoted(text)) is not a number")
        case .outOfMemory(let bytes):
            return DataError(.memoryError, "Unable to allocate \(bytes) bytes for the columns of \(file)")
        }
    }
}

/// First page boundary at or after `p`.
func pageCeiling(_ p: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
    let page = 4096
    return UnsafePointer(bitPattern: (Int(bitPattern: p) + page - 1) & ~(page - 1)) ?? p
}

/// Drops the whole pages in `[released, upTo)` from the process; advances `released`.
func releasePages(_ released: inout UnsafePointer<UInt8>, upTo p: UnsafePointer<UInt8>) {
    let page = 4096
    let endAddress = Int(bitPattern: p) & ~(page - 1)
    guard endAddress > Int(bitPattern: released),
          let from = UnsafeMutableRawPointer(mutating: UnsafeRawPointer(released)) else { return }
    _ = madvise(from, endAddress - Int(bitPattern: released), MADV_DONTNEED)
    released = UnsafePointer(bitPattern: endAddress) ?? released
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

/// The number of `\n` in `[s, e)`; with `releasing`, counted 8 MB at a time with each
/// piece's pages dropped behind (the parse faults them back in from the page cache).
func countNewlines(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>, releasing: Bool = false) -> Int {
    var count = 0
    var p = s
    var released = pageCeiling(s)
    while p < e {
        let stop = releasing ? min(e, p + (8 << 20)) : e
        while p < stop, let hit = memchr(p, 10, stop - p) {
            count += 1
            p = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        p = stop
        if releasing { releasePages(&released, upTo: p) }
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
