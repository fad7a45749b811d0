import Foundation

/// A lesson script: the cells of a Jupytext percent-format `.py` file.
public struct Lesson: Equatable, Sendable {
    /// Path the lesson was read from, used in tracebacks (`File "Lessons/01.py", line 12`).
    public var path: String
    public var cells: [NotebookCell]
    /// Jupytext's YAML header (`# ---` ... `# ---` at the top), without the `# ` prefixes.
    public var header: String?

    public init(path: String, cells: [NotebookCell], header: String? = nil) {
        self.path = path
        self.cells = cells
        self.header = header
    }

    /// Reads and parses a lesson file.
    public init(contentsOf path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        self = PercentFormatParser.parse(text, path: path)
    }

    /// The lesson's title: the text of the first Markdown heading, if any.
    public var title: String? {
        for cell in cells where cell.kind == .markdown {
            for line in cell.lines {
                if let heading = MarkdownHeading(line) { return heading.text }
            }
        }
        return nil
    }

    /// The code cells, in order.
    public var codeCells: [NotebookCell] { cells.filter { $0.kind == .code } }
}

/// A Markdown ATX heading (`## Text`).
struct MarkdownHeading {
    var level: Int
    var text: String

    init?(_ line: String) {
        let trimmed = line.drop { $0 == " " }
        guard line.count - trimmed.count <= 3 else { return nil }
        let hashes = trimmed.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = trimmed.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        // A closing sequence of #s is not part of the text.
        if let closing = text.lastIndex(where: { $0 != "#" }) {
            let after = text[text.index(after: closing)...]
            if !after.isEmpty && (text[closing] == " " || text[closing] == "\t") {
                text = String(text[..<closing]).trimmingCharacters(in: .whitespaces)
            }
        } else {
            text = ""
        }
        level = hashes.count
        self.text = text
    }
}
