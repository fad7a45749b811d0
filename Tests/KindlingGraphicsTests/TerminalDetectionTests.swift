import XCTest
@testable import KindlingGraphics

final class TerminalDetectionTests: XCTestCase {
    func detect(_ env: [String: String], tty: Bool = true) -> TerminalImageProtocol {
        TerminalCapabilities.detect(environment: env, isTTY: tty).imageProtocol
    }

    func testProtocolFromEnvironment() {
        XCTAssertEqual(detect(["TERM": "xterm-kitty"]), .kitty)
        XCTAssertEqual(detect(["TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"]), .kitty)
        XCTAssertEqual(detect(["TERM_PROGRAM": "ghostty"]), .kitty)
        XCTAssertEqual(detect(["TERM_PROGRAM": "iTerm.app"]), .iterm)
        XCTAssertEqual(detect(["LC_TERMINAL": "iTerm2", "TERM": "screen"]), .iterm)
        XCTAssertEqual(detect(["TERM_PROGRAM": "WezTerm"]), .iterm)
        XCTAssertEqual(detect(["TERM": "mlterm"]), .sixel)
        XCTAssertEqual(detect(["TERM": "foot"]), .sixel)
        XCTAssertEqual(detect(["TERM": "xterm-256color"]), .blocks)
        XCTAssertEqual(detect([:]), .blocks)
        XCTAssertEqual(detect(["TERM": "dumb"]), .none)
    }

    func testNotATerminalAndNoColor() {
        XCTAssertEqual(detect(["TERM": "xterm-kitty"], tty: false), .none)
        XCTAssertEqual(detect(["TERM": "xterm-kitty", "NO_COLOR": "1"]), .none, "NO_COLOR: the one-line summary")
        XCTAssertEqual(detect(["TERM": "xterm", "NO_COLOR": ""]), .blocks, "an empty NO_COLOR does not count")
    }

    func testOverride() {
        XCTAssertEqual(detect(["KINDLING_IMAGES": "sixel"], tty: false), .sixel)
        XCTAssertEqual(detect(["KINDLING_IMAGES": "none", "TERM": "xterm-kitty"]), .none)
        XCTAssertEqual(detect(["KINDLING_IMAGES": "Blocks", "NO_COLOR": "1"]), .blocks)
        XCTAssertEqual(detect(["KINDLING_IMAGES": "bogus", "TERM": "xterm-kitty"]), .kitty)
    }

    func testColorDepthAndColumns() {
        let truecolor = TerminalCapabilities.detect(environment: ["COLORTERM": "truecolor"], isTTY: true, columns: 120)
        XCTAssertEqual(truecolor.colorDepth, .trueColor)
        XCTAssertEqual(truecolor.columns, 120)
        XCTAssertEqual(TerminalCapabilities.detect(environment: ["TERM": "xterm-256color"], isTTY: true).colorDepth,
                       .palette256)
        XCTAssertEqual(TerminalCapabilities.detect(environment: ["COLUMNS": "100"], isTTY: true).columns, 100)
    }

    func testXterm256() {
        XCTAssertEqual(CellCanvas.xterm256(RGBA(0, 0, 0)), 16)
        XCTAssertEqual(CellCanvas.xterm256(RGBA(255, 255, 255)), 231)
        XCTAssertEqual(CellCanvas.xterm256(RGBA(255, 0, 0)), 196)
        XCTAssertEqual(CellCanvas.xterm256(RGBA(128, 128, 128)), 244)
    }
}
