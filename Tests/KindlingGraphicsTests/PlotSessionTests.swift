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
