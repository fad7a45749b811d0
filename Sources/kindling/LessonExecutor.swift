import KindlingNotebook
import KindlingREPL

/// The executor `run` and `step` use: a fresh interpreter with every Kindling
/// module, stdout captured per cell, figures collected after each cell, magics.
enum LessonExecutor {
    static func make() -> InterpreterCellExecutor {
        let executor = KindlingSession.makeExecutor()
        executor.interpreter.argv = ["kindling"]
        return executor
    }

    static func figureText(_ figure: CellFigure) -> String { KindlingSession.figureText(figure) }
}
