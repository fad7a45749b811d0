/// `kindling run --to FORMAT -o PATH`: the formats an executed lesson can be written in.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// nbformat 4.5 JSON.
    case ipynb
    /// A Markdown transcript with figures as PNG files beside it.
    case md

    /// Parses `ipynb`, `notebook`, `md` or `markdown`.
    public init?(name: String) {
        switch name.lowercased() {
        case "ipynb", "notebook": self = .ipynb
        case "md", "markdown": self = .md
        default: return nil
        }
    }

    /// The usual extension (`ipynb`, `md`).
    public var fileExtension: String { rawValue }

    /// Writes `notebook` to `path`; returns every file written (transcript first).
    @discardableResult
    public func write(_ notebook: ExecutedNotebook, to path: String) throws -> [String] {
        switch self {
        case .ipynb:
            try NotebookExporter.write(notebook, to: path)
            return [path]
        case .md:
            return try MarkdownExporter.write(notebook, to: path)
        }
    }
}
