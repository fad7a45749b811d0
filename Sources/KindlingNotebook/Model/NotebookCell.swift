import Foundation

/// One cell of a lesson script in Jupytext's percent format.
///
/// Line numbers are 1-based and refer to the lesson file, so errors raised while a
/// cell runs can point at the right line of the file.
public struct NotebookCell: Equatable, Sendable {
    /// What a cell holds; `raw` cells are shown as-is and never run.
    public enum Kind: String, Equatable, Sendable {
        case code, markdown, raw
    }

    public var kind: Kind
    /// The optional title written after `# %%` (`# %% Loading the data`).
    public var title: String?
    /// The cell's text: code as written (magic lines still commented, exactly as in
    /// the file), markdown with the `# ` prefix removed.
    public var source: String
    /// File line of the first line of `source` (for an empty cell: the marker line + 1).
    public var firstLine: Int
    /// File line of the `# %%` marker, nil for a header cell before the first marker.
    public var markerLine: Int?
    /// Magics found in a code cell (`# %time learn.fit(1)`), in order.
    public var magics: [Magic]
    /// `key="value"` metadata written after the cell type on the marker line.
    public var metadata: [String: String]

    public init(kind: Kind, title: String? = nil, source: String, firstLine: Int,
                markerLine: Int? = nil, magics: [Magic] = [], metadata: [String: String] = [:]) {
        self.kind = kind
        self.title = title
        self.source = source
        self.firstLine = firstLine
        self.markerLine = markerLine
        self.magics = magics
        self.metadata = metadata
    }

    /// The source split into lines (an empty cell has no lines).
    public var lines: [String] {
        source.isEmpty ? [] : source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// File line of the last line of `source` (`firstLine - 1` for an empty cell).
    public var lastLine: Int { firstLine + lines.count - 1 }

    /// True when the cell holds nothing but blank lines.
    public var isEmpty: Bool { source.allSatisfy { $0 == "\n" || $0 == " " || $0 == "\t" } }

    /// The code as a notebook shows it: magic lines uncommented (`%time learn.fit(1)`),
    /// which is how Jupytext writes them into an `.ipynb`.
    public var notebookSource: String {
        guard kind == .code, !magics.isEmpty else { return source }
        var lines = self.lines
        for magic in magics {
            let index = magic.line - firstLine
            if lines.indices.contains(index) { lines[index] = magic.text }
        }
        return lines.joined(separator: "\n")
    }

    /// A short one-line description for listings: the title, else the first non-blank line.
    public var summary: String {
        if let title, !title.isEmpty { return title }
        let first = lines.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        if kind == .markdown, let heading = MarkdownHeading(first) { return heading.text }
        return first.trimmingCharacters(in: .whitespaces)
    }

    /// The code split at magic lines, in the order it runs.
    public var segments: [CellSegment] {
        guard kind == .code else { return [] }
        var result: [CellSegment] = []
        var pending: [String] = []
        var pendingStart = firstLine
        func flush() {
            if pending.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                result.append(.code(pending.joined(separator: "\n"), firstLine: pendingStart))
            }
            pending = []
        }
        let magicsByLine = Dictionary(magics.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        for (offset, line) in lines.enumerated() {
            let fileLine = firstLine + offset
            if let magic = magicsByLine[fileLine] {
                flush()
                result.append(.magic(magic))
                pendingStart = fileLine + 1
            } else {
                if pending.isEmpty { pendingStart = fileLine }
                pending.append(line)
            }
        }
        flush()
        return result
    }
}

/// A line magic such as `%time learn.fit(1)`, written `# %time learn.fit(1)` in the
/// lesson file so that CPython sees a comment.
public struct Magic: Equatable, Sendable {
    /// The magic's name without `%` (`time`, `timeit`, `whos`).
    public var name: String
    /// Everything after the name, trimmed (`learn.fit(1)`).
    public var argument: String
    /// File line of the magic.
    public var line: Int

    public init(name: String, argument: String, line: Int) {
        self.name = name
        self.argument = argument
        self.line = line
    }

    /// The magic as typed in a notebook or the REPL: `%time learn.fit(1)`.
    public var text: String { argument.isEmpty ? "%\(name)" : "%\(name) \(argument)" }
}

/// A piece of a code cell: plain code, or a magic line between code.
public enum CellSegment: Equatable, Sendable {
    case code(String, firstLine: Int)
    case magic(Magic)
}
