import XCTest
@testable import KindlingEngine

final class ViewTests: XCTestCase {
    func testViewsShareStorage() throws {
        let x = try Tensor.arange(end: .int(24)).to(.float32).view([4, 6])
        let checks: [Tensor] = [try x.view([-1]), try x.reshape([6, 4]), try x.t(), try x.transpose(0, 1),
                                try x.permute([1, 0]), try x.unsqueeze(0), try x.unsqueeze(0).squeeze(),
                                try x.select(dim: 0, index: 1), try x.slice(dim: 1, start: 1, end: 5, step: 2),
                                try x.narrow(dim: 0, start: 1, length: 2), try x.flatten(), x.detach(), x.data,
                                try x.select(dim: 0, index: 0).expand([3, 6])]
        for v in checks { XCTAssertTrue(v.sharesStorage(with: x)) }
        XCTAssertFalse(try x.t().reshape([24]).sharesStorage(with: x), "reshape of a transpose copies")
        XCTAssertFalse(try x.clone().sharesStorage(with: x))
        XCTAssertTrue(try x.contiguous() === x)
        XCTAssertFalse(try x.t().contiguous().sharesStorage(with: x))
        let rows = try x.rows()
        XCTAssertEqual(rows.count, 4)
        XCTAssertTrue(rows.allSatisfy { $0.sharesStorage(with: x) })
        assertClose(rows[2], [12, 13, 14, 15, 16, 17])
    }

    func testViewValuesAndShapes() throws {
        let x = try Tensor.arange(end: .int(24)).to(.float32).view([4, 6])
        assertClose(try x.slice(dim: 0, start: 1, end: 3).slice(dim: 1, start: 2), [8, 9, 10, 11, 14, 15, 16, 17])
        assertClose(try x.slice(dim: 1, step: 3), [0, 3, 6, 9, 12, 15, 18, 21])
        assertClose(try x.t().select(dim: 0, index: 0), [0, 6, 12, 18])
        assertClose(try x.select(dim: 1, index: -1), [5, 11, 17, 23])
        XCTAssertEqual(try x.unsqueeze(1).shape, [4, 1, 6])
        XCTAssertEqual(try x.unsqueeze(-1).shape, [4, 6, 1])
        XCTAssertEqual(try x.view([-1, 2, 3]).shape, [4, 2, 3])
        XCTAssertEqual(try x.t().contiguous().strides, [4, 1])
        XCTAssertEqual(try Tensor.zeros([2, 3, 4]).flatten(startDim: 1).shape, [2, 12])
        let e = try T([1, 2, 3]).unsqueeze(1).expand([3, 2])
        XCTAssertEqual(e.strides, [1, 0])
        assertClose(e, [1, 1, 2, 2, 3, 3])
        assertClose(try x.t().reshape([-1]).slice(dim: 0, end: 5), [0, 6, 12, 18, 1])
    }

    func testViewErrors() throws {
        let v = try Tensor.ones([3])
        assertThrows(.runtimeError, "shape '[2, 2]' is invalid for input of size 3") { try v.view([2, 2]) }
        assertThrows(.indexError, "index 5 is out of bounds for dimension 0 with size 3") { try v.select(dim: 0, index: 5) }
        assertThrows(.indexError, "Dimension out of range (expected to be in range of [-2, 1], but got 2)") {
            try Tensor.ones([2, 3]).mean(dims: [2])
        }
        assertThrows(.runtimeError, "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.") {
            try Tensor.ones([2, 3]).t().view([6])
        }
        assertThrows(.runtimeError, "only one dimension can be inferred") { try v.view([-1, -1]) }
        assertThrows(.typeError, "len() of a 0-d tensor") { try Tensor(scalar: .float(3)).length() }
        assertThrows(.runtimeError, "The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1.  Target sizes: [2, 4].  Tensor sizes: [3]") {
            try v.expand([2, 4])
        }
    }
}
