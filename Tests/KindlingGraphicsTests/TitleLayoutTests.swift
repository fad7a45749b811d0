import XCTest
@testable import KindlingGraphics

/// Titles stay inside the picture: a long title over a narrow figure, a small figure.
final class TitleLayoutTests: XCTestCase {
    /// True when any pixel in column `x` (or row `y`) is dark, i.e. text touches that edge.
    func darkInColumn(_ raster: Raster, _ x: Int) -> Bool {
        (0..<raster.height).contains { raster.pixel(x: x, y: $0).map { $0.r < 128 } ?? false }
    }

    func darkInRow(_ raster: Raster, _ y: Int) -> Bool {
        (0..<raster.width).contains { raster.pixel(x: $0, y: y).map { $0.r < 128 } ?? false }
    }

    func testLongTitleOnANarrowFigureIsNotClipped() throws {
        let figure = try Figure(figsize: (1.5, 1.5))
        try figure.axes[0].imshow(try ImageData(width: 4, height: 4, values: [Float](repeating: 1, count: 16)), cmap: "gray",
                                 vmin: 0, vmax: 1)
        figure.axes[0].axisVisible = false
        figure.axes[0].title = "a long title for it"
        let raster = figure.render()
        XCTAssertFalse(darkInColumn(raster, 0), "no text cut at the left edge")
        XCTAssertFalse(darkInColumn(raster, raster.width - 1), "no text cut at the right edge")
        XCTAssertFalse(darkInRow(raster, 0), "no text cut at the top")
        XCTAssertTrue((0..<raster.height / 4).contains { darkInRow(raster, $0) }, "the title is drawn above the image")
    }

    func testSuptitleWiderThanTheFigureShrinks() throws {
        let figure = try Figure(figsize: (2, 1))
        figure.suptitle = "a suptitle wider than"
        let raster = figure.render()
        XCTAssertFalse(darkInColumn(raster, 0))
        XCTAssertFalse(darkInColumn(raster, raster.width - 1))
    }
}
