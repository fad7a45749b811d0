/// Turns cells and their results into terminal text, the way `kindling run` and
/// `kindling step` show them: rendered Markdown, `In [n]:` with the numbered code,
/// then stdout, `Out[n]:`, figures and tracebacks.
public struct TranscriptRenderer {
    public var style: TerminalStyle
    /// Prefix each code line with its line number in the lesson file.
    public var showLineNumbers: Bool
    /// Draws a figure for the terminal; by default its `terminalText` (made for the
    /// terminal's capabilities by the session), else its `text/plain`.
    public var figureDisplay: ((MimeBundle) -> String)?

    public init(style: TerminalStyle, showLineNumbers: Bool = true, figureDisplay: ((MimeBundle) -> String)? = nil) {
        self.style = style
        self.showLineNumbers = showLineNumbers
        self.figureDisplay = figureDisplay
    }

    /// A Markdown or raw cell, followed by a blank line.
    public func renderText(_ cell: NotebookCell) -> String {
        let body = cell.kind == .raw ? style.dim(cell.source) : MarkdownTerminalRenderer(style: style).render(cell.source)
        return body + "\n\n"
    }

    /// `In [n]:` (or `In [ ]:` before it runs), the title, and the numbered code.
    public func renderInput(_ cell: NotebookCell, executionCount: Int?) -> String {
        let label = "In [\(executionCount.map(String.init) ?? " ")]:"
        var text = style.bold(style.green(label))
        if let title = cell.title { text += " " + style.bold(title) }
        text += "\n"
        let width = max(4, String(max(cell.lastLine, cell.firstLine)).count)
        for (offset, line) in cell.lines.enumerated() {
            if showLineNumbers {
                let number = String(cell.firstLine + offset)
                let gutter = String(repeating: " ", count: max(0, width - number.count)) + number + " | "
                text += style.dim(gutter) + line + "\n"
            } else {
                text += "    " + line + "\n"
            }
        }
        return text
    }

    /// One output as the terminal shows it: streams as written, `Out[n]: ` before a value
    /// (on a line of its own when the value has several lines, as IPython does), figures
    /// drawn for the terminal, tracebacks in red.
    public func render(_ output: Output) -> String {
        switch output {
        case let .stream(.stdout, text): return text
        case let .stream(.stderr, text): return style.red(text)
        case let .displayData(bundle): return ensureNewline(display(bundle))
        case let .executeResult(count, bundle):
            return outPrompt(count, value: bundle.plainText) + bundle.plainText + "\n"
        case let .error(error): return style.red(ensureNewline(error.traceback))
        }
    }

    /// `Out[n]: `, followed by a line break when `value` has several lines.
    public func outPrompt(_ count: Int?, value: String) -> String {
        let label = "Out[\(count.map(String.init) ?? " ")]:"
        return style.bold(style.red(label)) + " " + (value.contains("\n") ? "\n" : "")
    }

    /// Everything a cell produced, in order, ending with a blank line unless
    /// `blankLineAfter` is false (the user's own code in step mode).
    public func renderOutputs(_ result: CellResult, blankLineAfter: Bool = true) -> String {
        var text = ""
        for output in result.outputs {
            if case .stream = output {} else { text = ensureNewline(text) }
            text += render(output)
        }
        text = ensureNewline(text)
        return blankLineAfter ? text + "\n" : text
    }

    private func display(_ bundle: MimeBundle) -> String {
        if let figureDisplay { return figureDisplay(bundle) }
        return bundle.terminalRendering
    }

    func ensureNewline(_ text: String) -> String {
        text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }
}

/// Writes outputs to a terminal as they arrive, keeping track of whether the last
/// text ended a line, so a value or a figure never starts mid-line.
public final class TranscriptWriter {
    public let renderer: TranscriptRenderer
    private let write: (String) -> Void
    private var atLineStart = true

    public init(renderer: TranscriptRenderer, write: @escaping (String) -> Void) {
        self.renderer = renderer
        self.write = write
    }

    /// Writes one output.
    public func show(_ output: Output) {
        if case .stream = output {} else { endLine() }
        emit(renderer.render(output))
    }

    /// Writes plain text (prompts, cell inputs).
    public func emit(_ text: String) {
        guard !text.isEmpty else { return }
        write(text)
        atLineStart = text.hasSuffix("\n")
    }

    /// Ends a line left open by `print(..., end="")`.
    public func endLine() {
        if !atLineStart { emit("\n") }
    }
}
