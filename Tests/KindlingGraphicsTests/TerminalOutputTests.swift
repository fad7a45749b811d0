import Foundation
import XCTest
@testable import KindlingGraphics

final class TerminalOutputTests: XCTestCase {
    func digitFigure(title: String? = "3") throws -> Figure {
        let figure = try Figure()
        try figure.axes[0].imshow(TestImages.digit(), cmap: "gray")
        figure.axes[0].title = title
        return figure
    }

    func testHalfBlocksForTinyImage() throws {
        // 2x3 pixels: top row red, green; middle row blue, white; bottom row black, transparent.
        var raster = Raster(width: 2, height: 3, background: .clear)
        raster.pixels = [RGBA(255, 0, 0), RGBA(0, 255, 0), RGBA(0, 0, 255), RGBA(255, 255, 255), RGBA(0, 0, 0), .clear]
        let cells = HalfBlockPicture.cells(raster)
        XCTAssertEqual(cells.height, 2)
        XCTAssertEqual(cells[0, 0], TerminalCell("▀", foreground: RGBA(255, 0, 0), background: RGBA(0, 0, 255)))
        XCTAssertEqual(cells[0, 1], TerminalCell("▀", foreground: RGBA(0, 0, 0)))
        XCTAssertEqual(cells[1, 1], .blank)
        let lines = cells.lines(color: .trueColor)
        XCTAssertEqual(lines[0], "\u{1B}[38;2;255;0;0m\u{1B}[48;2;0;0;255m▀"
            + "\u{1B}[38;2;0;255;0m\u{1B}[48;2;255;255;255m▀\u{1B}[0m")
        XCTAssertEqual(lines[1], "\u{1B}[38;2;0;0;0m▀\u{1B}[0m")
        XCTAssertEqual(cells.lines(color: .palette256)[0],
                       "\u{1B}[38;5;196m\u{1B}[48;5;21m▀\u{1B}[38;5;46m\u{1B}[48;5;231m▀\u{1B}[0m")
        var mixed = CellCanvas(width: 3, height: 1)
        mixed[0, 0] = TerminalCell("a", foreground: RGBA(1, 2, 3), background: RGBA(4, 5, 6))
        mixed[1, 0] = TerminalCell("b", foreground: RGBA(1, 2, 3))
        mixed[2, 0] = TerminalCell("c")
        XCTAssertEqual(mixed.lines(color: .trueColor),
                       ["\u{1B}[38;2;1;2;3m\u{1B}[48;2;4;5;6ma\u{1B}[0m\u{1B}[38;2;1;2;3mb\u{1B}[0mc"])
    }

    func testDigitIsTwentyEightColumnsByFourteenRows() throws {
        let text = TerminalFigureRenderer.render(try digitFigure(), for: TerminalCapabilities(imageProtocol: .blocks))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, 15, "a title line and 14 rows of half blocks")
        XCTAssertEqual(lines.first?.trimmingCharacters(in: .whitespaces), "3")
        XCTAssertEqual(lines[1].filter { $0 == "▀" || $0 == "▄" }.count, 28)
        let inspect = InspectPicture.lines(values: try TestImages.digit().values, width: 28, height: 28, color: .trueColor)
        XCTAssertEqual(inspect.count, 14)
    }

    func testAsciiAndNone() throws {
        let figure = try digitFigure()
        let ascii = TerminalFigureRenderer.render(figure, for: TerminalCapabilities(imageProtocol: .ascii))
        XCTAssertFalse(ascii.contains("\u{1B}"))
        XCTAssertTrue(ascii.contains("@"), "the bright ring draws with the densest character")
        XCTAssertEqual(TerminalFigureRenderer.render(figure, for: TerminalCapabilities(imageProtocol: .none)),
                       "[figure: 1 image 28x28, title '3']\n")
    }

    func testKittyFraming() throws {
        let png = [UInt8](repeating: 7, count: 5000)  // base64: 6668 characters -> two chunks
        let text = InlineImageEncoders.kitty(png: png, columns: 64)
        let escapes = text.components(separatedBy: "\u{1B}\\").filter { !$0.isEmpty }
        XCTAssertEqual(escapes.count, 2)
        XCTAssertTrue(escapes[0].hasPrefix("\u{1B}_Ga=T,f=100,c=64,m=1;"))
        XCTAssertTrue(escapes[1].hasPrefix("\u{1B}_Gm=0;"))
        let payload = escapes.map { String($0[$0.index(after: $0.firstIndex(of: ";")!)...]) }
        XCTAssertEqual(payload[0].count, 4096)
        XCTAssertEqual(Data(base64Encoded: payload.joined()).map([UInt8].init), png)
        let figureText = TerminalFigureRenderer.render(try digitFigure(), for: TerminalCapabilities(imageProtocol: .kitty))
        XCTAssertTrue(figureText.hasPrefix("\u{1B}_Ga=T,f=100,"))
        XCTAssertTrue(figureText.hasSuffix("\u{1B}\\\n"))
    }

    func testITermFraming() throws {
        let png = try PNGEncoder.encode(width: 1, height: 1, colorType: .gray, samples: [9])
        let text = InlineImageEncoders.iterm(png: png, columns: 30)
        XCTAssertTrue(text.hasPrefix("\u{1B}]1337;File=inline=1;size=\(png.count);width=30;preserveAspectRatio=1:"))
        XCTAssertTrue(text.hasSuffix("\u{07}"))
        let payload = text.dropFirst(text.distance(from: text.startIndex, to: text.firstIndex(of: ":")!) + 1).dropLast()
        XCTAssertEqual(Data(base64Encoded: String(payload)).map([UInt8].init), png)
    }

    func testSixelFraming() {
        var raster = Raster(width: 3, height: 7, background: RGBA(255, 0, 0))
        raster.plot(x: 1, y: 6, color: RGBA(0, 0, 255))
        let text = SixelEncoder.encode(raster)
        XCTAssertTrue(text.hasPrefix("\u{1B}P0;1;0q\"1;1;3;7#0;2;100;0;0#1;2;0;0;100"))
        XCTAssertTrue(text.hasSuffix("\u{1B}\\"))
        // Band 1: colour 0 fills all six rows (~ = 63 + 63). Band 2 (row 6): red, blue, red.
        XCTAssertTrue(text.contains("#0~~~-"))
        XCTAssertTrue(text.contains("#0@?@$#1?@?-"))
        let wide = Raster(width: 10, height: 1, background: .black)
        XCTAssertTrue(SixelEncoder.encode(wide).contains("#0!10@-"))
    }

    func testSixelQuantisesManyColours() {
        var raster = Raster(width: 30, height: 30)
        for i in 0..<900 { raster.pixels[i] = RGBA(UInt8(i % 256), UInt8((i * 7) % 256), UInt8((i * 13) % 256)) }
        let (palette, indices) = SixelEncoder.quantize(raster, background: .white)
        XCTAssertLessThanOrEqual(palette.count, 256)
        XCTAssertTrue(indices.allSatisfy { Int($0) < palette.count })
    }

    func testLinePlotInBraille() throws {
        let figure = try Figure(figsize: (6, 3))
        let curves = TestImages.lossCurves()
        try figure.axes[0].plot(y: curves.train, label: "train")
        try figure.axes[0].plot(y: curves.valid, label: "valid")
        figure.axes[0].legend()
        figure.axes[0].title = "loss"
        let text = TerminalFigureRenderer.render(figure, for: TerminalCapabilities(imageProtocol: .ascii))
        XCTAssertTrue(text.unicodeScalars.contains { $0.value > 0x2800 && $0.value <= 0x28FF })
        XCTAssertTrue(text.contains("── train"))
        XCTAssertTrue(text.contains("0.3 ┤"))
        let lines = text.split(separator: "\n")
        XCTAssertLessThanOrEqual(lines.map(\.count).max() ?? 0, 60)
        if ProcessInfo.processInfo.environment["KINDLING_GRAPHICS_OUT"] != nil {
            print(text)
            print(TerminalFigureRenderer.render(figure, for: TerminalCapabilities(imageProtocol: .blocks)))
            print(TerminalFigureRenderer.render(try digitFigure(), for: TerminalCapabilities(imageProtocol: .ascii)))
        }
    }

    func testHistogram() {
        let histogram = TextHistogram.counts([0, 0.1, 0.2, 0.95, 1, .nan, .infinity], bins: 2)
        XCTAssertEqual(histogram.counts, [3, 2])
        XCTAssertEqual(histogram.edges, [0, 0.5, 1])
        let lines = TextHistogram.lines(edges: histogram.edges, counts: histogram.counts, barWidth: 6)
        XCTAssertEqual(lines, ["[  0, 0.5) 3 ██████", "[0.5,   1] 2 ████"])
        XCTAssertEqual(TextHistogram.counts([.nan], bins: 3).counts, [])
        XCTAssertEqual(TextHistogram.counts([2, 2], bins: 2).counts, [0, 2])
        XCTAssertEqual(TextHistogram.lines(values: []), [])
    }
}

final class TerminalSizingTests: XCTestCase {
    /// fastai's show_image makes a 1x1-inch figure for a digit: it still shows at 28 x 14 cells.
    func testSmallFigureKeepsImageAtNativeSize() throws {
        let figure = try Figure(figsize: (1, 1))
        try figure.axes[0].imshow(TestImages.digit(), cmap: "Greys")
        figure.axes[0].axisVisible = false
        let lines = TextFigureLayout.canvas(for: figure, maxColumns: 80, colored: true).lines(color: nil)
        XCTAssertEqual(lines.count, 14)
        XCTAssertEqual(lines.map(\.count).max(), 28)
    }

    /// A row of ten digits is shrunk to fit an 80-column terminal.
    func testWideGridShrinksToTerminal() throws {
        let figure = try Figure(figsize: (10, 1), nrows: 1, ncols: 10)
        for axes in figure.axes { try axes.imshow(TestImages.digit()) }
        let canvas = TextFigureLayout.canvas(for: figure, maxColumns: 80, colored: true)
        XCTAssertLessThanOrEqual(canvas.width, 80)
        XCTAssertGreaterThan(canvas.height, 2)
        let kitty = TerminalFigureRenderer.render(figure, for: TerminalCapabilities(imageProtocol: .kitty, columns: 80))
        XCTAssertTrue(kitty.hasPrefix("\u{1B}_Ga=T,f=100,c=\(canvas.width),"))
    }
}
