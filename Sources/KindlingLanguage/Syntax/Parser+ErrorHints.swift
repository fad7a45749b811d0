// CPython's more specific messages for a generic "invalid syntax" (chosen after the fact, as
// CPython's second parsing pass does).

extension Parser {
    /// The error to report after the parser failed with `error` at the current token, as CPython:
    /// - failing where lexing failed reports the lexer's error;
    /// - a generic "invalid syntax" may become "Perhaps you forgot a comma?" or "Maybe you meant
    ///   '==' or ':=' instead of '='?";
    /// - then the rest of the file is checked: a lexer error there (bad character, literal,
    ///   string or bracket) wins, and a bracket left open at the end of the file on a line
    ///   before the error gives "'(' was never closed".
    func chooseError(_ error: SyntaxErrorInfo, lexError: SyntaxErrorInfo?) -> ParseFailure {
        let reachedEnd = current.kind == .endMarker || current.kind == .dedent
        if let lexError, position >= tokens.count - 1 { return ParseFailure(error: lexError, reachedEnd: false) }
        var chosen = error
        var errorLine = current.kind == .endMarker || current.kind == .dedent ? errorPosition(current).line : current.start.line
        if error.message == "invalid syntax" {
            switch forgotCommaError(lexError: lexError) {
            case .some((let hint, let lastLine)):
                if hint == lexError { return ParseFailure(error: hint, reachedEnd: false) }
                chosen = hint
                errorLine = lastLine
            case .none:
                if let hint = assignmentInExpressionError() { chosen = hint }
            }
        }
        if let lexError, error.message != "unexpected indent" {
            if lexError.replacesParserError { return ParseFailure(error: lexError, reachedEnd: false) }
            if lexError.message.hasSuffix("was never closed") && lexError.line < errorLine {
                return ParseFailure(error: lexError, reachedEnd: false)
            }
        }
        return ParseFailure(error: chosen, reachedEnd: reachedEnd && chosen == error)
    }

    /// "invalid syntax. Maybe you meant '==' or ':=' instead of '='?" — an `=` after an
    /// expression where no assignment can be (`if x = 1:`), followed by an operand.
    func assignmentInExpressionError() -> SyntaxErrorInfo? {
        guard current.isOp("="), namedExpressionBeforeEquals == position, let a = lastDisjunction, a.end == position,
              a.start < tokens.count else { return nil }
        let first = tokens[a.start]
        if first.isOp("(") || first.isOp("[") || ["True", "False", "None"].contains(where: first.isName) { return nil }
        var probe = self
        probe.advance()
        guard (try? probe.parseBitOr()) != nil, !probe.current.isOp("="), !probe.current.isOp(":=") else { return nil }
        return source.error(.syntaxError, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                            at: first.start, end: current.end)
    }

    /// Soft keywords never start the "a" of a forgotten-comma hint.
    private static let softKeywords: Set<String> = ["match", "case", "_"]

    /// "invalid syntax. Perhaps you forgot a comma?" — inside brackets, a complete disjunction
    /// directly followed by another expression (`[a b]`, `f(x.y z)`). Returns nil when the rule
    /// does not apply; returns `lexError` when reading the second expression runs into it (an
    /// unclosed bracket at the end of the file is reported as such, as CPython does). Also
    /// returns the line of the last token read.
    func forgotCommaError(lexError: SyntaxErrorInfo?) -> (SyntaxErrorInfo, Int)? {
        guard let a = lastDisjunction, a.end == position, a.start < a.end, a.start < tokens.count,
              unclosedBracket() != nil else { return nil }
        let t = current
        let startsSecond: Bool
        switch t.kind {
        case .name: startsSecond = t.isIdentifier || ["True", "False", "None", "lambda", "not"].contains(t.text)
        case .number, .string: startsSecond = true
        case .op: startsSecond = t.text == "{" || t.text == "..." || t.text == "~"
        default: startsSecond = false
        }
        guard startsSecond else { return nil }
        let first = tokens[a.start]
        if first.kind == .name && Parser.softKeywords.contains(first.text) { return nil }
        if first.kind == .name && a.start + 1 < tokens.count && tokens[a.start + 1].kind == .string { return nil }
        if a.start > 0 {
            let before = tokens[a.start - 1]
            if before.isName("in") || before.isName("if") { return nil }
        }
        var probe = self
        do {
            _ = try probe.parseTest()
        } catch {
            return nil
        }
        if let lexError, probe.position >= tokens.count - 1 { return (lexError, probe.current.start.line) }
        let hint = source.error(.syntaxError, "invalid syntax. Perhaps you forgot a comma?", at: first.start,
                                end: probe.previous.end)
        return (hint, probe.current.start.line)
    }
}
