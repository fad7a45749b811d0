/// An 8-bit sRGB colour with alpha, the pixel type of every raster in KindlingGraphics.
public struct RGBA: Equatable, Hashable, Sendable {
    public var r: UInt8
    public var g: UInt8
    public var b: UInt8
    public var a: UInt8

    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ a: UInt8 = 255) {
        self.r = r; self.g = g; self.b = b; self.a = a
    }

    /// A colour from components in 0...1 (clamped; NaN becomes 0), rounded like matplotlib's `to_rgba` bytes.
    public init(unit r: Double, _ g: Double, _ b: Double, _ a: Double = 1) {
        self.init(RGBA.byte(r), RGBA.byte(g), RGBA.byte(b), RGBA.byte(a))
    }

    /// A colour from a `#rrggbb` string, or nil when it is not one.
    public init?(hex: String) {
        var digits = Substring(hex)
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
    }

    static func byte(_ unit: Double) -> UInt8 {
        guard unit.isFinite else { return 0 }
        return UInt8((min(max(unit, 0), 1) * 255).rounded())
    }

    public static let white = RGBA(255, 255, 255)
    public static let black = RGBA(0, 0, 0)
    public static let clear = RGBA(0, 0, 0, 0)

    /// This colour painted over `background` with this colour's alpha times `coverage` (0...1).
    @inline(__always)
    func blended(over background: RGBA, coverage: Double = 1) -> RGBA {
        let alpha = Double(a) / 255 * min(max(coverage, 0), 1)
        @inline(__always) func mix(_ top: UInt8, _ bottom: UInt8) -> UInt8 {
            UInt8((Double(top) * alpha + Double(bottom) * (1 - alpha)).rounded())
        }
        let outA = alpha + Double(background.a) / 255 * (1 - alpha)
        return RGBA(mix(r, background.r), mix(g, background.g), mix(b, background.b), RGBA.byte(outA))
    }
}

/// matplotlib's default colour cycle (the "tab10" palette), used for successive line plots.
public enum ColorCycle {
    public static let tab10: [RGBA] = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ].compactMap { RGBA(hex: $0) }

    /// The colour of the `index`-th line of an axes (wraps around like matplotlib's cycler).
    public static func color(at index: Int) -> RGBA {
        tab10[((index % tab10.count) + tab10.count) % tab10.count]
    }

    /// matplotlib's single-letter and CSS base colour names (`'r'`, `'red'`, `'C0'`, `'#ff0000'`), or nil.
    public static func named(_ name: String) -> RGBA? {
        if let hex = RGBA(hex: name), name.hasPrefix("#") { return hex }
        if name.count == 2, name.hasPrefix("C"), let digit = Int(name.dropFirst()) { return color(at: digit) }
        let table: [String: String] = [
            "b": "#0000ff", "g": "#008000", "r": "#ff0000", "c": "#00bfbf", "m": "#bf00bf",
            "y": "#bfbf00", "k": "#000000", "w": "#ffffff",
            "blue": "#0000ff", "green": "#008000", "red": "#ff0000", "cyan": "#00ffff",
            "magenta": "#ff00ff", "yellow": "#ffff00", "black": "#000000", "white": "#ffffff",
            "gray": "#808080", "grey": "#808080", "orange": "#ffa500", "purple": "#800080",
            "brown": "#a52a2a", "pink": "#ffc0cb",
        ]
        return table[name.lowercased()].flatMap { RGBA(hex: $0) }
    }
}
