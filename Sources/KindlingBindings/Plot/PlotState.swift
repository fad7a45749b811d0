import KindlingGraphics
import KindlingLanguage

/// pyplot's state for one interpreter: its PlotSession and the figures `plt.show()` has
/// released but the notebook / REPL has not drawn yet.
final class PlotState {
    weak var interpreter: Interpreter?
    let session = PlotSession()
    var shown: [Figure] = []
    var showHandler: (([Figure]) -> Void)?
    /// `matplotlib.rc('image', cmap=...)`: the colour map of images drawn without `cmap=`.
    var imageCmap: String?

    init(_ interpreter: Interpreter) { self.interpreter = interpreter }

    nonisolated(unsafe) private static var states: [ObjectIdentifier: PlotState] = [:]

    /// The state of `interp`, created on first use (states of freed interpreters are dropped).
    static func of(_ interp: Interpreter) -> PlotState {
        let key = ObjectIdentifier(interp)
        if let s = states[key], s.interpreter === interp { return s }
        states = states.filter { $0.value.interpreter != nil }
        let s = PlotState(interp)
        states[key] = s
        return s
    }

    /// `plt.show()`: hands the open figures to the display (now, when a handler is installed).
    func show() {
        let figures = session.takeFiguresToShow()
        guard !figures.isEmpty else { return }
        if let handler = showHandler { handler(figures) } else { shown += figures }
    }
}

/// How the notebook and the REPL get the figures a piece of code produced.
///
///     try interp.run(source: cell)
///     for figure in FigureDisplay.takeFiguresToShow(for: interp) { draw(figure) }
public enum FigureDisplay {
    /// The figures `plt.show()` released since the last call, then every figure still open
    /// (Jupyter's inline backend shows and closes them at the end of a cell). Closes them all.
    public static func takeFiguresToShow(for interp: Interpreter) -> [Figure] {
        let state = PlotState.of(interp)
        let figures = state.shown + state.session.takeFiguresToShow()
        state.shown = []
        return figures
    }

    /// Draw figures at `plt.show()` itself rather than at the end of the cell (the REPL's
    /// choice, so pictures appear between the lines printed before and after). nil: queue them.
    public static func setShowHandler(for interp: Interpreter, _ handler: (([Figure]) -> Void)?) {
        PlotState.of(interp).showHandler = handler
    }

    /// The interpreter's pyplot session (for other bindings that draw, such as `plot_loss()`).
    public static func session(for interp: Interpreter) -> PlotSession {
        PlotState.of(interp).session
    }
}
