/// Whether REPL input is ready to run, for choosing between `>>> ` and `... ` prompts.
public enum InputCompleteness: Equatable, Sendable {
    /// Parses: run it.
    case complete
    /// Could become valid with more lines: an open bracket, an open block (a compound statement
    /// not yet ended by an empty line), a trailing backslash, an unterminated triple-quoted string.
    case incomplete
    /// Cannot become valid by adding lines: report the error.
    case invalid(SyntaxErrorInfo)
}

/// Classifies REPL input: the lines typed so far joined with `"\n"` (a trailing newline is
/// optional). As in CPython's REPL, a compound statement (`if`, `for`, `def`, ...) stays
/// incomplete until an empty line is entered.
public func isCompleteInput(_ source: String, filename: String = "<stdin>") -> InputCompleteness {
    let text = SourceText(source, filename: filename, lineOffset: 0)
    let endsWithBlankLine = lastLineIsBlank(source)
    switch parseFile(text) {
    case .success(let body):
        if let last = body.last, last.isCompound, !endsWithBlankLine { return .incomplete }
        return .complete
    case .failure(let failure):
        let m = failure.error.message
        if m.hasPrefix("unterminated triple-quoted string") || m.hasSuffix("was never closed")
            || m == "unexpected EOF while parsing" {
            return .incomplete
        }
        if failure.reachedEnd && !endsWithBlankLine && failure.error.kind != .unsupported { return .incomplete }
        return .invalid(failure.error)
    }
}

/// True if the input ends with an empty (whitespace-only) line after at least one other line.
private func lastLineIsBlank(_ source: String) -> Bool {
    var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    if source.hasSuffix("\n") { lines.removeLast() }
    guard lines.count >= 2, let last = lines.last else { return false }
    return last.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
}

extension Stmt {
    /// True for statements with a block (`if`, `for`, `while`, `def`, `class`, `with`, `try`).
    var isCompound: Bool {
        switch kind {
        case .ifElse, .forLoop, .whileLoop, .functionDef, .classDef, .with, .tryExcept: return true
        default: return false
        }
    }
}
