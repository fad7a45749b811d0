import XCTest
import KindlingEngine
@testable import KindlingTraining

/// Every loss the training library records as one fused node (`Tensor.recordFusedLoss`)
/// gives the value and input gradient of the same loss written from engine primitives,
/// whose gradients come from the engine's rule table.
final class FusedLossesTests: XCTestCase {
    func scalarOp(_ op: BinaryOp, _ t: Tensor, _ s: Float) throws -> Tensor { try Tensor.binary(op, .tensor(t), .scalar(.float(Double(s)))) }
    func op(_ op: BinaryOp, _ a: Tensor, _ b: Tensor) throws -> Tensor { try Tensor.binary(op, .tensor(a), .tensor(b)) }

    /// Value and gradient of `loss` at `x` (gradient of 1.7 * loss.sum(), so no reduction hides a factor).
    func evaluate(_ x: Tensor, _ loss: (Tensor) throws -> Tensor) throws -> (value: [Float], grad: [Float], node: String?) {
        let leaf = try x.clone().requiresGrad_()
        let l = try loss(leaf)
        try scalarOp(.mul, try l.sum(), 1.7).backward()
        return (l.floatValues(), leaf.grad?.floatValues() ?? [], l.gradFn?.name)
    }

    func assertSame(_ fused: (value: [Float], grad: [Float], node: String?), _ composed: (value: [Float], grad: [Float], node: String?),
                    node: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(fused.node, node, file: file, line: line)
        XCTAssertEqual(fused.value.count, composed.value.count, file: file, line: line)
        for (a, b) in zip(fused.value, composed.value) { XCTAssertEqual(a, b, accuracy: 1e-5 * max(1, abs(b)), file: file, line: line) }
        XCTAssertEqual(fused.grad.count, composed.grad.count, file: file, line: line)
        for (a, b) in zip(fused.grad, composed.grad) { XCTAssertEqual(a, b, accuracy: 1e-5 * max(1, abs(b)), file: file, line: line) }
    }

    func reduce(_ t: Tensor, _ reduction: Reduction) throws -> Tensor {
        switch reduction { case .none: return t; case .sum: return try t.sum(); case .mean: return try t.mean() }
    }

    let reductions: [Reduction] = [.mean, .sum, .none]

    func testMSE() throws {
        RandomGenerator.manualSeed(3)
        let x = try Tensor.randn([4, 5]), y = try Tensor.randn([4, 5])
        for r in reductions {
            let fused = try evaluate(x) { try Losses.mse($0, y, reduction: r) }
            let composed = try evaluate(x) { let d = try op(.sub, $0, y); return try reduce(try op(.mul, d, d), r) }
            assertSame(fused, composed, node: "MseLossBackward0")
        }
    }

    func testBinaryCrossEntropy() throws {
        RandomGenerator.manualSeed(4)
        let p = try Tensor.rand([6]), y = try Tensor(shape: [6], floats: [0, 1, 1, 0, 1, 0])
        let w = try Tensor(shape: [6], floats: [1, 2, 0.5, 1, 3, 0.25])
        func composed(_ x: Tensor, _ weight: Tensor?, _ r: Reduction) throws -> Tensor {
            let logP = try x.log().clamp(min: .float(-100), max: nil)
            let logQ = try Tensor.binary(.sub, .scalar(.float(1)), .tensor(x)).log().clamp(min: .float(-100), max: nil)
            let oneMinusY = try Tensor.binary(.sub, .scalar(.float(1)), .tensor(y))
            var each = try op(.add, try op(.mul, y, logP), try op(.mul, oneMinusY, logQ)).neg()
            if let weight { each = try op(.mul, each, weight) }
            return try reduce(each, r)
        }
        for r in reductions {
            assertSame(try evaluate(p) { try Losses.binaryCrossEntropy($0, y, reduction: r) },
                       try evaluate(p) { try composed($0, nil, r) }, node: "BinaryCrossEntropyBackward0")
            assertSame(try evaluate(p) { try Losses.binaryCrossEntropy($0, y, weight: w, reduction: r) },
                       try evaluate(p) { try composed($0, w, r) }, node: "BinaryCrossEntropyBackward0")
        }
    }

    func testBinaryCrossEntropyWithLogits() throws {
        RandomGenerator.manualSeed(5)
        let x = try scalarOp(.mul, try Tensor.randn([3, 4]), 3), y = try Tensor.rand([3, 4])
        let w = try Tensor(shape: [4], floats: [1, 0.5, 2, 1.5]), pw = try Tensor(shape: [4], floats: [2, 1, 0.5, 3])
        /// (1 - y) x + (1 + (pw - 1) y) log(1 + exp(-x)), with log(1 + exp(-x)) = softplus(-x) written stably.
        func composed(_ x: Tensor, _ weight: Tensor?, _ posWeight: Tensor?, _ r: Reduction) throws -> Tensor {
            let oneMinusY = try Tensor.binary(.sub, .scalar(.float(1)), .tensor(y))
            let softplusNeg = try op(.add, try x.neg().relu(), try op(.add, try x.abs().neg().exp(), try Tensor.ones([])).log())
            var scale = try Tensor.ones([])
            if let posWeight { scale = try op(.add, scale, try op(.mul, try scalarOp(.sub, posWeight, 1), y)) }
            var each = try op(.add, try op(.mul, oneMinusY, x), try op(.mul, scale, softplusNeg))
            if let weight { each = try op(.mul, each, weight) }
            return try reduce(each, r)
        }
        for r in reductions {
            assertSame(try evaluate(x) { try Losses.binaryCrossEntropyWithLogits($0, y, reduction: r) },
                       try evaluate(x) { try composed($0, nil, nil, r) }, node: "BinaryCrossEntropyWithLogitsBackward0")
            assertSame(try evaluate(x) { try Losses.binaryCrossEntropyWithLogits($0, y, weight: w, posWeight: pw, reduction: r) },
                       try evaluate(x) { try composed($0, w, pw, r) }, node: "BinaryCrossEntropyWithLogitsBackward0")
        }
    }

    /// nll_loss and cross_entropy (the fused fast path, the general one, and with class
    /// weights) against `-(log_probs * one_hot * weight)` summed per row, then reduced
    /// (a weighted mean divides by the targets' total weight).
    func testNegativeLogLikelihoodAndCrossEntropy() throws {
        RandomGenerator.manualSeed(6)
        let logits = try scalarOp(.mul, try Tensor.randn([7, 5]), 2)
        let labels: [Int64] = [0, 4, 2, 2, 1, 3, 4]
        let target = try Tensor(shape: [7], ints: labels)
        var oneHotValues = [Float](repeating: 0, count: 35)
        for (i, c) in labels.enumerated() { oneHotValues[i * 5 + Int(c)] = 1 }
        let oneHot = try Tensor(shape: [7, 5], floats: oneHotValues)
        let weight = try Tensor(shape: [5], floats: [1, 2, 0.5, 1.5, 3])
        func composed(_ logProbs: Tensor, _ w: Tensor?, _ r: Reduction) throws -> Tensor {
            let picked = w.map { try? op(.mul, oneHot, try $0.reshape([1, 5])) } ?? oneHot
            guard let picked else { throw TensorError(.runtimeError, "weights") }
            let each = try op(.mul, logProbs, picked).sum(dims: [1]).neg()
            if r == .mean, w != nil { return try op(.div, try each.sum(), try picked.sum()) }
            return try reduce(each, r)
        }
        for r in reductions {
            let logProbs = try GradMode.withNoGrad { try logits.logSoftmax(dim: 1) }
            assertSame(try evaluate(logProbs) { try Losses.nll($0, target, reduction: r) },
                       try evaluate(logProbs) { try composed($0, nil, r) }, node: "NllLossBackward0")
            assertSame(try evaluate(logProbs) { try Losses.nll($0, target, weight: weight, reduction: r) },
                       try evaluate(logProbs) { try composed($0, weight, r) }, node: "NllLossBackward0")
            assertSame(try evaluate(logits) { try Losses.crossEntropy($0, target, reduction: r) },
                       try evaluate(logits) { try composed(try $0.logSoftmax(dim: 1), nil, r) }, node: "NllLossBackward0")
            assertSame(try evaluate(logits) { try Losses.crossEntropy($0, target, weight: weight, reduction: r, labelSmoothing: 0) },
                       try evaluate(logits) { try composed(try $0.logSoftmax(dim: 1), weight, r) }, node: "NllLossBackward0")
        }
    }
}
