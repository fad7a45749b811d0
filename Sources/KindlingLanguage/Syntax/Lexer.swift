/// Turns source text into tokens, following CPython 3.11's tokenizer: INDENT/DEDENT from leading
/// whitespace (tabs to multiples of 8, inconsistent tab/space use is a TabError), no NEWLINE inside
/// brackets, backslash continuation, comments, numbers and strings.
struct Lexer {
    /// CPython's limits: 200 nested brackets, 100 indentation levels.
    static let maxBracketDepth = 200
    static let maxIndentDepth = 100

    let source: SourceText
    var index: Int
    let endIndex: Int
    /// True when lexing an f-string replacement field: everything is as if inside brackets.
    private let isEmbedded: Bool
    var tokens: [Token] = []
    private var indents = [0]
    private var altIndents = [0]
    private var brackets: [(scalar: Unicode.Scalar, position: SourcePosition)] = []
    private var atLineStart = true

    init(source: SourceText) {
        self.source = source
        self.index = 0
        self.endIndex = source.count
        self.isEmbedded = false
    }

    /// A lexer for the expression inside an f-string's braces (`start..<end` of `source`).
    init(source: SourceText, embeddedFrom start: Int, to end: Int) {
        self.source = source
        self.index = start
        self.endIndex = end
        self.isEmbedded = true
        self.atLineStart = false
    }

    /// Lexes everything, ending with NEWLINE (if needed), DEDENTs and ENDMARKER. If lexing fails,
    /// returns the tokens before the failure followed by an ENDMARKER, and the error: like
    /// CPython, the parser reports its own error if it fails before reaching that point.
    static func tokenize(_ source: SourceText) -> (tokens: [Token], error: SyntaxErrorInfo?) {
        var lexer = Lexer(source: source)
        do {
            try lexer.run()
            return (lexer.tokens, nil)
        } catch let error as SyntaxErrorInfo {
            let at = SourcePosition(line: error.line, column: error.column)
            lexer.tokens.append(Token(kind: .endMarker, text: "", start: at, end: at))
            return (lexer.tokens, error)
        } catch {
            let at = lexer.position(lexer.index)
            lexer.tokens.append(Token(kind: .endMarker, text: "", start: at, end: at))
            return (lexer.tokens, source.error(.syntaxError, "invalid syntax", at: at))
        }
    }

    @inline(__always) func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = index + offset
        return i < endIndex ? source.scalars[i] : nil
    }

    func position(_ i: Int) -> SourcePosition { source.position(of: i) }

    func fail(_ message: String, at i: Int, kind: SyntaxErrorInfo.Kind = .syntaxError) -> SyntaxErrorInfo {
        source.error(kind, message, at: position(i))
    }

    mutating func add(_ kind: TokenKind, _ text: String, from start: Int, to end: Int) {
        tokens.append(Token(kind: kind, text: text, start: position(start), end: position(end)))
    }

    mutating func run() throws {
        while true {
            if atLineStart && brackets.isEmpty && !isEmbedded {
                atLineStart = false
                try handleIndentation()
            }
            skipSpaces()
            guard let c = peek() else { return try finish() }
            let start = index
            switch c {
            case "#":
                while let d = peek(), d != "\n" { index += 1 }
            case "\n":
                index += 1
                if brackets.isEmpty && !isEmbedded {
                    if let last = tokens.last, last.kind != .newline, last.kind != .indent, last.kind != .dedent {
                        add(.newline, "", from: start, to: start + 1)
                    }
                    atLineStart = true
                }
            case "\\":
                if peek(1) == "\n" {
                    index += 2
                } else if peek(1) == nil {
                    throw fail("unexpected EOF while parsing", at: start + 1)
                } else {
                    throw fail("unexpected character after line continuation character", at: start + 1)
                }
            case "\"", "'":
                try lexString(prefixStart: start, prefix: "")
            case "0"..."9":
                try lexNumber()
            case ".":
                if let d = peek(1), ("0"..."9").contains(d) { try lexNumber() } else { try lexOperator() }
            default:
                if isIdentifierStart(c) {
                    lexNameOrPrefixedString()
                    if let last = tokens.last, last.kind == .name, let q = peek(), q == "\"" || q == "'" {
                        let prefix = last.text
                        if isStringPrefix(prefix) {
                            tokens.removeLast()
                            try lexString(prefixStart: start, prefix: prefix)
                        }
                    }
                } else {
                    try lexOperator()
                }
            }
        }
    }

    private mutating func skipSpaces() {
        while let c = peek(), c == " " || c == "\t" || c == "\u{0C}" { index += 1 }
    }

    /// Measures the indentation of a new line and emits INDENT/DEDENT tokens. Blank and
    /// comment-only lines are ignored.
    private mutating func handleIndentation() throws {
        var column = 0, altColumn = 0
        let lineStart = index
        while let c = peek() {
            if c == " " { column += 1; altColumn += 1 }
            else if c == "\t" { column = (column / 8 + 1) * 8; altColumn += 1 }
            else if c == "\u{0C}" { column = 0; altColumn = 0 }
            else { break }
            index += 1
        }
        guard let c = peek(), c != "#", c != "\n" else { return }
        let here = index
        if column == indents[indents.count - 1] {
            if altColumn != altIndents[altIndents.count - 1] { throw tabError(lineStart) }
        } else if column > indents[indents.count - 1] {
            if altColumn <= altIndents[altIndents.count - 1] { throw tabError(lineStart) }
            if indents.count > Lexer.maxIndentDepth {
                throw fail("too many levels of indentation", at: here, kind: .indentationError)
            }
            indents.append(column)
            altIndents.append(altColumn)
            add(.indent, "", from: lineStart, to: here)
        } else {
            while indents.count > 1 && column < indents[indents.count - 1] {
                indents.removeLast()
                altIndents.removeLast()
                add(.dedent, "", from: here, to: here)
            }
            if column != indents[indents.count - 1] {
                var end = here
                while let d = source[end], d != "\n" { end += 1 }
                throw source.error(.indentationError, "unindent does not match any outer indentation level",
                                   at: position(end))
            }
            if altColumn != altIndents[altIndents.count - 1] { throw tabError(lineStart) }
        }
    }

    private func tabError(_ lineStart: Int) -> SyntaxErrorInfo {
        fail("inconsistent use of tabs and spaces in indentation", at: lineStart, kind: .tabError)
    }

    /// End of input: unclosed brackets are errors; otherwise NEWLINE, DEDENTs, ENDMARKER.
    private mutating func finish() throws {
        if isEmbedded {
            add(.endMarker, "", from: index, to: index)
            return
        }
        if let open = brackets.last {
            throw source.error(.syntaxError, "'\(open.scalar)' was never closed", at: open.position)
        }
        if let last = tokens.last, last.kind != .newline, last.kind != .dedent, last.kind != .indent {
            add(.newline, "", from: index, to: index)
        }
        while indents.count > 1 {
            indents.removeLast()
            add(.dedent, "", from: index, to: index)
        }
        add(.endMarker, "", from: index, to: index)
    }

    func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) || (c.value > 127 && c.properties.isXIDStart)
    }

    func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
            || (c.value > 127 && c.properties.isXIDContinue)
    }

    private func isStringPrefix(_ p: String) -> Bool {
        ["r", "u", "f", "b", "br", "rb", "fr", "rf"].contains(p.lowercased())
    }

    private mutating func lexNameOrPrefixedString() {
        let start = index
        while let c = peek(), isIdentifierContinue(c) { index += 1 }
        add(.name, source.text(start, index), from: start, to: index)
    }

    private static let threeCharOps: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
    private static let twoCharOps: Set<String> = [
        "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", ":=", "+=", "-=", "*=", "/=", "%=", "&=",
        "|=", "^=", "@=",
    ]
    private static let oneCharOps: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":",
        ".", ";", "=",
    ]

    private mutating func lexOperator() throws {
        let start = index
        guard let c = peek() else { return }
        if let c1 = peek(1) {
            var two = String.UnicodeScalarView()
            two.append(c)
            two.append(c1)
            let pair = String(two)
            if let c2 = peek(2), Lexer.threeCharOps.contains(pair + String(c2)) {
                index += 3
                add(.op, pair + String(c2), from: start, to: index)
                return
            }
            if Lexer.twoCharOps.contains(pair) {
                index += 2
                add(.op, pair, from: start, to: index)
                return
            }
        }
        if c == "$" || c == "?" || c == "`" || c == "!" {
            // CPython's tokenizer passes these on as error tokens: the parser reports "invalid syntax".
            index += 1
            add(.op, String(c), from: start, to: index)
            return
        }
        guard Lexer.oneCharOps.contains(c) else { throw invalidCharacter(c, at: start) }
        index += 1
        try trackBrackets(c, at: start)
        add(.op, String(c), from: start, to: index)
    }

    private mutating func trackBrackets(_ c: Unicode.Scalar, at start: Int) throws {
        switch c {
        case "(", "[", "{":
            if brackets.count >= Lexer.maxBracketDepth { throw fail("too many nested parentheses", at: start) }
            brackets.append((c, position(start)))
        case ")", "]", "}":
            guard let open = brackets.popLast() else {
                if isEmbedded && c == "}" { throw fail("f-string: single '}' is not allowed", at: start) }
                throw fail("unmatched '\(c)'", at: start)
            }
            let expected: Unicode.Scalar = open.scalar == "(" ? ")" : open.scalar == "[" ? "]" : "}"
            if c != expected {
                let here = position(start)
                var message = "closing parenthesis '\(c)' does not match opening parenthesis '\(open.scalar)'"
                if open.position.line != here.line { message += " on line \(open.position.line)" }
                throw source.error(.syntaxError, message, at: here)
            }
        default:
            break
        }
    }

    private func invalidCharacter(_ c: Unicode.Scalar, at i: Int) -> SyntaxErrorInfo {
        let hex = String(c.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if c.properties.generalCategory == .control || c.properties.generalCategory == .format
            || c.properties.generalCategory == .spaceSeparator {
            return fail("invalid non-printable character \(code)", at: i)
        }
        return fail("invalid character '\(c)' (\(code))", at: i)
    }
}
