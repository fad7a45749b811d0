/// Turns cells and their results into terminal text, the way `kindling run` and
/// `kindling step` show them: rendered Markdown, `In [n]:` with the numbered code,
/// then stdout, `Out[n]:`, figures and tracebacks.
public struct TranscriptRenderer {
    public var style: TerminalStyle
    /// Prefix each code line with its line number in the lesson file.
    public var showLineNumbers: Bool
    /// Draws a figure for the terminal; by default its `terminalRendering` (made for
    /// the terminal's capabilities by whoever produced the figure), else its `altText`.
    public var figureDisplay: ((CellFigure) -> String)?

    public init(style: TerminalStyle, showLineNumbers: Bool = true, figureDisplay: ((CellFigure) -> String)? = nil) {
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

    /// What the cell produced. `includeStdout` is false when stdout was already
    /// streamed to the terminal while the cell ran. Ends with a blank line unless
    /// `blankLineAfter` is false (the user's own code in step mode).
    public func renderOutputs(_ result: CellResult, executionCount: Int?, includeStdout: Bool = true,
                              blankLineAfter: Bool = true) -> String {
        var text = ""
        if includeStdout { text += ensureNewline(result.stdout) }
        if !result.stderr.isEmpty { text += style.red(ensureNewline(result.stderr)) }
        if let value = result.value {
            let label = "Out[\(executionCount.map(String.init) ?? " ")]:"
            // Like IPython: a value of several lines starts on its own line.
            text += style.bold(style.red(label)) + (value.contains("\n") ? "\n" : " ") + value + "\n"
        }
        for figure in result.figures {
            text += ensureNewline(display(figure))
        }
        if let error = result.error {
            text += style.red(ensureNewline(error.traceback))
        }
        return blankLineAfter ? text + "\n" : text
    }

    /// Input and outputs together.
    public func renderCodeCell(_ executed: ExecutedCell) -> String {
        var text = renderInput(executed.cell, executionCount: executed.executionCount)
        if let result = executed.result {
            text += renderOutputs(result, executionCount: executed.executionCount)
        } else {
            text += "\n"
        }
        return text
    }

    private func display(_ figure: CellFigure) -> String {
        if let figureDisplay { return figureDisplay(figure) }
        return figure.terminalRendering ?? figure.altText
    }

    private func ensureNewline(_ text: String) -> String {
        text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }
}
