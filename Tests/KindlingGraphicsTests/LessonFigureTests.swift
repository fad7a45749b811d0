import Foundation
import XCTest
@testable import KindlingGraphics

/// The figures the lessons draw, at the sizes they ask for.
final class LessonFigureTests: XCTestCase {
    var printing: Bool { ProcessInfo.processInfo.environment["KINDLING_GRAPHICS_OUT"] != nil }

    /// Lesson 1: `plt.subplots(1, 2, figsize=(4, 2))` with two means shown by `show_image(..., cmap='Greys')`.
    func testMeansSideBySide() throws {
        let figure = try Figure(figsize: (4, 2), nrows: 1, ncols: 2)
        for (axes, title) in zip(figure.axes, ["mean one", "mean zero"]) {
            try axes.imshow(TestImages.mnistDigit(index: title.count) ?? TestImages.digit(), cmap: "Greys")
            axes.title = title
            axes.axisVisible = false
        }
        let canvas = TextFigureLayout.canvas(for: figure, maxColumns: 80, colored: false)
        XCTAssertEqual(canvas.width, 58, "two 28-column pictures and a gap of two")
        XCTAssertEqual(canvas.height, 15, "a title row and 14 picture rows")
        let lines = canvas.lines(color: nil)
        XCTAssertTrue(lines[0].contains("mean one") && lines[0].contains("mean zero"))
        XCTAssertEqual(lines[1].trimmingCharacters(in: .whitespaces), "", "Greys paper stays blank in plain text")
        TestImages.save(try figure.pngData(), as: "means.png")
        if printing {
            print(lines.joined(separator: "\n"))
            print(TerminalFigureRenderer.render(figure, for: TerminalCapabilities(imageProtocol: .blocks)))
        }
    }

    /// Lesson 4: `plt.subplots(1, 4, figsize=(8, 2))` of first-layer weights with `cmap='RdBu'`.
    func testWeightsRow() throws {
        let figure = try Figure(figsize: (8, 2), nrows: 1, ncols: 4)
        for (i, axes) in figure.axes.enumerated() {
            let values = (0..<784).map { Float(sin(Double($0 * (i + 1)) / 50)) }
            try axes.imshow(ImageData(width: 28, height: 28, values: values), cmap: "RdBu")
            axes.title = "unit \(i)"
            axes.axisVisible = false
        }
        let canvas = TextFigureLayout.canvas(for: figure, maxColumns: 80, colored: true)
        XCTAssertLessThanOrEqual(canvas.width, 80)
        TestImages.save(try figure.pngData(), as: "weights.png")
        if printing { print(canvas.lines(color: .trueColor).joined(separator: "\n")) }
    }
}

final class SharedAxesFigureTests: XCTestCase {
    /// Two line plots with `sharey=True` use one y range; the picture is saved for a look when asked.
    func testShareyUsesOneRange() throws {
        let figure = try Figure(figsize: (8, 3), nrows: 1, ncols: 2, sharey: true)
        figure.suptitle = "sigmoid and its gradient"
        let xs = stride(from: -6.0, through: 6.0, by: 0.1).map { $0 }
        let sigmoid = xs.map { 1 / (1 + exp(-$0)) }
        try figure.axes[0].plot(x: xs, y: sigmoid, label: "sigmoid")
        try figure.axes[1].plot(x: xs, y: sigmoid.map { $0 * (1 - $0) }, label: "gradient", color: "r")
        for axes in figure.axes {
            axes.xlabel = "x"
            axes.legend()
        }
        figure.axes[0].ylabel = "y"
        TestImages.save(try figure.pngData(), as: "sharey.png")
        let text = TerminalFigureRenderer.render(figure, for: TerminalCapabilities(imageProtocol: .ascii))
        // One y range: the second panel's tick marks sit on the same rows, without labels (like matplotlib).
        let lines = text.split(separator: "\n").map(String.init)
        let labelled = lines.filter { $0.contains("1.0 ┤") }
        XCTAssertEqual(labelled.count, 1)
        XCTAssertEqual(labelled[0].filter { $0 == "┤" }.count, 2)
        XCTAssertEqual(lines.filter { $0.contains("0.5 ┤") }.first?.filter { $0 == "┤" }.count, 2)
        if ProcessInfo.processInfo.environment["KINDLING_GRAPHICS_OUT"] != nil { print(text) }
    }
}
