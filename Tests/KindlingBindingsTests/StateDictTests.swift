import XCTest
import KindlingLanguage

/// `state_dict()` / `load_state_dict()`; expected text recorded from PyTorch 2.x.
final class StateDictTests: XCTestCase {
    func testScriptMatchesPyTorch() throws {
        let r = ScriptRunner()
        let out = try r.run(#"""
            import torch
            import torch.nn as nn
            torch.manual_seed(0)
            m = nn.Linear(2, 1)
            sd = m.state_dict()
            print(sd)
            print(type(sd).__name__, list(sd.keys()), len(sd), 'weight' in sd, sd['bias'].requires_grad, m.state_dict(keep_vars=True)['bias'].requires_grad)
            net = nn.Sequential(nn.Linear(3, 2), nn.ReLU(), nn.Linear(2, 1))
            print(net.state_dict())
            print(list(net.state_dict().keys()))
            class Net(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.w = nn.Parameter(torch.ones(2))
                    self.body = nn.Sequential(nn.Linear(2, 2))
                def forward(self, x): return x
            n = Net()
            print(list(n.state_dict().keys()))
            print(list(n.state_dict(prefix='model.').keys()))
            m2 = nn.Linear(2, 1)
            r = m2.load_state_dict(sd)
            print(r)
            print(torch.equal(m2.weight, m.weight), m2.weight.requires_grad, m2.weight is not m.weight)
            sd['weight'] += 1
            print(m.weight)
            print(m2.load_state_dict({'weight': torch.zeros(1, 2), 'bias': torch.zeros(1), 'extra': torch.zeros(1)}, strict=False))
            print(m2.weight, m2.bias)
            print(m2.load_state_dict({'weight': torch.ones(1, 2)}, strict=False))
            def err(f):
                try: f()
                except Exception as e: print(type(e).__name__ + ':', e)
            err(lambda: m2.load_state_dict({'weight': torch.ones(1, 2)}))
            err(lambda: m2.load_state_dict({'weight': torch.ones(1, 2), 'bias': torch.ones(1), 'foo': torch.ones(1), 'bar': 1}))
            err(lambda: m2.load_state_dict({'weight': torch.ones(1, 3), 'bias': torch.ones(1)}))
            err(lambda: m2.load_state_dict({'weight': torch.ones(1, 3), 'bias': torch.ones(1)}, strict=False))
            err(lambda: m2.load_state_dict({'weight': 1, 'bias': torch.ones(1)}))
            err(lambda: m2.load_state_dict({'weight': torch.ones(1, 3)}))
            err(lambda: m2.load_state_dict([1, 2]))
            err(lambda: net.load_state_dict({'0.weight': torch.ones(2, 3)}))
            m2.load_state_dict({'weight': torch.tensor([[1, 2]]), 'bias': torch.tensor([3])})
            print(m2.weight, m2.bias)
            print(nn.ReLU().state_dict())

            """#)
        let expected = #"""
            OrderedDict([('weight', tensor([[-0.0053,  0.3793]])), ('bias', tensor([-0.5820]))])
            OrderedDict ['weight', 'bias'] 2 True False True
            OrderedDict([('0.weight', tensor([[-0.4249, -0.2224,  0.1548],
                    [-0.0114,  0.4578, -0.0512]])), ('0.bias', tensor([ 0.1528, -0.1745])), ('2.weight', tensor([[-0.1390, -0.6755]])), ('2.bias', tensor([-0.4683]))])
            ['0.weight', '0.bias', '2.weight', '2.bias']
            ['w', 'body.0.weight', 'body.0.bias']
            ['model.w', 'model.body.0.weight', 'model.body.0.bias']
            <All keys matched successfully>
            True True True
            Parameter containing:
            tensor([[0.9947, 1.3793]], requires_grad=True)
            _IncompatibleKeys(missing_keys=[], unexpected_keys=['extra'])
            Parameter containing:
            tensor([[0., 0.]], requires_grad=True) Parameter containing:
            tensor([0.], requires_grad=True)
            _IncompatibleKeys(missing_keys=['bias'], unexpected_keys=[])
            RuntimeError: Error(s) in loading state_dict for Linear:
            	Missing key(s) in state_dict: "bias". 
            RuntimeError: Error(s) in loading state_dict for Linear:
            	Unexpected key(s) in state_dict: "foo", "bar". 
            RuntimeError: Error(s) in loading state_dict for Linear:
            	size mismatch for weight: copying a param with shape torch.Size([1, 3]) from checkpoint, the shape in current model is torch.Size([1, 2]).
            RuntimeError: Error(s) in loading state_dict for Linear:
            	size mismatch for weight: copying a param with shape torch.Size([1, 3]) from checkpoint, the shape in current model is torch.Size([1, 2]).
            RuntimeError: Error(s) in loading state_dict for Linear:
            	While copying the parameter named "weight", expected torch.Tensor or Tensor-like object from checkpoint but received <class 'int'>
            RuntimeError: Error(s) in loading state_dict for Linear:
            	Missing key(s) in state_dict: "bias". 
            	size mismatch for weight: copying a param with shape torch.Size([1, 3]) from checkpoint, the shape in current model is torch.Size([1, 2]).
            TypeError: Expected state_dict to be dict-like, got <class 'list'>.
            RuntimeError: Error(s) in loading state_dict for Sequential:
            	Missing key(s) in state_dict: "0.bias", "2.weight", "2.bias". 
            Parameter containing:
            tensor([[1., 2.]], requires_grad=True) Parameter containing:
            tensor([3.], requires_grad=True)
            OrderedDict()

            """#
        let got = out.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, (g, w)) in zip(got, want).enumerated() { XCTAssertEqual(g, w, "line \(i + 1)") }
        XCTAssertEqual(got.count, want.count)
    }

    func testStateDictIsADictAndSavingAModuleIsRefused() throws {
        let r = ScriptRunner()
        try r.run("import torch\nimport torch.nn as nn\nm = nn.Linear(2, 1)\nsd = m.state_dict()")
        XCTAssertEqual(try r.repr("isinstance(sd, dict), type(sd).__name__, sorted(dict(sd))"), "(True, 'OrderedDict', ['bias', 'weight'])")
        XCTAssertEqual(try r.repr("[k for k, v in sd.items()], len(list(sd.values()))"), "(['weight', 'bias'], 2)")
        XCTAssertEqual(try r.repr("m.load_state_dict(dict(sd), strict=False).missing_keys"), "[]")
        XCTAssertEqual(r.error("torch.save(m, 'model.pt')")?.hasPrefix("NotImplementedError: torch.save of a 'Linear' object"), true)
        XCTAssertEqual(r.error("m.load_state_dict(sd, assign=True)"),
                       "NotImplementedError: load_state_dict(assign=True) is not supported by Kindling")
    }

    /// The views of an `OrderedDict` print as PyTorch's do (recorded from PyTorch 2.x).
    func testKeysValuesItemsPrintAsOrderedDictViews() throws {
        let r = ScriptRunner()
        let out = try r.run(#"""
            import torch, torch.nn as nn
            torch.manual_seed(0)
            m = nn.Linear(2, 1); sd = m.state_dict()
            print(sd.keys()); print(sd.values()); print(sd.items())
            print(type(sd.keys()).__name__, len(sd.keys()), 'weight' in sd.keys(), list(sd.items())[1][0])
            print(nn.ReLU().state_dict().keys())

            """#)
        XCTAssertEqual(out, #"""
            odict_keys(['weight', 'bias'])
            odict_values([tensor([[-0.0053,  0.3793]]), tensor([-0.5820])])
            odict_items([('weight', tensor([[-0.0053,  0.3793]])), ('bias', tensor([-0.5820]))])
            odict_keys 2 True bias
            odict_keys([])

            """#)
    }
}
