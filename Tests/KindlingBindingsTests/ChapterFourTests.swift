import KindlingBindings
import KindlingGraphics
import KindlingLanguage
import XCTest

/// Names fastbook's chapter 4 ("04_mnist_basics") types besides L and the
/// losses: `matplotlib.rc('image', cmap=...)`, numpy's `array` and `to_np`
/// from `fastai.vision.all`, and the chapter's training pipeline end to end.
final class ChapterFourTests: XCTestCase {
    func testRcImageCmapIsTheDefaultColourMap() throws {
        let r = ScriptRunner()
        try r.run("""
            from fastai.vision.all import *
            matplotlib.rc('image', cmap='Greys')
            show_image(torch.zeros(28, 28))
            plt.figure(); plt.imshow([[0, 1], [2, 3]])
            plt.figure(); plt.imshow([[0, 1], [2, 3]], cmap='viridis')
            """)
        let figures = FigureDisplay.takeFiguresToShow(for: r.interp)
        XCTAssertEqual(figures.map { $0.axes.first?.image?.colorMap.name }, ["Greys", "Greys", "viridis"])
        XCTAssertEqual(r.error("matplotlib.rc('image', cmap='nope')"),
                       "ValueError: Key image.cmap: 'nope' is not a valid value for cmap")
        XCTAssertEqual(r.error("matplotlib.rc('lines', linewidth=2)"),
                       "NotImplementedError: matplotlib.rc('lines', linewidth=...) is not supported by Kindling")
        let fresh = ScriptRunner()
        try fresh.run("import matplotlib.pyplot as plt\nplt.imshow([[0, 1]])")
        XCTAssertEqual(FigureDisplay.takeFiguresToShow(for: fresh.interp).first?.axes.first?.image?.colorMap.name, "viridis")
    }

    func testScatterDrawsMarkersWithItsOwnColourCycle() throws {
        let r = ScriptRunner()
        try r.run("""
            from fastai.vision.all import *
            fig, ax = plt.subplots()
            ax.plot([1, 2], [3, 4])
            a = ax.scatter(torch.arange(0, 3).float(), tensor([1., 4., 9.]))
            ax.scatter([1], [2])
            plt.scatter(-1.5, 2.25, color='red')
            """)
        XCTAssertEqual(try r.repr("type(a).__module__, type(a).__name__"), "('matplotlib.collections', 'PathCollection')")
        XCTAssertEqual(r.error("plt.scatter([1, 2], [1])"), "ValueError: x and y must be the same size")
        XCTAssertEqual(r.error("plt.scatter([1], [1], s=10)"), "NotImplementedError: scatter(s=...) is not supported by Kindling")
        let axes = try XCTUnwrap(FigureDisplay.takeFiguresToShow(for: r.interp).first?.axes.first)
        XCTAssertEqual(axes.lines.count, 4)
        XCTAssertEqual(axes.lines.map(\.drawsLine), [true, false, false, false])
        XCTAssertEqual(axes.lines.map(\.color), ["C0", "C0", "C1", "red"].compactMap { ColorCycle.named($0) })
        XCTAssertEqual(axes.lines[1].y, [1, 4, 9])
        XCTAssertEqual(axes.lines[3].x, [-1.5])
    }

    func testNumpyArrayMatchesNumpy() throws {
        let r = ScriptRunner()
        XCTAssertEqual(try r.run(#"""
            from fastai.vision.all import *
            print(repr(array([[1,2,3],[4,5,6]])), repr(array([1.5, 2])), repr(array([True, False])), repr(array([])), repr(array((1, True))))
            arr = array([[1,2,3],[4,5,6]])
            print(arr.shape, arr.dtype, arr)
            for bad in ([1, [2, 3]], [[1, 2], 3], [[1, 2], [3]]):
                try: array(bad)
                except ValueError as e: print('ValueError:', e)
            print(matplotlib.__name__)

            """#), #"""
            array([[1, 2, 3],
                   [4, 5, 6]]) array([1.5, 2. ]) array([ True, False]) array([], dtype=float64) array([1, 1])
            (2, 3) int64 [[1 2 3]
             [4 5 6]]
            ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.
            ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.
            ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.
            matplotlib

            """#)
        XCTAssertEqual(try r.repr("to_np(tensor([1., 2.5]))"), "array([1. , 2.5], dtype=float32)")
        XCTAssertEqual(try r.repr("array(tensor([1, 2]))"), "array([1, 2])")
        try r.run("import pandas as pd")
        XCTAssertEqual(r.error("pd.DataFrame(tensor([[1, 2]]))"),
                       "NotImplementedError: pd.DataFrame(...) (frames come from pd.read_csv) is not supported by Kindling")
        XCTAssertEqual(r.error("pd.Series([1, 2])"),
                       "NotImplementedError: pd.Series(...) (series come from a frame's columns) is not supported by Kindling")
    }

    /// The chapter's "Putting it all together" and "Adding a nonlinearity" on
    /// synthetic 3s and 7s: hand-written loop, BasicOptim, Learner, recorder.
    func testChapterPipelineRuns() throws {
        let r = ScriptRunner()
        let out = try r.run("""
            from fastai.vision.all import *
            import string
            torch.manual_seed(0)
            threes = torch.rand(64, 28, 28) * 0.5; sevens = torch.rand(64, 28, 28) * 0.5 + 0.5
            train_x = torch.cat([threes, sevens]).view(-1, 28*28)
            train_y = tensor([1]*len(threes) + [0]*len(sevens)).unsqueeze(1)
            dset = list(zip(train_x, train_y))
            def init_params(size, std=1.0): return (torch.randn(size)*std).requires_grad_()
            def mnist_loss(predictions, targets):
                predictions = predictions.sigmoid()
                return torch.where(targets==1, 1-predictions, predictions).mean()
            def batch_accuracy(xb, yb):
                preds = xb.sigmoid()
                correct = (preds>0.5) == yb
                return correct.float().mean()
            ds = L(enumerate(string.ascii_lowercase))
            print(len(list(DataLoader(ds, batch_size=6, shuffle=True))))
            dl = DataLoader(dset, batch_size=32, shuffle=True)
            valid_dl = DataLoader(dset, batch_size=32)
            dls = DataLoaders(dl, valid_dl)
            simple_net = nn.Sequential(nn.Linear(28*28,30), nn.ReLU(), nn.Linear(30,1))
            learn = Learner(dls, simple_net, opt_func=SGD, loss_func=mnist_loss, metrics=batch_accuracy)
            with learn.no_logging(): learn.fit(3, 1.0)
            lines = plt.plot(L(learn.recorder.values).itemgot(2))
            print(len(L(learn.recorder.values).itemgot(2)), all(0 <= a <= 1 for a in L(learn.recorder.values).itemgot(2)))
            print(list(simple_net.state_dict().keys()))
            """)
        XCTAssertEqual(out, "5\n3 True\n['0.weight', '0.bias', '2.weight', '2.bias']\n")
    }
}
