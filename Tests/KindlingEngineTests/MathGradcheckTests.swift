import XCTest
import KindlingTestSupport
@testable import KindlingEngine

/// Gradients of the further math ops against finite differences, and the
/// edge points where PyTorch defines a value (sign' = 0, norm at zero, ties).
final class MathGradcheckTests: XCTestCase {
    override func setUp() { RandomGenerator.manualSeed(11) }

    /// A leaf with values spread over [lo, hi] (away from the edges of each function's domain).
    func leaf(_ shape: [Int], _ lo: Float, _ hi: Float) throws -> Tensor {
        let u = try Tensor.rand(shape).floatValues()
        return try Tensor(shape: shape, floats: u.map { lo + (hi - lo) * $0 }).requiresGrad_()
    }

    /// Values with magnitudes in [0.3, 2] and alternating signs (away from kinks at zero).
    func signedAway(_ shape: [Int]) throws -> Tensor {
        let u = try Tensor.rand(shape).floatValues()
        return try Tensor(shape: shape, floats: u.enumerated().map { i, v in (i % 2 == 0 ? 1 : -1) * (0.3 + 1.7 * v) }).requiresGrad_()
    }

    func check(_ inputs: [Tensor], eps: Float = 1e-3, file: StaticString = #filePath, line: UInt = #line,
               _ f: ([Tensor]) throws -> Tensor) {
        for t in inputs { t.grad = nil }
        do {
            let r = try Gradcheck.check(inputs, eps: eps, f)
            XCTAssertTrue(r.passed, r.report, file: file, line: line)
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
    }

    func testUnaryRules() throws {
        let unit = try leaf([3, 4], -0.8, 0.8), positive = try leaf([3, 4], 0.3, 2), big = try leaf([3, 4], 1.3, 3)
        let wide = try leaf([3, 4], -3, 3)
        let cases: [(Tensor, (Tensor) throws -> Tensor)] = [
            (unit, { try $0.log1p() }), (wide, { try $0.expm1() }), (positive, { try $0.log2() }),
            (positive, { try $0.log10() }), (wide, { try $0.exp2() }), (positive, { try $0.rsqrt() }),
            (wide, { try $0.erf() }), (unit, { try $0.erfinv() }), (unit, { try $0.tan() }), (wide, { try $0.atan() }),
            (unit, { try $0.asin() }), (unit, { try $0.acos() }), (wide, { try $0.sinh() }), (wide, { try $0.cosh() }),
            (wide, { try $0.asinh() }), (big, { try $0.acosh() }), (unit, { try $0.atanh() }), (wide, { try $0.frac() }),
            (wide, { try $0.gelu() }), (wide, { try $0.gelu(approximateTanh: true) }), (wide, { try $0.silu() }),
            (wide, { try $0.logSigmoid() }), (wide, { try $0.elu(alpha: 0.7) }), (unit, { try $0.softplus(beta: 2, threshold: 3) }),
            (wide, { try $0.hardtanh(min: -1.1, max: 1.3) }), (wide, { try $0.nanToNum() }),
        ]
        for (i, (x, f)) in cases.enumerated() {
            x.grad = nil
            check([x], eps: 1e-3) { try f($0[0]) }
            if i == 0 { XCTAssertNotNil(x.grad) }
        }
    }

    func testBinaryAndTernaryRulesWithBroadcasting() throws {
        let a = try leaf([3, 4], 0.5, 2), b = try leaf([4], -2, -0.5), c = try leaf([3, 1], 0.5, 1.5)
        for f in [BinaryMathFunction.atan2, .logaddexp, .hypot] {
            a.grad = nil; b.grad = nil
            check([a, b]) { try Tensor.binaryMath(f, .tensor($0[0]), .tensor($0[1])) }
        }
        // fmod away from its jumps: quotients strictly between 1 and 2.
        check([try leaf([3, 4], 1.1, 1.4), try leaf([4], 0.75, 1)]) { try Tensor.binaryMath(.fmod(scalarOther: false), .tensor($0[0]), .tensor($0[1])) }
        for f in [TernaryMathFunction.addcmul(value: 0.5), .addcdiv(value: -2), .lerp(scalarWeight: false)] {
            a.grad = nil; b.grad = nil; c.grad = nil
            check([a, b, c]) { try Tensor.ternaryMath(f, $0[0], $0[1], $0[2]) }
        }
    }

    func testReductionRules() throws {
        let x = try signedAway([3, 4])
        for p in [2.0, 1, 3, 0.5, .infinity, -.infinity] {
            x.grad = nil
            check([x]) { try $0[0].vectorNorm(ord: p, dims: [1], keepdim: p == 3) }
        }
        check([x]) { try $0[0].vectorNorm() }
        check([x]) { try $0[0].amax(dims: [0]) }
        check([x]) { try $0[0].amin(dims: [-1, 0], keepdim: true) }
        check([x]) { try $0[0].logsumexp(dims: [1]) }
        check([x]) { try $0[0].nansum(dims: [0], keepdim: true) }
        check([x]) { try $0[0].spreadAndMean(dims: [1], correction: 1, keepdim: false, std: false).0 }
        check([x]) { try $0[0].spreadAndMean(dims: nil, correction: 0, keepdim: false, std: true).0 }
        check([x]) { try $0[0].spreadAndMean(dims: [0], correction: 1, keepdim: true, std: true).1 }
        let y = try leaf([4], -1, 1)
        check([x, y]) { try $0[0].distance(to: $0[1], p: 3) }
    }

    func testProductRules() throws {
        let m = try leaf([3, 4], -1, 1), v = try leaf([4], -1, 1), w = try leaf([3], -1, 1), n = try leaf([4, 2], -1, 1)
        check([w, v]) { try $0[0].outer($0[1]) }
        check([m, n]) { try $0[0].inner(try $0[1].t()) }
        check([try leaf([2], -1, 1), m, n]) { try Tensor.addmm($0[0], $0[1], $0[2]) }
        check([m, n]) { try Tensor.einsum("ij,jk->ki", $0) }
        check([m, v]) { try Tensor.einsum("ij,j->i", $0) }
        check([m]) { try Tensor.einsum("ij->j", $0) }
    }

    /// PyTorch's values at the kinks: zero gradient for sign, 0 for the 2-norm of zeros,
    /// shared gradient for tied maxima.
    func testEdgePoints() throws {
        let z = try T([0, 0, 0]).requiresGrad_()
        try z.vectorNorm().backward()
        XCTAssertEqual(z.grad?.floatValues(), [0, 0, 0])
        let s = try T([-1, 0, 2]).requiresGrad_()
        try s.sign().sum().backward()
        XCTAssertEqual(s.grad?.floatValues(), [0, 0, 0])
        let t = try T([3, 1, 3]).requiresGrad_()
        try t.amax().backward()
        XCTAssertEqual(t.grad?.floatValues(), [0.5, 0, 0.5])
        let l1 = try T([-2, 0, 1]).requiresGrad_()
        try l1.vectorNorm(ord: 1).backward()
        XCTAssertEqual(l1.grad?.floatValues(), [-1, 0, 1])
        let h = try T([-1, 0.5, 1]).requiresGrad_()
        try h.hardtanh().sum().backward()
        XCTAssertEqual(h.grad?.floatValues(), [0, 1, 0])
    }

    func testEinsumValuesAndRefusals() throws {
        let a = try T([1, 2, 3, 4, 5, 6], [2, 3]), b = try T([1, 0, 2, 1, 0, 3], [3, 2])
        XCTAssertEqual(try Tensor.einsum("ij,jk->ik", [a, b]).floatValues(), try a.mm(b).floatValues())
        XCTAssertEqual(try Tensor.einsum("ij,jk", [a, b]).floatValues(), try a.mm(b).floatValues())
        XCTAssertEqual(try Tensor.einsum("ij->ji", [a]).shape, [3, 2])
        XCTAssertEqual(try Tensor.einsum("ij->", [a]).floatValues(), [21])
        XCTAssertEqual(try Tensor.einsum("i,i->", [try T([1, 2]), try T([3, 4])]).floatValues(), [11])
        XCTAssertEqual(try Tensor.einsum("i,j->ij", [try T([1, 2]), try T([3, 4, 5])]).floatValues(), [3, 4, 5, 6, 8, 10])
        let batch = try Tensor.einsum("bij,bjk->bik", [try a.reshape([1, 2, 3]), try b.reshape([1, 3, 2])])
        XCTAssertEqual(batch.shape, [1, 2, 2])
        assertThrows(.notImplementedError, "einsum with '...' (ellipsis) is not supported by Kindling") { try Tensor.einsum("...ij->...ji", [a]) }
        assertThrows(.notImplementedError, "einsum with a repeated subscript within one operand (a diagonal) is not supported by Kindling") {
            try Tensor.einsum("ii->i", [try a.reshape([3, 2]).narrow(dim: 0, start: 0, length: 2)])
        }
        assertThrows(.notImplementedError, "einsum with 3 operands is not supported by Kindling") { try Tensor.einsum("i,i,i->", [try T([1]), try T([1]), try T([1])]) }
    }
}
