import XCTest
import KindlingEngine
@testable import KindlingTraining

/// Models and the training loop used from Swift alone, with no interpreter: the training
/// library expresses a net, a loss, an optimizer and fastai's fitting policies by itself.
final class SwiftModelTrainingTests: XCTestCase {
    /// Two Gaussian blobs per class on a 2-D plane, four classes: a task a small net learns
    /// well and a linear model on a wrong scale does not, so the test can fail.
    func blobs(_ n: Int) throws -> (Tensor, Tensor) {
        let centres: [(Float, Float)] = [(2, 2), (-2, 2), (-2, -2), (2, -2)]
        let noise = try Tensor.randn([n, 2])
        var xs: [Float] = [], ys: [Int64] = []
        let e = noise.floatValues()
        for i in 0..<n {
            let c = i % 4
            xs += [centres[c].0 + 0.6 * e[2 * i], centres[c].1 + 0.6 * e[2 * i + 1]]
            ys.append(Int64(c))
        }
        return (try Tensor(shape: [n, 2], floats: xs), try Tensor(shape: [n], ints: ys))
    }

    func makeLoop(_ model: Module, optimizer: Optimizer) throws -> TrainingLoop {
        let (x, y) = try blobs(400), (vx, vy) = try blobs(200)
        let reporter = FitReporter(isTerminal: false) { _ in }
        reporter.enabled = false
        return TrainingLoop(model: model, loss: LossFunction(.crossEntropy),
                            metrics: [NamedMetric(name: "accuracy") { try Metrics.accuracy($0, $1) }],
                            optimizer: optimizer, train: try .rows(of: x, y, batchSize: 32, shuffle: true),
                            valid: try .rows(of: vx, vy, batchSize: 100), reporter: reporter)
    }

    func testSequentialNetLearnsWithFitOneCycle() throws {
        RandomGenerator.manualSeed(0)
        let net = Sequential(try Linear(2, 16), ReLU(), try Linear(16, 4))
        XCTAssertEqual(net.allParameters.map(\.shape), [[16, 2], [16], [4, 16], [4]])
        let loop = try makeLoop(net, optimizer: FastaiSGD(params: net.allParameters, lr: 0.1, mom: 0.9))
        let before = try XCTUnwrap(try loop.validate()[0])
        try loop.fitOneCycle(epochs: 3, lrMax: 0.1)
        // The one-cycle schedule: 39 batches, warm-up from lr_max/25 over the first quarter.
        XCTAssertEqual(loop.recorder.lrs.count, 39)
        XCTAssertEqual(loop.recorder.lrs[0], 0.004, accuracy: 1e-9)
        XCTAssertEqual(loop.recorder.lrs.max() ?? 0, 0.1, accuracy: 1e-3)
        XCTAssertEqual(loop.recorder.values.count, 3)
        let after = try loop.validate()
        XCTAssertLessThan(try XCTUnwrap(after[0]), before / 4, "validation loss \(before) -> \(after)")
        XCTAssertGreaterThan(try XCTUnwrap(after[1]), 0.95)
        // As fastai's, validate records its one epoch alone and leaves the model in eval mode.
        XCTAssertEqual(loop.recorder.values.count, 1)
        XCTAssertEqual(loop.recorder.lrs.count, 0)
        XCTAssertFalse(net.isTraining, "validation leaves the model in eval mode")
        let (decoded, probs) = try loop.predict(try Tensor(shape: [2], floats: [-2, -2]), activation: { try $0.softmax(dim: -1) })
        XCTAssertEqual(decoded.scalars().first?.doubleValue, 2)
        XCTAssertEqual(try probs.sum().item().doubleValue, 1, accuracy: 1e-5)
    }

    /// fastai's decoupled weight decay: with no gradient signal left, each SGD step scales
    /// the weights by 1 - lr * wd; `fit(wd:)` sets it for later fits too.
    func testWeightDecayIsFastaisDecoupledDecay() throws {
        RandomGenerator.manualSeed(1)
        let layer = try Linear(2, 4)
        let opt = FastaiSGD(params: layer.allParameters, lr: 0.5)
        let loop = try makeLoop(layer, optimizer: opt)
        let zeroLoss = LossFunction(.mse)
        loop.loss = { p, _ in try zeroLoss(p, p.detach()) }
        let w0 = layer.weight.floatValues()
        try loop.setWeightDecay(0.1)
        try loop.fit(epochs: 1, lr: 0.5)
        XCTAssertEqual(opt.wd, 0.1)
        let factor = Float(pow(1 - 0.5 * 0.1, 13.0))
        for (a, b) in zip(layer.weight.floatValues(), w0) { XCTAssertEqual(a, b * factor, accuracy: 1e-5) }
        // fine_tune's two phases run with it too.
        try loop.fineTune(epochs: 1, baseLR: 0.2, wd: 0)
        XCTAssertEqual(opt.wd, 0)
    }

    func testLayersMatchTheirFunctions() throws {
        RandomGenerator.manualSeed(2)
        let x = try Tensor.randn([3, 2, 2])
        XCTAssertEqual(try Flatten().forward(x).shape, [3, 4])
        XCTAssertEqual(try LeakyReLU(negativeSlope: 0.1).forward(x).floatValues(),
                       x.floatValues().map { $0 > 0 ? $0 : $0 * 0.1 })
        XCTAssertEqual(try Sequential(ReLU(), Tanh()).forward(x).floatValues(), try x.relu().tanh().floatValues())
        let lin = try Linear(4, 3, bias: false)
        XCTAssertNil(lin.bias)
        XCTAssertEqual(try lin.forward(try Flatten().forward(x)).gradFn?.name, "MmBackward0")
        let withBias = try Linear(4, 3)
        XCTAssertEqual(try withBias(try Flatten().forward(x)).gradFn?.name, "AddmmBackward0")
    }
}
