import KindlingGraphics
import KindlingLanguage

/// A matplotlib `Figure`.
public final class FigureObject: PyObject {
    public let figure: Figure
    let state: PlotState
    init(_ figure: Figure, state: PlotState) {
        self.figure = figure
        self.state = state
        super.init(pyClass: PlotTypes.figure)
    }
}

/// A matplotlib `Axes` (one plotting area of a figure).
public final class AxesObject: PyObject {
    public let axes: Axes
    public let figure: Figure
    let state: PlotState
    init(_ axes: Axes, figure: Figure, state: PlotState) {
        self.axes = axes
        self.figure = figure
        self.state = state
        super.init(pyClass: PlotTypes.axes)
    }
}

/// The numpy object array of Axes that `plt.subplots(r, c)` returns: `axs[i]`, `axs[i, j]`,
/// `axs.flat`, `axs.flatten()`, `axs.shape`, `len`, iteration.
final class AxesArrayObject: PyObject {
    let items: [AxesObject]
    let shape: [Int]
    init(_ items: [AxesObject], shape: [Int]) {
        self.items = items
        self.shape = shape
        super.init(pyClass: PlotTypes.axesArray)
    }
}

/// What drawing calls return (`Text`, `Line2D`, `AxesImage`, `Legend`): printed like matplotlib's.
final class ArtistObject: PyObject {
    let reprText: String
    let strText: String
    init(_ cls: PyClass, repr: String? = nil, str: String? = nil) {
        let r = repr ?? ""
        self.reprText = r
        self.strText = str ?? r
        super.init(pyClass: cls)
    }
}

extension GraphicsError: PythonConvertibleError {
    public var pythonException: PyException {
        switch self {
        case .unknownColorMap, .invalidValue: return PyException.make(.valueError, message)
        case .invalidType: return PyException.make(.typeError, message)
        case .io(let text): return PyException.make(text.hasPrefix("[Errno 2]") ? .fileNotFoundError : .osError, message)
        }
    }
}
