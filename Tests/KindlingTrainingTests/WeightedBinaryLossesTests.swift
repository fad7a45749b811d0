import XCTest
import KindlingEngine
import KindlingTestSupport
@testable import KindlingTraining

/// `weight=` / `pos_weight=` of the binary losses: finite-difference
/// gradchecks of input and target for every combination and reduction
/// (values and printed gradients against PyTorch are in the bindings'
/// `BinaryLossWeightsTests`).
final class WeightedBinaryLossesTests: XCTestCase {
    static let logits: [Float] = [0.5, -1.2, 2.0, 1.5, 0.3, -0.7, -0.2, 0.9, 0.4, 0.0, -3.0, 5.0]
    static let targets: [Float] = [1, 0, 1, 0, 0, 1, 1, 1, 0, 0.5, 0, 1]

    func testLogitsGradcheckWithWeightAndPosWeight() throws {
        let w = try Tensor(shape: [3], floats: [1.0, 2.0, 0.5])
        let pw = try Tensor(shape: [3], floats: [3.0, 0.5, 1.0])
        for (weight, posWeight) in [(w, nil), (nil, pw), (w, pw)] as [(Tensor?, Tensor?)] {
            for reduction in [Reduction.mean, .sum, .none] {
                let x = try Tensor(shape: [4, 3], floats: Self.logits).requiresGrad_(true)
                let y = try Tensor(shape: [4, 3], floats: Self.targets).requiresGrad_(true)
                let result = try Gradcheck.check([x, y]) { t in
                    try Losses.binaryCrossEntropyWithLogits(t[0], t[1], weight: weight, posWeight: posWeight, reduction: reduction)
                }
                XCTAssertTrue(result.passed, "\(weight != nil) \(posWeight != nil) \(reduction): \(result)")
            }
        }
    }

    func testProbabilitiesGradcheckWithWeight() throws {
        let w = try Tensor(shape: [4, 1], floats: [1.0, 2.0, 0.5, 3.0])
        // Probabilities well inside (0, 1), so finite differences stay in range.
        let p = try Tensor(shape: [4, 3], floats: Self.logits.map { $0 * 0.4 }).sigmoid()
        for reduction in [Reduction.mean, .sum, .none] {
            let x = try p.detach().requiresGrad_(true)
            let y = try Tensor(shape: [4, 3], floats: Self.targets)
            let result = try Gradcheck.check([x]) { t in try Losses.binaryCrossEntropy(t[0], y, weight: w, reduction: reduction) }
            XCTAssertTrue(result.passed, "\(reduction): \(result)")
        }
    }

    func testNoWeightsIsTheUnweightedLoss() throws {
        let x = try Tensor(shape: [4, 3], floats: Self.logits)
        let y = try Tensor(shape: [4, 3], floats: Self.targets)
        let a = try Losses.binaryCrossEntropyWithLogits(x, y, weight: nil, posWeight: nil)
        let b = try Losses.binaryCrossEntropyWithLogits(x, y)
        XCTAssertEqual(a.floatValues(), b.floatValues())
        // pos_weight of ones and weight of ones change nothing.
        let ones = try Tensor.ones([3])
        let c = try Losses.binaryCrossEntropyWithLogits(x, y, weight: ones, posWeight: ones)
        XCTAssertEqual(c.floatValues()[0], b.floatValues()[0], accuracy: 1e-6)
    }
}
