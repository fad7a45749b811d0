/// A lesson after a replay: each cell with what running it produced.
public struct ExecutedNotebook: Equatable, Sendable {
    public var lesson: Lesson
    public var cells: [ExecutedCell]

    public init(lesson: Lesson, cells: [ExecutedCell]) {
        self.lesson = lesson
        self.cells = cells
    }

    /// The lesson with no cell run yet.
    public init(unexecuted lesson: Lesson) {
        self.init(lesson: lesson, cells: lesson.cells.map { ExecutedCell(cell: $0) })
    }
}

/// A cell and, once it ran, its execution count and result.
public struct ExecutedCell: Equatable, Sendable {
    public var cell: NotebookCell
    /// `In [n]` number; nil for Markdown/raw cells and code cells that did not run.
    public var executionCount: Int?
    public var result: CellResult?
    /// Wall-clock seconds the cell took.
    public var duration: Double?

    public init(cell: NotebookCell, executionCount: Int? = nil, result: CellResult? = nil, duration: Double? = nil) {
        self.cell = cell
        self.executionCount = executionCount
        self.result = result
        self.duration = duration
    }
}
