import Foundation
import KindlingBindings
import KindlingGraphics
import KindlingLanguage
import KindlingNotebook

/// The executor `run` and `step` use: a fresh interpreter with every Kindling
/// module, stdout captured per cell, figures collected after each cell.
enum LessonExecutor {
    static func make() -> InterpreterCellExecutor {
        let interp = Session.makeInterpreter()
        interp.argv = ["kindling"]
        let executor = InterpreterCellExecutor(interpreter: interp)
        let capabilities = TerminalCapabilities.current()
        executor.figureProvider = {
            FigureDisplay.takeFiguresToShow(for: interp).compactMap { try? CellFigure(figure: $0, capabilities: capabilities) }
        }
        return executor
    }

    /// How a figure appears in the transcript: the terminal rendering made for
    /// this terminal, or its alt text.
    static func figureText(_ figure: CellFigure) -> String {
        figure.terminalRendering ?? figure.altText
    }
}
