import KindlingEngine
import KindlingGraphics
import KindlingLanguage

/// `plt.scatter` / `ax.scatter(x, y, color=, label=)`: round markers of
/// matplotlib's default size (s=36, the same 6 pt as `plot(..., 'o')`) and no
/// line. Without a colour, scatters take the colour cycle on their own, as
/// matplotlib's patch cycle does (the first scatter of an axes is C0 even
/// after a `plot`). Sizes, colour arrays and other markers are refused.
enum Scatter {
    static let parameters = ["x", "y", "s=None", "c=None", "marker=None", "cmap=None", "norm=None", "vmin=None",
                             "vmax=None", "alpha=None", "linewidths=None", "*", "edgecolors=None", "plotnonfinite=False",
                             "**kwargs"]

    static let pathCollection = PyClass(native: "PathCollection", module: "matplotlib.collections")

    static func scatter(_ axes: Axes, _ b: BoundArguments) throws -> Value {
        for name in ["s", "cmap", "norm", "vmin", "vmax", "alpha", "linewidths", "edgecolors"] where !b[name].isNone {
            throw notSupported("scatter(\(name)=...)")
        }
        var color: String?
        if case .str(let c) = b["c"] { color = c } else if !b["c"].isNone { throw notSupported("scatter(c=<array of colours>)") }
        if case .str(let m) = b["marker"], m != "o" { throw notSupported("scatter(marker='\(m)')") }
        var label: String?
        for (k, v) in b.varkw {
            switch k {
            case "color": color = try v.asString()
            case "label": label = try Runtime.str(v)
            default: throw notSupported("scatter(\(k)=...)")
            }
        }
        let x = try numbers(b["x"]), y = try numbers(b["y"])
        guard x.count == y.count else { throw pyError(.valueError, "x and y must be the same size") }
        let earlierScatters = axes.lines.filter { $0.drawsMarkers && !$0.drawsLine }.count
        try axes.plot(x: x, y: y, format: "o", label: label, color: color ?? "C\(earlierScatters % 10)")
        return .object(PyObject(pyClass: pathCollection))
    }

    /// A number or 0-d tensor is one point; anything else is plot data.
    static func numbers(_ v: Value) throws -> [Double] {
        switch v {
        case .int, .float, .bool: return [try v.asDouble()]
        default:
            if let t = v.tensorValue, t.dim == 0 { return [try t.item().doubleValue] }
            return try PlotNumbers.doubles(v)
        }
    }
}
