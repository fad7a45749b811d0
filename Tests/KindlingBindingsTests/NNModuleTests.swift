import XCTest
import KindlingLanguage

/// torch.nn through scripts; expected text recorded from PyTorch 2.15.
final class NNModuleTests: XCTestCase {
    func run(_ r: ScriptRunner, _ src: String) throws -> String { try r.run(src) }

    func prelude() throws -> ScriptRunner {
        let r = ScriptRunner()
        try r.run("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n")
        return r
    }

    func testLinearInitMatchesPyTorchForSeed0() throws {
        let r = try prelude()
        try r.run("torch.manual_seed(0)\nlin = nn.Linear(4, 2)")
        XCTAssertEqual(try r.repr("lin.weight"), """
            Parameter containing:
            tensor([[-0.0037,  0.2682, -0.4115, -0.3680],
                    [-0.1926,  0.1341, -0.0099,  0.3964]], requires_grad=True)
            """)
        XCTAssertEqual(try r.repr("lin.bias"), "Parameter containing:\ntensor([-0.0444,  0.1323], requires_grad=True)")
    }

    func testLinearInitBounds() throws {
        let r = try prelude()
        try r.run("torch.manual_seed(1)\nbig = nn.Linear(784, 30)")
        // Uniform within 1/sqrt(784) = 0.0357; std of U(-b, b) = b/sqrt(3) = 0.0206.
        XCTAssertEqual(try r.repr("bool(big.weight.abs().max() <= 1/28)"), "True")
        XCTAssertEqual(try r.repr("round(big.weight.std().item(), 3)"), "0.021")
        XCTAssertEqual(try r.repr("big.weight.shape, big.bias.shape"), "(torch.Size([30, 784]), torch.Size([30]))")
    }

    func testSubclassRegistersParametersAndModulesInOrder() throws {
        let r = try prelude()
        try r.run("""
            class Net(nn.Module):
                def __init__(self):
                    super().__init__(); self.l1 = nn.Linear(2,3); self.act = nn.ReLU(); self.w = nn.Parameter(torch.ones(2))
                    self.note = 'plain'
                def forward(self, x): return self.act(self.l1(x))
            n = Net()
            """)
        XCTAssertEqual(try r.repr("n"), "Net(\n  (l1): Linear(in_features=2, out_features=3, bias=True)\n  (act): ReLU()\n)")
        XCTAssertEqual(try r.repr("[k for k, _ in n.named_parameters()]"), "['w', 'l1.weight', 'l1.bias']")
        XCTAssertEqual(try r.repr("len(list(n.parameters())), len(list(n.children())), len(list(n.modules()))"), "(3, 2, 3)")
        XCTAssertEqual(try r.repr("n(torch.ones(4, 2)).shape"), "torch.Size([4, 3])")
        XCTAssertEqual(try r.repr("n.note, n.training, n.eval().training, n.l1.training"), "('plain', True, False, False)")
        XCTAssertEqual(r.error("n.missing"), "AttributeError: 'Net' object has no attribute 'missing'")
        XCTAssertEqual(r.error("n.w = torch.zeros(2)"),
                       "TypeError: cannot assign 'torch.FloatTensor' as parameter 'w' (torch.nn.Parameter or None expected)")
    }

    func testModuleWithoutForward() throws {
        let r = try prelude()
        try r.run("class M(nn.Module):\n    pass\nm = M()")
        XCTAssertEqual(r.error("m(torch.ones(1))"), "NotImplementedError: Module [M] is missing the required \"forward\" function")
    }

    func testSequentialReprIndexingAndSlicing() throws {
        let r = try prelude()
        try r.run("s = nn.Sequential(nn.Linear(784, 30), nn.ReLU(), nn.Linear(30, 1))")
        XCTAssertEqual(try r.repr("s"), """
            Sequential(
              (0): Linear(in_features=784, out_features=30, bias=True)
              (1): ReLU()
              (2): Linear(in_features=30, out_features=1, bias=True)
            )
            """)
        XCTAssertEqual(try r.repr("s[1:]"), """
            Sequential(
              (1): ReLU()
              (2): Linear(in_features=30, out_features=1, bias=True)
            )
            """)
        XCTAssertEqual(try r.repr("len(s), s[-1].out_features, s(torch.zeros(5, 784)).shape"), "(3, 1, torch.Size([5, 1]))")
        XCTAssertEqual(try r.repr("[type(m).__name__ for m in s]"), "['Linear', 'ReLU', 'Linear']")
        XCTAssertEqual(try r.repr("nn.Sequential(nn.Linear(2, 3), nn.Sequential(nn.ReLU(), nn.Linear(3, 1)))"), """
            Sequential(
              (0): Linear(in_features=2, out_features=3, bias=True)
              (1): Sequential(
                (0): ReLU()
                (1): Linear(in_features=3, out_features=1, bias=True)
              )
            )
            """)
    }

    func testReprsOfLayersAndLosses() throws {
        let r = try prelude()
        XCTAssertEqual(try r.repr("nn.Flatten(), nn.Sigmoid(), nn.Tanh(), nn.MSELoss(), nn.L1Loss()"),
                       "(Flatten(start_dim=1, end_dim=-1), Sigmoid(), Tanh(), MSELoss(), L1Loss())")
        XCTAssertEqual(try r.repr("nn.BCEWithLogitsLoss(), nn.NLLLoss(), nn.BCELoss(), nn.Linear(3, 1, bias=False)"),
                       "(BCEWithLogitsLoss(), NLLLoss(), BCELoss(), Linear(in_features=3, out_features=1, bias=False))")
    }

    func testGradFnNamesAsPyTorch() throws {
        let r = try prelude()
        try r.run("x = torch.randn(3, 4, requires_grad=True); t = torch.tensor([0, 1, 3]); y = torch.randn(3, 4)")
        XCTAssertEqual(try r.repr("F.cross_entropy(x, t).grad_fn.name(), F.nll_loss(F.log_softmax(x, 1), t).grad_fn.name()"),
                       "('NllLossBackward0', 'NllLossBackward0')")
        XCTAssertEqual(try r.repr("F.mse_loss(x, y).grad_fn.name(), F.l1_loss(x, y).grad_fn.name()"),
                       "('MseLossBackward0', 'MeanBackward0')")
        XCTAssertEqual(try r.repr("F.binary_cross_entropy_with_logits(x, torch.rand(3, 4)).grad_fn.name()"),
                       "'BinaryCrossEntropyWithLogitsBackward0'")
    }

    func testCrossEntropyValuesAndGradient() throws {
        // torch: F.cross_entropy(tensor([[1.,2.,3.],[1.,0.,-1.]], requires_grad=True), tensor([2,0]))
        let r = try prelude()
        try r.run("x = torch.tensor([[1., 2., 3.], [1., 0., -1.]], requires_grad=True)\nl = F.cross_entropy(x, torch.tensor([2, 0]))\nl.backward()")
        XCTAssertEqual(try r.repr("l"), "tensor(0.4076, grad_fn=<NllLossBackward0>)")
        XCTAssertEqual(try r.repr("x.grad"), "tensor([[ 0.0450,  0.1224, -0.1674],\n        [-0.1674,  0.1224,  0.0450]])")
        XCTAssertEqual(try r.repr("F.cross_entropy(x, torch.tensor([2, 0]), reduction='none')"),
                       "tensor([0.4076, 0.4076], grad_fn=<NllLossBackward0>)")
        XCTAssertEqual(try r.repr("F.cross_entropy(torch.tensor([[1e4, 0.]]), torch.tensor([1]))"), "tensor(10000.)")
        XCTAssertEqual(r.error("F.cross_entropy(x, torch.tensor([3, 0]))"), "IndexError: Target 3 is out of bounds.")
        XCTAssertEqual(r.error("F.cross_entropy(x, torch.tensor([1, 0]), reduction='avg')"),
                       "ValueError: avg is not a valid value for reduction")
    }

    func testParameterConstructor() throws {
        let r = try prelude()
        XCTAssertEqual(try r.repr("nn.Parameter(torch.ones(2))"), "Parameter containing:\ntensor([1., 1.], requires_grad=True)")
        XCTAssertEqual(try r.repr("nn.Parameter(torch.ones(2), requires_grad=False).requires_grad"), "False")
    }

    func testZeroGradAndRequiresGrad() throws {
        let r = try prelude()
        try r.run("lin = nn.Linear(3, 1)\nlin(torch.ones(2, 3)).sum().backward()")
        XCTAssertEqual(try r.repr("lin.bias.grad"), "tensor([2.])")
        try r.run("lin.zero_grad()")
        XCTAssertEqual(try r.repr("lin.bias.grad"), "None")
        try r.run("lin.requires_grad_(False)")
        XCTAssertEqual(try r.repr("lin.weight.requires_grad"), "False")
    }
}
