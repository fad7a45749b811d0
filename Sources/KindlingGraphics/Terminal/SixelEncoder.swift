/// DEC sixel output: the raster's colours reduced to a palette of at most 256 entries (exact when the
/// image has that few colours, else a 6x7x6 colour cube), drawn in bands of six rows with run-length coding.
public enum SixelEncoder {
    /// `ESC P 0;1;0 q "1;1;W;H #n;2;r;g;b ... <bands> ESC \` (r, g, b in percent).
    public static func encode(_ raster: Raster, background: RGBA = .white) -> String {
        let (palette, indices) = quantize(raster, background: background)
        var out = "\u{1B}P0;1;0q\"1;1;\(raster.width);\(raster.height)"
        for (i, color) in palette.enumerated() {
            out += "#\(i);2;\(percent(color.r));\(percent(color.g));\(percent(color.b))"
        }
        let bands = (raster.height + 5) / 6
        for band in 0..<bands {
            let top = band * 6
            var used = Set<Int>()
            for y in top..<min(top + 6, raster.height) {
                for x in 0..<raster.width { used.insert(Int(indices[y * raster.width + x])) }
            }
            for (n, colorIndex) in used.sorted().enumerated() {
                if n > 0 { out += "$" }
                out += "#\(colorIndex)"
                var run: (character: UInt8, count: Int)?
                for x in 0..<raster.width {
                    var bits: UInt8 = 0
                    for bit in 0..<6 where top + bit < raster.height {
                        if Int(indices[(top + bit) * raster.width + x]) == colorIndex { bits |= 1 << UInt8(bit) }
                    }
                    let character = 63 + bits
                    if let current = run, current.character == character {
                        run = (character, current.count + 1)
                    } else {
                        if let current = run { out += runText(current) }
                        run = (character, 1)
                    }
                }
                if let current = run { out += runText(current) }
            }
            out += "-"
        }
        return out + "\u{1B}\\"
    }

    static func runText(_ run: (character: UInt8, count: Int)) -> String {
        let character = String(UnicodeScalar(run.character))
        return run.count > 3 ? "!\(run.count)\(character)" : String(repeating: character, count: run.count)
    }

    static func percent(_ value: UInt8) -> Int { (Int(value) * 100 + 127) / 255 }

    /// The palette and each pixel's palette index (alpha composited over `background` first).
    public static func quantize(_ raster: Raster, background: RGBA) -> (palette: [RGBA], indices: [UInt8]) {
        let opaque = raster.pixels.map { $0.a == 255 ? $0 : $0.blended(over: background) }
        var exact: [RGBA: Int] = [:]
        for pixel in opaque where exact[pixel] == nil {
            exact[pixel] = exact.count
            if exact.count > 256 { break }
        }
        if exact.count <= 256 {
            let palette = exact.sorted { $0.value < $1.value }.map(\.key)
            return (palette, opaque.map { UInt8(exact[$0] ?? 0) })
        }
        // 6 red x 7 green x 6 blue levels = 252 colours.
        var palette: [RGBA] = []
        for r in 0..<6 {
            for g in 0..<7 {
                for b in 0..<6 {
                    palette.append(RGBA(UInt8(r * 255 / 5), UInt8(g * 255 / 6), UInt8(b * 255 / 5)))
                }
            }
        }
        let indices = opaque.map { p -> UInt8 in
            let r = (Int(p.r) * 5 + 127) / 255, g = (Int(p.g) * 6 + 127) / 255, b = (Int(p.b) * 5 + 127) / 255
            return UInt8(r * 42 + g * 6 + b)
        }
        return (palette, indices)
    }
}
