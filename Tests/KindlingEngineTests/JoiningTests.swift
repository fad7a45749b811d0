import XCTest
@testable import KindlingEngine
import KindlingTestSupport

/// `Tensor.cat` and `Tensor.stack`: values, promotion, errors, gradients.
final class JoiningTests: XCTestCase {
    private let a = try! Tensor(shape: [2, 3], floats: [1, 2, 3, 4, 5, 6])
    private let b = try! Tensor(shape: [3], floats: [10, 20, 30])

    private func assertError(_ message: String, file: StaticString = #filePath, line: UInt = #line,
                             _ body: () throws -> Void) {
        do {
            try body()
            XCTFail("expected: \(message)", file: file, line: line)
        } catch let error as TensorError {
            XCTAssertEqual(error.message, message, file: file, line: line)
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
    }

    func testCatMatchesPyTorch() throws {
        XCTAssertEqual(try Tensor.cat([a, a]).description,
                       "tensor([[1., 2., 3.],\n        [4., 5., 6.],\n        [1., 2., 3.],\n        [4., 5., 6.]])")
        XCTAssertEqual(try Tensor.cat([a, a], dim: 1).description,
                       "tensor([[1., 2., 3., 1., 2., 3.],\n        [4., 5., 6., 4., 5., 6.]])")
        XCTAssertEqual(try Tensor.cat([b, b]).description, "tensor([10., 20., 30., 10., 20., 30.])")
    }

    func testCatPromotesAndSkipsLegacyEmpty() throws {
        let n = try Tensor(shape: [2], ints: [1, 2])
        let joined = try Tensor.cat([n, b, try Tensor.zeros([0])])
        XCTAssertEqual(joined.dtype, .float32)
        XCTAssertEqual(joined.floatValues(), [1, 2, 10, 20, 30])
        XCTAssertEqual(try Tensor.cat([try Tensor.zeros([0]), a]).shape, [2, 3])
        let flags = try Tensor.cat([try Tensor(shape: [1], bools: [true]), n])
        XCTAssertEqual(flags.dtype, .int64)
    }

    func testStackMatchesPyTorch() throws {
        XCTAssertEqual(try Tensor.stack([b, b], dim: 1).description,
                       "tensor([[10., 10.],\n        [20., 20.],\n        [30., 30.]])")
        XCTAssertEqual(try Tensor.stack([Tensor(scalar: .float(1)), Tensor(scalar: .float(2))]).description, "tensor([1., 2.])")
        XCTAssertEqual(try Tensor.stack([a, a]).shape, [2, 2, 3])
        XCTAssertEqual(try Tensor.stack([a, a], dim: -1).shape, [2, 3, 2])
        XCTAssertEqual(try Tensor.stack([a, a], dim: 1).floatValues(), [1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6])
    }

    func testErrors() throws {
        assertError("stack expects each tensor to be equal size, but got [3] at entry 0 and [4] at entry 1") {
            _ = try Tensor.stack([try Tensor.ones([3]), try Tensor.ones([4])])
        }
        assertError("stack expects a non-empty TensorList") { _ = try Tensor.stack([]) }
        assertError("torch.cat(): expected a non-empty list of Tensors") { _ = try Tensor.cat([]) }
        assertError("zero-dimensional tensor (at position 1) cannot be concatenated") {
            _ = try Tensor.cat([self.b, Tensor(scalar: .float(1))])
        }
        assertError("Tensors must have same number of dimensions: got 2 and 1") { _ = try Tensor.cat([self.a, self.b]) }
        assertError("Sizes of tensors must match except in dimension 0. Expected size 3 but got size 2 for tensor number 1 in the list.") {
            _ = try Tensor.cat([self.a, try self.a.t()])
        }
        assertError("Dimension out of range (expected to be in range of [-2, 1], but got 2)") { _ = try Tensor.cat([self.a], dim: 2) }
    }

    func testGradients() throws {
        let w = try Tensor.ones([3]).requiresGrad_()
        let joined = try Tensor.cat([w, b])
        XCTAssertEqual(joined.description, "tensor([ 1.,  1.,  1., 10., 20., 30.], grad_fn=<CatBackward0>)")
        let x = try Tensor(shape: [3], floats: [1, 2, 3]).requiresGrad_()
        let y = try Tensor.stack([x, try Tensor.binary(.mul, .tensor(x), .scalar(.float(2)))])
        XCTAssertEqual(y.gradFn?.name, "StackBackward0")
        try y.sum().backward()
        XCTAssertEqual(x.grad?.floatValues(), [3, 3, 3])
        let p = try Tensor(shape: [2, 2], floats: [0.5, -1, 2, 0.25])
        let q = try Tensor(shape: [2, 1], floats: [3, -2])
        XCTAssertNil(try GradcheckOps.check([p, q]) { try Tensor.cat([$0[0], $0[1], $0[0]], dim: 1) })
        XCTAssertNil(try GradcheckOps.check([p, p]) { try Tensor.stack([$0[0], $0[1]], dim: 1) })
    }
}
