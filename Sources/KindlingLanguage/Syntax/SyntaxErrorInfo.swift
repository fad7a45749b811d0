/// Why source text could not be parsed: one error type for the lexer and the parser.
///
/// The runtime turns it into a Python exception whose class is `kind.pythonExceptionKind`;
/// `rendered()` gives CPython's layout:
///
///       File "lesson.py", line 3
///         x = (1 +
///             ^
///     SyntaxError: '(' was never closed
public struct SyntaxErrorInfo: Error, Equatable, Sendable, CustomStringConvertible {
    /// The family of the error, which decides the Python exception class.
    public enum Kind: Equatable, Sendable {
        /// `SyntaxError`
        case syntaxError
        /// `IndentationError` ("unexpected indent", "expected an indented block ...").
        case indentationError
        /// `TabError` ("inconsistent use of tabs and spaces in indentation").
        case tabError
        /// Valid Python that Kindling refuses (walrus, `yield`, `match`, ...). Raised as
        /// `NotImplementedError`; the message ends in "is not supported by Kindling".
        case unsupported

        /// The Python exception class of this kind.
        public var pythonExceptionKind: PyExceptionKind {
            switch self {
            case .syntaxError: return .syntaxError
            case .indentationError: return .indentationError
            case .tabError: return .tabError
            case .unsupported: return .notImplementedError
            }
        }
    }

    public var kind: Kind
    /// The message as CPython 3.11 words it where reasonable ("invalid syntax", "expected ':'").
    public var message: String
    public var filename: String
    /// 1-based line, including the parser's `lineOffset`.
    public var line: Int
    /// 1-based column (in Unicode scalars) of the caret.
    public var column: Int
    /// Exclusive end column on `line` for a `^^^` underline; nil or `column + 1` draws one caret.
    public var endColumn: Int?
    /// The text of the offending line (without its newline), if known.
    public var sourceLine: String?

    public init(kind: Kind, message: String, filename: String, line: Int, column: Int,
                endColumn: Int? = nil, sourceLine: String? = nil) {
        self.kind = kind
        self.message = message
        self.filename = filename
        self.line = line
        self.column = column
        self.endColumn = endColumn
        self.sourceLine = sourceLine
    }

    /// `SyntaxError: invalid syntax`
    public var description: String { "\(kind.pythonExceptionKind.rawValue): \(message)" }

    /// The error in CPython's layout: the file and line, the source line stripped of leading
    /// whitespace, a caret (or carets) under the column, then `Kind: message`.
    public func rendered() -> String {
        var out = "  File \"\(filename)\", line \(line)\n"
        if let source = sourceLine {
            let scalars = Array(source.unicodeScalars)
            var leading = 0
            while leading < scalars.count, scalars[leading] == " " || scalars[leading] == "\t" || scalars[leading] == "\u{0C}" {
                leading += 1
            }
            var trailing = scalars.count
            while trailing > leading, scalars[trailing - 1] == " " || scalars[trailing - 1] == "\t" || scalars[trailing - 1] == "\r" {
                trailing -= 1
            }
            var shown = String.UnicodeScalarView()
            shown.append(contentsOf: scalars[leading..<trailing])
            out += "    " + String(shown) + "\n"
            let caretStart = max(0, min(column - 1 - leading, trailing - leading))
            var caretCount = 1
            if let end = endColumn, end > column { caretCount = max(1, min(end - column, trailing - leading - caretStart)) }
            out += "    " + String(repeating: " ", count: caretStart) + String(repeating: "^", count: caretCount) + "\n"
        }
        out += description
        return out
    }
}
