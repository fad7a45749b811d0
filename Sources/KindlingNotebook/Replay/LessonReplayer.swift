import Foundation

/// How `kindling run` replays a lesson.
public struct ReplayOptions {
    /// Record a failing cell's error and go on (nbclient's allow-errors); otherwise stop.
    public var keepGoing: Bool
    /// Write the transcript (markdown, code, outputs); off when only exporting.
    public var echo: Bool
    public var renderer: TranscriptRenderer

    public init(keepGoing: Bool = false, echo: Bool = true, renderer: TranscriptRenderer = TranscriptRenderer(style: .plain)) {
        self.keepGoing = keepGoing
        self.echo = echo
        self.renderer = renderer
    }
}

/// The result of a replay.
public struct ReplayOutcome: Equatable, Sendable {
    /// Every cell, with results for those that ran (for `--to ipynb` / `--to md`).
    public var notebook: ExecutedNotebook
    /// Indices (into `notebook.cells`) of the cells that raised.
    public var failedCells: [Int]
    /// Seconds the whole replay took.
    public var duration: Double

    /// True when no cell raised.
    public var succeeded: Bool { failedCells.isEmpty }
    /// The process exit status `kindling run` should use: 0 or 1.
    public var exitStatus: Int32 { succeeded ? 0 : 1 }

    /// One line per failing cell: `Lessons/x.py, cell 4 (line 12): NameError: name 'x' is not defined`.
    public var failureSummary: String {
        failedCells.compactMap { index -> String? in
            guard let cell = notebook.cells[safe: index], let error = cell.result?.error else { return nil }
            let message = error.evalue.isEmpty ? error.ename : "\(error.ename): \(error.evalue)"
            return "\(notebook.lesson.path), cell \(index + 1) (line \(cell.cell.firstLine)): \(message)"
        }.joined(separator: "\n")
    }
}

/// Replays a lesson notebook-style: each Markdown cell rendered, each code cell echoed
/// and run in the session, its outputs shown under it as they are produced (the
/// transcript shows exactly the outputs the exported notebook holds).
public final class LessonReplayer {
    public let lesson: Lesson
    public let session: NotebookSession
    public var options: ReplayOptions
    private let writer: TranscriptWriter

    /// `write` receives the transcript text piece by piece (typically stdout).
    public init(lesson: Lesson, session: NotebookSession, options: ReplayOptions = ReplayOptions(),
                write: @escaping (String) -> Void) {
        self.lesson = lesson
        self.session = session
        self.options = options
        self.writer = TranscriptWriter(renderer: options.renderer, write: write)
    }

    /// Runs the cells in order; stops after the first failing cell unless `keepGoing`.
    public func run() -> ReplayOutcome {
        let start = DispatchTime.now().uptimeNanoseconds
        var notebook = ExecutedNotebook(unexecuted: lesson)
        var failed: [Int] = []
        let previousHandler = session.onOutput
        defer { session.onOutput = previousHandler }
        session.onOutput = options.echo ? { [writer] output in writer.show(output) } : nil
        for index in notebook.cells.indices {
            let cell = notebook.cells[index].cell
            if cell.kind != .code {
                emit(options.renderer.renderText(cell))
                continue
            }
            if cell.isEmpty { continue }
            emit(options.renderer.renderInput(cell, executionCount: session.executionCount + 1))
            let cellStart = DispatchTime.now().uptimeNanoseconds
            let result = session.run(cell: cell, filename: lesson.path)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds &- cellStart) / 1e9
            notebook.cells[index] = ExecutedCell(cell: cell, executionCount: result.executionCount, result: result,
                                                 duration: seconds)
            if options.echo { writer.endLine() }
            emit("\n")
            if result.failed {
                failed.append(index)
                if !options.keepGoing { break }
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9
        return ReplayOutcome(notebook: notebook, failedCells: failed, duration: seconds)
    }

    private func emit(_ text: String) {
        if options.echo { writer.emit(text) }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
