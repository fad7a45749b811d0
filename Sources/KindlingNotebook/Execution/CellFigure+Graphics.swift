import Foundation
import KindlingGraphics

extension CellFigure {
    /// A figure from the graphics library: PNG for notebooks and Markdown exports,
    /// matplotlib's `<Figure size 640x480 with 2 Axes>` as alt text, and a rendering for
    /// the terminal chosen by `capabilities` (kitty/iTerm2/sixel/blocks, or a one-line
    /// text summary when output is not a terminal).
    public init(figure: Figure, capabilities: TerminalCapabilities = .current(), dpi: Double? = nil) throws {
        let png = try figure.pngData(dpi: dpi)
        let size = figure.pixelSize
        let axesCount = figure.axes.count
        self.init(png: Data(png), width: size.width, height: size.height,
                  altText: "<Figure size \(size.width)x\(size.height) with \(axesCount) Axes>",
                  terminalRendering: TerminalFigureRenderer.render(figure, for: capabilities))
    }
}
