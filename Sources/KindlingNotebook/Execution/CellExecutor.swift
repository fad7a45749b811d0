import Foundation

/// What the notebook needs from the interpreter: run some code in one namespace that
/// lasts for the whole lesson, and say what came out.
///
/// The notebook runs every code cell, the user's own code between cells in step mode,
/// and the code of a `%time`-style magic through the same executor, so all of them
/// share variables.
public protocol CellExecutor: AnyObject {
    /// Runs `code` as a cell (statements; the value of a trailing expression is shown).
    /// `firstLine` is the file line of the code's first line, so tracebacks name the
    /// lesson's own lines (`File "Lessons/01.py", line 12`).
    func execute(code: String, filename: String, firstLine: Int) -> CellResult

    /// Runs a line magic the notebook does not handle itself (anything other than
    /// `%time`). Return nil when the magic is unknown; the notebook then reports
    /// `UsageError: Line magic function `%name` not found.` like IPython.
    func executeMagic(_ magic: Magic, filename: String) -> CellResult?
}

extension CellExecutor {
    public func executeMagic(_ magic: Magic, filename: String) -> CellResult? { nil }
}

/// Everything a cell produced, in the shape a notebook stores it.
public struct CellResult: Equatable, Sendable {
    /// Text the cell printed to stdout.
    public var stdout: String
    /// Text the cell wrote to stderr (warnings); usually empty.
    public var stderr: String
    /// `repr` of the trailing expression's value; nil when there is none or it is `None`.
    public var value: String?
    /// An HTML rendering of the value (tables such as the Learner's), for `text/html`.
    public var html: String?
    /// Figures shown by the cell (`plt.show()`, or open at the end of the cell).
    public var figures: [CellFigure]
    /// The uncaught exception that stopped the cell, if any.
    public var error: CellError?

    public init(stdout: String = "", stderr: String = "", value: String? = nil, html: String? = nil,
                figures: [CellFigure] = [], error: CellError? = nil) {
        self.stdout = stdout
        self.stderr = stderr
        self.value = value
        self.html = html
        self.figures = figures
        self.error = error
    }

    /// True when the cell raised.
    public var failed: Bool { error != nil }

    /// Appends what a later piece of the same cell produced: output accumulates, the
    /// value is the last piece's, the first error wins.
    public mutating func append(_ later: CellResult) {
        stdout += later.stdout
        stderr += later.stderr
        value = later.value
        html = later.html
        figures += later.figures
        if error == nil { error = later.error }
    }
}

/// A figure produced by a cell.
public struct CellFigure: Equatable, Sendable {
    /// The PNG-encoded image (for `image/png` in notebooks and files in Markdown exports).
    public var png: Data
    /// Size in pixels (for `<Figure size 640x480 with 1 Axes>`-style text).
    public var width: Int
    public var height: Int
    /// Plain-text stand-in, e.g. `<Figure size 640x480 with 2 Axes>`.
    public var altText: String
    /// A ready-made rendering for the current terminal (escape sequences for kitty,
    /// iTerm2, sixel, or Unicode blocks), when the executor made one.
    public var terminalRendering: String?

    public init(png: Data, width: Int, height: Int, altText: String? = nil, terminalRendering: String? = nil) {
        self.png = png
        self.width = width
        self.height = height
        self.altText = altText ?? "<Figure size \(width)x\(height)>"
        self.terminalRendering = terminalRendering
    }
}

/// An uncaught exception, as a notebook's `error` output.
public struct CellError: Equatable, Sendable, Error {
    /// Exception type name (`ValueError`).
    public var ename: String
    /// Exception message (`invalid literal for int() with base 10: 'x'`).
    public var evalue: String
    /// The full traceback text as Python prints it, ending with `ename: evalue`.
    public var traceback: String

    public init(ename: String, evalue: String, traceback: String? = nil) {
        self.ename = ename
        self.evalue = evalue
        self.traceback = traceback ?? (evalue.isEmpty ? ename : "\(ename): \(evalue)")
    }

    /// The traceback as a list of lines (nbformat's `traceback` field).
    public var tracebackLines: [String] {
        var lines = traceback.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        return lines
    }
}
