/// A span of source text: where a token or syntax node starts and ends.
///
/// Lines are 1-based and already include the `lineOffset` given to `parseModule`, so a notebook
/// cell's nodes point into the lesson file. Columns are 1-based and count Unicode scalars (a tab
/// counts as one column), like CPython's `SyntaxError.offset`. `endColumn` is exclusive: the column
/// just past the last character, so a one-character token at column 5 has `endColumn == 6`.
public struct SourceRange: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The file name given to the parser (for example `"lesson.py"` or `"<stdin>"`).
    public var file: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int

    public init(file: String, line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.file = file
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// The range covering both `self` and `other` (the start of `self`, the end of `other`).
    public func through(_ other: SourceRange) -> SourceRange {
        SourceRange(file: file, line: line, column: column, endLine: other.endLine, endColumn: other.endColumn)
    }

    /// A placeholder range for nodes synthesized by tools and tests.
    public static let unknown = SourceRange(file: "<unknown>", line: 0, column: 0, endLine: 0, endColumn: 0)

    public var description: String { "\(file):\(line):\(column)-\(endLine):\(endColumn)" }
}
