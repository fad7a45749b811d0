import XCTest
@testable import KindlingEngine
import KindlingTestSupport

/// `Tensor.index`: basic items as views, advanced items as copies, PyTorch's
/// dim order, errors and gradients.
final class IndexingTests: XCTestCase {
    /// torch.arange(24.).view(4, 6)
    private func grid() throws -> Tensor {
        try Tensor(shape: [4, 6], floats: (0..<24).map(Float.init))
    }

    private func ints(_ values: [Int64]) throws -> Tensor { try Tensor(shape: [values.count], ints: values) }

    private func assertValues(_ t: Tensor, _ shape: [Int], _ values: [Float],
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(t.shape, shape, file: file, line: line)
        XCTAssertEqual(t.floatValues(), values, file: file, line: line)
    }

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

    func testIntsAndSlicesGiveViews() throws {
        let x = try grid()
        let row = try x.index([.int(0)])
        assertValues(row, [6], [0, 1, 2, 3, 4, 5])
        XCTAssertTrue(row.sharesStorage(with: x))
        assertValues(try x.index([.int(-1)]), [6], [18, 19, 20, 21, 22, 23])
        assertValues(try x.index([.int(1)]).index([.int(2)]), [], [8])
        assertValues(try x.index([.all, .int(0)]), [4], [0, 6, 12, 18])
        assertValues(try x.index([.all, .int(-1)]), [4], [5, 11, 17, 23])
        let block = try x.index([.slice(start: 1, stop: 3, step: nil), .slice(start: 2, stop: nil, step: nil)])
        assertValues(block, [2, 4], [8, 9, 10, 11, 14, 15, 16, 17])
        XCTAssertTrue(block.sharesStorage(with: x))
        assertValues(try x.index([.slice(start: nil, stop: nil, step: 2)]), [2, 6], [0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17])
        assertValues(try x.index([.all, .slice(start: nil, stop: nil, step: 3)]), [4, 2], [0, 3, 6, 9, 12, 15, 18, 21])
        assertValues(try x.index([.slice(start: -10, stop: 100, step: 3)]), [2, 6], (0..<6).map(Float.init) + (18..<24).map(Float.init))
        XCTAssertEqual(try x.index([.slice(start: 3, stop: 1, step: nil)]).shape, [0, 6])
    }

    func testNoneAndEllipsis() throws {
        let x = try grid()
        XCTAssertEqual(try x.index([.none]).shape, [1, 4, 6])
        XCTAssertEqual(try x.index([.all, .none]).shape, [4, 1, 6])
        XCTAssertEqual(try x.index([.ellipsis, .none]).shape, [4, 6, 1])
        assertValues(try x.index([.ellipsis, .int(1)]), [4], [1, 7, 13, 19])
        assertValues(try x.index([.none, .ellipsis, .int(0)]), [1, 4], [0, 6, 12, 18])
        let alias = try x.index([.ellipsis])
        XCTAssertTrue(alias.sharesStorage(with: x))
        XCTAssertFalse(alias === x)
        XCTAssertEqual(try x.index([.tensor(Tensor(scalar: .int(2)))]).floatValues(), [12, 13, 14, 15, 16, 17])
        XCTAssertEqual(try x.index([.tensor(Tensor(scalar: .bool(true)))]).shape, [1, 4, 6])
        XCTAssertEqual(try x.index([.tensor(Tensor(scalar: .bool(false)))]).shape, [0, 4, 6])
    }

    func testIndexTensorsAndMasksCopy() throws {
        let x = try grid()
        let rows = try x.index([.tensor(ints([0, 2]))])
        assertValues(rows, [2, 6], [0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17])
        XCTAssertFalse(rows.sharesStorage(with: x))
        let mask = try Tensor.binary(.gt, .tensor(x), .scalar(.int(20)))
        assertValues(try x.index([.tensor(mask)]), [3], [21, 22, 23])
        assertValues(try x.index([.tensor(ints([-1, 0, -1]))]).index([.all, .int(0)]), [3], [18, 0, 18])
        let rowMask = try Tensor(shape: [4], bools: [true, false, false, true])
        assertValues(try x.index([.tensor(rowMask), .int(1)]), [2], [1, 19])
        assertValues(try x.index([.all, .tensor(ints([5, 0]))]), [4, 2], [5, 0, 11, 6, 17, 12, 23, 18])
        // Pairs of coordinates.
        assertValues(try x.index([.tensor(ints([0, 3])), .tensor(ints([1, 5]))]), [2], [1, 23])
        // Broadcast index tensors: [[0], [3]] with [1, 5] picks a 2x2 block.
        let column = try Tensor(shape: [2, 1], ints: [0, 3])
        assertValues(try x.index([.tensor(column), .tensor(ints([1, 5]))]), [2, 2], [1, 5, 19, 23])
    }

    func testAdvancedDimsOrderFollowsNumPy() throws {
        let x = try Tensor(shape: [2, 3, 4], floats: (0..<24).map(Float.init))
        // Adjacent indexed dims stay in place.
        XCTAssertEqual(try x.index([.all, .tensor(ints([0, 1])), .tensor(ints([1, 2]))]).shape, [2, 2])
        XCTAssertEqual(try x.index([.all, .all, .tensor(ints([0, 1, 3]))]).shape, [2, 3, 3])
        XCTAssertEqual(try x.index([.ellipsis, .tensor(ints([0, 1]))]).shape, [2, 3, 2])
        // Separated indexed dims go first.
        let split = try x.index([.tensor(ints([0, 1])), .all, .tensor(ints([1, 2]))])
        assertValues(split, [2, 3], [1, 5, 9, 14, 18, 22])
        // An int between index tensors also separates them (it is a select first).
        XCTAssertEqual(try x.index([.tensor(ints([0, 1])), .int(0), .tensor(ints([1, 2]))]).shape, [2])
        XCTAssertEqual(try x.index([.none, .tensor(ints([1])), .all, .tensor(ints([0, 3]))]).shape, [2, 1, 3])
        let mask2d = try Tensor(shape: [2, 3], bools: [true, false, true, false, false, true])
        assertValues(try x.index([.tensor(mask2d), .int(0)]), [3], [0, 8, 20])
        XCTAssertEqual(try x.index([.tensor(mask2d)]).shape, [3, 4])
    }

    func testErrorsMatchPyTorch() throws {
        let v = try Tensor(shape: [3], floats: [1, 1, 1])
        let x = try grid()
        assertError(.indexError, "index 5 is out of bounds for dimension 0 with size 3") { _ = try v.index([.int(5)]) }
        assertError(.indexError, "index -4 is out of bounds for dimension 0 with size 3") { _ = try v.index([.int(-4)]) }
        assertError(.indexError, "index 6 is out of bounds for dimension 1 with size 6") { _ = try x.index([.all, .int(6)]) }
        assertError(.indexError, "index 6 is out of bounds for dimension 1 with size 6") { _ = try x.index([.none, .int(0), .int(6)]) }
        assertError(.indexError,
            "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number") {
            _ = try Tensor(scalar: .float(3)).index([.int(0)])
        }
        assertError(.indexError, "too many indices for tensor of dimension 2") { _ = try x.index([.int(0), .int(0), .int(0)]) }
        assertError(.indexError, "an index can only have a single ellipsis ('...')") { _ = try x.index([.ellipsis, .ellipsis]) }
        assertError(.indexError, "index 3 is out of bounds for dimension 0 with size 3") { _ = try v.index([.tensor(self.ints([0, 3]))]) }
        assertError(.indexError, "tensors used as indices must be long, int, byte or bool tensors") {
            _ = try v.index([.tensor(Tensor(shape: [1], floats: [0]))])
        }
        assertError(.indexError, "The shape of the mask [3] at index 0 does not match the shape of the indexed tensor [4, 6] at index 0") {
            _ = try x.index([.tensor(Tensor(shape: [3], bools: [true, false, true]))])
        }
        assertError(.indexError, "shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]") {
            _ = try x.index([.tensor(self.ints([0, 1])), .tensor(self.ints([0, 1, 2]))])
        }
        assertError(.valueError, "step must be greater than zero") { _ = try x.index([.all, .slice(start: nil, stop: nil, step: -1)]) }
        assertError(.valueError, "slice step cannot be zero") { _ = try x.index([.slice(start: nil, stop: nil, step: 0)]) }
    }

    func testGradFnNames() throws {
        let w = try Tensor(shape: [3], floats: [1, 1, 1]).requiresGrad_()
        XCTAssertEqual(try w.index([.int(0)]).gradFn?.name, "SelectBackward0")
        XCTAssertEqual(try w.index([.slice(start: 1, stop: nil, step: nil)]).gradFn?.name, "SliceBackward0")
        XCTAssertEqual(try w.index([.none]).gradFn?.name, "UnsqueezeBackward0")
        XCTAssertEqual(try w.index([.ellipsis]).gradFn?.name, "AliasBackward0")
        XCTAssertEqual(try w.index([.tensor(ints([0, 0]))]).gradFn?.name, "IndexBackward0")
        XCTAssertEqual(try w.index([.int(0)]).description, "tensor(1., grad_fn=<SelectBackward0>)")
    }

    func testGradientsScatterBack() throws {
        let x = try Tensor(shape: [3], floats: [1, 2, 3]).requiresGrad_()
        try x.index([.tensor(ints([0, 0, 2]))]).sum().backward()
        XCTAssertEqual(x.grad?.floatValues(), [2, 0, 1])
        let y = try Tensor(shape: [2, 3], floats: [1, 2, 3, 4, 5, 6]).requiresGrad_()
        let mask = try Tensor.binary(.gt, .tensor(y), .scalar(.float(3)))
        try y.index([.tensor(mask)]).sum().backward()
        XCTAssertEqual(y.grad?.floatValues(), [0, 0, 0, 1, 1, 1])
    }

    func testGradcheck() throws {
        let x = try Tensor(shape: [3, 4], floats: (0..<12).map { Float($0) * 0.37 - 2 })
        let items: [[TensorIndex]] = [
            [.int(1)],
            [.all, .slice(start: 1, stop: nil, step: 2)],
            [.none, .ellipsis, .int(-1)],
            [.tensor(try ints([2, 0, 2]))],
            [.tensor(try ints([0, 2])), .tensor(try ints([3, 3]))],
            [.tensor(try Tensor(shape: [3, 4], bools: (0..<12).map { $0 % 3 == 0 }))],
            [.slice(start: 1, stop: nil, step: nil), .tensor(try ints([1, 0]))],
        ]
        for item in items {
            XCTAssertNil(try GradcheckOps.check([x]) { try $0[0].index(item) }, "\(item)")
        }
    }
}

extension IndexingTests {
    func testHugeStepsAndBoundsDoNotTrap() throws {
        let x = try Tensor(shape: [4, 6], floats: (0..<24).map(Float.init))
        XCTAssertEqual(try x.index([.slice(start: nil, stop: nil, step: Int.max)]).shape, [1, 6])
        XCTAssertEqual(try x.index([.all, .slice(start: Int.min, stop: Int.max, step: Int.max)]).floatValues(), [0, 6, 12, 18])
        XCTAssertEqual(try x.index([.slice(start: Int.max, stop: Int.min, step: nil)]).shape, [0, 6])
        XCTAssertThrowsError(try x.index([.int(Int.min)]))
        XCTAssertThrowsError(try x.index([.tensor(Tensor(shape: [1], ints: [Int64.min]))]))
        XCTAssertThrowsError(try x.index([.tensor(Tensor(shape: [1], ints: [Int64.max]))]))
    }
}

extension IndexingTests {
    func testAbsurdBroadcastIndexIsAnErrorNotACrash() throws {
        let x = try Tensor.zeros([200_000, 200_000 / 100_000])
        let rows = try Tensor(shape: [200_000, 1], ints: [Int64](repeating: 0, count: 200_000))
        let cols = try Tensor(shape: [1, 200_000], ints: [Int64](repeating: 1, count: 200_000))
        XCTAssertThrowsError(try x.index([.tensor(rows), .tensor(cols)])) { error in
            XCTAssertTrue((error as? TensorError)?.message.contains("not enough memory") ?? false, "\(error)")
        }
    }
}
