import XCTest
@testable import KindlingGraphics

final class PlotSessionTests: XCTestCase {
    func testImplicitFigureAndShow() throws {
        let session = PlotSession()
        XCTAssertNil(session.currentFigure)
        try session.currentAxes().plot(y: [3, 2, 1], label: "train")
        try session.currentAxes().plot(y: [3, 2.5, 2], label: "valid")
        try session.currentAxes().legend()
        XCTAssertEqual(session.figures.count, 1)
        let shown = session.takeFiguresToShow()
        XCTAssertEqual(shown.count, 1)
        XCTAssertEqual(shown[0].textSummary, "[figure: 2 lines (6 points) 'train', 'valid']")
        XCTAssertTrue(session.figures.isEmpty, "shown figures are closed")
        XCTAssertTrue(session.takeFiguresToShow().isEmpty)
    }

    func testSubplotsCloseAndCurrentAxes() throws {
        let session = PlotSession()
        let (first, axes) = try session.subplots(nrows: 1, ncols: 2, figsize: (4, 2))
        XCTAssertEqual(axes.count, 2)
        XCTAssertTrue(try session.currentAxes() === axes[0])
        session.makeCurrent(axes[1], of: first)
        XCTAssertTrue(try session.currentAxes() === axes[1])
        let second = try session.newFigure()
        XCTAssertTrue(session.currentFigure === second)
        session.close()
        XCTAssertTrue(session.currentFigure === first)
        XCTAssertTrue(session.takeFiguresToShow().isEmpty, "figures with nothing drawn are not shown")
        XCTAssertThrowsError(try session.subplots(nrows: 0))
    }

    func testImageGridLikeFastai() throws {
        let digit = try TestImages.digit()
        let figure = try Figure.imageGrid([digit, digit, digit], titles: ["a", "b"], nrows: 2)
        XCTAssertEqual(figure.ncols, 2)
        XCTAssertEqual(figure.figsize.width, 6)
        XCTAssertEqual(figure.figsize.height, 6)
        XCTAssertEqual(figure.axes.map { $0.title }, ["a", "b", nil, nil])
        XCTAssertTrue(figure.axes[3].isEmpty)
        XCTAssertFalse(figure.axes[0].axisVisible)
        XCTAssertEqual(Figure.showImageSize(height: 28, width: 28).width, 1)
        XCTAssertEqual(Figure.showImageSize(height: 64, width: 500).height, 5)
    }
}

final class PlotFormatTests: XCTestCase {
    func testFormatStrings() throws {
        XCTAssertEqual(try PlotFormat("r--"), try PlotFormat("--r"))
        XCTAssertEqual(try PlotFormat("r--").color, RGBA(255, 0, 0))
        XCTAssertEqual(try PlotFormat("o").drawsLine, false)
        XCTAssertEqual(try PlotFormat("o").drawsMarkers, true)
        XCTAssertEqual(try PlotFormat("-o").drawsLine, true)
        XCTAssertEqual(try PlotFormat("C1").color, ColorCycle.color(at: 1))
        XCTAssertEqual(try PlotFormat("").drawsLine, true)
        XCTAssertThrowsError(try PlotFormat("q")) { error in
            XCTAssertEqual((error as? GraphicsError)?.pythonType, "ValueError")
        }
    }

    func testMarkersAreDrawn() throws {
        let figure = try Figure(figsize: (2, 2))
        try figure.axes[0].plot(x: [0, 1], y: [0, 1], format: "go")
        let raster = figure.render()
        let green = RGBA(0, 128, 0)
        XCTAssertTrue(raster.pixels.contains(green))
        // No line between the two markers: the middle of the diagonal stays white.
        let cell = FigureLayout.subplotRects(nrows: 1, ncols: 1)[0].pixels(in: (200, 200))
        XCTAssertEqual(raster.pixel(x: cell.x + cell.width / 2, y: cell.y + cell.height / 2), .white)
    }
}

final class ColorCycleTests: XCTestCase {
    func testExplicitColoursDoNotAdvanceTheCycle() throws {
        let figure = try Figure()
        try figure.axes[0].plot(y: [1], color: "r")
        try figure.axes[0].plot(y: [1])
        try figure.axes[0].plot(y: [1], format: "k")
        try figure.axes[0].plot(y: [1])
        XCTAssertEqual(figure.axes[0].lines.map(\.color),
                       [RGBA(255, 0, 0), ColorCycle.color(at: 0), RGBA(0, 0, 0), ColorCycle.color(at: 1)])
    }
}
