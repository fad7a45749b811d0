/// Pictures made of character cells: two pixels per cell with the upper half block `▀`
/// (foreground = top pixel, background = bottom pixel), or a shade ramp without colour.
public enum HalfBlockPicture {
    /// Characters from light to dark ink for plain-text pictures (light terminal background assumed dark ink).
    public static let shadeRamp: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    /// The raster as cells: `raster.width` columns and `ceil(raster.height / 2)` rows.
    /// Transparent pixels (NaN in an image) are left to the terminal's background.
    public static func cells(_ raster: Raster, colored: Bool = true) -> CellCanvas {
        let rows = (raster.height + 1) / 2
        var canvas = CellCanvas(width: raster.width, height: rows)
        for row in 0..<rows {
            for x in 0..<raster.width {
                let top = raster.pixel(x: x, y: row * 2) ?? .clear
                let bottom = raster.pixel(x: x, y: row * 2 + 1) ?? .clear
                canvas[x, row] = colored ? coloredCell(top: top, bottom: bottom) : shadeCell(top: top, bottom: bottom)
            }
        }
        return canvas
    }

    static func coloredCell(top: RGBA, bottom: RGBA) -> TerminalCell {
        let topVisible = top.a >= 128, bottomVisible = bottom.a >= 128
        switch (topVisible, bottomVisible) {
        case (true, true): return TerminalCell("▀", foreground: opaque(top), background: opaque(bottom))
        case (true, false): return TerminalCell("▀", foreground: opaque(top))
        case (false, true): return TerminalCell("▄", foreground: opaque(bottom))
        case (false, false): return .blank
        }
    }

    static func shadeCell(top: RGBA, bottom: RGBA) -> TerminalCell {
        let ink = (darkness(top) + darkness(bottom)) / 2
        let index = min(shadeRamp.count - 1, max(0, Int(ink * Double(shadeRamp.count - 1) + 0.5)))
        return TerminalCell(shadeRamp[index])
    }

    /// Brightness is drawn as ink: bright pixels (a white stroke on black) get dense characters,
    /// matching how the image reads in colour on a dark terminal.
    static func darkness(_ color: RGBA) -> Double {
        guard color.a >= 128 else { return 0 }
        return (0.2126 * Double(color.r) + 0.7152 * Double(color.g) + 0.0722 * Double(color.b)) / 255
    }

    static func opaque(_ color: RGBA) -> RGBA { RGBA(color.r, color.g, color.b) }

    /// The raster a plain-text picture is made from: scalar images through `gray` with the image's own
    /// limits, so high values get dense characters whatever the colour map (with `Greys` the digit is dark
    /// on paper, with `gray` bright on black: in text both read as ink); colour images as they are.
    public static func inkRaster(_ image: AxesImage, width: Int, height: Int) -> Raster {
        guard image.data.channels == 1, let gray = try? ColorMap.named("gray") else {
            return image.raster(width: width, height: height)
        }
        var ink = image
        ink.colorMap = gray
        return ink.raster(width: width, height: height)
    }

    /// Nearest-neighbour resampling to a new size (used to fit pictures into a cell budget).
    public static func resampled(_ raster: Raster, width: Int, height: Int) -> Raster {
        let w = max(1, width), h = max(1, height)
        var out = Raster(width: w, height: h, background: .clear)
        for y in 0..<h {
            let sy = min(raster.height - 1, y * raster.height / h)
            for x in 0..<w {
                let sx = min(raster.width - 1, x * raster.width / w)
                out.pixels[y * w + x] = raster.pixels[sy * raster.width + sx]
            }
        }
        return out
    }

    /// The pixel size an image of `width x height` takes in a box of `columns x rows` cells: shown at
    /// its own size when it fits (a 28x28 digit is 28 columns by 14 rows), enlarged by a whole factor
    /// when it is tiny, shrunk keeping its shape when it is too big.
    public static func fittedSize(width: Int, height: Int, columns: Int, rows: Int) -> (width: Int, height: Int) {
        let boxWidth = max(1, columns), boxHeight = max(1, rows * 2)
        guard width > 0, height > 0 else { return (1, 1) }
        if width <= boxWidth && height <= boxHeight {
            let factor = max(1, min(min(boxWidth / width, boxHeight / height), 16 / max(width, height) + 1))
            return (width * factor, height * factor)
        }
        let shrink = min(Double(boxWidth) / Double(width), Double(boxHeight) / Double(height))
        return (max(1, Int(Double(width) * shrink)), max(1, Int(Double(height) * shrink)))
    }
}
