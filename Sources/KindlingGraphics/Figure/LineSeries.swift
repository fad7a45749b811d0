/// One `plot` call: a series of points drawn as a line, as markers, or both.
public struct LineSeries: Equatable {
    public var x: [Double]
    public var y: [Double]
    public var label: String?
    public var color: RGBA
    /// Line width in points (matplotlib's default 1.5).
    public var lineWidth: Double
    /// Whether the points are joined (false for a format such as `'o'`).
    public var drawsLine: Bool
    /// Whether each point gets a round marker (`'o'`, `'.'`, `'-o'`, ...).
    public var drawsMarkers: Bool

    public init(x: [Double], y: [Double], label: String? = nil, color: RGBA, lineWidth: Double = 1.5,
                drawsLine: Bool = true, drawsMarkers: Bool = false) {
        self.x = x; self.y = y; self.label = label; self.color = color; self.lineWidth = lineWidth
        self.drawsLine = drawsLine; self.drawsMarkers = drawsMarkers
    }
}

/// A matplotlib format string such as `'r--'`, `'o'` or `'C1.-'`: colour, line style and marker.
public struct PlotFormat: Equatable {
    public var color: RGBA?
    public var drawsLine: Bool
    public var drawsMarkers: Bool

    /// Parses `fmt`; line styles `-`, `--`, `-.`, `:` all draw solid lines here. Throws matplotlib's
    /// `ValueError` for characters it does not know.
    public init(_ fmt: String) throws {
        var rest = Substring(fmt)
        var color: RGBA?
        var style = false, marker = false
        while let first = rest.first {
            if rest.hasPrefix("--") || rest.hasPrefix("-.") {
                style = true; rest = rest.dropFirst(2)
            } else if first == "-" || first == ":" {
                style = true; rest = rest.dropFirst()
            } else if first == "C", let digit = rest.dropFirst().first, digit.isNumber {
                color = ColorCycle.color(at: digit.wholeNumberValue ?? 0); rest = rest.dropFirst(2)
            } else if "bgrcmykw".contains(first), color == nil {
                color = ColorCycle.named(String(first)); rest = rest.dropFirst()
            } else if ".,ov^<>12348spP*hH+xXDd|_".contains(first) {
                marker = true; rest = rest.dropFirst()
            } else {
                throw GraphicsError.invalidValue("'\(fmt)' is not a valid format string (unrecognized character '\(first)')")
            }
        }
        self.color = color
        self.drawsMarkers = marker
        self.drawsLine = style || !marker
    }
}
