import XCTest
import KindlingEngine
import KindlingTestSupport
@testable import KindlingTraining

/// `weight=`, `label_smoothing=` and `ignore_index=` of cross entropy and NLL:
/// values, grad_fn names and gradients recorded from PyTorch 2.x on the same
/// inputs, plus finite-difference gradchecks.
final class WeightedLossesTests: XCTestCase {
    static let input: [Float] = [0.5, -1.2, 2.0, 0.1, 1.5, 0.3, -0.7, 0.0, -0.2, 0.9, 0.4, 1.1, 2.2, -0.5, 0.3, -1.4, 0, 0, 0, 0]
    static let weight: [Float] = [0.5, 2.0, 1.0, 3.0]

    struct Case {
        let name: String, nll: Bool, target: [Int64], weighted: Bool, smoothing: Double
        let reduction: Reduction, ignoreIndex: Int
        let value: [Float], gradFn: String, grad: [Float]
    }

    static let cases: [Case] = [
        Case(name: "ceWeightMean", nll: false, target: [2, 0, 3, 1, 2], weighted: true, smoothing: 0.0, reduction: .mean, ignoreIndex: -100,
             value: [1.422333], gradFn: "NllLossBackward0",
             grad: [0.0210481, 0.0038451, -0.0390022, 0.014109, -0.0258951, 0.0122802, 0.0045176, 0.0090974, 0.0421249, 0.1265501, 0.0767565, -0.2454314, 0.2143454, -0.2522615, 0.0320593, 0.0058567, 0.0333333, 0.0333333, -0.1, 0.0333333]),
        Case(name: "ceWeightSum", nll: false, target: [2, 0, 3, 1, 2], weighted: true, smoothing: 0.0, reduction: .sum, ignoreIndex: -100,
             value: [10.6674976], gradFn: "NllLossBackward0",
             grad: [0.1578608, 0.0288386, -0.2925167, 0.1058173, -0.1942134, 0.0921011, 0.0338821, 0.0682302, 0.3159364, 0.9491255, 0.5756737, -1.8407354, 1.6075907, -1.8919611, 0.2404451, 0.0439254, 0.25, 0.25, -0.75, 0.25]),
        Case(name: "ceWeightNone", nll: false, target: [2, 0, 3, 1, 2], weighted: true, smoothing: 0.0, reduction: .none, ignoreIndex: -100,
             value: [0.3460413, 0.2458604, 2.8524795, 5.8368216, 1.3862944], gradFn: "NllLossBackward0",
             grad: [0.1578608, 0.0288386, -0.2925167, 0.1058173, -0.1942134, 0.0921011, 0.0338821, 0.0682302, 0.3159364, 0.9491255, 0.5756737, -1.8407354, 1.6075907, -1.8919611, 0.2404451, 0.0439254, 0.25, 0.25, -0.75, 0.25]),
        Case(name: "ceSmoothingMean", nll: false, target: [2, 0, 3, 1, 2], weighted: false, smoothing: 0.1, reduction: .mean, ignoreIndex: -100,
             value: [1.2741587], gradFn: "AddBackward0",
             grad: [0.0265722, 0.0007677, -0.0435033, 0.0161635, -0.0626854, 0.0318404, 0.0085528, 0.0222921, 0.0160624, 0.058275, 0.0333782, -0.1077157, 0.1557591, -0.1741961, 0.0190445, -0.0006075, 0.045, 0.045, -0.135, 0.045]),
        Case(name: "ceSmoothingNone", nll: false, target: [2, 0, 3, 1, 2], weighted: false, smoothing: 0.1, reduction: .none, ignoreIndex: -100,
             value: [0.5110413, 0.6142208, 1.0058265, 2.8534107, 1.3862944], gradFn: "AddBackward0",
             grad: [0.1328608, 0.0038386, -0.2175167, 0.0808173, -0.3134269, 0.1592022, 0.0427642, 0.1114604, 0.0803121, 0.2913752, 0.1668912, -0.5385785, 0.7787952, -0.8709805, 0.0952225, -0.0030373, 0.225, 0.225, -0.675, 0.225]),
        Case(name: "ceIgnoreMean", nll: false, target: [2, -100, 3, 1, -100], weighted: false, smoothing: 0.0, reduction: .mean, ignoreIndex: -100,
             value: [1.4050928], gradFn: "NllLossBackward0",
             grad: [0.0526203, 0.0096129, -0.0975056, 0.0352724, 0.0, 0.0, 0.0, 0.0, 0.035104, 0.1054584, 0.0639637, -0.2045262, 0.2679318, -0.3153268, 0.0400742, 0.0073209, 0.0, 0.0, 0.0, 0.0]),
        Case(name: "ceWeightSmoothingIgnoreMean", nll: false, target: [2, -100, 3, 1, -100], weighted: true, smoothing: 0.25, reduction: .mean, ignoreIndex: -100,
             value: [1.5726397], gradFn: "AddBackward0",
             grad: [0.0252128, -0.0152759, 0.0009213, -0.0108581, 0.0, 0.0, 0.0, 0.0, 0.0414142, 0.1192286, 0.0745352, -0.235178, 0.2501642, -0.2536709, 0.027779, -0.0242723, 0.0, 0.0, 0.0, 0.0]),
        Case(name: "ceWeightSmoothingIgnoreSum", nll: false, target: [2, -100, 3, 1, -100], weighted: true, smoothing: 0.25, reduction: .sum, ignoreIndex: -100,
             value: [9.4358387], gradFn: "AddBackward0",
             grad: [0.1512766, -0.0916554, 0.0055276, -0.0651487, 0.0, 0.0, 0.0, 0.0, 0.2484854, 0.7153715, 0.4472111, -1.4110678, 1.5009849, -1.5220253, 0.1666742, -0.1456336, 0.0, 0.0, 0.0, 0.0]),
        Case(name: "ceWeightSmoothingIgnoreNone", nll: false, target: [2, -100, 3, 1, -100], weighted: true, smoothing: 0.25, reduction: .none, ignoreIndex: -100,
             value: [1.2032353, 0.0, 2.6350079, 5.5975952, 0.0], gradFn: "AddBackward0",
             grad: [0.1512766, -0.0916554, 0.0055276, -0.0651487, 0.0, 0.0, 0.0, 0.0, 0.2484854, 0.7153715, 0.4472111, -1.4110678, 1.5009849, -1.5220253, 0.1666742, -0.1456336, 0.0, 0.0, 0.0, 0.0]),
        Case(name: "ceSmoothingIgnoreIndex1", nll: false, target: [2, 0, 3, 1, 2], weighted: true, smoothing: 0.3, reduction: .mean, ignoreIndex: 1,
             value: [1.2194052], gradFn: "AddBackward0",
             grad: [0.0272654, -0.0210462, 0.011843, -0.0180622, 0.0226714, 0.0007763, -0.0033177, -0.0201299, 0.0427264, 0.1215674, 0.0766397, -0.2409335, 0.0, 0.0, 0.0, 0.0, 0.0471591, 0.0267045, -0.0869318, 0.0130682]),
        Case(name: "nllWeightMean", nll: true, target: [2, 0, 3, 1, 2], weighted: true, smoothing: 0.0, reduction: .mean, ignoreIndex: -100,
             value: [-0.6733333], gradFn: "NllLossBackward0",
             grad: [0.0, 0.0, -0.1333333, 0.0, -0.0666667, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.4, 0.0, -0.2666667, 0.0, 0.0, 0.0, 0.0, -0.1333333, 0.0]),
        Case(name: "nllWeightIgnoreNone", nll: true, target: [2, 0, 3, 1, 2], weighted: true, smoothing: 0.0, reduction: .none, ignoreIndex: 3,
             value: [-2.0, -0.75, 0.0, 1.0, -0.0], gradFn: "NllLossBackward0",
             grad: [0.0, 0.0, -1.0, 0.0, -0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -2.0, 0.0, 0.0, 0.0, 0.0, -1.0, 0.0]),
        Case(name: "nllWeightIgnoreMean", nll: true, target: [2, -100, 3, 1, -100], weighted: true, smoothing: 0.0, reduction: .mean, ignoreIndex: -100,
             value: [-0.7166667], gradFn: "NllLossBackward0",
             grad: [0.0, 0.0, -0.1666667, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.5, 0.0, -0.3333333, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ]

    func assertClose(_ a: [Float], _ b: [Float], _ what: String, tol: Float = 2e-5) {
        XCTAssertEqual(a.count, b.count, what)
        for (i, (x, y)) in zip(a, b).enumerated() { XCTAssertEqual(x, y, accuracy: tol, "\(what) [\(i)]") }
    }

    func compute(_ c: Case, _ x: Tensor) throws -> Tensor {
        let y = try Tensor(shape: [c.target.count], ints: c.target)
        let w = c.weighted ? try Tensor(shape: [4], floats: Self.weight) : nil
        if c.nll { return try Losses.nll(x, y, weight: w, reduction: c.reduction, ignoreIndex: c.ignoreIndex) }
        return try Losses.crossEntropy(x, y, weight: w, reduction: c.reduction, ignoreIndex: c.ignoreIndex,
                                       labelSmoothing: c.smoothing)
    }

    func testValuesAndGradientsMatchPyTorch() throws {
        for c in Self.cases {
            let x = try Tensor(shape: [5, 4], floats: Self.input).requiresGrad_(true)
            let out = try compute(c, x)
            assertClose(out.floatValues(), c.value, "\(c.name) value")
            XCTAssertEqual(out.gradFn?.name, c.gradFn, c.name)
            try (out.dim == 0 ? out : try out.sum()).backward()
            assertClose(x.grad?.floatValues() ?? [], c.grad, "\(c.name) grad")
        }
    }

    func testIgnoredRowsArePositiveZeroLikePyTorch() throws {
        // PyTorch: an ignored row is +0; a counted row may be -0 (-(0.0) * w).
        let c = try XCTUnwrap(Self.cases.first { $0.name == "nllWeightIgnoreNone" })
        let x = try Tensor(shape: [5, 4], floats: Self.input).requiresGrad_(true)
        let v = try compute(c, x).floatValues()
        XCTAssertEqual(v[2].sign, .plus)
        XCTAssertEqual(v[4].sign, .minus)
        try compute(c, x).sum().backward()
        XCTAssertTrue((x.grad?.floatValues() ?? []).filter { $0 == 0 }.allSatisfy { $0.sign == .plus })
    }

    func testProbabilityTargetsWithWeightAndSmoothing() throws {
        let x = try Tensor(shape: [5, 4], floats: Self.input).requiresGrad_(true)
        let p = try Tensor(shape: [5, 4], floats: [0.2033489, 0.0618631, 0.5811002, 0.1536878, 0.5009946, 0.2162847, 0.1074038, 0.1753169, 0.1395469, 0.3013887, 0.212385, 0.3466794, 0.6684453, 0.1009833, 0.1767886, 0.0537829, 0.25, 0.25, 0.25, 0.25])
        let out = try Losses.crossEntropy(x, p, weight: try Tensor(shape: [4], floats: Self.weight), labelSmoothing: 0.2)
        XCTAssertEqual(try out.item().doubleValue, 2.2626752853393555, accuracy: 2e-5)
        try out.backward()
        assertClose(x.grad?.floatValues() ?? [], [0.0210088, -0.0320729, 0.0864953, -0.0754312, 0.1234867, -0.0384399, -0.0085069, -0.0765399, 0.0231172, 0.0015623, 0.027593, -0.0522725, 0.1062158, -0.0412465, -0.0136535, -0.0513158, 0.05625, -0.01875, 0.03125, -0.06875], "prob grad")
    }

    func testProbabilityTargetsRecordATensGradFnNames() throws {
        let x = try Tensor(shape: [5, 4], floats: Self.input).requiresGrad_(true)
        let p = try x.detach().softmax(dim: 1)
        XCTAssertEqual(try Losses.crossEntropy(x, p).gradFn?.name, "DivBackward1")
        XCTAssertEqual(try Losses.crossEntropy(x, p, reduction: .sum).gradFn?.name, "NegBackward0")
        XCTAssertEqual(try Losses.crossEntropy(x, p, reduction: .none).gradFn?.name, "NegBackward0")
    }

    func testOneDimensionalInput() throws {
        let x = try Tensor(shape: [4], floats: Array(Self.input[0..<4])).requiresGrad_(true)
        let out = try Losses.crossEntropy(x, try Tensor(shape: [], ints: [1]), weight: try Tensor(shape: [4], floats: Self.weight),
                                          labelSmoothing: 0.2)
        XCTAssertEqual(try out.item().doubleValue, 3.2143146991729736, accuracy: 2e-5)
        XCTAssertEqual(out.gradFn?.name, "AddBackward0")
        try out.backward()
        assertClose(x.grad?.floatValues() ?? [], [0.1394411, -0.8222429, 0.6559526, 0.0268491], "1-d grad")
    }

    func testGradcheck() throws {
        for c in Self.cases {
            let x = try Tensor(shape: [5, 4], floats: Self.input).requiresGrad_(true)
            let result = try Gradcheck.check([x]) { xs in try self.compute(c, xs[0]) }
            XCTAssertTrue(result.passed, "\(c.name): \(result)")
        }
    }

    func testErrorsMatchPyTorch() throws {
        let x = try Tensor(shape: [5, 4], floats: Self.input)
        let y = try Tensor(shape: [5], ints: [2, 0, 3, 1, 2])
        func message(_ f: () throws -> Tensor) -> String {
            do { _ = try f(); return "no error" } catch let e as TensorError { return e.message } catch { return "\(error)" }
        }
        XCTAssertEqual(message { try Losses.crossEntropy(x, y, weight: try Tensor(shape: [2], floats: [1, 1]), labelSmoothing: 0) },
                       "weight tensor should be defined either for all 4 classes or no classes but got weight tensor of shape: [2]")
        XCTAssertEqual(message { try Losses.nll(x, y, weight: try Tensor(shape: [1, 4], floats: [1, 1, 1, 1])) },
                       "weight tensor should be defined either for all 4 classes or no classes but got weight tensor of shape: [1, 4]")
        XCTAssertEqual(message { try Losses.crossEntropy(x, y, weight: try Tensor.ones([4]).requiresGrad_(true), labelSmoothing: 0.1) },
                       "The function 'nll_loss_forward' is not differentiable with respect to argument 'weight'. This input cannot have requires_grad True.")
        XCTAssertEqual(message { try Losses.nll(x, y, weight: try Tensor(shape: [4], ints: [1, 1, 1, 1])) },
                       "expected scalar type Float but found Long")
        XCTAssertEqual(message { try Losses.crossEntropy(x, y, weight: nil, labelSmoothing: 1.5) },
                       "label_smoothing must be between 0.0 and 1.0. Got: 1.5")
        let scalar = try Tensor(shape: [], floats: [1])
        XCTAssertEqual(message { try Losses.crossEntropy(scalar, scalar) }, "Dimension specified as 1 but tensor has no dimensions")
        XCTAssertEqual(message { try Losses.crossEntropy(scalar, scalar, weight: nil, labelSmoothing: 0.1) },
                       "Dimension specified as 1 but tensor has no dimensions")
        // PyTorch ignores a negative smoothing.
        let plain = try Losses.crossEntropy(x, y).item().doubleValue
        XCTAssertEqual(try Losses.crossEntropy(x, y, weight: nil, labelSmoothing: -0.1).item().doubleValue, plain, accuracy: 1e-7)
    }
}
