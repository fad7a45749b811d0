import Foundation
import KindlingBindings
import KindlingGraphics
import KindlingLanguage
import KindlingNotebook

/// Assembles what every Kindling front end runs on: an interpreter with all the
/// Kindling modules, and a notebook executor on it that collects figures and
/// understands the REPL's magics (`%timeit`, `%whos`, `%inspect`, ...).
public enum KindlingSession {
    /// A fresh interpreter with `torch`, `fastai.vision.all`, `pandas`, `matplotlib.pyplot`.
    public static func makeInterpreter() -> Interpreter {
        let interp = Interpreter()
        KindlingModules.install(into: interp)
        return interp
    }

    /// An executor on a fresh interpreter (or `interpreter`), with figures drawn for
    /// `capabilities` and the REPL's line magics installed.
    public static func makeExecutor(interpreter: Interpreter? = nil,
                                    capabilities: TerminalCapabilities = .current()) -> InterpreterCellExecutor {
        let interp = interpreter ?? makeInterpreter()
        let executor = InterpreterCellExecutor(interpreter: interp)
        executor.figureProvider = {
            FigureDisplay.takeFiguresToShow(for: interp).compactMap { try? CellFigure(figure: $0, capabilities: capabilities) }
        }
        let magics = REPLMagics(executor: executor)
        executor.magicHandler = { magic, _ in magics.run(magic) }
        return executor
    }

    /// How a figure appears in a transcript or the REPL: the rendering made for this
    /// terminal, or its alt text.
    public static func figureText(_ figure: CellFigure) -> String {
        figure.terminalRendering ?? figure.altText
    }

    /// Ctrl-C while a program runs raises KeyboardInterrupt inside it (the line
    /// editor swaps in its own handler only while it reads).
    public static func installInterruptHandler() {
        signal(SIGINT) { _ in Interpreter.requestInterrupt() }
    }
}
