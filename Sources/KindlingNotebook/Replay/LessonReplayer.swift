import Foundation

/// An executor that can hand over stdout while a cell is still running, so a long
/// training loop shows its epochs as they finish. The replayer sets `streamHandler`
/// before a cell and clears it after; the text must still be in `CellResult.stdout`.
public protocol StreamingCellExecutor: CellExecutor {
    var streamHandler: ((String) -> Void)? { get set }
}

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
/// and run through the executor, its outputs shown under it.
public final class LessonReplayer {
    public let lesson: Lesson
    public let executor: CellExecutor
    public var options: ReplayOptions
    private let write: (String) -> Void

    /// `write` receives the transcript text piece by piece (typically stdout).
    public init(lesson: Lesson, executor: CellExecutor, options: ReplayOptions = ReplayOptions(),
                write: @escaping (String) -> Void) {
        self.lesson = lesson
        self.executor = executor
        self.options = options
        self.write = write
    }

    /// Runs the cells in order; stops after the first failing cell unless `keepGoing`.
    public func run() -> ReplayOutcome {
        let start = DispatchTime.now().uptimeNanoseconds
        var notebook = ExecutedNotebook(unexecuted: lesson)
        var failed: [Int] = []
        var count = 0
        let runner = CellRunner(executor: executor, filename: lesson.path)
        for index in notebook.cells.indices {
            let cell = notebook.cells[index].cell
            if cell.kind != .code {
                emit(options.renderer.renderText(cell))
                continue
            }
            if cell.isEmpty { continue }
            count += 1
            emit(options.renderer.renderInput(cell, executionCount: count))
            let executed = execute(cell, runner: runner, count: count)
            notebook.cells[index] = executed.cell
            if let result = executed.cell.result {
                emit(options.renderer.renderOutputs(result, executionCount: count, includeStdout: !executed.streamed))
                if result.failed {
                    failed.append(index)
                    if !options.keepGoing { break }
                }
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9
        return ReplayOutcome(notebook: notebook, failedCells: failed, duration: seconds)
    }

    private func execute(_ cell: NotebookCell, runner: CellRunner, count: Int) -> (cell: ExecutedCell, streamed: Bool) {
        let streaming = options.echo ? executor as? StreamingCellExecutor : nil
        var endsWithNewline = true
        streaming?.streamHandler = { [write] text in
            guard !text.isEmpty else { return }
            write(text)
            endsWithNewline = text.hasSuffix("\n")
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = runner.run(cell)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9
        streaming?.streamHandler = nil
        if !endsWithNewline { write("\n") }
        return (ExecutedCell(cell: cell, executionCount: count, result: result, duration: seconds), streaming != nil)
    }

    private func emit(_ text: String) {
        if options.echo { write(text) }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
