import XCTest
import KindlingEngine
@testable import KindlingTraining

/// Smooth L1 and Huber, fused into one node each, against the same losses
/// written from engine primitives (where/abs/mul), for every reduction.
final class RobustLossesTests: XCTestCase {
    func evaluate(_ x: Tensor, _ loss: (Tensor) throws -> Tensor) throws -> (value: [Float], grad: [Float], node: String?) {
        let leaf = try x.clone().requiresGrad_()
        let l = try loss(leaf)
        try Tensor.binary(.mul, .tensor(try l.sum()), .scalar(.float(1.7))).backward()
        return (l.floatValues(), leaf.grad?.floatValues() ?? [], l.gradFn?.name)
    }

    func composed(_ x: Tensor, _ y: Tensor, _ threshold: Double, huber: Bool, _ reduction: Reduction) throws -> Tensor {
        let d = try Tensor.binary(.sub, .tensor(x), .tensor(y))
        let z = try d.abs()
        let small = try Tensor.binary(.lt, .tensor(z), .scalar(.float(threshold)))
        let quadratic = try Tensor.binary(.mul, .tensor(try Tensor.binary(.mul, .tensor(d), .tensor(d))), .scalar(.float(0.5)))
        let inner = huber ? quadratic : try Tensor.binary(.div, .tensor(quadratic), .scalar(.float(threshold)))
        let shifted = try Tensor.binary(.sub, .tensor(z), .scalar(.float(0.5 * threshold)))
        let outer = huber ? try Tensor.binary(.mul, .tensor(shifted), .scalar(.float(threshold))) : shifted
        return try reduction.apply(try Tensor.where_(small, .tensor(inner), .tensor(outer)))
    }

    func testFusedEqualsComposed() throws {
        RandomGenerator.manualSeed(5)
        let x = try Tensor.randn([4, 5]), y = try Tensor.randn([4, 5])
        for reduction in [Reduction.mean, .sum, .none] {
            for (threshold, huber) in [(1.0, false), (0.3, false), (0.7, true), (2.0, true)] {
                let fused = try evaluate(x) { try RobustLosses.loss($0, y, threshold: threshold, huber: huber, reduction: reduction) }
                let reference = try evaluate(x) { try composed($0, y, threshold, huber: huber, reduction) }
                XCTAssertEqual(fused.node, huber ? "HuberLossBackward0" : "SmoothL1LossBackward0")
                for (a, b) in zip(fused.value, reference.value) { XCTAssertEqual(a, b, accuracy: 1e-5 * max(1, abs(b))) }
                XCTAssertEqual(fused.grad.count, reference.grad.count)
                for (a, b) in zip(fused.grad, reference.grad) { XCTAssertEqual(a, b, accuracy: 1e-5 * max(1, abs(b))) }
            }
        }
    }

    func testRefusals() throws {
        let x = try Tensor.randn([3])
        XCTAssertThrowsError(try RobustLosses.loss(x, x, threshold: -1, huber: false, reduction: .mean))
        XCTAssertThrowsError(try RobustLosses.loss(x, x, threshold: 0, huber: true, reduction: .mean))
        XCTAssertThrowsError(try RobustLosses.loss(try x.to(.int64), x, threshold: 1, huber: true, reduction: .mean))
    }
}
