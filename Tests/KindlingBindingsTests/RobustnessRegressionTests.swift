import XCTest

/// Inputs that once crashed the process; each now raises PyTorch's exception.
final class RobustnessRegressionTests: XCTestCase {
    func testTrackedInPlaceOpChecksTheBroadcastShape() {
        let runner = ScriptRunner()
        XCTAssertEqual(runner.error("""
            import torch
            g = torch.randn(2, 3, requires_grad=True)
            x = torch.tensor(3.)
            x /= g * 2
            """), "RuntimeError: output with shape [] doesn't match the broadcast shape [2, 3]")
        XCTAssertEqual(runner.error("""
            x = torch.zeros(3)
            x.add_(torch.ones(2, 3, requires_grad=True))
            """), "RuntimeError: output with shape [3] doesn't match the broadcast shape [2, 3]")
    }

    func testTrackedInPlaceOpStillWorksWhenShapesBroadcast() throws {
        let runner = ScriptRunner()
        try runner.run("""
            import torch
            g = torch.ones(3, requires_grad=True)
            x = torch.zeros(2, 3)
            x += g
            x.sum().backward()
            """)
        XCTAssertEqual(try runner.repr("g.grad"), "tensor([2., 2., 2.])")
    }

    func testTensorFromAHugeRangeRaisesTheAllocatorError() throws {
        let runner = ScriptRunner()
        XCTAssertEqual(runner.error("import torch\ntorch.tensor(range(10**18))"),
            "RuntimeError: [enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough memory: you tried to allocate 8000000000000000000 bytes.")
        XCTAssertEqual(try runner.repr("torch.tensor(range(2, 5))"), "tensor([2, 3, 4])")
    }

    func testCallableObjectThatCallsItselfRaisesRecursionError() {
        XCTAssertEqual(ScriptRunner().error("""
            class Loop:
                def __call__(self, x):
                    return self(x)
            Loop()(1)
            """), "RecursionError: maximum recursion depth exceeded")
    }

    func testUnbindOfAZeroDimTensorRaisesIndexError() throws {
        let runner = ScriptRunner()
        XCTAssertEqual(runner.error("import torch\ntorch.tensor(5.).unbind()"),
            "IndexError: Dimension specified as 0 but tensor has no dimensions")
        XCTAssertEqual(try runner.repr("torch.arange(4).view(2, 2).unbind(1)"), "(tensor([0, 2]), tensor([1, 3]))")
    }
}

final class SequentialRecursionTests: XCTestCase {
    func testSequentialContainingItselfRaisesRecursionError() {
        let runner = ScriptRunner()
        let error = runner.error("import torch\nimport torch.nn as nn\nm = nn.Sequential()\nm.append(m)\nm(torch.zeros(2))")
        XCTAssertEqual(error, "RecursionError: maximum recursion depth exceeded")
        // The session lives on and the module still works once fixed.
        XCTAssertNil(runner.error("m2 = nn.Sequential(nn.ReLU())\ny = m2(torch.ones(2))"))
    }
}
