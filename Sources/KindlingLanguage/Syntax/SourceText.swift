/// Source code prepared for lexing: Unicode scalars with newlines normalized to `\n`, plus the
/// start of every line so any index maps to a line and column.
final class SourceText {
    let filename: String
    let lineOffset: Int
    let scalars: [Unicode.Scalar]
    /// Index in `scalars` where each line starts (line 1 is `lineStarts[0]`).
    let lineStarts: [Int]

    init(_ source: String, filename: String, lineOffset: Int) {
        self.filename = filename
        self.lineOffset = lineOffset
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(source.unicodeScalars.count)
        var previousWasCR = false
        var isFirst = true
        for s in source.unicodeScalars {
            if isFirst {
                isFirst = false
                if s == "\u{FEFF}" { continue }  // a UTF-8 byte-order mark, as CPython skips it
            }
            if s == "\r" {
                out.append("\n")
                previousWasCR = true
                continue
            }
            if s == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            out.append(s)
        }
        var starts = [0]
        for (i, s) in out.enumerated() where s == "\n" { starts.append(i + 1) }
        self.scalars = out
        self.lineStarts = starts
    }

    var count: Int { scalars.count }

    /// The scalar at `index`, or nil past the end.
    @inline(__always) subscript(index: Int) -> Unicode.Scalar? {
        index >= 0 && index < scalars.count ? scalars[index] : nil
    }

    /// The 0-based line index containing `index`.
    func lineIndex(of index: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= index { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The line (with `lineOffset`) and 1-based column of `index`.
    func position(of index: Int) -> SourcePosition {
        let li = lineIndex(of: index)
        return SourcePosition(line: li + 1 + lineOffset, column: index - lineStarts[li] + 1)
    }

    /// The text of a line given as a file line number (with `lineOffset`), without its newline.
    func lineText(_ line: Int) -> String? {
        let li = line - 1 - lineOffset
        guard li >= 0, li < lineStarts.count else { return nil }
        var end = li + 1 < lineStarts.count ? lineStarts[li + 1] : scalars.count
        if end > lineStarts[li], end - 1 < scalars.count, scalars[end - 1] == "\n" { end -= 1 }
        return text(lineStarts[li], end)
    }

    /// The source text between two scalar indices.
    func text(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        let lo = max(0, min(start, scalars.count)), hi = max(lo, min(end, scalars.count))
        view.append(contentsOf: scalars[lo..<hi])
        return String(view)
    }

    /// The last line number of the source (with `lineOffset`).
    var lastLine: Int { lineStarts.count + lineOffset }

    /// A `SyntaxErrorInfo` located at a position, with the source line filled in.
    func error(_ kind: SyntaxErrorInfo.Kind, _ message: String, at pos: SourcePosition,
               end: SourcePosition? = nil) -> SyntaxErrorInfo {
        let endColumn = end.flatMap { $0.line == pos.line ? $0.column : nil }
        return SyntaxErrorInfo(kind: kind, message: message, filename: filename, line: pos.line,
                               column: pos.column, endColumn: endColumn, sourceLine: lineText(pos.line))
    }
}
