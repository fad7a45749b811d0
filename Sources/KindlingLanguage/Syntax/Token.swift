/// The kinds of token the lexer produces.
enum TokenKind: Equatable {
    /// An identifier or keyword; the text is in `Token.text`.
    case name
    /// A numeric literal; the value is in `Token.number`.
    case number
    /// One string literal (adjacent literals are separate tokens); details in `Token.string`.
    case string
    /// An operator or delimiter; the text is in `Token.text`.
    case op
    case newline
    case indent
    case dedent
    case endMarker
}

/// The value of a numeric literal.
enum NumberValue: Equatable {
    case int(Int64)
    case bigInt(String)
    case float(Double)
}

/// A string literal as scanned: its prefix, and either its decoded value or (for f-strings)
/// the bounds of its raw body in the source for the parser to split into parts.
struct StringLiteral: Equatable {
    var isRaw: Bool
    var isFormat: Bool
    var isTriple: Bool
    /// The decoded value (plain strings only).
    var value: String
    /// Scalar indices of the body (between the quotes) in the lexer's source.
    var bodyStart: Int
    var bodyEnd: Int
}

/// A 1-based line and column.
struct SourcePosition: Equatable, Comparable {
    var line: Int
    var column: Int

    static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// One token with its place in the source.
struct Token: Equatable {
    var kind: TokenKind
    var text: String
    var start: SourcePosition
    var end: SourcePosition
    var number: NumberValue? = nil
    var string: StringLiteral? = nil

    /// True for an operator/delimiter token with exactly this text.
    @inline(__always) func isOp(_ s: String) -> Bool { kind == .op && text == s }

    /// True for a name token with exactly this text (keywords are names).
    @inline(__always) func isName(_ s: String) -> Bool { kind == .name && text == s }

    /// True for a name token that is not a hard keyword.
    var isIdentifier: Bool { kind == .name && !pythonKeywords.contains(text) }
}

/// Python 3.11's hard keywords.
let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
    "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]
