import XCTest
import KindlingEngine
@testable import KindlingTraining

/// Loss values and gradients recorded from PyTorch 2.15.
final class LossesTests: XCTestCase {
    func T(_ shape: [Int], _ v: [Float], grad: Bool = false) throws -> Tensor {
        let t = try Tensor(shape: shape, floats: v)
        return grad ? try t.requiresGrad_(true) : t
    }

    func assertClose(_ a: [Float], _ b: [Float], _ tol: Float = 1e-5, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, file: file, line: line)
        for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: tol, file: file, line: line) }
    }

    func testBinaryCrossEntropy() throws {
        let x = try T([3], [0.2, 0.7, 0.9], grad: true)
        let l = try Losses.binaryCrossEntropy(x, try T([3], [0, 1, 1]))
        XCTAssertEqual(l.gradFn?.name, "BinaryCrossEntropyBackward0")
        try l.backward()
        XCTAssertEqual(try l.item().doubleValue, 0.228393033, accuracy: 1e-6)
        assertClose(x.grad?.floatValues() ?? [], [0.41666663, -0.47619048, -0.37037039])
        XCTAssertThrowsError(try Losses.binaryCrossEntropy(try T([1], [1.5]), try T([1], [1])))
        XCTAssertThrowsError(try Losses.binaryCrossEntropy(try T([2, 1], [0.5, 0.5]), try T([2], [1, 1])))
    }

    func testBinaryCrossEntropyWithLogitsIsStable() throws {
        let x = try T([3], [-1, 0.5, 30], grad: true)
        let l = try Losses.binaryCrossEntropyWithLogits(x, try T([3], [0, 1, 1]), reduction: .sum)
        try l.backward()
        XCTAssertEqual(try l.item().doubleValue, 0.787338734, accuracy: 1e-6)
        assertClose(x.grad?.floatValues() ?? [], [0.26894143, -0.37754065, 0])
        let big = try Losses.binaryCrossEntropyWithLogits(try T([2], [-200, 200]), try T([2], [1, 0]), reduction: .none)
        assertClose(big.floatValues(), [200, 200])
    }

    func testMSEAndL1() throws {
        let x = try T([2, 2], [1, 2, 3, -1], grad: true)
        let t = try T([2, 2], [0.5, 2.5, 3, 1])
        let mse = try Losses.mse(x, t)
        XCTAssertEqual(mse.gradFn?.name, "MseLossBackward0")
        try mse.backward()
        XCTAssertEqual(try mse.item().doubleValue, 1.125, accuracy: 1e-6)
        assertClose(x.grad?.floatValues() ?? [], [0.25, -0.25, 0, -1])
        x.grad = nil
        let l1 = try Losses.l1(x, t, reduction: .sum)
        XCTAssertEqual(l1.gradFn?.name, "SumBackward0")
        try l1.backward()
        XCTAssertEqual(try l1.item().doubleValue, 3, accuracy: 1e-6)
        assertClose(x.grad?.floatValues() ?? [], [1, -1, 0, -1])
    }

    func testNLLLoss() throws {
        let x = try T([2, 3], [-0.5, -1.2, -2.0, -0.1, -3.0, -2.5], grad: true)
        let l = try Losses.nll(x, try Tensor(shape: [2], ints: [1, 0]))
        try l.backward()
        XCTAssertEqual(try l.item().doubleValue, 0.65, accuracy: 1e-6)
        assertClose(x.grad?.floatValues() ?? [], [0, -0.5, 0, -0.5, 0, 0])
    }

    /// The fused fast path gives the general path's loss and gradient bit for bit.
    func testFusedCrossEntropyEqualsGeneralPath() throws {
        RandomGenerator.manualSeed(11)
        let logits = try Tensor.binary(.mul, .tensor(try Tensor.randn([37, 10])), .scalar(.float(4)))
        let target = try Tensor.randint(low: 0, high: 10, shape: [37])
        for reduction in [Reduction.mean, .sum] {
            let a = try logits.clone().requiresGrad_(), b = try logits.clone().requiresGrad_()
            guard let fast = try Losses.fusedCrossEntropy(a, target, reduction: reduction, ignoreIndex: -100) else {
                return XCTFail("the fused path should apply")
            }
            let slow = try Losses.generalCrossEntropy(b, target, reduction: reduction, ignoreIndex: -100)
            XCTAssertEqual(fast.floatValues(), slow.floatValues())
            XCTAssertEqual(fast.gradFn?.name, "NllLossBackward0")
            try Tensor.binary(.mul, .tensor(fast), .scalar(.float(3))).backward()
            try Tensor.binary(.mul, .tensor(slow), .scalar(.float(3))).backward()
            XCTAssertEqual(a.grad?.floatValues(), b.grad?.floatValues())
        }
        // Cases it leaves to the general path.
        XCTAssertNil(try Losses.fusedCrossEntropy(logits, target, reduction: .none, ignoreIndex: -100))
        XCTAssertNil(try Losses.fusedCrossEntropy(logits, try Tensor(shape: [37], ints: Array(repeating: 10, count: 37)),
                                                  reduction: .mean, ignoreIndex: -100))
        XCTAssertNil(try Losses.fusedCrossEntropy(logits, target, reduction: .mean, ignoreIndex: Int(target.scalars()[0].doubleValue)))
    }

    func testCrossEntropyIgnoreIndexAndSumReduction() throws {
        let x = try T([2, 3], [1, 2, 3, 1, 0, -1], grad: true)
        let l = try Losses.crossEntropy(x, try Tensor(shape: [2], ints: [2, -100]))
        try l.backward()
        // Only the first row counts: -log_softmax([1,2,3])[2] = 0.407606
        XCTAssertEqual(try l.item().doubleValue, 0.4076059, accuracy: 1e-5)
        assertClose(x.grad?.floatValues() ?? [], [0.09003057, 0.24472847, -0.33475903, 0, 0, 0])
        let s = try Losses.crossEntropy(x, try Tensor(shape: [2], ints: [2, 0]), reduction: .sum)
        XCTAssertEqual(try s.item().doubleValue, 0.8152119, accuracy: 1e-5)
    }

    func testMetrics() throws {
        let p = try T([3, 2], [0.1, 0.9, 0.8, 0.2, 0.3, 0.7])
        let y = try Tensor(shape: [3], ints: [1, 0, 0])
        XCTAssertEqual(try Metrics.accuracy(p, y).item().doubleValue, 2.0 / 3, accuracy: 1e-6)
        XCTAssertEqual(try Metrics.errorRate(p, y).item().doubleValue, 1.0 / 3, accuracy: 1e-6)
    }

    func testLinearInitBoundsAndOrder() throws {
        RandomGenerator.manualSeed(0)
        let (w, b) = try LinearInit.make(inFeatures: 4, outFeatures: 2, bias: true)
        // torch.manual_seed(0); nn.Linear(4, 2)
        assertClose(w.floatValues(), [-0.0037, 0.2682, -0.4115, -0.3680, -0.1926, 0.1341, -0.0099, 0.3964], 1e-4)
        assertClose(b?.floatValues() ?? [], [-0.0444, 0.1323], 1e-4)
        XCTAssertTrue(w.requiresGrad && w.isLeaf)
    }
}
