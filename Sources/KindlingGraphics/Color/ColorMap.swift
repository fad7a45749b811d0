/// A colour map with matplotlib's name and its exact 256-entry lookup table.
///
/// Values are first normalised to 0...1 (see `Normalization`), then looked up like
/// matplotlib's `Colormap.__call__(x, bytes=True)`: index `Int(x * 256)`, with 1.0 mapped to
/// the last entry, values below 0 / above 1 mapped to the end colours and NaN transparent.
///
///     let viridis = try ColorMap.named("viridis")
///     viridis.color(atUnit: 0.5)   // RGBA(33, 144, 140, 255)
public struct ColorMap: Equatable, Sendable {
    /// The name matplotlib knows this map by, such as `"viridis"` or `"gray_r"`.
    public let name: String
    /// 256 colours, from the map's low end to its high end.
    public let table: [RGBA]

    /// The colour used for NaN (matplotlib's default "bad" colour: fully transparent).
    public static let badColor = RGBA.clear

    init(name: String, table: [RGBA]) {
        self.name = name
        self.table = table
    }

    /// matplotlib's default image colour map (`rcParams['image.cmap']`).
    public static let defaultName = "viridis"

    /// The colour map matplotlib calls `name` (a `_r` suffix reverses it).
    /// Throws `GraphicsError.unknownColorMap` with matplotlib's message for other names.
    public static func named(_ name: String) throws -> ColorMap {
        let isReversed = name.hasSuffix("_r")
        let baseName = isReversed ? String(name.dropLast(2)) : name
        guard let map = ColorMap.build(baseName, reversed: isReversed) else {
            throw GraphicsError.unknownColorMap(name: name, supported: ColorMap.names)
        }
        return map
    }

    /// Every name `named(_:)` accepts, sorted like matplotlib sorts them in its error message.
    public static var names: [String] {
        let bases = Array(segmentedAnchors.keys) + ["viridis", "magma"]
        return bases.flatMap { [$0, $0 + "_r"] }.sorted()
    }

    /// The same map backwards, named with a `_r` suffix (or without it when this one had it).
    public func reversed() -> ColorMap {
        let isReversed = name.hasSuffix("_r")
        let baseName = isReversed ? String(name.dropLast(2)) : name
        return ColorMap.build(baseName, reversed: !isReversed)
            ?? ColorMap(name: isReversed ? baseName : name + "_r", table: table.reversed())
    }

    /// The colour for a value already normalised to 0...1.
    @inline(__always)
    public func color(atUnit x: Double) -> RGBA {
        guard !x.isNaN else { return ColorMap.badColor }
        let n = Double(table.count)
        var scaled = x * n
        if scaled == n { scaled = n - 1 }
        if scaled < 0 { return table[0] }
        if scaled >= n { return table[table.count - 1] }
        return table[Int(scaled)]
    }

    /// The colour for a raw value under a normalisation (what `imshow` does per pixel).
    @inline(__always)
    public func color(for value: Double, normalization: Normalization) -> RGBA {
        color(atUnit: normalization.unit(value))
    }

    // MARK: - Construction

    static func build(_ baseName: String, reversed: Bool) -> ColorMap? {
        let name = reversed ? baseName + "_r" : baseName
        let listed: [Double]?
        switch baseName {
        case "viridis": listed = viridisTable
        case "magma": listed = magmaTable
        default: listed = nil
        }
        if let listed {
            // A reversed ListedColormap is the same colours in reverse order.
            let map = ColorMap(name: name, listed: listed)
            return reversed ? ColorMap(name: name, table: map.table.reversed()) : map
        }
        guard let anchors = segmentedAnchors[baseName] else { return nil }
        return ColorMap(name: name, evenlySpaced: anchors, reversed: reversed)
    }

    /// A `ListedColormap`: the table holds the colours themselves (as floats in 0...1).
    init(name: String, listed flat: [Double]) {
        var colors: [RGBA] = []
        colors.reserveCapacity(flat.count / 3)
        for i in stride(from: 0, to: flat.count - 2, by: 3) {
            colors.append(RGBA(ColorMap.truncatedByte(flat[i]), ColorMap.truncatedByte(flat[i + 1]),
                               ColorMap.truncatedByte(flat[i + 2])))
        }
        self.init(name: name, table: colors)
    }

    /// A `LinearSegmentedColormap.from_list(name, anchors, N=256)` (anchors at `linspace(0, 1, n)`),
    /// or its `.reversed()` (anchors at `1 - x` in reverse order), computed with the same floating-point
    /// steps as matplotlib's `_create_lookup_table` so the truncated bytes agree.
    init(name: String, evenlySpaced anchors: [(Double, Double, Double)], reversed: Bool) {
        let size = 256
        let n = anchors.count
        let step = 1.0 / Double(n - 1)
        var positions = (0..<n).map { $0 == n - 1 ? 1.0 : Double($0) * step }
        var colors = anchors
        if reversed {
            positions = positions.reversed().map { 1.0 - $0 }
            colors = colors.reversed()
        }
        let scaled = positions.map { $0 * Double(size - 1) }
        let channels = [colors.map { $0.0 }, colors.map { $0.1 }, colors.map { $0.2 }]
        let sampleStep = 1.0 / Double(size - 1)
        var bytes = [[UInt8]](repeating: [0, 0, 0], count: size)
        for (c, values) in channels.enumerated() {
            for i in 0..<size {
                var value: Double
                if i == 0 {
                    value = values[0]
                } else if i == size - 1 {
                    value = values[n - 1]
                } else {
                    let x = Double(size - 1) * (Double(i) * sampleStep)
                    // numpy.searchsorted(side="left"): the first anchor at or after x.
                    var j = 0
                    while j < n && scaled[j] < x { j += 1 }
                    j = min(max(j, 1), n - 1)
                    let distance = (x - scaled[j - 1]) / (scaled[j] - scaled[j - 1])
                    value = distance * (values[j] - values[j - 1]) + values[j - 1]
                }
                bytes[i][c] = ColorMap.truncatedByte(min(max(value, 0), 1))
            }
        }
        self.init(name: name, table: bytes.map { RGBA($0[0], $0[1], $0[2]) })
    }

    /// numpy's `(lut * 255).astype(np.uint8)`: truncation, not rounding.
    static func truncatedByte(_ unit: Double) -> UInt8 {
        UInt8(min(max(unit * 255, 0), 255))
    }
}
