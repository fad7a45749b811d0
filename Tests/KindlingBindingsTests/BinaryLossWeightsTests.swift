import XCTest
import KindlingLanguage

/// `weight=` / `pos_weight=` of `F.binary_cross_entropy_with_logits`,
/// `nn.BCEWithLogitsLoss`, `F.binary_cross_entropy` and `nn.BCELoss`: values,
/// gradients, module attributes and errors recorded from PyTorch 2.x running
/// the same script.
final class BinaryLossWeightsTests: XCTestCase {
    func testScriptMatchesPyTorch() throws {
        let r = ScriptRunner()
        let out = try r.run(#"""
            import torch, torch.nn as nn, torch.nn.functional as F
            x = torch.tensor([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7], [-0.2, 0.9, 0.4], [0.0, -3.0, 5.0]])
            y = torch.tensor([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0], [1.0, 1.0, 0.0], [0.5, 0.0, 1.0]])
            w = torch.tensor([1.0, 2.0, 0.5])
            pw = torch.tensor([3.0, 0.5, 1.0])
            def err(f):
                try: print(f())
                except Exception as e: print(type(e).__name__ + ':', e)
            print(F.binary_cross_entropy_with_logits(x, y, weight=w), F.binary_cross_entropy_with_logits(x, y, pos_weight=pw))
            print(F.binary_cross_entropy_with_logits(x, y, weight=w, pos_weight=pw, reduction='sum'))
            print(F.binary_cross_entropy_with_logits(x, y, weight=w[:, None][:1], pos_weight=pw, reduction='none'))
            l = nn.BCEWithLogitsLoss(weight=w, pos_weight=pw)
            print(l, l.weight, l.pos_weight, l.reduction)
            print(l(x, y))
            print(nn.BCEWithLogitsLoss().weight, nn.BCEWithLogitsLoss().pos_weight)
            p = torch.sigmoid(x)
            print(F.binary_cross_entropy(p, y, weight=w), F.binary_cross_entropy(p, y, weight=w, reduction='none'))
            b = nn.BCELoss(weight=w); print(b, b.weight, b(p, y))
            err(lambda: F.binary_cross_entropy_with_logits(x, y, weight=torch.ones(2)))
            err(lambda: F.binary_cross_entropy_with_logits(x, y, pos_weight=torch.ones(2)))
            err(lambda: F.binary_cross_entropy_with_logits(x, y, weight=torch.ones(2, 4, 3)))
            err(lambda: F.binary_cross_entropy_with_logits(x, y, weight=[1., 2., 3.]))
            err(lambda: F.binary_cross_entropy_with_logits(x, y, pos_weight=[1., 2., 3.]))
            err(lambda: F.binary_cross_entropy(p, y, weight=torch.ones(2)))
            err(lambda: F.binary_cross_entropy(p, y, weight=[1., 2., 3.]))
            err(lambda: F.binary_cross_entropy(p, y, pos_weight=w))
            err(lambda: nn.BCELoss(pos_weight=w))
            err(lambda: nn.BCEWithLogitsLoss(weight=[1., 2.]))
            err(lambda: F.mse_loss(x, y, pos_weight=w))
            xg = x.clone().requires_grad_(); yg = y.clone().requires_grad_()
            loss = F.binary_cross_entropy_with_logits(xg, yg, weight=w, pos_weight=pw)
            loss.backward()
            print(loss, xg.grad, yg.grad, sep='\n')
            xg = x.clone().requires_grad_()
            loss = nn.BCEWithLogitsLoss(pos_weight=pw, reduction='sum')(xg, y)
            loss.backward(); print(loss, xg.grad, sep='\n')
            pg = p.clone().requires_grad_()
            loss = F.binary_cross_entropy(pg, y, weight=w)
            loss.backward(); print(loss, pg.grad, sep='\n')
            wg = w.clone().requires_grad_()
            err(lambda: F.binary_cross_entropy_with_logits(x, y, weight=wg))
            err(lambda: F.binary_cross_entropy(p, y, weight=wg))

            """#)
        let expected = #"""
            tensor(0.6464) tensor(0.8659)
            tensor(10.6529)
            tensor([[1.4222, 0.2633, 0.1269],
                    [1.7014, 0.8544, 1.1032],
                    [2.3944, 0.1706, 0.9130],
                    [1.3863, 0.0486, 0.0067]])
            BCEWithLogitsLoss() tensor([1.0000, 2.0000, 0.5000]) tensor([3.0000, 0.5000, 1.0000]) mean
            tensor(0.8877)
            None None
            tensor(0.6464) tensor([[0.4741, 0.5266, 0.0635],
                    [1.7014, 1.7087, 0.5516],
                    [0.7981, 0.6823, 0.4565],
                    [0.6931, 0.0972, 0.0034]])
            BCELoss() tensor([1.0000, 2.0000, 0.5000]) tensor(0.6464)
            RuntimeError: The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1
            RuntimeError: The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1
            RuntimeError: output with shape [4, 3] doesn't match the broadcast shape [2, 4, 3]
            TypeError: binary_cross_entropy_with_logits(): argument 'weight' (position 3) must be Tensor, not list
            TypeError: binary_cross_entropy_with_logits(): argument 'pos_weight' (position 4) must be Tensor, not list
            RuntimeError: Attempting to broadcast a dimension of length 2 at -1! Mismatching argument at index 1 had torch.Size([2]); but expected shape should be broadcastable to [4, 3]
            AttributeError: 'list' object has no attribute 'size'
            TypeError: binary_cross_entropy() got an unexpected keyword argument 'pos_weight'
            TypeError: _WeightedLoss.__init__() got an unexpected keyword argument 'pos_weight'
            TypeError: cannot assign 'list' object to buffer 'weight' (torch Tensor or None required)
            TypeError: mse_loss() got an unexpected keyword argument 'pos_weight'
            tensor(0.8877, grad_fn=<BinaryCrossEntropyWithLogitsBackward0>)
            tensor([[-0.0944,  0.0386, -0.0050],
                    [ 0.0681,  0.0957, -0.0278],
                    [-0.1375, -0.0241,  0.0249],
                    [-0.0417,  0.0079, -0.0003]])
            tensor([[ 0.0373,  0.0781, -0.0833],
                    [-0.0914, -0.0962,  0.0292],
                    [ 0.1497, -0.1784, -0.0167],
                    [ 0.1155,  0.2460, -0.2083]])
            tensor(10.3910, grad_fn=<BinaryCrossEntropyWithLogitsBackward0>)
            tensor([[-1.1326,  0.2315, -0.1192],
                    [ 0.8176,  0.5744, -0.6682],
                    [-1.6495, -0.1445,  0.5987],
                    [-0.5000,  0.0474, -0.0067]])
            tensor(0.6464, grad_fn=<BinaryCrossEntropyBackward0>)
            tensor([[-0.1339,  0.2169, -0.0473],
                    [ 0.4568,  0.3916, -0.1256],
                    [-0.1851, -0.2344,  0.1038],
                    [ 0.0000,  0.1750, -0.0419]])
            RuntimeError: The function 'binary_cross_entropy_with_logits' is not differentiable with respect to argument 'weight'. This input cannot have requires_grad True.
            RuntimeError: The function 'binary_cross_entropy' is not differentiable with respect to argument 'weight'. This input cannot have requires_grad True.

            """#
        let got = out.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, (g, w)) in zip(got, want).enumerated() { XCTAssertEqual(g, w, "line \(i + 1)") }
        XCTAssertEqual(got.count, want.count)
    }
}
