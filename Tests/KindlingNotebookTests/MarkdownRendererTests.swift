import XCTest
@testable import KindlingNotebook

final class MarkdownRendererTests: XCTestCase {
    let markdown = "# Big `title`\n## Small\nUse **bold**, *it*, `x_1` and snake_case_name.\n- item one\n  - nested\n```\ncode here\n```\n[link](http://x)"

    func testPlainIsVerbatim() {
        XCTAssertEqual(MarkdownTerminalRenderer(style: .plain).render(markdown), markdown)
    }

    func testStyledRendering() {
        let lines = MarkdownTerminalRenderer(style: .ansi).render(markdown).split(separator: "\n").map(String.init)
        let esc = "\u{1B}["
        XCTAssertEqual(lines[0], "\(esc)1m\(esc)4mBig \(esc)36mtitle\(esc)39m\(esc)24m\(esc)22m")
        XCTAssertEqual(lines[1], "\(esc)1mSmall\(esc)22m")
        XCTAssertEqual(lines[2], "Use \(esc)1mbold\(esc)22m, \(esc)3mit\(esc)23m, \(esc)36mx_1\(esc)39m and snake_case_name.")
        XCTAssertEqual(lines[3], "  • item one")
        XCTAssertEqual(lines[4], "    • nested")
        XCTAssertEqual(lines[5], "\(esc)2m    code here\(esc)22m")
        XCTAssertEqual(lines[6], "\(esc)4mlink\(esc)24m\(esc)2m (http://x)\(esc)22m")
        XCTAssertEqual(lines.count, 7, "fences are dropped")
    }

    func testStyleDetectionHonoursNoColor() {
        // File descriptors of a test run are rarely terminals; a pipe never is.
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[0]); close(fds[1]) }
        XCTAssertFalse(TerminalStyle.detect(fileDescriptor: fds[1], environment: [:]).isEnabled)
        XCTAssertEqual(TerminalStyle.plain.bold("x"), "x")
        XCTAssertEqual(TerminalStyle.ansi.bold(""), "")
    }
}
