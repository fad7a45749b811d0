/// One plotting area of a figure, like matplotlib's `Axes`: an image and/or line plots,
/// with a title, axis labels, a legend and the axis frame switched on or off.
public final class Axes {
    /// Where this axes sits in its figure's grid.
    public let row: Int
    public let column: Int
    public var title: String?
    public var xlabel: String?
    public var ylabel: String?
    /// `ax.axis('off')` sets this to false: no frame, ticks or labels.
    public var axisVisible = true
    public var showsLegend = false
    public private(set) var image: AxesImage?
    public private(set) var lines: [LineSeries] = []
    /// The next colour of matplotlib's cycle; lines with an explicit colour do not advance it.
    private var cycleIndex = 0
    /// Explicit limits (`set_xlim` / `set_ylim`); nil means automatic.
    public var xlim: ClosedRange<Double>?
    public var ylim: ClosedRange<Double>?

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// `ax.imshow(data, cmap=, vmin=, vmax=)`: replaces any previous image. `cmap` nil means viridis.
    @discardableResult
    public func imshow(_ data: ImageData, cmap: String? = nil, vmin: Double? = nil, vmax: Double? = nil) throws
        -> AxesImage
    {
        let map = try ColorMap.named(cmap ?? ColorMap.defaultName)
        let placed = try AxesImage(data: data, colorMap: map, vmin: vmin, vmax: vmax)
        image = placed
        return placed
    }

    /// `ax.plot(x, y, fmt, label=, color=, linewidth=)`: `x` nil means 0, 1, 2, ...; colours follow
    /// matplotlib's cycle unless `fmt` or `color` names one (`color` wins).
    public func plot(x: [Double]? = nil, y: [Double], format: String? = nil, label: String? = nil,
                     color: String? = nil, lineWidth: Double = 1.5) throws {
        let xs = x ?? y.indices.map(Double.init)
        guard xs.count == y.count else {
            throw GraphicsError.invalidValue(
                "x and y must have same first dimension, but have shapes (\(xs.count),) and (\(y.count),)")
        }
        let parsed = try format.map(PlotFormat.init)
        var resolved = parsed?.color ?? ColorCycle.color(at: cycleIndex)
        if color == nil && parsed?.color == nil { cycleIndex += 1 }
        if let color {
            guard let named = ColorCycle.named(color) else {
                throw GraphicsError.invalidValue("'\(color)' is not a valid color value.")
            }
            resolved = named
        }
        guard lineWidth.isFinite, lineWidth >= 0 else {
            throw GraphicsError.invalidValue("linewidth must be a non-negative number, not \(lineWidth)")
        }
        lines.append(LineSeries(x: xs, y: y, label: label, color: resolved, lineWidth: lineWidth,
                                drawsLine: parsed?.drawsLine ?? true, drawsMarkers: parsed?.drawsMarkers ?? false))
    }

    /// `ax.legend()`: shows a legend of the labelled lines.
    public func legend() { showsLegend = true }

    /// `ax.cla()`: forgets everything drawn on this axes.
    public func clear() {
        image = nil
        lines = []
        cycleIndex = 0
        title = nil; xlabel = nil; ylabel = nil
        showsLegend = false
        xlim = nil; ylim = nil
    }

    /// Whether anything was drawn (an empty axes still shows its frame, like matplotlib).
    public var isEmpty: Bool { image == nil && lines.isEmpty }

    /// The labelled lines a legend lists.
    public var legendEntries: [LineSeries] { lines.filter { ($0.label ?? "").isEmpty == false && !($0.label ?? "").hasPrefix("_") } }
}
