import XCTest
@testable import KindlingEngine
import KindlingTestSupport

/// softmax / log_softmax: values, stability, errors, fused gradients.
final class SoftmaxTests: XCTestCase {
    private let a = try! Tensor(shape: [2, 3], floats: [1, 2, 3, 4, 5, 6])

    func testValuesMatchPyTorch() throws {
        XCTAssertEqual(try a.softmax(dim: 1).description,
                       "tensor([[0.0900, 0.2447, 0.6652],\n        [0.0900, 0.2447, 0.6652]])")
        XCTAssertEqual(try a.softmax(dim: 0).description,
                       "tensor([[0.0474, 0.0474, 0.0474],\n        [0.9526, 0.9526, 0.9526]])")
        XCTAssertEqual(try a.logSoftmax(dim: 1).description,
                       "tensor([[-2.4076, -1.4076, -0.4076],\n        [-2.4076, -1.4076, -0.4076]])")
        XCTAssertEqual(try a.logSoftmax(dim: -1).exp().sum(dims: [1]).description, "tensor([1., 1.])")
        let w = try Tensor.ones([3]).requiresGrad_()
        XCTAssertEqual(try w.softmax(dim: 0).description, "tensor([0.3333, 0.3333, 0.3333], grad_fn=<SoftmaxBackward0>)")
        XCTAssertEqual(try w.logSoftmax(dim: 0).gradFn?.name, "LogSoftmaxBackward0")
        XCTAssertEqual(try Tensor(scalar: .float(7)).softmax(dim: 0).floatValues(), [1])
        XCTAssertEqual(try Tensor(shape: [2], ints: [0, 0]).softmax(dim: 0, dtype: .float32).floatValues(), [0.5, 0.5])
        XCTAssertEqual(try Tensor(scalar: .float(7)).logSoftmax(dim: -1).floatValues(), [0])
    }

    func testNumericallyStable() throws {
        let big = try Tensor(shape: [3], floats: [1000, 1001, 1002])
        let small = try Tensor(shape: [3], floats: [0, 1, 2])
        XCTAssertEqual(try big.softmax(dim: 0).floatValues(), try small.softmax(dim: 0).floatValues())
        let logs = try Tensor(shape: [2], floats: [-1000, 0]).logSoftmax(dim: 0).floatValues()
        XCTAssertEqual(logs[0], -1000, accuracy: 1e-3)
        XCTAssertEqual(logs[1], 0, accuracy: 1e-6)
        let withInf = try Tensor(shape: [3], floats: [-.infinity, 0, 0]).softmax(dim: 0).floatValues()
        XCTAssertEqual(withInf, [0, 0.5, 0.5])
    }

    func testErrors() throws {
        let v = try Tensor.ones([3])
        XCTAssertThrowsError(try v.softmax(dim: 1)) { error in
            XCTAssertEqual(error as? TensorError,
                TensorError(.indexError, "Dimension out of range (expected to be in range of [-1, 0], but got 1)"))
        }
        XCTAssertThrowsError(try Tensor(shape: [2], ints: [1, 2]).softmax(dim: 0)) { error in
            XCTAssertEqual(error as? TensorError,
                TensorError(.notImplementedError, "\"softmax_lastdim_kernel_impl\" not implemented for 'Long'"))
        }
        XCTAssertThrowsError(try Tensor(shape: [2, 1], ints: [1, 2]).logSoftmax(dim: 0)) { error in
            XCTAssertEqual(error as? TensorError,
                TensorError(.notImplementedError, "\"log_softmax_kernel_impl\" not implemented for 'Long'"))
        }
    }

    func testGradients() throws {
        // PyTorch: x.softmax(1)[:, 0].sum().backward()
        let x = try Tensor(shape: [2, 3], floats: [1, 2, 3, 1, 0, -1]).requiresGrad_()
        try x.softmax(dim: 1).index([.all, .int(0)]).sum().backward()
        XCTAssertEqual(x.grad?.description, "tensor([[ 0.0819, -0.0220, -0.0599],\n        [ 0.2227, -0.1628, -0.0599]])")
        let p = try Tensor(shape: [2, 3, 2], floats: (0..<12).map { Float(($0 * 5) % 7) * 0.4 - 1 })
        for d in [0, 1, 2, -1] {
            XCTAssertNil(try GradcheckOps.check([p]) { try $0[0].softmax(dim: d) }, "softmax dim \(d)")
            XCTAssertNil(try GradcheckOps.check([p]) { try $0[0].logSoftmax(dim: d) }, "log_softmax dim \(d)")
        }
    }
}
