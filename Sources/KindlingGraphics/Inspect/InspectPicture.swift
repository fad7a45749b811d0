/// The small picture `%inspect` shows for a tensor that looks like an image.
public enum InspectPicture {
    /// A grayscale `height x width` array (row-major) as terminal lines: half blocks in colour through
    /// `cmap` (matplotlib's `gray` by default, scaled from the data's min to max like `imshow`), or a
    /// shade ramp when `color` is nil. At most `maxColumns` wide; a 28x28 digit is 28 columns x 14 rows.
    /// Returns a one-line note instead when the sizes do not match the values.
    public static func lines(values: [Float], width: Int, height: Int, color: TerminalColorDepth?,
                             cmap: String = "gray", maxColumns: Int = 56, maxRows: Int = 20) -> [String] {
        guard width > 0, height > 0, values.count == width * height,
              let data = try? ImageData(width: width, height: height, values: values),
              let map = try? ColorMap.named(cmap),
              let image = try? AxesImage(data: data, colorMap: map)
        else { return ["[no picture: \(values.count) values for \(height)x\(width)]"] }
        let size = HalfBlockPicture.fittedSize(width: width, height: height, columns: maxColumns, rows: maxRows)
        let raster = color == nil ? HalfBlockPicture.inkRaster(image, width: size.width, height: size.height)
                                  : image.raster(width: size.width, height: size.height)
        return HalfBlockPicture.cells(raster, colored: color != nil).lines(color: color)
    }

    /// The same through the capabilities of a terminal (plain shade ramp for `ascii` and `none`).
    public static func lines(values: [Float], width: Int, height: Int, capabilities: TerminalCapabilities) -> [String] {
        let colored = capabilities.imageProtocol != .ascii && capabilities.imageProtocol != .none
        return lines(values: values, width: width, height: height, color: colored ? capabilities.colorDepth : nil,
                     maxColumns: min(56, capabilities.columns))
    }
}
