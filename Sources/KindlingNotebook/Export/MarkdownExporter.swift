import Foundation

/// Writes an executed lesson as a Markdown transcript: Markdown cells as written,
/// code in ```` ```python ```` fences, each output in a plain fence, figures as PNG
/// files in a folder beside the transcript (`OUT_files/figure-N.png`) linked with
/// `![...](...)`.
public enum MarkdownExporter {
    /// A rendered transcript and the image files it links to.
    public struct Transcript: Equatable, Sendable {
        public var markdown: String
        /// Paths relative to the transcript's folder, with their PNG bytes.
        public var images: [(path: String, png: Data)]

        public static func == (lhs: Transcript, rhs: Transcript) -> Bool {
            lhs.markdown == rhs.markdown && lhs.images.map(\.path) == rhs.images.map(\.path)
                && lhs.images.map(\.png) == rhs.images.map(\.png)
        }
    }

    /// Renders the transcript; figures are linked under `imageFolder`.
    public static func render(_ executed: ExecutedNotebook, imageFolder: String) -> Transcript {
        var blocks: [String] = []
        var images: [(path: String, png: Data)] = []
        for item in executed.cells {
            let cell = item.cell
            switch cell.kind {
            case .markdown, .raw:
                if !cell.source.isEmpty { blocks.append(cell.source) }
            case .code:
                if cell.isEmpty { continue }
                blocks.append(fenced(cell.notebookSource, language: "python"))
                guard let result = item.result else { continue }
                for output in result.outputs {
                    switch output {
                    case let .stream(_, text): blocks.append(fenced(text))
                    case let .displayData(bundle), let .executeResult(_, bundle):
                        if let png = bundle.png {
                            let path = "\(imageFolder)/figure-\(images.count + 1).png"
                            images.append((path, png))
                            blocks.append("![\(escapeAlt(bundle.plainText))](\(escapeLink(path)))")
                        } else {
                            blocks.append(fenced(bundle.plainText))
                        }
                    case let .error(error): blocks.append(fenced(error.traceback))
                    }
                }
            }
        }
        return Transcript(markdown: blocks.joined(separator: "\n\n") + "\n", images: images)
    }

    /// Writes the transcript to `path` and its figures to `<name>_files/` beside it.
    /// Returns the paths written, transcript first.
    @discardableResult
    public static func write(_ executed: ExecutedNotebook, to path: String) throws -> [String] {
        let url = URL(fileURLWithPath: path)
        let folderName = url.deletingPathExtension().lastPathComponent + "_files"
        let transcript = render(executed, imageFolder: folderName)
        let directory = url.deletingLastPathComponent()
        var written = [path]
        if !transcript.images.isEmpty {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(folderName),
                                                    withIntermediateDirectories: true)
        }
        for image in transcript.images {
            let imageURL = directory.appendingPathComponent(image.path)
            try image.png.write(to: imageURL)
            written.append(imageURL.path)
        }
        try transcript.markdown.write(to: url, atomically: true, encoding: .utf8)
        return written
    }

    /// A fenced block whose fence is longer than any run of backticks inside.
    static func fenced(_ text: String, language: String = "") -> String {
        var longest = 0, run = 0
        for char in text {
            run = char == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return "\(fence)\(language)\n\(body)\n\(fence)"
    }

    private static func escapeAlt(_ text: String) -> String {
        text.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }

    private static func escapeLink(_ path: String) -> String {
        path.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "(", with: "%28")
            .replacingOccurrences(of: ")", with: "%29")
    }
}
