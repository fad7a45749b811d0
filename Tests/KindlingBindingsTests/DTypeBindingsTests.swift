import XCTest
import KindlingLanguage

/// float64 / int32 through the torch bindings; the expected text is what
/// PyTorch 2.15 printed for the same script.
final class DTypeBindingsTests: XCTestCase {
    func testScriptMatchesPyTorch() throws {
        let r = ScriptRunner()
        let out = try r.run(#"""
            import torch
            import torch.nn.functional as F
            print(torch.float64, torch.double, torch.int32, torch.int, torch.float64 is torch.double, torch.get_default_dtype())
            x = torch.tensor([1.5], dtype=torch.float64)
            print(x, x.dtype, x.element_size(), x.item(), x.type())
            print(torch.tensor([0.1, 0.2], dtype=torch.float64).tolist(), torch.tensor([0.1]).tolist())
            a = torch.tensor([1, 2, 3], dtype=torch.int32)
            print(a, a + 1, a + 1.5, a * 2.0, a / 2, a // 2, a.sum(), a.sum().dtype, a.argmax())
            print(torch.tensor([1, 2]).double(), torch.tensor([1.7, -2.7]).int(), torch.tensor([1.5]).double().float(), torch.tensor([2.9], dtype=torch.float64).long())
            print(torch.tensor([1, 2]).to(torch.float64), torch.tensor([1, 2]).type(torch.float64), torch.tensor([1, 2]).to(torch.zeros(1, dtype=torch.float64)))
            print(torch.zeros(2, dtype=torch.float64), torch.ones(2, dtype=torch.int32), torch.zeros(2, dtype=float), torch.full((2,), 1.5, dtype=torch.float64))
            print(torch.arange(3, dtype=torch.float64), torch.arange(0, 1, 0.5, dtype=torch.float64), torch.linspace(0, 1, 3, dtype=torch.float64))
            torch.manual_seed(0)
            print(torch.rand(2, dtype=torch.float64), torch.randn(2, dtype=torch.float64))
            w = torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float64, requires_grad=True)
            v = torch.tensor([0.5, -1.], dtype=torch.float64)
            loss = F.mse_loss(w @ v, torch.tensor([1., 2.], dtype=torch.float64))
            loss.backward()
            print(loss, w.grad)
            logits = torch.tensor([[1., 2., 0.5], [0.1, 0.2, 3.0]], dtype=torch.float64, requires_grad=True)
            ce = F.cross_entropy(logits, torch.tensor([1, 2]))
            ce.backward()
            print(ce, logits.grad)
            print(F.softmax(torch.tensor([1., 2.], dtype=torch.float64), dim=0), torch.log_softmax(torch.tensor([1., 2.], dtype=torch.float64), dim=0))
            b = torch.zeros(3, dtype=torch.float64)
            b[1] = 2.5
            b[torch.tensor([0, 2])] = torch.tensor([1.25, 3.5], dtype=torch.float64)
            print(b, b[1:], b[b > 2])
            print(torch.cat([a, torch.tensor([4])]), torch.stack([torch.tensor([1.]), torch.tensor([2.], dtype=torch.float64)]))
            print(torch.where(a > 1, a, torch.tensor(0.5, dtype=torch.float64)))
            try:
                torch.tensor([1, 2], requires_grad=True)
            except Exception as e:
                print(type(e).__name__, e)
            try:
                torch.tensor([1, 2], dtype=torch.int32).requires_grad_()
            except Exception as e:
                print(type(e).__name__, e)
            print(torch.tensor([1.5, 2.5], dtype=torch.float64).mean().item(), torch.tensor(1/3, dtype=torch.float64).item())
            print(repr(torch.tensor([1/3], dtype=torch.float64).sum().item()))
            print(float(torch.tensor(0.1, dtype=torch.float64)), int(torch.tensor(7, dtype=torch.int32)))
            print(torch.tensor([True, False]).int(), torch.tensor([3], dtype=torch.int32).float())
            """#)
        let expected = #"""
            torch.float64 torch.float64 torch.int32 torch.int32 True torch.float32
            tensor([1.5000], dtype=torch.float64) torch.float64 8 1.5 torch.DoubleTensor
            [0.1, 0.2] [0.10000000149011612]
            tensor([1, 2, 3], dtype=torch.int32) tensor([2, 3, 4], dtype=torch.int32) tensor([2.5000, 3.5000, 4.5000]) tensor([2., 4., 6.]) tensor([0.5000, 1.0000, 1.5000]) tensor([0, 1, 1], dtype=torch.int32) tensor(6) torch.int64 tensor(2)
            tensor([1., 2.], dtype=torch.float64) tensor([ 1, -2], dtype=torch.int32) tensor([1.5000]) tensor([2])
            tensor([1., 2.], dtype=torch.float64) tensor([1., 2.], dtype=torch.float64) tensor([1., 2.], dtype=torch.float64)
            tensor([0., 0.], dtype=torch.float64) tensor([1, 1], dtype=torch.int32) tensor([0., 0.], dtype=torch.float64) tensor([1.5000, 1.5000], dtype=torch.float64)
            tensor([0., 1., 2.], dtype=torch.float64) tensor([0.0000, 0.5000], dtype=torch.float64) tensor([0.0000, 0.5000, 1.0000], dtype=torch.float64)
            tensor([0.9701, 0.7078], dtype=torch.float64) tensor([-2.1788,  0.5684], dtype=torch.float64)
            tensor(13.2500, dtype=torch.float64, grad_fn=<MseLossBackward0>) tensor([[-1.2500,  2.5000],
                    [-2.2500,  4.5000]], dtype=torch.float64)
            tensor(0.2870, dtype=torch.float64, grad_fn=<NllLossBackward0>) tensor([[ 0.1156, -0.1857,  0.0701],
                    [ 0.0247,  0.0272, -0.0519]], dtype=torch.float64)
            tensor([0.2689, 0.7311], dtype=torch.float64) tensor([-1.3133, -0.3133], dtype=torch.float64)
            tensor([1.2500, 2.5000, 3.5000], dtype=torch.float64) tensor([2.5000, 3.5000], dtype=torch.float64) tensor([2.5000, 3.5000], dtype=torch.float64)
            tensor([1, 2, 3, 4]) tensor([[1.],
                    [2.]], dtype=torch.float64)
            tensor([0.5000, 2.0000, 3.0000], dtype=torch.float64)
            RuntimeError Only Tensors of floating point and complex dtype can require gradients
            RuntimeError only Tensors of floating point dtype can require gradients
            2.0 0.3333333333333333
            0.3333333333333333
            0.1 7
            tensor([1, 0], dtype=torch.int32) tensor([3.])
            """#
        let got = out.split(separator: "\n", omittingEmptySubsequences: false)
        let want = (expected + "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (i, (g, w)) in zip(got, want).enumerated() where g != w { XCTFail("line \(i + 1):\n got \(g)\nwant \(w)") }
        XCTAssertEqual(got.count, want.count)
    }

    func testDefaultDTypeAndErrors() throws {
        let r = ScriptRunner()
        defer { _ = try? r.run("torch.set_default_dtype(torch.float32)") }
        try r.run("import torch\ntorch.set_default_dtype(torch.float64)")
        XCTAssertEqual(try r.repr("torch.tensor([1.5])"), "tensor([1.5000])")
        XCTAssertEqual(try r.repr("torch.tensor([1.5]).dtype"), "torch.float64")
        XCTAssertEqual(try r.repr("torch.zeros(1, dtype=torch.float32)"), "tensor([0.], dtype=torch.float32)")
        XCTAssertEqual(try r.repr("2 * torch.tensor([1]) * 0.5"), "tensor([1.])")
        XCTAssertEqual(try r.repr("torch.get_default_dtype()"), "torch.float64")
        try r.run("torch.set_default_dtype(torch.float32)")
        XCTAssertEqual(r.error("torch.set_default_dtype(torch.int32)"),
                       "TypeError: only floating-point types are supported as the default type")
        XCTAssertEqual(r.error("torch.rand(2, dtype=torch.int64)"),
                       "NotImplementedError: \"check_uniform_bounds\" not implemented for 'Long'")
        XCTAssertEqual(r.error("torch.tensor([1]) @ torch.tensor([1.])"),
                       "RuntimeError: dot : expected both vectors to have same dtype, but found Long and Float")
    }
}
