import XCTest
@testable import KindlingEngine

final class ElementwiseTests: XCTestCase {
    let a = try! T([1, 2, 3, 4, 5, 6], [2, 3])
    let b = try! T([10, 20, 30])
    let i = try! I([1, 2, 3])

    func testBroadcastArithmetic() throws {
        assertClose(try add(a, b), [11, 22, 33, 14, 25, 36])
        assertClose(try op(.sub, a, b), [-9, -18, -27, -6, -15, -24])
        assertClose(try op(.div, a, b), [0.1, 0.1, 0.1, 0.4, 0.25, 0.2])
        assertClose(try op(.pow, a, .int(2)), [1, 4, 9, 16, 25, 36])
        assertClose(try op(.pow, .int(2), a), [2, 4, 8, 16, 32, 64])
        assertClose(try op(.sub, .int(1), a), [0, -1, -2, -3, -4, -5])
        assertClose(try op(.div, .int(2), b), [0.2, 0.1, 0.0666667])
        let col = try T([1, 2], [2, 1])
        let r = try add(col, b)
        XCTAssertEqual(r.shape, [2, 3])
        assertClose(r, [11, 21, 31, 12, 22, 32])
        // Non-contiguous operands.
        assertClose(try add(try a.t(), try T([1, 1], [2])), [2, 5, 3, 6, 4, 7])
    }

    func testPromotionWithWeakScalars() throws {
        XCTAssertEqual(try op(.add, i, .int(1)).dtype, .int64)
        XCTAssertEqual(try op(.add, i, .float(0.5)).dtype, .float32)
        assertClose(try op(.add, i, .float(0.5)), [1.5, 2.5, 3.5])
        XCTAssertEqual(try op(.div, i, .int(2)).dtype, .float32)
        assertClose(try op(.div, i, .int(2)), [0.5, 1, 1.5])
        assertInts(try op(.remainder, i, .int(2)), [1, 0, 1])
        assertInts(try op(.floorDiv, try I([-7, 7]), .int(2)), [-4, 3])
        assertInts(try op(.remainder, try I([-7, 7]), .int(3)), [2, 1])
        XCTAssertEqual(try mul(i, a).dtype, .float32)
        assertClose(try mul(i, a), [1, 4, 9, 4, 10, 18])
        XCTAssertEqual(try op(.add, a, Tensor(scalar: .int(1))).dtype, .float32)
        XCTAssertEqual(try op(.add, i, Tensor(scalar: .float(1))).dtype, .float32)
        let m = try op(.gt, a, .int(3))
        XCTAssertEqual(m.dtype, .bool)
        XCTAssertEqual(try m.sum().scalars(), [.int(3)])
        XCTAssertEqual(try op(.add, try B([true, false]), .int(1)).dtype, .int64)
        assertThrows(.runtimeError, "ZeroDivisionError") { try op(.floorDiv, self.i, .int(0)) }
        assertThrows(.runtimeError, "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.") {
            try op(.sub, try B([true]), try B([false]))
        }
    }

    func testComparisonsLogicAndWhere() throws {
        XCTAssertEqual(try op(.eq, a, .int(2)).scalars().map { $0 == .bool(true) }, [false, true, false, false, false, false])
        let m = try op(.logicalAnd, try op(.gt, a, .int(2)), try op(.lt, a, .int(5)))
        XCTAssertEqual(m.scalars(), [false, false, true, true, false, false].map(Scalar.bool))
        XCTAssertEqual(try m.logicalNot().scalars(), [true, true, false, false, true, true].map(Scalar.bool))
        let w = try Tensor.where_(try op(.gt, a, .int(3)), .tensor(a), .tensor(try a.neg()))
        assertClose(w, [-1, -2, -3, 4, 5, 6])
        let w2 = try Tensor.where_(try op(.eq, i, .int(1)), .tensor(try op(.sub, .int(1), b)), .tensor(b))
        assertClose(w2, [-9, 20, 30])
        XCTAssertEqual(try Tensor.where_(try B([true, false]), .scalar(.int(1)), .scalar(.int(0))).dtype, .int64)
        assertThrows(.runtimeError, "The size of tensor a (784) must match the size of tensor b (5) at non-singleton dimension 1") {
            try add(try Tensor.ones([5, 784]), try Tensor.ones([5, 5]))
        }
    }

    func testUnaryOps() throws {
        assertClose(try a.sqrt(), [1, 1.4142, 1.7321, 2, 2.2361, 2.4495])
        assertClose(try a.exp(), [2.7183, 7.3891, 20.0855, 54.5981, 148.4132, 403.4288])
        assertClose(try a.log(), [0, 0.6931, 1.0986, 1.3863, 1.6094, 1.7918])
        assertClose(try a.sigmoid(), [0.7311, 0.8808, 0.9526, 0.9820, 0.9933, 0.9975])
        assertClose(try a.tanh(), [0.7616, 0.9640, 0.9951, 0.9993, 0.9999, 1.0])
        assertClose(try op(.sub, a, .int(3)).relu(), [0, 0, 0, 1, 2, 3])
        assertClose(try a.clamp(min: .int(2), max: .int(5)), [2, 2, 3, 4, 5, 5])
        assertClose(try op(.div, a, .int(3)).round(decimals: 2), [0.33, 0.67, 1, 1.33, 1.67, 2])
        assertClose(try T([0.5, 1.5, 2.5, -0.5]).round(), [0, 2, 2, -0])
        assertClose(try op(.div, a, .int(4)).ceil(), [1, 1, 1, 1, 2, 2])
        assertClose(try T([-1.5, 1.5]).floor(), [-2, 1])
        assertClose(try op(.floorDiv, try T([-7, 7, -7.5]), .int(2)), [-4, 3, -4])
        assertClose(try op(.remainder, try T([-7, 7]), .int(-3)), [-1, -2])
        assertClose(try T([2.5, 3.5, -2.5]).round(), [2, 4, -2])
        XCTAssertEqual(try i.sqrt().dtype, .float32)
        assertInts(try i.neg(), [-1, -2, -3])
        assertClose(try op(.maximum, a, Tensor(scalar: .float(3))), [3, 3, 3, 4, 5, 6])
        assertThrows(.runtimeError, "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.") {
            try B([true]).neg()
        }
    }

    func testInPlaceOps() throws {
        let x = try T([1, 2, 3])
        let v = try x.view([3])
        try x.add_(.scalar(.int(1)))
        assertClose(v, [2, 3, 4])
        try x.mul_(.tensor(try T([2, 2, 2])))
        assertClose(x, [4, 6, 8])
        try x.zero_()
        assertClose(x, [0, 0, 0])
        let m = try Tensor.zeros([2, 3])
        try m.t().copy_(try T([1, 2, 3, 4, 5, 6], [3, 2]))
        assertClose(m, [1, 3, 5, 2, 4, 6])
        try m.select(dim: 1, index: 0).fill_(.int(9))
        assertClose(m, [9, 3, 5, 9, 4, 6])
        let ints = try I([1, 2])
        assertThrows(.runtimeError, "result type Float can't be cast to the desired output type Long") {
            try ints.add_(.scalar(.float(0.5)))
        }
    }
}
