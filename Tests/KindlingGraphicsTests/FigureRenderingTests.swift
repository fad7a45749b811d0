import XCTest
@testable import KindlingGraphics

final class FigureRenderingTests: XCTestCase {
    func testDigitFigureRendersToPNG() throws {
        let digit = try TestImages.mnistDigit() ?? TestImages.digit()
        let figure = try Figure(figsize: (3, 3))
        try figure.axes[0].imshow(digit, cmap: "gray")
        figure.axes[0].title = "7"
        let png = try figure.pngData()
        TestImages.save(png, as: "digit.png")
        let decoded = try PNGDecoder.decode(png)
        XCTAssertEqual(decoded.width, 300)
        XCTAssertEqual(decoded.height, 300)
        // The figure's corner is white; the image's top-left pixel (value 0 under gray) is black.
        XCTAssertEqual(decoded.pixel(x: 0, y: 0), RGBA(255, 255, 255))
        let cell = FigureLayout.subplotRects(nrows: 1, ncols: 1)[0].pixels(in: (300, 300))
        let frame = FigureLayout.aspectFitted(cell, imageWidth: 28, imageHeight: 28)
        XCTAssertEqual(decoded.pixel(x: frame.x + 3, y: frame.y + 3), RGBA(0, 0, 0))
    }

    func testLossCurveFigure() throws {
        let figure = try Figure()
        let curves = TestImages.lossCurves()
        try figure.axes[0].plot(y: curves.train, label: "train")
        try figure.axes[0].plot(y: curves.valid, label: "valid")
        figure.axes[0].legend()
        figure.axes[0].xlabel = "iteration"
        figure.axes[0].ylabel = "loss"
        figure.axes[0].title = "Loss"
        let png = try figure.pngData()
        TestImages.save(png, as: "loss.png")
        let raster = figure.render()
        XCTAssertEqual(raster.width, 640)
        XCTAssertEqual(raster.height, 480)
        let blue = ColorCycle.color(at: 0)
        XCTAssertTrue(raster.pixels.contains(blue), "the first line is drawn in matplotlib's C0 blue")
        XCTAssertTrue(raster.pixels.contains(ColorCycle.color(at: 1)))
    }

    func testSubplotsWithTitles() throws {
        let figure = try Figure(figsize: (6, 3), nrows: 1, ncols: 2)
        let digit = try TestImages.mnistDigit(index: 1) ?? TestImages.digit()
        try figure.axes[0].imshow(digit, cmap: "Greys")
        figure.axes[0].title = "ones"
        figure.axes[0].axisVisible = false
        try figure.axes[1].imshow(digit, cmap: "RdBu")
        figure.axes[1].title = "zeros"
        TestImages.save(try figure.pngData(), as: "pair.png")
        XCTAssertEqual(figure.textSummary,
                       "[figure: 2 axes: 1 image 28x28, title 'ones'; 1 image 28x28, title 'zeros']")
    }
}
