import Foundation
import KindlingLanguage

/// Runs notebook code on a Kindling `Interpreter`: stdout captured (and streamed when
/// the replayer asks), the trailing expression's `repr` as the value (and `_` set to
/// it, like IPython), uncaught exceptions as CPython-style tracebacks that name the
/// lesson file's lines.
///
/// The parts the language does not know about come through hooks, filled in by
/// whoever assembles the program (the bindings know about figures and HTML tables):
///
///     let executor = InterpreterCellExecutor(interpreter: interpreter)
///     executor.figureProvider = { plotSession.takeFiguresToShow().compactMap { try? CellFigure(figure: $0) } }
public final class InterpreterCellExecutor: StreamingCellExecutor {
    public let interpreter: Interpreter
    public var streamHandler: ((String) -> Void)?
    /// Figures to show at the end of a piece of code (`plt.show()` or still open).
    public var figureProvider: (() -> [CellFigure])?
    /// An HTML rendering of a cell's value (DataFrames, the Learner's results table).
    public var htmlRepresentation: ((Value) -> String?)?
    /// Line magics other than `%time` (the REPL's `%whos`, `%timeit`, ...).
    public var magicHandler: ((Magic, String) -> CellResult?)?

    public init(interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    public func execute(code: String, filename: String, firstLine: Int) -> CellResult {
        var result = CellResult()
        let previousOutput = interpreter.output
        interpreter.output = { [weak self] text in
            result.stdout += text
            self?.streamHandler?(text)
        }
        defer { interpreter.output = previousOutput }
        do {
            // `run` may hand back `.none` itself for None: check the value, not just nil.
            if let value = try interpreter.run(source: code, filename: filename, lineOffset: max(0, firstLine - 1),
                                               mode: .interactive), !value.isNone,
               !InterpreterCellExecutor.suppressesDisplay(code) {
                result.value = interpreter.repr(value)
                result.html = htmlRepresentation?(value)
                interpreter.setGlobal("_", value)
            }
        } catch let exception as PyException {
            result.error = CellError(ename: exception.typeName, evalue: exception.message,
                                     traceback: interpreter.formatException(exception))
        } catch {
            result.error = CellError(ename: "SystemError", evalue: String(describing: error))
        }
        result.figures = figureProvider?() ?? []
        return result
    }

    public func executeMagic(_ magic: Magic, filename: String) -> CellResult? {
        magicHandler?(magic, filename)
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
