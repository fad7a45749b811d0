import XCTest
import KindlingLanguage

/// `weight=` / `label_smoothing=` / `ignore_index=` through F and nn, and in
/// a Learner; expected text recorded from PyTorch 2.x.
final class LossOptionsTests: XCTestCase {
    func testScriptMatchesPyTorch() throws {
        let r = ScriptRunner()
        let out = try r.run(#"""
            import torch, torch.nn as nn, torch.nn.functional as F
            x = torch.tensor([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7], [-0.2, 0.9, 0.4], [0.0, 0.0, 0.0]])
            y = torch.tensor([2, 0, 1, 2])
            w = torch.tensor([1.0, 2.0, 0.5])
            def err(f):
                try: print(f())
                except Exception as e: print(type(e).__name__ + ':', e)
            print(F.cross_entropy(x, y, weight=w), F.cross_entropy(x, y, label_smoothing=0.1), F.nll_loss(F.log_softmax(x, 1), y, weight=w, reduction='sum'))
            l = nn.CrossEntropyLoss(weight=w, label_smoothing=0.2, ignore_index=1)
            print(l, l.weight, l.label_smoothing, l.ignore_index, l.reduction)
            print(l(x, y))
            l.label_smoothing = 0.0
            print(l(x, y))
            print(nn.NLLLoss(weight=w, reduction='none')(x, y), nn.CrossEntropyLoss().weight, nn.CrossEntropyLoss().label_smoothing)
            err(lambda: F.cross_entropy(x, y, weight=torch.ones(2)))
            err(lambda: F.cross_entropy(x, y, weight=[1., 2., 3.]))
            err(lambda: F.nll_loss(x, y, weight=[1., 2., 3.]))
            err(lambda: nn.CrossEntropyLoss(weight=[1., 2., 3.]))
            err(lambda: F.cross_entropy(x, y, label_smoothing=2.0))
            err(lambda: F.nll_loss(x, y, label_smoothing=0.1))
            err(lambda: F.mse_loss(x, x, label_smoothing=0.1))
            err(lambda: nn.NLLLoss(label_smoothing=0.1))
            xg = x.clone().requires_grad_()
            loss = F.cross_entropy(xg, y, weight=w, label_smoothing=0.1, ignore_index=0)
            loss.backward()
            print(loss, xg.grad)

            """#)
        let expected = #"""
            tensor(0.5840) tensor(0.6659) tensor(2.3362)
            CrossEntropyLoss() tensor([1.0000, 2.0000, 0.5000]) 0.2 1 mean
            tensor(0.9803)
            tensor(0.5057)
            tensor([-1.0000, -1.5000, -1.8000, -0.0000]) None 0.0
            RuntimeError: weight tensor should be defined either for all 3 classes or no classes but got weight tensor of shape: [2]
            TypeError: cross_entropy_loss(): argument 'weight' (position 3) must be Tensor, not list
            TypeError: nll_loss_nd(): argument 'weight' (position 3) must be Tensor, not list
            TypeError: cannot assign 'list' object to buffer 'weight' (torch Tensor or None required)
            RuntimeError: label_smoothing must be between 0.0 and 1.0. Got: 2
            TypeError: nll_loss() got an unexpected keyword argument 'label_smoothing'
            TypeError: mse_loss() got an unexpected keyword argument 'label_smoothing'
            TypeError: NLLLoss.__init__() got an unexpected keyword argument 'label_smoothing'
            tensor(0.7777, grad_fn=<AddBackward0>) tensor([[ 0.0222, -0.0161, -0.0061],
                    [ 0.0000,  0.0000,  0.0000],
                    [ 0.0985, -0.2928,  0.1943],
                    [ 0.0519,  0.0407, -0.0926]])

            """#
        let got = out.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, (g, w)) in zip(got, want).enumerated() { XCTAssertEqual(g, w, "line \(i + 1)") }
        XCTAssertEqual(got.count, want.count)
    }

    func testLearnerUsesTheLossOptions() throws {
        let r = ScriptRunner()
        try r.run("""
            from fastai.vision.all import *
            torch.manual_seed(0)
            x = torch.randn(16, 3); y = (x[:, 0] > 0).long()
            dls = DataLoaders(DataLoader(list(zip(x, y)), bs=8), DataLoader(list(zip(x, y)), bs=16))
            loss = nn.CrossEntropyLoss(weight=tensor([1., 3.]), label_smoothing=0.2)
            learn = Learner(dls, nn.Linear(3, 2), opt_func=SGD, loss_func=loss)
            """)
        XCTAssertEqual(try r.repr("abs(learn.validate()[0] - loss(learn.model(x), y).item()) < 1e-6"), "True")
        XCTAssertEqual(try r.repr("abs(learn.validate()[0] - nn.CrossEntropyLoss()(learn.model(x), y).item()) > 1e-3"), "True")
        // nn.L1Loss's message recorded from PyTorch 2.x.
        XCTAssertEqual(r.error("F.mse_loss(torch.ones(2), torch.ones(2), weight=torch.ones(2))"),
                       "NotImplementedError: F.mse_loss(weight=...) is not supported by Kindling")
        XCTAssertEqual(r.error("nn.L1Loss(weight=torch.ones(2))"),
                       "TypeError: _Loss.__init__() got an unexpected keyword argument 'weight'")
    }
}
