/// A figure like matplotlib's: a size in inches, a resolution, and a grid of axes from `subplots`.
///
///     let figure = try Figure(figsize: (6, 3), nrows: 1, ncols: 2)
///     try figure.axes[0].imshow(digit, cmap: "gray")
///     figure.axes[0].title = "3"
///     let png = try figure.pngData()
public final class Figure {
    /// Width and height in inches (matplotlib's default is 6.4 x 4.8); change it with `setSize`.
    public private(set) var figsize: (width: Double, height: Double)
    /// Dots per inch used for PNG output (matplotlib's default 100); change it with `setDPI`.
    public private(set) var dpi: Double
    public let nrows: Int
    public let ncols: Int
    /// `subplots(sharey=True)`: line plots on all axes share one y range.
    public let sharey: Bool
    /// `fig.suptitle(...)`.
    public var suptitle: String?
    /// Row-major, `nrows * ncols` axes.
    public let axes: [Axes]

    public static let defaultSize = (width: 6.4, height: 4.8)

    /// `plt.subplots(nrows, ncols, figsize=, sharey=)`. Throws matplotlib's `ValueError` for bad sizes.
    public init(figsize: (width: Double, height: Double)? = nil, nrows: Int = 1, ncols: Int = 1,
                sharey: Bool = false, dpi: Double = 100) throws {
        guard nrows >= 1, nrows <= 1000 else {
            throw GraphicsError.invalidValue("Number of rows must be a positive integer, not \(nrows)")
        }
        guard ncols >= 1, ncols <= 1000 else {
            throw GraphicsError.invalidValue("Number of columns must be a positive integer, not \(ncols)")
        }
        let size = figsize ?? Figure.defaultSize
        try Figure.validate(size: size)
        try Figure.validate(dpi: dpi)
        self.figsize = size
        self.dpi = dpi
        self.nrows = nrows
        self.ncols = ncols
        self.sharey = sharey
        var grid: [Axes] = []
        for r in 0..<nrows {
            for c in 0..<ncols { grid.append(Axes(row: r, column: c)) }
        }
        self.axes = grid
    }

    /// `fig.set_size_inches(w, h)`: sizes must be positive, finite and at most 1000 inches.
    public func setSize(width: Double, height: Double) throws {
        try Figure.validate(size: (width, height))
        figsize = (width, height)
    }

    /// `fig.set_dpi(dpi)`: positive and at most 10000.
    public func setDPI(_ value: Double) throws {
        try Figure.validate(dpi: value)
        dpi = value
    }

    static func validate(size: (width: Double, height: Double)) throws {
        guard size.width.isFinite, size.height.isFinite, size.width > 0, size.height > 0,
              size.width <= 1000, size.height <= 1000 else {
            throw GraphicsError.invalidValue(
                "figure size must be positive finite not (\(size.width), \(size.height))")
        }
    }

    static func validate(dpi: Double) throws {
        guard dpi.isFinite, dpi > 0, dpi <= 10_000 else {
            throw GraphicsError.invalidValue("dpi must be a positive number not larger than 10000, not \(dpi)")
        }
    }

    /// The axes at a grid position, or nil outside the grid.
    public func axes(row: Int, column: Int) -> Axes? {
        guard row >= 0, row < nrows, column >= 0, column < ncols else { return nil }
        return axes[row * ncols + column]
    }

    /// Pixel size of the PNG at this figure's dpi.
    public var pixelSize: (width: Int, height: Int) {
        let dpi = effectiveDPI(self.dpi)
        return (max(1, Int((figsize.width * dpi).rounded())), max(1, Int((figsize.height * dpi).rounded())))
    }

    /// The figure drawn to an RGBA raster at `dpi` (nil: the figure's own).
    /// Very large sizes are drawn at a lower resolution so a figure never needs more than 25 million pixels.
    public func render(dpi: Double? = nil) -> Raster {
        FigureRenderer(figure: self, dpi: effectiveDPI(dpi ?? self.dpi)).render()
    }

    /// The resolution actually used: `requested`, lowered to keep the pixel count bounded (invalid values use 100).
    public func effectiveDPI(_ requested: Double) -> Double {
        let dpi = requested.isFinite && requested > 0 ? min(requested, 10_000) : 100
        let pixelLimit = 25_000_000.0
        let area = figsize.width * figsize.height * dpi * dpi
        return area > pixelLimit ? dpi * (pixelLimit / area).squareRoot() : dpi
    }

    /// The figure as PNG bytes (what `savefig` writes and notebooks embed).
    public func pngData(dpi: Double? = nil) throws -> [UInt8] {
        try PNGEncoder.encode(render(dpi: dpi))
    }

    /// A one-line description for plain-text output, such as
    /// `[figure: 1 image 28x28, title '3']` or `[figure: 2 axes: image 28x28 'mean 3'; image 28x28 'mean 7']`.
    public var textSummary: String {
        let parts = axes.filter { !$0.isEmpty || $0.title != nil }.map(Figure.describe)
        if parts.isEmpty { return "[figure: empty]" }
        if parts.count == 1 { return "[figure: \(parts[0])]" }
        return "[figure: \(parts.count) axes: \(parts.joined(separator: "; "))]"
    }

    static func describe(_ axes: Axes) -> String {
        var pieces: [String] = []
        if let image = axes.image { pieces.append("1 image \(image.data.shapeDescription)") }
        if !axes.lines.isEmpty {
            let points = axes.lines.map { $0.y.count }.reduce(0, +)
            let names = axes.legendEntries.compactMap { $0.label }.map { "'\($0)'" }
            var text = "\(axes.lines.count) line\(axes.lines.count == 1 ? "" : "s") (\(points) points)"
            if !names.isEmpty { text += " \(names.joined(separator: ", "))" }
            pieces.append(text)
        }
        if pieces.isEmpty { pieces.append("empty axes") }
        if let title = axes.title, !title.isEmpty { pieces.append("title '\(title)'") }
        return pieces.joined(separator: ", ")
    }
}
