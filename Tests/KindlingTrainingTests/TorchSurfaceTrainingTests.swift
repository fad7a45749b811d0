import XCTest
import KindlingEngine
import KindlingTestSupport
@testable import KindlingTraining

/// RMSprop, Adagrad, AdamW, the lr schedulers, gradient clipping, init formulas and
/// Embedding from Swift, against values recorded from PyTorch 2.15.
final class TorchSurfaceTrainingTests: XCTestCase {
    /// Three steps on loss = sum(p² · [1,2,3]) + sum(p) from p = [1, -2, 0.5] (as OptimizerTests).
    func run(_ make: ([Tensor]) throws -> Optimizer) throws -> [Float] {
        let p = try Tensor(shape: [3], floats: [1, -2, 0.5]).requiresGrad_(true)
        let opt = try make([p])
        let k = try Tensor(shape: [3], floats: [1, 2, 3])
        for _ in 0..<3 {
            let sq = try Tensor.binary(.mul, .tensor(try Tensor.binary(.mul, .tensor(p), .tensor(p))), .tensor(k))
            try Tensor.binary(.add, .tensor(try sq.sum()), .tensor(try p.sum())).backward()
            try opt.step()
            try opt.zeroGrad(setToNone: false)
        }
        return p.floatValues()
    }

    /// Within an ulp or two: ATen's scalar loops are FMA-contracted by its compiler.
    func testAdaptiveOptimizersMatchPyTorch() throws {
        func close(_ got: [Float], _ expected: [Float], file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertEqual(got.count, expected.count, file: file, line: line)
            for (a, b) in zip(got, expected) { XCTAssertEqual(a, b, accuracy: 1e-6, file: file, line: line) }
        }
        close(try run { try TorchRMSprop(params: $0, lr: 0.01, momentum: 0.9, centered: true) },
              [0.5435554385185242, -1.5418977737426758, 0.05969027057290077])
        close(try run { try TorchAdagrad(params: $0, lr: 0.1, lrDecay: 0.01) },
              [0.7790485620498657, -1.7782008647918701, 0.28704750537872314])
        close(try run { try TorchAdam(params: $0, lr: 0.1, weightDecay: 0.1, decoupledWeightDecay: true) },
              [0.6743071675300598, -1.6445183753967285, 0.19133268296718597])
        XCTAssertThrowsError(try TorchRMSprop(params: [], alpha: -1))
    }

    func testSchedulersFollowPyTorchsChainableFormulas() throws {
        let p = try Tensor.zeros([1]).requiresGrad_(true)
        let opt = try TorchSGD(params: [p], lr: 0.1)
        let cosine = try LRScheduler(opt, .cosineAnnealing(tMax: 3, etaMin: 0))
        var lrs: [Double] = []
        for _ in 0..<4 { try cosine.step(); lrs.append(cosine.lastLR) }
        XCTAssertEqual(lrs, [0.07500000000000001, 0.025000000000000015, 0.0, 0.024999999999999994])
        let stepOpt = try TorchSGD(params: [p], lr: 0.1)
        let step = try LRScheduler(stepOpt, .step(stepSize: 2, gamma: 0.1))
        try step.step(); try step.step()
        XCTAssertEqual(stepOpt.lr, 0.010000000000000002)
        let plan = OneCyclePlan(maxLR: 0.1, totalSteps: 4)
        let cycleOpt = try TorchSGD(params: [p], lr: 0.1, momentum: 0.9)
        let cycle = try LRScheduler(cycleOpt, .oneCycle(plan))
        XCTAssertEqual(cycleOpt.momentum, 0.95, accuracy: 1e-12)
        for _ in 0..<4 { try cycle.step() }
        XCTAssertThrowsError(try cycle.step())
    }

    func testClipGradNormScalesInPlaceAndReturnsTheTotal() throws {
        let a = try Tensor(shape: [2], floats: [3, 4]).requiresGrad_(true)
        a.grad = try Tensor(shape: [2], floats: [3, 4])
        let total = try GradClipping.clipNorm([a], maxNorm: 1)
        XCTAssertEqual(total.floatValues(), [5])
        XCTAssertEqual(a.grad?.floatValues(), [0.5999999046325684, 0.7999998331069946])
        try GradClipping.clipValue([a], 0.7)
        XCTAssertEqual(a.grad?.floatValues(), [0.5999999046325684, 0.7])
    }

    func testInitGainsFansAndBounds() throws {
        XCTAssertEqual(try TensorInit.gain("relu"), 2.0.squareRoot())
        XCTAssertEqual(try TensorInit.gain("leaky_relu", param: 0), 2.0.squareRoot())
        XCTAssertEqual(try TensorInit.gain("tanh"), 5.0 / 3)
        XCTAssertThrowsError(try TensorInit.gain("gelu"))
        XCTAssertEqual(try TensorInit.fans([4, 3, 2, 2]).fanIn, 12)
        XCTAssertThrowsError(try TensorInit.fans([3]))
        let w = try Tensor.empty([50, 20])
        try TensorInit.kaiming(w, mode: "fan_out", nonlinearity: "relu", uniform: true)
        let bound = Float(3.0.squareRoot() * 2.0.squareRoot() / 50.0.squareRoot())
        XCTAssertTrue(w.floatValues().allSatisfy { abs($0) <= bound })
        XCTAssertThrowsError(try TensorInit.kaiming(w, mode: "fan", uniform: true))
    }

    func testEmbeddingGradientSumsRowsAndSkipsPadding() throws {
        RandomGenerator.manualSeed(0)
        let e = try Embedding(5, 3, paddingIndex: 4)
        XCTAssertEqual(try e.weight.select(dim: 0, index: 4).floatValues(), [0, 0, 0])
        let idx = try Tensor(shape: [2, 2], ints: [0, 4, 2, 2])
        let y = try e.forward(idx)
        XCTAssertEqual(y.shape, [2, 2, 3])
        XCTAssertEqual(y.gradFn?.name, "EmbeddingBackward0")
        try y.sum().backward()
        XCTAssertEqual(e.weight.grad?.floatValues(), [1, 1, 1, 0, 0, 0, 2, 2, 2, 0, 0, 0, 0, 0, 0])
        let w = try Tensor.randn([4, 2]).requiresGrad_(true)
        let check = try Gradcheck.check([w]) { xs in
            try Embedding.apply(try Tensor(shape: [3], ints: [1, 3, 1]), xs[0])
        }
        XCTAssertTrue(check.passed, check.report)
        XCTAssertThrowsError(try Embedding.apply(try Tensor(shape: [1], ints: [4]), w))
    }
}
