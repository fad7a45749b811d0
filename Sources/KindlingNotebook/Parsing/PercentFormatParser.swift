import Foundation

/// Reads Jupytext's percent format (`# %%` cells) into a `Lesson`.
///
/// - `# %%` starts a code cell; `# %% Title` gives it a title; `# %% [markdown]`
///   (or `[md]`) starts a Markdown cell whose lines start with `# ` (a bare `#` is an
///   empty line) or which is wrapped in triple quotes; `[raw]` starts a raw cell.
///   `key="value"` pairs after the cell type are the cell's metadata.
/// - Lines before the first marker form a header cell: Markdown when every line is a
///   comment, code otherwise. A `# ---` ... `# ---` block at the very top is Jupytext's
///   YAML header and not a cell.
/// - In a code cell, a line starting with `# %name` (one `%`) is a magic.
/// - Blank lines at the start and end of a cell are dropped; line numbers stay those
///   of the file.
public enum PercentFormatParser {
    public static func parse(_ text: String, path: String = "<lesson>") -> Lesson {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }

        var index = 0
        if lines.first?.hasPrefix("#!") == true { index = 1 }
        let header = readYAMLHeader(lines, from: &index)

        var cells: [NotebookCell] = []
        let markerIndices = lines.indices.filter { $0 >= index && isMarker(lines[$0]) }
        let preambleEnd = markerIndices.first ?? lines.count
        if let cell = makeHeaderCell(lines, range: index..<preambleEnd) { cells.append(cell) }

        for (position, markerIndex) in markerIndices.enumerated() {
            let end = position + 1 < markerIndices.count ? markerIndices[position + 1] : lines.count
            let options = MarkerOptions(lines[markerIndex])
            cells.append(makeCell(options, lines, body: (markerIndex + 1)..<end, markerIndex: markerIndex))
        }
        return Lesson(path: path, cells: cells, header: header)
    }

    /// True for a cell marker line: `# %%` or `#%%`, optionally followed by options.
    static func isMarker(_ line: String) -> Bool {
        for prefix in ["# %%", "#%%"] where line.hasPrefix(prefix) {
            let rest = line.dropFirst(prefix.count)
            return rest.isEmpty || rest.first == " " || rest.first == "\t"
        }
        return false
    }

    /// Parses a magic line (`# %time x`) of a code cell; nil for other lines.
    static func magic(in line: String, at fileLine: Int) -> Magic? {
        guard line.hasPrefix("# %"), !line.hasPrefix("# %%") else { return nil }
        let body = line.dropFirst(3)
        let name = body.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard let first = name.first, first.isLetter || first == "_" else { return nil }
        let rest = body.dropFirst(name.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        return Magic(name: String(name), argument: rest.trimmingCharacters(in: .whitespaces), line: fileLine)
    }

    // MARK: - Pieces

    private static func readYAMLHeader(_ lines: [String], from index: inout Int) -> String? {
        guard index < lines.count, lines[index] == "# ---" else { return nil }
        guard let close = lines[(index + 1)...].firstIndex(of: "# ---") else { return nil }
        let body = lines[(index + 1)..<close].map(uncommentMarkdownLine)
        index = close + 1
        return body.joined(separator: "\n")
    }

    private static func makeHeaderCell(_ lines: [String], range: Range<Int>) -> NotebookCell? {
        guard let body = trimBlankLines(lines, range) else { return nil }
        let isAllComments = body.allSatisfy { line in
            lines[line].hasPrefix("#") || isBlank(lines[line])
        }
        if isAllComments {
            let text = body.map { uncommentMarkdownLine(lines[$0]) }.joined(separator: "\n")
            return NotebookCell(kind: .markdown, source: text, firstLine: body.lowerBound + 1)
        }
        return makeCodeCell(title: nil, lines, body: body, markerIndex: nil, metadata: [:])
    }

    private static func makeCell(_ options: MarkerOptions, _ lines: [String], body range: Range<Int>,
                                 markerIndex: Int) -> NotebookCell {
        guard let body = trimBlankLines(lines, range) else {
            return NotebookCell(kind: options.kind, title: options.title, source: "",
                                firstLine: markerIndex + 2, markerLine: markerIndex + 1,
                                metadata: options.metadata)
        }
        switch options.kind {
        case .code:
            return makeCodeCell(title: options.title, lines, body: body, markerIndex: markerIndex,
                                metadata: options.metadata)
        case .markdown, .raw:
            var text = body.map { uncommentMarkdownLine(lines[$0]) }
            var firstLine = body.lowerBound + 1
            let first = lines[body.lowerBound], last = lines[body.upperBound - 1]
            for quote in ["\"\"\"", "'''"] where first == quote && last == quote && body.count >= 2 {
                text = Array(lines[(body.lowerBound + 1)..<(body.upperBound - 1)])
                firstLine += 1
            }
            return NotebookCell(kind: options.kind, title: options.title, source: text.joined(separator: "\n"),
                                firstLine: firstLine, markerLine: markerIndex + 1, metadata: options.metadata)
        }
    }

    private static func makeCodeCell(title: String?, _ lines: [String], body: Range<Int>, markerIndex: Int?,
                                     metadata: [String: String]) -> NotebookCell {
        let magics = body.compactMap { magic(in: lines[$0], at: $0 + 1) }
        return NotebookCell(kind: .code, title: title, source: lines[body].joined(separator: "\n"),
                            firstLine: body.lowerBound + 1, markerLine: markerIndex.map { $0 + 1 },
                            magics: magics, metadata: metadata)
    }

    /// The range without leading and trailing blank lines; nil when nothing is left.
    private static func trimBlankLines(_ lines: [String], _ range: Range<Int>) -> Range<Int>? {
        guard let first = range.first(where: { !isBlank(lines[$0]) }),
              let last = range.last(where: { !isBlank(lines[$0]) }) else { return nil }
        return first..<(last + 1)
    }

    private static func isBlank(_ line: String) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// `# text` -> `text`, `#` -> empty line; anything else is kept as written.
    static func uncommentMarkdownLine(_ line: String) -> String {
        if line == "#" { return "" }
        if line.hasPrefix("# ") { return String(line.dropFirst(2)) }
        return line
    }
}

/// What follows `# %%` on a marker line: `Optional title [cell type] key="value"`.
struct MarkerOptions {
    var kind: NotebookCell.Kind = .code
    var title: String?
    var metadata: [String: String] = [:]

    init(_ line: String) {
        let prefix = line.hasPrefix("# %%") ? 4 : 3
        var rest = Substring(line.dropFirst(prefix)).trimmingCharacters(in: .whitespaces)[...]
        var titleText = rest
        if let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            let type = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces).lowercased()
            let known: [String: NotebookCell.Kind] = ["markdown": .markdown, "md": .markdown, "raw": .raw, "code": .code]
            if let kind = known[type] {
                self.kind = kind
                titleText = rest[..<open]
                rest = rest[rest.index(after: close)...]
                metadata = MarkerOptions.parseMetadata(rest)
            }
        }
        let trimmed = titleText.trimmingCharacters(in: .whitespaces)
        title = trimmed.isEmpty ? nil : trimmed
    }

    /// Parses `key="value" other=value` pairs; quotes around a value are removed.
    static func parseMetadata(_ text: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var remaining = text.trimmingCharacters(in: .whitespaces)[...]
        while let equals = remaining.firstIndex(of: "=") {
            let key = remaining[..<equals].trimmingCharacters(in: .whitespaces)
            var value = remaining[remaining.index(after: equals)...]
            var parsed: Substring
            if value.first == "\"", let close = value.dropFirst().firstIndex(of: "\"") {
                parsed = value[value.index(after: value.startIndex)..<close]
                value = value[value.index(after: close)...]
            } else {
                let end = value.firstIndex(of: " ") ?? value.endIndex
                parsed = value[..<end]
                value = value[end...]
            }
            if !key.isEmpty { result[key] = String(parsed) }
            remaining = value.trimmingCharacters(in: .whitespaces)[...]
        }
        return result
    }
}
