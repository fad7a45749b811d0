import XCTest
@testable import KindlingEngine

/// `Tensor.indexPut`: `x[i] = v`, `x[mask] = v`, `x[idx] = v`, `x[:, 0] = v`.
final class IndexingPutTests: XCTestCase {
    private func ints(_ values: [Int64]) throws -> Tensor { try Tensor(shape: [values.count], ints: values) }

    private func assertError(_ kind: TensorError.Kind, _ message: String, file: StaticString = #filePath,
                             line: UInt = #line, _ body: () throws -> Void) {
        do {
            try body()
            XCTFail("expected \(kind): \(message)", file: file, line: line)
        } catch let error as TensorError {
            XCTAssertEqual(error.kind, kind, file: file, line: line)
            XCTAssertEqual(error.message, message, file: file, line: line)
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
    }

    func testBasicAssignmentBroadcasts() throws {
        let x = try Tensor.zeros([3, 4])
        let version = x.storage.version
        try x.indexPut([.int(0)], .scalar(.float(5)))
        try x.indexPut([.all, .int(-1)], .tensor(Tensor(shape: [3], floats: [1, 2, 3])))
        try x.indexPut([.slice(start: 1, stop: nil, step: nil), .slice(start: 0, stop: 2, step: nil)],
                       .tensor(Tensor(shape: [1, 1, 2], floats: [7, 8])))
        XCTAssertEqual(x.floatValues(), [5, 5, 5, 1, 7, 8, 0, 2, 7, 8, 0, 3])
        XCTAssertGreaterThan(x.storage.version, version)
        // Any dtype converts on the basic path (copy_).
        try x.indexPut([.int(2)], .tensor(ints([9, 9, 9, 9])))
        XCTAssertEqual(try x.index([.int(2)]).floatValues(), [9, 9, 9, 9])
        // x[...] = v and a value read from the destination itself.
        try x.indexPut([.slice(start: 1, stop: nil, step: nil)], .tensor(try x.index([.slice(start: nil, stop: 2, step: nil)])))
        XCTAssertEqual(x.floatValues(), [5, 5, 5, 1, 5, 5, 5, 1, 7, 8, 0, 2])
        try x.indexPut([.ellipsis], .scalar(.int(1)))
        XCTAssertEqual(x.floatValues(), [Float](repeating: 1, count: 12))
    }

    func testMaskAndIndexAssignment() throws {
        let x = try Tensor(shape: [2, 3], floats: [1, -2, 3, -4, 5, -6])
        let negative = try Tensor.binary(.lt, .tensor(x), .scalar(.int(0)))
        try x.indexPut([.tensor(negative)], .scalar(.float(0)))
        XCTAssertEqual(x.floatValues(), [1, 0, 3, 0, 5, 0])
        try x.indexPut([.tensor(ints([1, 0])), .tensor(ints([2, 0]))], .tensor(Tensor(shape: [2], floats: [10, 20])))
        XCTAssertEqual(x.floatValues(), [20, 0, 3, 0, 5, 10])
        try x.indexPut([.all, .tensor(ints([1]))], .tensor(Tensor(shape: [2, 1], floats: [7, 8])))
        XCTAssertEqual(x.floatValues(), [20, 7, 3, 0, 8, 10])
        // A Python float into an int tensor truncates, as PyTorch converts scalars.
        let n = try ints([1, 2, 3])
        try n.indexPut([.tensor(Tensor(shape: [3], bools: [true, false, true]))], .scalar(.float(7.9)))
        XCTAssertEqual(n.scalars(), [.int(7), .int(2), .int(7)])
        // One-element value under a mask is cast too.
        try n.indexPut([.tensor(Tensor(shape: [3], bools: [false, true, false]))], .tensor(Tensor(shape: [1], floats: [4])))
        XCTAssertEqual(n.scalars(), [.int(7), .int(4), .int(7)])
    }

    func testErrors() throws {
        let x = try Tensor.zeros([3])
        assertError(.indexError, "index 5 is out of bounds for dimension 0 with size 3") {
            try x.indexPut([.int(5)], .scalar(.float(1)))
        }
        assertError(.runtimeError, "shape mismatch: value tensor of shape [2] cannot be broadcast to indexing result of shape [3]") {
            try x.indexPut([.tensor(self.ints([0, 1, 2]))], .tensor(Tensor(shape: [2], floats: [1, 2])))
        }
        assertError(.runtimeError, "Index put requires the source and destination dtypes match, got Float for the destination and Long for the source.") {
            try x.indexPut([.tensor(self.ints([0, 1]))], .tensor(self.ints([1, 2])))
        }
        assertError(.runtimeError,
            "The expanded size of the tensor (3) must match the existing size (2) at non-singleton dimension 0.  Target sizes: [3].  Tensor sizes: [2]") {
            try x.indexPut([.ellipsis], .tensor(Tensor(shape: [2], floats: [1, 2])))
        }
        let w = try Tensor.zeros([3]).requiresGrad_()
        assertError(.runtimeError, "a leaf Variable that requires grad is being used in an in-place operation.") {
            try w.indexPut([.int(0)], .scalar(.float(1)))
        }
        // Under no_grad (or through .data) it is allowed.
        try GradMode.withNoGrad { try w.indexPut([.int(0)], .scalar(.float(1))) }
        try w.data.indexPut([.int(1)], .scalar(.float(2)))
        XCTAssertEqual(w.floatValues(), [1, 2, 0])
    }

    func testGradientsThroughAssignment() throws {
        let x = try Tensor(shape: [2, 2], floats: [1, 2, 3, 4]).requiresGrad_()
        let v = try Tensor(shape: [2], floats: [5, 6]).requiresGrad_()
        let y = try Tensor.binary(.mul, .tensor(x), .scalar(.float(3)))
        try y.indexPut([.int(0)], .tensor(v))
        XCTAssertEqual(y.gradFn?.name, "CopySlices")
        try y.sum().backward()
        XCTAssertEqual(x.grad?.floatValues(), [0, 0, 3, 3])
        XCTAssertEqual(v.grad?.floatValues(), [1, 1])

        let z = try Tensor.binary(.mul, .tensor(x), .scalar(.float(1)))
        let s = try Tensor(shape: [1], floats: [2]).requiresGrad_()
        try z.indexPut([.tensor(Tensor(shape: [2, 2], bools: [true, false, false, true]))], .tensor(s))
        XCTAssertEqual(z.gradFn?.name, "IndexPutBackward0")
        try z.sum().backward()
        XCTAssertEqual(s.grad?.floatValues(), [2])
    }
}
