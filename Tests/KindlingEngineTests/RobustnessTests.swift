import XCTest
@testable import KindlingEngine

/// Random and hostile arguments must produce values or TensorErrors, never a trap.
final class RobustnessTests: XCTestCase {
    var rng = RandomGenerator(seed: 99)

    func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next32() % UInt32(xs.count))] }
    func int(_ lo: Int, _ hi: Int) -> Int { lo + Int(rng.next32() % UInt32(hi - lo + 1)) }

    func randomTensor() throws -> Tensor {
        let rank = int(0, 3)
        let shape = (0..<rank).map { _ in int(0, 4) }
        let t = try Tensor.randn(shape)
        switch int(0, 3) {
        case 0: return try t.to(.int64)
        case 1: return try Tensor.binary(.gt, .tensor(t), .scalar(.int(0)))
        case 2: return t.dim >= 2 ? try t.transpose(0, t.dim - 1) : t
        default: return t
        }
    }

    func testRandomOpsNeverTrap() throws {
        let hostileInts = [0, 1, -1, 2, -3, 5, Int.max, Int.min, Int.max / 2, -(Int.max / 2), 1 << 40]
        let binaryOps: [BinaryOp] = [.add, .sub, .mul, .div, .floorDiv, .remainder, .pow, .maximum, .minimum,
                                     .eq, .lt, .ge, .logicalAnd, .logicalOr, .logicalXor]
        let scalars: [Scalar] = [.int(0), .int(-2), .float(0.5), .float(.nan), .float(.infinity), .bool(true), .int(Int64.max), .int(Int64.min)]
        var errors = 0, values = 0
        for _ in 0..<3000 {
            let a = try randomTensor(), b = try randomTensor()
            let d = pick(hostileInts), e = pick(hostileInts)
            do {
                let r: Tensor
                switch int(0, 24) {
                case 0: r = try Tensor.binary(pick(binaryOps), .tensor(a), .tensor(b))
                case 1: r = try Tensor.binary(pick(binaryOps), .tensor(a), .scalar(pick(scalars)))
                case 2: r = try Tensor.binary(pick(binaryOps), .scalar(pick(scalars)), .tensor(a))
                case 3: r = try a.sum(dims: [d])
                case 4: r = try a.max(dim: d).values
                case 5: r = try a.view([d, e])
                case 6: r = try a.reshape([e])
                case 7: r = try a.slice(dim: d, start: e, end: pick(hostileInts), step: pick(hostileInts))
                case 8: r = try a.select(dim: d, index: e)
                case 9: r = try a.narrow(dim: d, start: e, length: pick(hostileInts))
                case 10: r = try a.expand([d, e])
                case 11: r = try a.matmul(b)
                case 12: r = try a.permute([d, e])
                case 13: r = try a.transpose(d, e)
                case 14: r = try a.unsqueeze(d)
                case 15: r = try a.cumsum(dim: d)
                case 16: r = try a.mean(dims: [d, e], keepdim: true)
                case 17: r = try Tensor.arange(start: pick(scalars), end: pick(scalars), step: pick(scalars))
                case 18: r = try Tensor.zeros([d, e])
                case 19: r = try a.std(dims: [d], correction: e)
                case 20: r = try a.clamp(min: pick(scalars), max: pick(scalars))
                case 21: r = try a.argmax(dim: d)
                case 22: r = try Tensor.where_(try Tensor.binary(.gt, .tensor(a), .scalar(.int(0))), .tensor(b), .scalar(pick(scalars)))
                case 23: r = try a.prod(dim: d)
                default: r = try a.round(decimals: d)
                }
                if r.numel < 100_000 { _ = r.scalars() } else { _ = r.scalar(atLogical: r.numel - 1) }
                values += 1
            } catch is TensorError {
                errors += 1
            }
        }
        XCTAssertGreaterThan(values, 300)
        XCTAssertGreaterThan(errors, 300)
    }

    func testNumericEdgeCasesStayDefined() throws {
        let nanToInt = try Tensor(shape: [3], floats: [.nan, .infinity, -1e30]).to(.int64)
        XCTAssertEqual(nanToInt.numel, 3)
        assertInts(try Tensor.binary(.floorDiv, .tensor(try I([Int64.min])), .scalar(.int(-1))), [Int64.min])
        assertInts(try Tensor.binary(.remainder, .tensor(try I([Int64.min])), .scalar(.int(-1))), [0])
        assertInts(try Tensor.binary(.mul, .tensor(try I([Int64.max])), .scalar(.int(2))), [-2])
        assertThrows(.runtimeError, "Integers to negative integer powers are not allowed.") {
            try Tensor.binary(.pow, .tensor(try I([2])), .scalar(.int(-1)))
        }
        XCTAssertTrue(try Tensor.zeros([0]).mean().floatValues()[0].isNaN)
        assertClose(try Tensor.zeros([0, 3]).sum(dims: [0]), [0, 0, 0])
        assertThrows(.runtimeError, "max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.") {
            try Tensor.zeros([0]).max()
        }
    }
}
