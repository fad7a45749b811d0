/// Parses a whole file (or notebook cell, or REPL input) into a `Module`.
///
/// - Parameters:
///   - source: the Python source text.
///   - filename: used in every node's `SourceRange` and in error messages (`"lesson.py"`, `"<stdin>"`).
///   - lineOffset: added to every line number, so a notebook cell starting on line 41 of its
///     lesson file is parsed with `lineOffset: 40`.
/// - Throws: `SyntaxErrorInfo` for invalid Python, and for valid Python that Kindling refuses
///   (kind `.unsupported`).
public func parseModule(source: String, filename: String, lineOffset: Int = 0) throws -> Module {
    let text = SourceText(source, filename: filename, lineOffset: lineOffset)
    switch parseFile(text) {
    case .success(let body): return Module(filename: filename, body: body)
    case .failure(let failure): throw failure.error
    }
}

/// Why a file did not parse, and whether the parser had reached the end of the input (so that
/// more input might have fixed it: the REPL's continuation prompt).
struct ParseFailure: Error {
    var error: SyntaxErrorInfo
    var reachedEnd: Bool
}

/// Lexes and parses a file, choosing the error CPython 3.11 would report (see `chooseError`).
func parseFile(_ text: SourceText) -> Result<[Stmt], ParseFailure> {
    let (tokens, lexError) = Lexer.tokenize(text)
    var parser = Parser(source: text, tokens: tokens)
    do {
        let body = try parser.parseFileBody()
        if let lexError { return .failure(ParseFailure(error: lexError, reachedEnd: false)) }
        return .success(body)
    } catch {
        return .failure(parser.chooseError(error as? SyntaxErrorInfo ?? parser.invalidSyntax(), lexError: lexError))
    }
}

/// Parses a single expression (for `eval`-like uses), surrounded by optional whitespace and
/// newlines. A bare tuple `1, 2` is accepted, as `eval` does.
public func parseExpression(source: String, filename: String = "<string>", lineOffset: Int = 0) throws -> Expr {
    let text = SourceText(source, filename: filename, lineOffset: lineOffset)
    var lexer = Lexer(source: text, embeddedFrom: 0, to: text.count)
    try lexer.run()
    var parser = Parser(source: text, tokens: lexer.tokens)
    let expr = try parser.parseStarExpressions()
    guard parser.current.kind == .endMarker else { throw parser.invalidSyntax() }
    return expr
}

/// A recursive-descent parser over a token array, following Python 3.11's grammar and precedence.
/// The grammar is split by concern: statements (Parser+Statements, Parser+Compound), expressions
/// (Parser+Expressions, Parser+Atoms), f-strings (Parser+FString), targets (Parser+Targets).
struct Parser {
    /// Limit on nesting of expressions and blocks: deeper input is refused cleanly instead of
    /// overflowing the stack (here, or in later passes that recurse over the tree).
    static let maxDepth = 1000

    let source: SourceText
    let tokens: [Token]
    var position = 0
    var depth = 0
    /// Nesting of `def`/`lambda` bodies (for `return`), reset by `class`.
    var functionDepth = 0
    /// Nesting of loops in the current function (for `break`/`continue`).
    var loopDepth = 0
    /// Token indices (start, end) of the last disjunction (`or`-level expression) parsed: the
    /// "a" of CPython's "invalid syntax. Perhaps you forgot a comma?".
    var lastDisjunction: (start: Int, end: Int)? = nil
    /// Token index of an `=` directly after a named expression (`if x = 1:`), for the hint
    /// "Maybe you meant '==' or ':=' instead of '='?".
    var namedExpressionBeforeEquals: Int? = nil

    init(source: SourceText, tokens: [Token]) {
        self.source = source
        self.tokens = tokens
    }

    /// The innermost bracket opened before the current token and not yet closed.
    func unclosedBracket() -> Token? {
        var open: [Token] = []
        for t in tokens[0..<min(position, tokens.count)] where t.kind == .op {
            switch t.text {
            case "(", "[", "{": open.append(t)
            case ")", "]", "}": _ = open.popLast()
            default: break
            }
        }
        return open.last
    }

    var current: Token { tokens[min(position, tokens.count - 1)] }

    func peek(_ offset: Int) -> Token { tokens[min(position + offset, tokens.count - 1)] }

    var previous: Token { tokens[max(0, min(position - 1, tokens.count - 1))] }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    /// Consumes the operator `op` if it is next.
    mutating func match(_ op: String) -> Bool {
        guard current.isOp(op) else { return false }
        advance()
        return true
    }

    /// Consumes the keyword `word` if it is next.
    mutating func matchKeyword(_ word: String) -> Bool {
        guard current.isName(word) else { return false }
        advance()
        return true
    }

    /// Consumes `op` or throws `message` (default "invalid syntax") at the current token.
    mutating func expect(_ op: String, _ message: String? = nil) throws {
        guard match(op) else { throw message.map { error($0) } ?? invalidSyntax() }
    }

    /// Consumes an identifier (not a keyword) and returns its text.
    mutating func expectIdentifier() throws -> String {
        guard current.isIdentifier else { throw invalidSyntax() }
        return advance().text
    }

    /// The range from `start` to the end of the last consumed token.
    func range(from start: SourcePosition) -> SourceRange {
        let end = previous.end
        return SourceRange(file: source.filename, line: start.line, column: start.column,
                           endLine: end.line, endColumn: end.column)
    }

    /// Runs `body` one nesting level deeper, refusing input nested beyond `maxDepth`.
    mutating func nested<T>(_ body: (inout Parser) throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth {
            throw error("expression is too deeply nested (Kindling's limit is \(Parser.maxDepth) levels)")
        }
        return try body(&self)
    }

    /// Where to point for an error at `token`: a DEDENT or the end marker points back at the end
    /// of the last real line, as CPython does.
    func errorPosition(_ token: Token) -> SourcePosition {
        guard token.kind == .dedent || token.kind == .endMarker else { return token.start }
        var i = min(position, tokens.count - 1)
        while i > 0, tokens[i].kind == .dedent || tokens[i].kind == .endMarker { i -= 1 }
        return tokens[i].kind == .newline || tokens[i].kind == .dedent ? tokens[i].start : tokens[i].end
    }

    func error(_ message: String, kind: SyntaxErrorInfo.Kind = .syntaxError, at token: Token? = nil) -> SyntaxErrorInfo {
        let t = token ?? current
        let start = errorPosition(t)
        return source.error(kind, message, at: start, end: t.kind == .dedent || t.kind == .endMarker ? nil : t.end)
    }

    func error(_ message: String, kind: SyntaxErrorInfo.Kind = .syntaxError, range: SourceRange) -> SyntaxErrorInfo {
        source.error(kind, message, at: SourcePosition(line: range.line, column: range.column),
                     end: SourcePosition(line: range.endLine, column: range.endColumn))
    }

    func invalidSyntax() -> SyntaxErrorInfo { error("invalid syntax") }

    /// Valid Python that Kindling refuses: "<what> is not supported by Kindling".
    func unsupported(_ what: String, at token: Token? = nil) -> SyntaxErrorInfo {
        error("\(what) is not supported by Kindling", kind: .unsupported, at: token)
    }

    func unsupported(_ what: String, range: SourceRange) -> SyntaxErrorInfo {
        error("\(what) is not supported by Kindling", kind: .unsupported, range: range)
    }
}

extension SyntaxErrorInfo {
    /// True for lexer errors CPython raises as soon as its tokenizer meets them (bad characters,
    /// literals, strings, brackets), which replace a parser error found earlier; not
    /// for indentation, continuation and end-of-file problems, which it reports only when reached.
    var replacesParserError: Bool {
        let deferred = ["unindent does not match", "inconsistent use of tabs", "too many levels of indentation",
                        "unexpected character after line continuation", "unexpected EOF while parsing", "was never closed"]
        return !deferred.contains { message.hasPrefix($0) || message.hasSuffix($0) }
    }
}
