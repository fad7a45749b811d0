import Foundation
import KindlingBindings
import KindlingGraphics
import KindlingLanguage
import XCTest

/// matplotlib.pyplot and fastai's show_image over KindlingGraphics' figure model.
final class PlotBindingsTests: XCTestCase {
    var runner: ScriptRunner!

    override func setUpWithError() throws {
        runner = ScriptRunner()
        try runner.run("""
            import torch
            import matplotlib.pyplot as plt
            from fastai.vision.core import show_image, show_images
            """)
    }

    func testSubplotsAndShowImageBuildTheLessonFigure() throws {
        try runner.run("""
            img = torch.arange(784).float().view(28, 28) / 784
            fig, axs = plt.subplots(1, 2, figsize=(4, 2))
            a0 = show_image(img, ax=axs[0], title='mean one', cmap='Greys')
            show_image(img * 2, ax=axs[1], title='mean zero', cmap='Greys')
            """)
        XCTAssertEqual(try runner.repr("fig"), "<Figure size 400x200 with 2 Axes>")
        XCTAssertEqual(try runner.repr("axs"), "array([<Axes: title={'center': 'mean one'}>, <Axes: title={'center': 'mean zero'}>], dtype=object)")
        XCTAssertEqual(try runner.repr("a0"), "<Axes: title={'center': 'mean one'}>")
        let figures = FigureDisplay.takeFiguresToShow(for: runner.interp)
        XCTAssertEqual(figures.count, 1)
        let figure = try XCTUnwrap(figures.first)
        XCTAssertEqual(figure.axes.count, 2)
        XCTAssertEqual(figure.axes[0].image?.data.shapeDescription, "28x28")
        XCTAssertEqual(figure.axes[0].image?.colorMap.name, "Greys")
        XCTAssertFalse(figure.axes[0].axisVisible)
        XCTAssertEqual(figure.axes[1].title, "mean zero")
        XCTAssertEqual(figure.axes[0].image?.data.values[783], 783.0 / 784.0)
        XCTAssertTrue(FigureDisplay.takeFiguresToShow(for: runner.interp).isEmpty, "figures are closed once shown")
    }

    func testShowImageAloneMakesAFigureSizedLikeFastai() throws {
        try runner.run("ax = show_image(torch.zeros(28, 28), title='3')")
        XCTAssertEqual(try runner.repr("ax"), "<Axes: title={'center': '3'}>")
        XCTAssertEqual(try runner.repr("plt.gcf()"), "<Figure size 100x100 with 1 Axes>")
        try runner.run("show_image(torch.zeros(1, 28, 28))")   // a channel axis is dropped
        let figures = FigureDisplay.takeFiguresToShow(for: runner.interp)
        XCTAssertEqual(figures.count, 2)
        XCTAssertEqual(figures[1].axes[0].image?.data.shapeDescription, "28x28")
    }

    func testShowImagesGrid() throws {
        try runner.run("show_images([torch.zeros(28, 28), torch.ones(28, 28), torch.zeros(28, 28)], nrows=1, titles=['a', 'b', 'c'])")
        let figure = try XCTUnwrap(FigureDisplay.takeFiguresToShow(for: runner.interp).first)
        XCTAssertEqual(figure.axes.count, 3)
        XCTAssertEqual(figure.axes.map { $0.title }, ["a", "b", "c"])
        XCTAssertEqual(figure.figsize.width, 9)
        XCTAssertEqual(figure.figsize.height, 3)
    }

    func testLinePlotsAndLabels() throws {
        try runner.run("""
            plt.plot([3, 2, 1], label='train')
            plt.plot(range(3), torch.tensor([1., 2., 4.]), 'r--', label='valid')
            plt.xlabel('epoch'); plt.ylabel('loss'); plt.title('losses')
            leg = plt.legend()
            """)
        XCTAssertEqual(try runner.repr("plt.gca()"), "<Axes: title={'center': 'losses'}, xlabel='epoch', ylabel='loss'>")
        XCTAssertEqual(try runner.repr("str(leg)"), "'Legend'")
        XCTAssertEqual(try runner.repr("plt.title('t2')"), "Text(0.5, 1.0, 't2')")
        let axes = try XCTUnwrap(FigureDisplay.session(for: runner.interp).currentAxes())
        XCTAssertEqual(axes.lines.count, 2)
        XCTAssertEqual(axes.lines[1].x, [0, 1, 2])
        XCTAssertEqual(axes.lines[1].y, [1, 2, 4])
        XCTAssertEqual(axes.legendEntries.map { $0.label }, ["train", "valid"])
        XCTAssertTrue(axes.showsLegend)
    }

    func testShowQueuesFiguresAndHandlerDrawsThemAtOnce() throws {
        try runner.run("plt.plot([1, 2]); plt.show()")
        XCTAssertEqual(FigureDisplay.takeFiguresToShow(for: runner.interp).count, 1)
        var drawn: [Figure] = []
        FigureDisplay.setShowHandler(for: runner.interp) { drawn += $0 }
        try runner.run("plt.plot([1, 2]); plt.show()")
        XCTAssertEqual(drawn.count, 1)
        XCTAssertTrue(FigureDisplay.takeFiguresToShow(for: runner.interp).isEmpty)
        try runner.run("fig = plt.figure(); plt.plot([1]); plt.close('all')")
        XCTAssertTrue(FigureDisplay.takeFiguresToShow(for: runner.interp).isEmpty)
    }

    func testSavefigWritesAValidPNG() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kindling-plot-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try runner.run("""
            fig, ax = plt.subplots(figsize=(2, 1))
            ax.imshow([[0, 1], [2, 3]], cmap='viridis')
            plt.savefig('\(path)', dpi=50)
            """)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let decoded = try PNGDecoder.decode(bytes)
        XCTAssertEqual(decoded.width, 100)
        XCTAssertEqual(decoded.height, 50)
    }

    func testTwoDimensionalAxesArray() throws {
        try runner.run("fig, axs = plt.subplots(2, 2)\naxs[1, 0].set_title('c')\naxs[0][1].axis('off')")
        XCTAssertEqual(try runner.repr("axs.shape, len(axs), len(list(axs.flat))"), "((2, 2), 2, 4)")
        XCTAssertEqual(try runner.repr("axs[1, 0]"), "<Axes: title={'center': 'c'}>")
        let figure = try XCTUnwrap(FigureDisplay.session(for: runner.interp).currentFigure)
        XCTAssertFalse(figure.axes[1].axisVisible)
        XCTAssertEqual(runner.error("axs[2, 0]"), "IndexError: index 2 is out of bounds for axis 0 with size 2")
    }

    func testBadInputsGiveClearErrors() throws {
        XCTAssertEqual(runner.error("plt.imshow(torch.zeros(3, 28, 28))"), "TypeError: Invalid shape (3, 28, 28) for image data")
        XCTAssertEqual(runner.error("show_image(torch.zeros(784))"), "TypeError: Invalid shape (784,) for image data")
        XCTAssertEqual(runner.error("show_image(torch.zeros(2, 784))"),
                       "RuntimeError: permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = 2 is not equal to len(dims) = 3")
        XCTAssertEqual(runner.error("plt.imshow([[1, 2], [3]])"),
                       "ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions.")
        XCTAssertEqual(runner.error("plt.imshow([[1, 2]], cmap='nope')")?.hasPrefix("ValueError: 'nope' is not a valid value for cmap"), true)
        XCTAssertEqual(runner.error("plt.plot([1, 2], [1])"), "ValueError: x and y must have same first dimension, but have shapes (2,) and (1,)")
        XCTAssertEqual(runner.error("plt.subplots(0, 1)"), "ValueError: Number of rows must be a positive integer, not 0")
        XCTAssertEqual(runner.error("plt.savefig('out.pdf')"), "ValueError: Format 'pdf' is not supported (supported formats: png)")
        // NaN pixels and a NaN line draw (as gaps) instead of crashing.
        XCTAssertNil(runner.error("show_image(torch.full((6, 6), float('nan')))\nplt.plot([1, float('nan'), 3])"))
        for figure in FigureDisplay.takeFiguresToShow(for: runner.interp) { _ = try figure.pngData(dpi: 20) }
    }
}
