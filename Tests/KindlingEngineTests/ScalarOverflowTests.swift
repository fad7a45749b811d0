import XCTest
@testable import KindlingEngine

/// Python numbers written into integer tensors: out of range, NaN and
/// infinity raise PyTorch's overflow errors; arithmetic keeps wrapping.
final class ScalarOverflowTests: XCTestCase {
    func testFitsChecksTheIntegerRanges() {
        XCTAssertTrue(Scalar.int(2_147_483_647).fits(in: .int32))
        XCTAssertFalse(Scalar.int(2_147_483_648).fits(in: .int32))
        XCTAssertTrue(Scalar.int(-2_147_483_648).fits(in: .int32))
        XCTAssertTrue(Scalar.float(2_147_483_647.9).fits(in: .int32), "truncates to Int32.max")
        XCTAssertFalse(Scalar.float(2_147_483_648).fits(in: .int32))
        XCTAssertFalse(Scalar.float(.nan).fits(in: .int64))
        XCTAssertFalse(Scalar.float(9.223372036854775808e18).fits(in: .int64))
        XCTAssertTrue(Scalar.float(-9.223372036854775808e18).fits(in: .int64))
        XCTAssertTrue(Scalar.int(Int64.max).fits(in: .int64))
        XCTAssertTrue(Scalar.float(1e300).fits(in: .float32), "float32 overflows to inf, as in PyTorch")
        XCTAssertTrue(Scalar.int(1 << 40).fits(in: .bool))
    }

    func testCreationAndFillsRaiseInsteadOfWrapping() throws {
        assertThrows(.runtimeError, "value cannot be converted to type int32 without overflow") {
            try Tensor(shape: [1], scalars: [.int(1 << 40)], dtype: .int32)
        }
        assertThrows(.runtimeError, "value cannot be converted to type int64 without overflow") {
            try Tensor(shape: [1], scalars: [.float(.infinity)], dtype: .int64)
        }
        assertThrows(.runtimeError, "value cannot be converted to type int without overflow") {
            try Tensor.full([2], value: .float(1e10), dtype: .int32)
        }
        assertThrows(.runtimeError, "value cannot be converted to type int64_t without overflow") {
            try Tensor.zeros([2], dtype: .int64).fill_(.float(1e30))
        }
        let x = try Tensor.zeros([2], dtype: .int32)
        assertThrows(.runtimeError, "value cannot be converted to type int without overflow") {
            try x.indexPut([.int(0)], .scalar(.int(1 << 40)))
        }
        XCTAssertEqual(try x.add_(.scalar(.int(1 << 40))).description, "tensor([0, 0], dtype=torch.int32)",
                       "arithmetic with a scalar wraps")
        XCTAssertEqual(try Tensor.full([1], value: .float(2.9), dtype: .int32).description, "tensor([2], dtype=torch.int32)")
    }
}
