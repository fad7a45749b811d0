/// Turns a figure into what the terminal should receive, for the chosen protocol.
///
///     let text = TerminalFigureRenderer.render(figure, for: .current())
///     print(text, terminator: "")
public enum TerminalFigureRenderer {
    /// Resolution for pictures sent as images (kitty, iTerm2, sixel): 640x480 for the default figure.
    public static let imageDPI = 100.0

    /// The figure encoded for `capabilities`, ending in a newline.
    public static func render(_ figure: Figure, for capabilities: TerminalCapabilities) -> String {
        // Inline images take as many columns as the cell layout would, drawn at about 10 pixels per column.
        let columns = TextFigureLayout.canvas(for: figure, maxColumns: capabilities.columns, colored: false).width
        let dpi = max(imageDPI, Double(columns * 10) / figure.figsize.width)
        switch capabilities.imageProtocol {
        case .kitty, .iterm:
            guard let png = try? figure.pngData(dpi: dpi) else { return figure.textSummary + "\n" }
            let escape = capabilities.imageProtocol == .kitty
                ? InlineImageEncoders.kitty(png: png, columns: columns)
                : InlineImageEncoders.iterm(png: png, columns: columns)
            return escape + "\n"
        case .sixel:
            var raster = figure.render(dpi: dpi)
            // Keep sixel images within the terminal (assuming about 10 pixels per column).
            let maxWidth = capabilities.columns * 10
            if raster.width > maxWidth {
                raster = HalfBlockPicture.resampled(raster, width: maxWidth,
                                                    height: max(1, raster.height * maxWidth / raster.width))
            }
            return SixelEncoder.encode(raster) + "\n"
        case .blocks, .ascii:
            let colored = capabilities.imageProtocol == .blocks
            let canvas = TextFigureLayout.canvas(for: figure, maxColumns: capabilities.columns, colored: colored)
            return canvas.lines(color: colored ? capabilities.colorDepth : nil).joined(separator: "\n") + "\n"
        case .none:
            return figure.textSummary + "\n"
        }
    }
}
