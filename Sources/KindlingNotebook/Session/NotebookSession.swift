import Foundation
import KindlingBindings
import KindlingGraphics
import KindlingLanguage

/// One entry of the input history (Jupyter's `history_reply` triples).
public struct HistoryEntry: Equatable, Sendable {
    /// The session number (1: this process).
    public var session: Int
    /// The execution count the input ran as.
    public var line: Int
    public var source: String
}

/// The execution core every Kindling front end runs on (the REPL, `kindling run`,
/// `kindling step`, `%lesson`, the Jupyter kernel): an interpreter with all the Kindling
/// modules, the execution counter, the input history, and display.
///
/// `submit` takes what a user typed or a cell holds and handles code, IPython line and
/// cell magics (`%time`, `%timeit`, `%whos`, `%inspect`, `%graph`, `%run`, `%load`,
/// `%history`, `%reset`, `%lesson`, `%help`, `%%time`, `%%timeit`) and `x?`/`x??`,
/// identically for every front end. Outputs are Jupyter's: streams, `display_data`
/// (figures as `image/png`), `execute_result` (`text/plain`, `text/html` for DataFrames)
/// and errors, handed to `onOutput` as they are produced and returned in order.
///
///     let session = NotebookSession(terminal: .current())
///     session.onOutput = { output in draw(output) }
///     let result = session.submit("x = torch.ones(3)\nx * 2")
public final class NotebookSession {
    /// The interpreter whose namespace the inputs share.
    public let interpreter: Interpreter
    /// When set, figures also carry a drawing for this terminal (`MimeBundle.terminalText`).
    public var terminal: TerminalCapabilities?
    /// The number of the last input counted (`In [n]`).
    public private(set) var executionCount = 0
    /// The inputs counted so far, oldest first.
    public private(set) var history: [HistoryEntry] = []
    /// Called with each output as it is produced, in order (streams while code runs).
    public var onOutput: ((Output) -> Void)?
    /// Where `input(prompt)` reads from: `(prompt, password)`; nil reads standard input.
    public var inputProvider: ((String, Bool) throws -> String)? {
        didSet {
            guard let provider = inputProvider else { interpreter.inputReader = nil; return }
            interpreter.inputReader = { prompt in try provider(prompt, false) }
        }
    }
    /// `%lesson NAME`: a front end that can step through a lesson sets this.
    public var lessonHandler: ((String) -> Result<String, CellError>)?
    /// The file name tracebacks give to typed input.
    public var inputFilename = "<stdin>"
    /// Names bound before the user typed anything: `%whos` and `%reset` leave them alone.
    public private(set) var startupNames: Set<String> = []

    /// The outputs of the input running now.
    var current = CellResult()
    var silent = false

    /// A session on `interpreter`, or on a fresh one with `torch`, `fastai.vision.all`,
    /// `pandas` and `matplotlib.pyplot` installed.
    public init(interpreter: Interpreter? = nil, terminal: TerminalCapabilities? = nil) {
        self.interpreter = interpreter ?? NotebookSession.makeInterpreter()
        self.terminal = terminal
        self.startupNames = Set(self.interpreter.globalNames)
        installDisplay()
    }

    /// Treats every name bound so far as part of the environment, not the user's
    /// (after start-up code): `%whos` and `%reset` leave them alone.
    public func hideCurrentNames() {
        startupNames = Set(interpreter.globalNames)
    }

    /// A fresh interpreter with every Kindling module installed.
    public static func makeInterpreter() -> Interpreter {
        let interpreter = Interpreter()
        KindlingModules.install(into: interpreter)
        return interpreter
    }

    /// Raises KeyboardInterrupt in the code running now (safe from a signal handler);
    /// the namespace survives.
    public static func interrupt() { Interpreter.requestInterrupt() }

    /// Ctrl-C while code runs raises KeyboardInterrupt in it.
    public static func installInterruptHandler() {
        signal(SIGINT) { _ in Interpreter.requestInterrupt() }
    }

    // MARK: - Running

    /// Runs one input (a REPL entry, a notebook cell). `silent` runs it without
    /// publishing outputs, counting it or storing it; `storeHistory` false runs it
    /// uncounted. Stops at the first error.
    @discardableResult
    public func submit(_ source: String, silent: Bool = false, storeHistory: Bool = true) -> CellResult {
        let pieces = InputPiece.split(source)
        return perform(pieces, filename: inputFilename, source: source, silent: silent, storeHistory: storeHistory)
    }

    /// Runs a lesson cell: its code between `# %magic` lines, tracebacks naming the
    /// lesson file's lines.
    @discardableResult
    public func run(cell: NotebookCell, filename: String) -> CellResult {
        perform(InputPiece.pieces(of: cell), filename: filename, source: cell.notebookSource, silent: false, storeHistory: true)
    }

    private func perform(_ pieces: [InputPiece], filename: String, source: String,
                         silent: Bool, storeHistory: Bool) -> CellResult {
        let counted = storeHistory && !silent
        if counted {
            executionCount += 1
            history.append(HistoryEntry(session: 1, line: executionCount, source: source))
        }
        let outer = (current, self.silent)
        current = CellResult(executionCount: counted ? executionCount : nil)
        self.silent = silent
        defer { (current, self.silent) = outer }
        if let path = DataPreparation.prepareIfMentioned(source),
           let environ = interpreter.modules["os"]?.namespace.get("environ")?.as(PyDict.self) {
            environ.set("MNIST_CSV", .str(path))  // `os` read the environment before the data existed
        }
        var value: Value?
        for (index, piece) in pieces.enumerated() {
            value = nil
            switch piece {
            case let .code(code, firstLine):
                value = runCode(code, filename: filename, firstLine: firstLine)
            case let .magic(magic):
                value = runLineMagic(magic, filename: filename)
            case let .cellMagic(magic, body, bodyFirstLine):
                value = runCellMagic(magic, body: body, firstLine: bodyFirstLine, filename: filename)
            case let .help(expression, detail):
                if let text = ObjectInspector(session: self).help(expression, detail: detail) { write(text) }
            }
            if current.failed { break }
            if index != pieces.count - 1 { value = nil }
        }
        if let value, !silent, !current.failed {
            interpreter.setGlobal("_", value)
            emit(.executeResult(executionCount: current.executionCount ?? executionCount, bundle(for: value)))
        }
        showOpenFigures()
        return current
    }

    /// Runs statements; returns the trailing expression's value (not None, not hidden
    /// by a trailing `;`). Prints and `plt.show()` figures are emitted as they happen;
    /// an exception is emitted as the error output.
    func runCode(_ code: String, filename: String, firstLine: Int) -> Value? {
        let previousOutput = interpreter.output, previousErrorOutput = interpreter.errorOutput
        interpreter.output = { [unowned self] text in self.emit(.stream(name: .stdout, text: text)) }
        interpreter.errorOutput = { [unowned self] text in self.emit(.stream(name: .stderr, text: text)) }
        FigureDisplay.setShowHandler(for: interpreter) { [unowned self] figures in
            for figure in figures { self.emit(.displayData(self.bundle(for: figure))) }
        }
        defer {
            interpreter.output = previousOutput
            interpreter.errorOutput = previousErrorOutput
            FigureDisplay.setShowHandler(for: interpreter, nil)
        }
        do {
            guard let value = try interpreter.run(source: code, filename: filename, lineOffset: max(0, firstLine - 1),
                                                  mode: .interactive),
                  !value.isNone, !NotebookSession.suppressesDisplay(code) else { return nil }
            return value
        } catch {
            emit(.error(CellError.from(error, interpreter: interpreter)))
            return nil
        }
    }

    /// Figures still open at the end of an input are shown (Jupyter's inline backend).
    func showOpenFigures() {
        for figure in FigureDisplay.takeFiguresToShow(for: interpreter) {
            emit(.displayData(bundle(for: figure)))
        }
    }

    /// Hands an output to `onOutput` (unless silent) and records it.
    func emit(_ output: Output) {
        current.append(output)
        if !silent { onOutput?(output) }
    }

    /// Prints text on stdout (magics' output).
    func write(_ text: String) {
        guard !text.isEmpty else { return }
        emit(.stream(name: .stdout, text: text))
    }

    /// IPython's rule: a trailing `;` on the last line hides the value (`show_image(x);`).
    public static func suppressesDisplay(_ code: String) -> Bool {
        guard var last = code.split(separator: "\n").last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
            .map(String.init) else { return false }
        // Drop a trailing comment when the line has no string literal that could hold a '#'.
        if !last.contains("'") && !last.contains("\""), let hash = last.firstIndex(of: "#") {
            last = String(last[..<hash])
        }
        return last.trimmingCharacters(in: .whitespaces).hasSuffix(";")
    }
}
