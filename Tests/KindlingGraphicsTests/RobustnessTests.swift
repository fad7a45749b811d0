import XCTest
@testable import KindlingGraphics

/// Inputs a user can type that must neither crash nor hang.
final class RobustnessTests: XCTestCase {
    func testExtremeLineValuesAndNarrowLimits() throws {
        let figure = try Figure(figsize: (3, 2))
        let axes = figure.axes[0]
        try axes.plot(y: [0, 1e308, -1e308, .nan, .infinity, 5])
        try axes.plot(x: [-1e300, 1e300], y: [-1e300, 1e300])
        axes.xlim = 0...1
        axes.ylim = 0...1
        XCTAssertNoThrow(try figure.pngData())
        for kind in [TerminalImageProtocol.blocks, .ascii, .none] {
            XCTAssertFalse(TerminalFigureRenderer.render(figure, for: TerminalCapabilities(imageProtocol: kind)).isEmpty)
        }
        let unbounded = try Figure(figsize: (3, 2))
        try unbounded.axes[0].plot(y: [-1e308, 1e308, 0])
        XCTAssertNoThrow(try unbounded.pngData())
        _ = TerminalFigureRenderer.render(unbounded, for: TerminalCapabilities(imageProtocol: .blocks))
    }

    func testLongNoisySeriesIsQuick() throws {
        let figure = try Figure()
        // 5,000 points jumping across the whole axes: drawing cost must follow length, not area.
        try figure.axes[0].plot(y: (0..<5_000).map { $0 % 2 == 0 ? 0 : 1 })
        let start = Date()
        _ = figure.render()
        _ = TerminalFigureRenderer.render(figure, for: TerminalCapabilities(imageProtocol: .blocks))
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
    }

    func testLineCoverage() {
        var raster = Raster(width: 10, height: 5)
        raster.drawLine(from: (1, 2.5), to: (9, 2.5), width: 1, color: .black)
        XCTAssertEqual(raster.pixel(x: 5, y: 2), .black)
        XCTAssertEqual(raster.pixel(x: 5, y: 0), .white)
        XCTAssertEqual(raster.pixel(x: 5, y: 4), .white)
        raster.drawLine(from: (-1e3, -1e3), to: (1e3, 1e3), width: 2, color: .black)
        XCTAssertEqual(raster.pixel(x: 3, y: 3), .black)
        raster.drawLine(from: (-1e300, -1e300), to: (1e300, 1e300), width: 2, color: .black)  // no crash, no hang
        raster.drawLine(from: (.nan, 0), to: (1, 1), width: 1, color: .black)
    }

    func testValidation() throws {
        XCTAssertThrowsError(try Figure(figsize: (1e300, 2)))
        let figure = try Figure()
        XCTAssertThrowsError(try figure.setSize(width: -1, height: 2))
        XCTAssertThrowsError(try figure.setDPI(.infinity))
        try figure.setSize(width: 2, height: 1)
        try figure.setDPI(50)
        XCTAssertEqual(figure.pixelSize.width, 100)
        XCTAssertThrowsError(try ImageData(width: Int.max, height: 2, values: [1])) { error in
            XCTAssertEqual((error as? GraphicsError)?.pythonType, "ValueError")
        }
        XCTAssertThrowsError(try figure.axes[0].plot(x: [1, 2], y: [1]))
        XCTAssertThrowsError(try figure.axes[0].plot(y: [1], color: "nocolour"))
        XCTAssertThrowsError(try figure.axes[0].imshow(TestImages.digit(), cmap: "jet"))
        XCTAssertThrowsError(try figure.axes[0].imshow(TestImages.digit(), vmin: 1, vmax: 0))
    }

    func testLargeImageInTerminalAndInspect() throws {
        let side = 2000
        let data = try ImageData(width: side, height: side, values: [Float](repeating: 0.5, count: side * side))
        let figure = try Figure()
        try figure.axes[0].imshow(data)
        let text = TerminalFigureRenderer.render(figure, for: TerminalCapabilities(imageProtocol: .blocks, columns: 80))
        XCTAssertLessThanOrEqual(text.split(separator: "\n").count, 40)
        XCTAssertEqual(InspectPicture.lines(values: [1, 2, 3], width: 2, height: 2, color: nil).count, 1)
        let blank = InspectPicture.lines(values: [.nan, .nan, .nan, .nan], width: 2, height: 2, color: .trueColor)
        XCTAssertFalse(blank.isEmpty)
        XCTAssertTrue(blank.allSatisfy { $0.isEmpty }, "an all-NaN picture is blank")
    }
}
