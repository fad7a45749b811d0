/// pyplot's global state without the language: the list of open figures, the current figure and axes,
/// and which figures are waiting to be shown. The bindings keep one session per interpreter; the notebook
/// and REPL ask it for the figures to draw at `plt.show()` or at the end of a cell.
///
///     let session = PlotSession()
///     try session.currentAxes().plot(y: losses, label: "train")   // plt.plot(losses, label='train')
///     session.currentAxes().legend()                               // plt.legend()
///     for figure in session.takeFiguresToShow() { print(TerminalFigureRenderer.render(figure, for: caps)) }
public final class PlotSession {
    /// Open figures, oldest first (like `plt.get_fignums()`).
    public private(set) var figures: [Figure] = []
    /// The figure `plt.plot` draws on (`plt.gcf()`), if any.
    public private(set) var currentFigure: Figure?
    private var currentAxesByFigure: [ObjectIdentifier: Axes] = [:]

    public init() {}

    /// `plt.figure(figsize=)`: a new figure with one axes, made current.
    @discardableResult
    public func newFigure(figsize: (width: Double, height: Double)? = nil, dpi: Double = 100) throws -> Figure {
        try add(Figure(figsize: figsize, dpi: dpi))
    }

    /// `plt.subplots(nrows, ncols, figsize=, sharey=)`: a new current figure and its axes (row-major).
    public func subplots(nrows: Int = 1, ncols: Int = 1, figsize: (width: Double, height: Double)? = nil,
                         sharey: Bool = false) throws -> (figure: Figure, axes: [Axes]) {
        let figure = try add(Figure(figsize: figsize, nrows: nrows, ncols: ncols, sharey: sharey))
        return (figure, figure.axes)
    }

    /// `plt.gcf()`: the current figure, creating one when there is none.
    public func currentFigureOrNew() throws -> Figure {
        if let figure = currentFigure { return figure }
        return try newFigure()
    }

    /// `plt.gca()`: the current axes of the current figure (creating a figure when needed).
    public func currentAxes() throws -> Axes {
        let figure = try currentFigureOrNew()
        if let axes = currentAxesByFigure[ObjectIdentifier(figure)] { return axes }
        let first = figure.axes[0]
        currentAxesByFigure[ObjectIdentifier(figure)] = first
        return first
    }

    /// `plt.sca(ax)` (also what drawing on an axes of another figure implies): makes `axes` current.
    public func makeCurrent(_ axes: Axes, of figure: Figure) {
        if !figures.contains(where: { $0 === figure }) { figures.append(figure) }
        currentFigure = figure
        currentAxesByFigure[ObjectIdentifier(figure)] = axes
    }

    /// `plt.show()` / the end of a notebook cell: the open figures that have something drawn, in order;
    /// they are closed afterwards, like the inline backend does.
    public func takeFiguresToShow() -> [Figure] {
        let shown = figures.filter { figure in figure.axes.contains { !$0.isEmpty || $0.title != nil } }
        closeAll()
        return shown
    }

    /// `plt.close()`: closes the current figure. `plt.close(fig)`: that one.
    public func close(_ figure: Figure? = nil) {
        guard let target = figure ?? currentFigure else { return }
        figures.removeAll { $0 === target }
        currentAxesByFigure[ObjectIdentifier(target)] = nil
        if currentFigure === target { currentFigure = figures.last }
    }

    /// `plt.close('all')`.
    public func closeAll() {
        figures = []
        currentFigure = nil
        currentAxesByFigure = [:]
    }

    private func add(_ figure: Figure) -> Figure {
        figures.append(figure)
        currentFigure = figure
        currentAxesByFigure[ObjectIdentifier(figure)] = figure.axes[0]
        return figure
    }
}
