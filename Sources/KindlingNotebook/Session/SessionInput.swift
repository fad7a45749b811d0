/// One piece of what `NotebookSession.submit` runs: plain code, an IPython line magic
/// (`%timeit x @ w`), a cell magic (`%%time` on the first line), or a help request
/// (`x?`, `x??`, `?x`).
public enum InputPiece: Equatable, Sendable {
    case code(String, firstLine: Int)
    case magic(Magic)
    case cellMagic(Magic, body: String, bodyFirstLine: Int)
    /// `expression?` (detail 0) or `expression??` (detail 1).
    case help(expression: String, detail: Int)

    /// Splits typed input the way IPython's input transformers do: a line that starts
    /// with `%` at the top level (not indented, not inside brackets or a string) is a
    /// magic, a top-level line that is a name followed by `?` asks for help, and the
    /// code between them runs as it is. `firstLine` numbers the source's first line.
    public static func split(_ source: String, firstLine: Int = 1) -> [InputPiece] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, first.hasPrefix("%%") {
            let magic = parseMagic(String(first.dropFirst(2)), line: firstLine)
            return [.cellMagic(magic, body: lines.dropFirst().joined(separator: "\n"), bodyFirstLine: firstLine + 1)]
        }
        var pieces: [InputPiece] = []
        var pending: [String] = []
        var pendingStart = firstLine
        var scanner = OpenCodeScanner()
        func flush() {
            if pending.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                pieces.append(.code(pending.joined(separator: "\n"), firstLine: pendingStart))
            }
            pending = []
        }
        for (offset, line) in lines.enumerated() {
            let lineNumber = firstLine + offset
            if scanner.isAtTopLevel, let piece = special(line, lineNumber: lineNumber) {
                flush()
                pieces.append(piece)
                pendingStart = lineNumber + 1
                continue
            }
            if pending.isEmpty { pendingStart = lineNumber }
            pending.append(line)
            scanner.scan(line)
        }
        flush()
        return pieces
    }

    /// A magic or help line, or nil for code.
    static func special(_ line: String, lineNumber: Int) -> InputPiece? {
        guard let first = line.first, first != " ", first != "\t" else { return nil }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("%") && !trimmed.hasPrefix("%%") {
            return .magic(parseMagic(String(trimmed.dropFirst()), line: lineNumber))
        }
        if trimmed.hasPrefix("?"), !trimmed.hasPrefix("??"), isHelpTarget(String(trimmed.dropFirst())) {
            return .help(expression: String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces), detail: 0)
        }
        if trimmed.hasSuffix("?") {
            let detail = trimmed.hasSuffix("??") ? 1 : 0
            let expression = String(trimmed.dropLast(detail + 1))
            if isHelpTarget(expression) { return .help(expression: expression, detail: detail) }
        }
        return nil
    }

    /// IPython's rule: help applies to a (dotted, possibly subscripted) name, not to any expression.
    static func isHelpTarget(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first, first.isLetter || first == "_" else { return false }
        return trimmed.allSatisfy { $0.isLetter || $0.isNumber || "_.[]'\"".contains($0) }
    }

    /// `name argument...` (without the `%`).
    static func parseMagic(_ text: String, line: Int) -> Magic {
        let name = String(text.prefix { !$0.isWhitespace })
        let argument = String(text.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)
        return Magic(name: name, argument: argument, line: line)
    }

    /// The pieces of a lesson cell: code between its `# %magic` lines.
    public static func pieces(of cell: NotebookCell) -> [InputPiece] {
        cell.segments.map { segment in
            switch segment {
            case let .code(code, firstLine): return .code(code, firstLine: firstLine)
            case let .magic(magic): return .magic(magic)
            }
        }
    }
}

/// Follows brackets and string literals line by line, to tell whether the next line
/// starts a new top-level statement.
struct OpenCodeScanner {
    private var depth = 0
    private var tripleQuote: String?
    private var continued = false

    var isAtTopLevel: Bool { depth <= 0 && tripleQuote == nil && !continued }

    mutating func scan(_ line: String) {
        var chars = Substring(line)
        continued = false
        while let char = chars.first {
            if let quote = tripleQuote {
                if char == "\\" { chars = chars.dropFirst(2); continue }
                if chars.hasPrefix(quote) { tripleQuote = nil; chars = chars.dropFirst(3); continue }
                chars = chars.dropFirst()
                continue
            }
            switch char {
            case "#": return
            case "\"", "'":
                let triple = String(repeating: char, count: 3)
                if chars.hasPrefix(triple) { tripleQuote = triple; chars = chars.dropFirst(3); continue }
                chars = chars.dropFirst()
                while let c = chars.first, c != char {
                    chars = chars.dropFirst(c == "\\" ? 2 : 1)
                }
                chars = chars.dropFirst()
            case "(", "[", "{": depth += 1; chars = chars.dropFirst()
            case ")", "]", "}": depth -= 1; chars = chars.dropFirst()
            case "\\" where chars.count == 1: continued = true; chars = chars.dropFirst()
            default: chars = chars.dropFirst()
            }
        }
    }
}
