import XCTest
import KindlingTestSupport
@testable import KindlingEngine

/// Every gradient rule against finite differences, on random shapes
/// including broadcast ones.
final class GradcheckTests: XCTestCase {
    override func setUp() { RandomGenerator.manualSeed(7) }

    /// A leaf of random normal values (optionally shifted/scaled away from kinks).
    func x(_ shape: [Int], shift: Float = 0, scale: Float = 1) throws -> Tensor {
        let r = try Tensor.randn(shape)
        let v = r.floatValues().map { $0 * scale + shift }
        return try Tensor(shape: shape, floats: v).requiresGrad_()
    }

    /// Values bounded away from zero (for abs, relu, division, clamp edges).
    func away(_ shape: [Int], positive: Bool = false) throws -> Tensor {
        let r = try Tensor.rand(shape)
        let v = r.floatValues().enumerated().map { i, u -> Float in
            let m = 0.5 + u
            return positive || i % 2 == 0 ? m : -m
        }
        return try Tensor(shape: shape, floats: v).requiresGrad_()
    }

    func check(_ inputs: [Tensor], file: StaticString = #filePath, line: UInt = #line, _ f: ([Tensor]) throws -> Tensor) {
        do {
            let r = try Gradcheck.check(inputs, f)
            XCTAssertTrue(r.passed, r.report, file: file, line: line)
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
    }

    func b(_ o: BinaryOp, _ a: Tensor, _ c: Tensor) throws -> Tensor { try Tensor.binary(o, .tensor(a), .tensor(c)) }

    func testBinaryRulesWithBroadcasting() throws {
        let shapes: [([Int], [Int])] = [([3, 4], [3, 4]), ([3, 4], [4]), ([2, 1, 3], [4, 1]), ([5], []), ([], [2, 3])]
        for (sa, sb) in shapes {
            check([try x(sa), try x(sb)]) { try self.b(.add, $0[0], $0[1]) }
            check([try x(sa), try x(sb)]) { try self.b(.sub, $0[0], $0[1]) }
            check([try x(sa), try x(sb)]) { try self.b(.mul, $0[0], $0[1]) }
            check([try x(sa), try away(sb)]) { try self.b(.div, $0[0], $0[1]) }
            check([try away(sa, positive: true), try x(sb, scale: 0.5)]) { try self.b(.pow, $0[0], $0[1]) }
            check([try x(sa), try x(sb, shift: 0.05)]) { try self.b(.maximum, $0[0], $0[1]) }
            check([try x(sa), try x(sb, shift: 0.05)]) { try self.b(.minimum, $0[0], $0[1]) }
            let cond = try Tensor.binary(.gt, .tensor(try Tensor.randn(sa)), .scalar(.int(0)))
            check([try x(sa), try x(sb)]) { try Tensor.where_(cond, .tensor($0[0]), .tensor($0[1])) }
        }
        check([try away([4, 3])]) { try Tensor.binary(.remainder, .tensor($0[0]), .scalar(.float(0.3))) }
    }

    func testScalarOperandRules() throws {
        check([try x([3, 2])]) { try Tensor.binary(.sub, .scalar(.int(1)), .tensor($0[0])) }
        check([try x([3, 2])]) { try Tensor.binary(.mul, .tensor($0[0]), .scalar(.float(2.5))) }
        check([try away([3, 2])]) { try Tensor.binary(.div, .scalar(.int(2)), .tensor($0[0])) }
        check([try x([3, 2])]) { try Tensor.binary(.pow, .tensor($0[0]), .scalar(.int(3))) }
        check([try away([3, 2], positive: true)]) { try Tensor.binary(.pow, .tensor($0[0]), .scalar(.float(-1.5))) }
        check([try x([3, 2], scale: 0.5)]) { try Tensor.binary(.pow, .scalar(.float(2)), .tensor($0[0])) }
    }

    func testUnaryRules() throws {
        let shape = [2, 3, 2]
        check([try x(shape)]) { try $0[0].neg() }
        check([try away(shape)]) { try $0[0].abs() }
        check([try away(shape, positive: true)]) { try $0[0].sqrt() }
        check([try x(shape)]) { try $0[0].exp() }
        check([try away(shape, positive: true)]) { try $0[0].log() }
        check([try x(shape)]) { try $0[0].sigmoid() }
        check([try x(shape)]) { try $0[0].tanh() }
        check([try away(shape)]) { try $0[0].relu() }
        check([try away(shape)]) { try $0[0].reciprocal() }
        check([try x(shape)]) { try $0[0].sin() }
        check([try x(shape)]) { try $0[0].cos() }
        let spread = try Tensor(shape: shape, floats: (0..<12).map { Float($0) * 0.37 - 2.1 }).requiresGrad_()
        check([spread]) { try $0[0].clamp(min: .float(-0.9), max: .float(0.95)) }
        check([try away(shape)]) { try $0[0].clamp(min: .float(0.2), max: nil) }
        check([try away(shape)]) { try $0[0].clamp(min: nil, max: .float(-0.2)) }
        let fractional = try Tensor(shape: shape, floats: (0..<12).map { Float($0) * 0.05 + 0.2 }).requiresGrad_()
        check([fractional]) { try $0[0].floor() }
    }

    func testReductionRules() throws {
        let shape = [3, 4, 2]
        check([try x(shape)]) { try $0[0].sum() }
        check([try x(shape)]) { try $0[0].sum(dims: [0, 2]) }
        check([try x(shape)]) { try $0[0].sum(dims: [-1], keepdim: true) }
        check([try x(shape)]) { try $0[0].mean() }
        check([try x(shape)]) { try $0[0].mean(dims: [1]) }
        check([try x(shape)]) { try $0[0].mean(dims: [0, 2], keepdim: true) }
        check([try away([3, 4])]) { try $0[0].prod() }
        check([try away([3, 4])]) { try $0[0].prod(dim: 1) }
        check([try away([3, 4])]) { try $0[0].prod(dim: 0, keepdim: true) }
        check([try x(shape)]) { try $0[0].max() }
        check([try x(shape)]) { try $0[0].min() }
        check([try x(shape)]) { try $0[0].max(dim: 1).values }
        check([try x(shape)]) { try $0[0].min(dim: -1, keepdim: true).values }
        check([try x(shape)]) { try $0[0].variance() }
        check([try x(shape)]) { try $0[0].variance(dims: [0, 2], keepdim: true) }
        check([try x(shape)]) { try $0[0].std(dims: [1]) }
        check([try x(shape)]) { try $0[0].std(correction: 0) }
        check([try x(shape)]) { try $0[0].cumsum(dim: 1) }
        check([try x([5])]) { try $0[0].cumsum(dim: 0) }
    }

    func testProdWithZero() throws {
        let z = try T([2, 0, 3, 4], [2, 2]).requiresGrad_()
        try z.prod().backward()
        assertClose(try XCTUnwrap(z.grad), [0, 24, 0, 0])
        let z2 = try T([2, 0, 3, 4], [2, 2]).requiresGrad_()
        try z2.prod(dim: 1).sum().backward()
        assertClose(try XCTUnwrap(z2.grad), [0, 2, 4, 3])
    }

    func testMatrixProductRules() throws {
        check([try x([3, 4]), try x([4, 2])]) { try $0[0].mm($0[1]) }
        check([try x([4, 3]), try x([4, 2])]) { try $0[0].t().mm($0[1]) }
        check([try x([3, 4]), try x([2, 4])]) { try $0[0].mm(try $0[1].t()) }
        check([try x([2, 3, 4]), try x([2, 4, 5])]) { try $0[0].bmm($0[1]) }
        check([try x([4]), try x([4])]) { try $0[0].dot($0[1]) }
        check([try x([3, 4]), try x([4])]) { try $0[0].mv($0[1]) }
        check([try x([4]), try x([4, 3])]) { try $0[0].matmul($0[1]) }
        check([try x([2, 3, 4]), try x([4, 5])]) { try $0[0].matmul($0[1]) }
        check([try x([2, 1, 3, 4]), try x([3, 4, 2])]) { try $0[0].matmul($0[1]) }
        check([try x([2, 3, 4]), try x([4])]) { try $0[0].matmul($0[1]) }
        check([try x([5, 4]), try x([3, 4]), try x([3])]) { try Tensor.linear($0[0], $0[1], $0[2]) }
        check([try x([5, 4]), try x([3, 4])]) { try Tensor.linear($0[0], $0[1], nil) }
        check([try x([2, 5, 4]), try x([3, 4]), try x([3])]) { try Tensor.linear($0[0], $0[1], $0[2]) }
    }

    func testViewRules() throws {
        let shape = [2, 3, 4]
        check([try x(shape)]) { try $0[0].view([6, 4]) }
        check([try x(shape)]) { try $0[0].transpose(0, 2).reshape([-1]) }
        check([try x([3, 4])]) { try $0[0].t() }
        check([try x(shape)]) { try $0[0].permute([2, 0, 1]) }
        check([try x(shape)]) { try $0[0].unsqueeze(1) }
        check([try x([2, 1, 4])]) { try $0[0].squeeze() }
        check([try x([2, 1, 4])]) { try $0[0].squeeze(1) }
        check([try x([3, 1])]) { try $0[0].expand([2, 3, 4]) }
        check([try x(shape)]) { try $0[0].select(dim: 1, index: -1) }
        check([try x(shape)]) { try $0[0].slice(dim: 2, start: 1, end: nil, step: 2) }
        check([try x(shape)]) { try $0[0].narrow(dim: 0, start: 1, length: 1) }
        check([try x(shape)]) { try $0[0].flatten(startDim: 1) }
        check([try x(shape)]) { try $0[0].transpose(0, 1).contiguous() }
        check([try x(shape)]) { try $0[0].clone() }
        // A value used twice accumulates both contributions.
        check([try x([3])]) { try self.b(.mul, $0[0], try $0[0].exp()) }
    }

    func testInPlaceOnIntermediates() throws {
        check([try x([3, 2]), try x([2])]) { xs in
            let y = try Tensor.binary(.mul, .tensor(xs[0]), .scalar(.int(2)))
            try y.add_(.tensor(xs[1]))
            try y.mul_(.tensor(xs[0]))
            return y
        }
    }
}
