import Foundation
import XCTest
@testable import KindlingGraphics

final class LayoutTests: XCTestCase {
    func testSubplotRectanglesMatchMatplotlib() {
        // matplotlib 3.11: [ax.get_position().bounds for ax in plt.subplots(2, 3)[1].flat]
        let expected: [(Double, Double, Double, Double)] = [
            (0.125, 0.53, 0.2279411765, 0.35), (0.3985294118, 0.53, 0.2279411765, 0.35),
            (0.6720588235, 0.53, 0.2279411765, 0.35), (0.125, 0.11, 0.2279411765, 0.35),
            (0.3985294118, 0.11, 0.2279411765, 0.35), (0.6720588235, 0.11, 0.2279411765, 0.35),
        ]
        let rects = FigureLayout.subplotRects(nrows: 2, ncols: 3)
        XCTAssertEqual(rects.count, 6)
        for (rect, want) in zip(rects, expected) {
            XCTAssertEqual(rect.x, want.0, accuracy: 1e-9)
            XCTAssertEqual(rect.y, want.1, accuracy: 1e-9)
            XCTAssertEqual(rect.width, want.2, accuracy: 1e-9)
            XCTAssertEqual(rect.height, want.3, accuracy: 1e-9)
        }
        let single = FigureLayout.subplotRects(nrows: 1, ncols: 1)[0]
        XCTAssertEqual(single.pixels(in: (640, 480)), PixelRect(x: 80, y: 58, width: 496, height: 369))
    }

    func testImageKeepsSquarePixels() {
        let box = PixelRect(x: 80, y: 58, width: 496, height: 370)
        XCTAssertEqual(FigureLayout.aspectFitted(box, imageWidth: 28, imageHeight: 28),
                       PixelRect(x: 143, y: 58, width: 370, height: 370))
        XCTAssertEqual(FigureLayout.aspectFitted(box, imageWidth: 100, imageHeight: 10),
                       PixelRect(x: 80, y: 218, width: 496, height: 50))
    }

    func testTicks() {
        XCTAssertEqual(Ticks.values(low: -0.5, high: 27.5, maxCount: 9), [0, 5, 10, 15, 20, 25])
        XCTAssertEqual(Ticks.labels(for: [0, 0.5, 1.0]), ["0.0", "0.5", "1.0"])
        XCTAssertEqual(Ticks.labels(for: [0, 5, 10]), ["0", "5", "10"])
        XCTAssertEqual(Ticks.labels(for: [0, 0.25, 0.5]), ["0.00", "0.25", "0.50"])
        XCTAssertEqual(Ticks.values(low: 0, high: 0, maxCount: 5), [0])
        XCTAssertEqual(Ticks.values(low: .nan, high: 1, maxCount: 5), [])
    }

    func testFigureArgumentErrors() {
        XCTAssertThrowsError(try Figure(nrows: 0)) { error in
            XCTAssertEqual((error as? GraphicsError)?.message, "Number of rows must be a positive integer, not 0")
        }
        XCTAssertThrowsError(try Figure(ncols: -1))
        XCTAssertThrowsError(try Figure(figsize: (0, 3)))
        XCTAssertThrowsError(try Figure(figsize: (.nan, 3)))
        XCTAssertThrowsError(try ImageData(width: 2, height: 2, values: [1]))
        XCTAssertThrowsError(try ImageData(width: 1, height: 1, channels: 2, values: [1, 2]))
    }

    func testDegenerateImagesDoNotCrash() throws {
        let cases: [ImageData] = [
            try ImageData(width: 0, height: 0, values: []),
            try ImageData(width: 3, height: 2, values: [Float](repeating: .nan, count: 6)),
            try ImageData(width: 3, height: 2, values: [Float](repeating: 5, count: 6)),
            try ImageData(width: 1, height: 1, values: [.infinity]),
            try ImageData(width: 2000, height: 1, values: [Float](repeating: 1, count: 2000)),
        ]
        for data in cases {
            let figure = try Figure(figsize: (2, 2), nrows: 1, ncols: 2)
            try figure.axes[0].imshow(data)
            try figure.axes[1].plot(y: data.values.map(Double.init))
            XCTAssertNoThrow(try figure.pngData())
        }
        let empty = try Figure()
        XCTAssertEqual(empty.textSummary, "[figure: empty]")
        XCTAssertNoThrow(try empty.pngData())
    }
}

final class SaveAndSizeTests: XCTestCase {
    func testSaveWritesPNGAndRefusesOtherFormats() throws {
        let figure = try Figure(figsize: (2, 1))
        try figure.axes[0].plot(y: [1, 3, 2])
        let folder = NSTemporaryDirectory() + "kindling-graphics-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try figure.save(toPath: folder + "/plot.png")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/plot.png")))
        XCTAssertEqual(try PNGDecoder.decode(bytes).width, 200)
        try figure.save(toPath: folder + "/bare", dpi: 50)
        XCTAssertEqual(try PNGDecoder.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/bare.png")))).height, 50)
        XCTAssertThrowsError(try figure.save(toPath: folder + "/plot.jpg")) { error in
            XCTAssertEqual((error as? GraphicsError)?.pythonType, "ValueError")
        }
        XCTAssertThrowsError(try figure.save(toPath: folder + "/missing/plot.png")) { error in
            XCTAssertEqual((error as? GraphicsError)?.pythonType, "FileNotFoundError")
        }
    }

    func testHugeFiguresAreDrawnSmaller() throws {
        let figure = try Figure(figsize: (1000, 1000))
        let size = figure.pixelSize
        XCTAssertLessThanOrEqual(size.width * size.height, 25_000_001)
        XCTAssertEqual(try Figure(figsize: (2, 2)).effectiveDPI(.nan), 100)
    }
}
