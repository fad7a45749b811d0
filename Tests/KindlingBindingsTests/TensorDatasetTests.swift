import XCTest
import KindlingLanguage

/// `torch.utils.data.TensorDataset` and DataLoaders over it; expected text
/// recorded from PyTorch 2.x and fastai 2.8.12 running the same script.
final class TensorDatasetTests: XCTestCase {
    func testScriptMatchesPyTorch() throws {
        let r = ScriptRunner()
        let out = try r.run(#"""
            import torch
            from fastai.vision.all import DataLoader
            from torch.utils.data import TensorDataset as TD
            x=torch.arange(6.).reshape(3,2); y=torch.tensor([0,1,0])
            ds=TD(x,y); print(len(ds), ds[1], ds[-1], type(ds[0]).__name__, ds.tensors[1])
            print(type(ds).__name__, type(ds).__module__)
            print(ds[0:2])
            def err(f):
                try: print(f())
                except Exception as e: print(type(e).__name__+':', e)
            err(lambda: TD(x, torch.arange(2)))
            err(lambda: ds[5])
            err(lambda: TD([1,2]))
            err(lambda: TD(torch.tensor(1.)))
            err(lambda: len(TD()))
            dl=DataLoader(ds, batch_size=2); print(list(dl))
            import torch.utils.data as tud
            print(list(tud.DataLoader(ds, batch_size=2)))
            print(TD(x)[0], list(tud.DataLoader(TD(x), batch_size=3)))
            torch.manual_seed(0)
            big = TD(torch.randn(10, 3), torch.arange(10))
            b = list(DataLoader(big, batch_size=4, shuffle=True))
            print(len(b), [t[1].shape for t in b], sorted(torch.cat([t[1] for t in b]).tolist()))
            print(all(torch.equal(big[int(i)][0], xb[j]) for xb, yb in b for j, i in enumerate(yb)))
            print(ds[torch.tensor([0, 2])])

            """#)
        let expected = #"""
            3 (tensor([2., 3.]), tensor(1)) (tensor([4., 5.]), tensor(0)) tuple tensor([0, 1, 0])
            TensorDataset torch.utils.data.dataset
            (tensor([[0., 1.],
                    [2., 3.]]), tensor([0, 1]))
            AssertionError: Size mismatch between tensors
            IndexError: index 5 is out of bounds for dimension 0 with size 3
            AttributeError: 'list' object has no attribute 'size'
            IndexError: Dimension specified as 0 but tensor has no dimensions
            IndexError: tuple index out of range
            [(tensor([[0., 1.],
                    [2., 3.]]), tensor([0, 1])), (tensor([[4., 5.]]), tensor([0]))]
            [[tensor([[0., 1.],
                    [2., 3.]]), tensor([0, 1])], [tensor([[4., 5.]]), tensor([0])]]
            (tensor([0., 1.]),) [[tensor([[0., 1.],
                    [2., 3.],
                    [4., 5.]])]]
            3 [torch.Size([4]), torch.Size([4]), torch.Size([2])] [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
            True
            (tensor([[0., 1.],
                    [4., 5.]]), tensor([0, 0]))

            """#
        let got = out.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, (g, w)) in zip(got, want).enumerated() { XCTAssertEqual(g, w, "line \(i + 1)") }
        XCTAssertEqual(got.count, want.count)
    }

    func testFastaiDoesNotExportIt() throws {
        let r = ScriptRunner()
        try r.run("from fastai.vision.all import *")
        XCTAssertEqual(r.error("TensorDataset"), "NameError: name 'TensorDataset' is not defined")
    }
}
