/// One read from the terminal in step mode.
public enum StepInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the line was thrown away.
    case interrupted
    /// Ctrl-D or the end of piped input.
    case endOfInput
}

/// `kindling step`: walks through a lesson one code cell at a time, as a state
/// machine that a terminal loop (or a test) feeds with lines.
///
/// The cursor is the index of the next cell. Showing moves it past any Markdown cells
/// (they are printed) up to the next code cell, whose code is printed with `In [ ]:`.
/// Enter runs it; the user's own input (code, magics, `x?`) runs in the same
/// `NotebookSession`. Cell numbers in commands and listings are 1-based over all cells.
public final class StepSession {
    public let lesson: Lesson
    public let session: NotebookSession
    public var renderer: TranscriptRenderer

    /// Index (into `lesson.cells`) of the next cell to show or run.
    public private(set) var cursor = 0
    /// Index of the lesson cell that ran last (what `rerun` runs).
    public private(set) var lastRunCell: Int?
    /// Number of the last execution (`In [n]`), counting lesson cells and user code.
    public var executionCount: Int { session.executionCount }
    /// Results of the lesson cells so far (the latest run of each).
    public private(set) var notebook: ExecutedNotebook
    /// True after `quit` (or end of input).
    public private(set) var hasQuit = false

    private let writer: TranscriptWriter
    private var shownCodeCell: Int?

    public init(lesson: Lesson, session: NotebookSession, renderer: TranscriptRenderer = TranscriptRenderer(style: .plain),
                write: @escaping (String) -> Void) {
        self.lesson = lesson
        self.session = session
        self.renderer = renderer
        self.writer = TranscriptWriter(renderer: renderer, write: write)
        self.notebook = ExecutedNotebook(unexecuted: lesson)
    }

    private func write(_ text: String) { writer.emit(text) }

    /// True when every cell has been shown and run.
    public var isAtEnd: Bool { cursor >= lesson.cells.count }

    /// The prompt for a new input: `[3/12] >>> ` (the next cell's number), `[end] >>> `.
    public var prompt: String {
        isAtEnd ? "[end] >>> " : "[\(cursor + 1)/\(lesson.cells.count)] >>> "
    }
    public let continuationPrompt = "... "

    /// Prints the lesson's title and the first cell. Call once before `handle`.
    public func start() {
        let title = lesson.title ?? lesson.path
        write(renderer.style.bold("Stepping through \(title)") + " (\(lesson.cells.count) cells; h for help)\n\n")
        showNext()
    }

    /// Handles one complete input (a command or code, possibly several lines).
    public func handle(_ input: String) {
        switch StepCommand(parsing: input) {
        case .next: runNext()
        case .rerun: rerun()
        case let .goto(number): goto(number)
        case .list: write(listing())
        case .quit: hasQuit = true
        case .help: write(StepCommand.helpText + "\n\n")
        case let .code(code): runUserCode(code)
        }
    }

    /// Drives the session from a line source until `quit` or end of input. `readLine`
    /// gets the prompt to show and returns nil at end of input (Ctrl-D).
    public func run(readLine: (String) -> String?) {
        run(read: { prompt in readLine(prompt).map(StepInput.line) ?? .endOfInput })
    }

    /// Drives the session from a line editor that also reports Ctrl-C: an interrupted
    /// line is dropped (with any continuation lines typed before it) and nothing runs.
    public func run(read: (String) -> StepInput) {
        start()
        inputLoop: while !hasQuit {
            let first = read(prompt)
            guard case var .line(input) = first else {
                if first == .endOfInput { hasQuit = true }
                continue
            }
            if StepCommand(parsing: input) == .code(input) {
                while case .incomplete = session.isComplete(input) {
                    switch read(continuationPrompt) {
                    case let .line(more): input += "\n" + more
                    case .interrupted: continue inputLoop
                    case .endOfInput: hasQuit = true; continue inputLoop
                    }
                }
            }
            handle(input)
        }
    }

    // MARK: - Commands

    /// Runs the code cell shown (if any), then shows the next one.
    private func runNext() {
        guard !isAtEnd else {
            write("End of the lesson. Type code, g N to go back to cell N, or q to quit.\n")
            return
        }
        if shownCodeCell != cursor { showNext() }
        guard let index = shownCodeCell, index == cursor else { return }
        _ = runLessonCell(index, echoInput: false)
        cursor = index + 1
        shownCodeCell = nil
        showNext()
    }

    private func rerun() {
        guard let index = lastRunCell else {
            write("No lesson cell has run yet; press Enter to run the one shown.\n")
            return
        }
        _ = runLessonCell(index, echoInput: true)
    }

    private func goto(_ number: Int) {
        guard number >= 1, number <= lesson.cells.count else {
            write("There is no cell \(number); the lesson has cells 1 to \(lesson.cells.count).\n")
            return
        }
        let target = number - 1
        while cursor < target {
            let cell = lesson.cells[cursor]
            if cell.kind == .code && !cell.isEmpty {
                if !runLessonCell(cursor, echoInput: shownCodeCell != cursor) {
                    cursor += 1
                    shownCodeCell = nil
                    write("Stopped before cell \(number) because cell \(cursor) raised.\n")
                    showNext()
                    return
                }
            } else if cell.kind != .code {
                write(renderer.renderText(cell))
            }
            cursor += 1
        }
        cursor = target
        shownCodeCell = nil
        showNext()
    }

    /// `l`: one line per cell, `>` marking the next one.
    public func listing() -> String {
        let width = String(lesson.cells.count).count
        var text = ""
        for (index, cell) in lesson.cells.enumerated() {
            let marker = index == cursor ? ">" : " "
            let number = String(index + 1)
            let pad = String(repeating: " ", count: width - number.count)
            let kind = cell.kind == .code ? "code" : (cell.kind == .markdown ? "md  " : "raw ")
            let done = notebook.cells[safe: index]?.executionCount != nil ? "*" : " "
            text += "\(marker)\(pad)\(number)\(done) \(kind)  \(truncate(cell.summary, to: 64))\n"
        }
        return text
    }

    // MARK: - Running

    /// Prints Markdown cells from the cursor on and the next code cell's input.
    private func showNext() {
        while let cell = lesson.cells[safe: cursor] {
            if cell.kind == .code && !cell.isEmpty {
                write(renderer.style.dim("Cell \(cursor + 1) of \(lesson.cells.count)") + "\n")
                write(renderer.renderInput(cell, executionCount: nil))
                shownCodeCell = cursor
                return
            }
            if cell.kind != .code { write(renderer.renderText(cell)) }
            cursor += 1
        }
        write("End of the lesson. Type code, g N to go back to cell N, or q to quit.\n")
    }

    /// Runs a lesson cell; returns false when it raised.
    @discardableResult
    private func runLessonCell(_ index: Int, echoInput: Bool) -> Bool {
        guard let cell = lesson.cells[safe: index] else { return true }
        if echoInput { write(renderer.renderInput(cell, executionCount: session.executionCount + 1)) }
        let result = showingOutputs { session.run(cell: cell, filename: lesson.path) }
        notebook.cells[index] = ExecutedCell(cell: cell, executionCount: result.executionCount, result: result)
        lastRunCell = index
        write("\n")
        return !result.failed
    }

    /// The user's own input: code, magics and `x?`, exactly as at the REPL.
    private func runUserCode(_ code: String) {
        showingOutputs { session.submit(code) }
    }

    /// Runs `body` with the session's outputs written as they are produced.
    @discardableResult
    private func showingOutputs(_ body: () -> CellResult) -> CellResult {
        let previous = session.onOutput
        session.onOutput = { [writer] output in writer.show(output) }
        defer { session.onOutput = previous }
        let result = body()
        writer.endLine()
        return result
    }

    private func truncate(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 3)) + "..."
    }
}
