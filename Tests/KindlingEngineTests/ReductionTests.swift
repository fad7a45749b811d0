import XCTest
@testable import KindlingEngine

final class ReductionTests: XCTestCase {
    let a = try! T([1, 2, 3, 4, 5, 6], [2, 3])

    func testSumMeanProd() throws {
        assertClose(try a.sum(), [21])
        assertClose(try a.sum(dims: [0]), [5, 7, 9])
        assertClose(try a.sum(dims: [1]), [6, 15])
        let k = try a.sum(dims: [1], keepdim: true)
        XCTAssertEqual(k.shape, [2, 1])
        assertClose(try a.mean(dims: [0]), [2.5, 3.5, 4.5])
        assertClose(try a.mean(dims: [-1, -2]), [3.5])
        XCTAssertEqual(try a.mean(dims: [-1, -2]).shape, [])
        assertClose(try a.prod(), [720])
        assertClose(try a.prod(dim: 1), [6, 120])
        assertInts(try I([1, 2, 3]).sum(), [6])
        XCTAssertEqual(try B([true, true, false]).sum().scalars(), [.int(2)])
        assertThrows(.notImplementedError, "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long") {
            try I([1, 2]).mean()
        }
        let x3 = try Tensor.arange(end: .int(24)).to(.float32).view([2, 3, 4])
        assertClose(try x3.sum(dims: [0, 2]), [60, 92, 124])
        assertClose(try x3.t_sum02(), [60, 92, 124])
    }

    func testMaxMinArgAndVar() throws {
        assertClose(try a.max(), [6])
        assertClose(try a.min(), [1])
        let (v, idx) = try a.max(dim: 1)
        assertClose(v, [3, 6]); assertInts(idx, [2, 2])
        let (mv, mi) = try T([3, 1, 2, 0], [2, 2]).min(dim: 0, keepdim: true)
        XCTAssertEqual(mv.shape, [1, 2]); assertClose(mv, [2, 0]); assertInts(mi, [1, 1])
        assertInts(try a.argmax(), [5])
        assertInts(try a.argmax(dim: 1), [2, 2])
        assertInts(try a.argmin(dim: 0), [0, 0, 0])
        assertClose(try a.variance(), [3.5])
        assertClose(try a.std(dims: [1]), [1, 1])
        assertClose(try a.variance(dims: [0], correction: 0), [2.25, 2.25, 2.25])
        assertClose(try a.cumsum(dim: 1), [1, 3, 6, 4, 9, 15])
        assertInts(try I([1, 2, 3]).cumsum(dim: 0), [1, 3, 6])
        XCTAssertEqual(try B([true, false]).all().scalars(), [.bool(false)])
        XCTAssertEqual(try B([true, false]).any().scalars(), [.bool(true)])
        XCTAssertEqual(try op(.gt, a, .int(0)).all(dim: 1).scalars(), [.bool(true), .bool(true)])
        assertClose(try T([1, .nan, 3]).max(), [.nan])
    }

    func testMatmulShapes() throws {
        let b = try T([10, 20, 30])
        assertClose(try a.matmul(try a.t()), [14, 32, 32, 77])
        assertClose(try a.t().matmul(a), [17, 22, 27, 22, 29, 36, 27, 36, 45])
        assertClose(try b.matmul(b), [1400])
        XCTAssertEqual(try b.matmul(b).shape, [])
        assertClose(try a.matmul(b), [140, 320])
        assertClose(try T([1, 1]).matmul(a), [5, 7, 9])
        let batch = try Tensor.arange(end: .int(12)).to(.float32).view([2, 2, 3])
        let r = try batch.matmul(try a.t())
        XCTAssertEqual(r.shape, [2, 2, 2])
        assertClose(r, [8, 17, 26, 62, 44, 107, 62, 152])
        let r2 = try batch.matmul(try batch.transpose(1, 2))
        XCTAssertEqual(r2.shape, [2, 2, 2])
        assertClose(r2, [5, 14, 14, 50, 149, 212, 212, 302])
        assertInts(try I([1, 2, 3, 4], [2, 2]).matmul(try I([1, 1], [2, 1])), [3, 7])
        assertThrows(.runtimeError, "mm: mat1 and mat2 shapes cannot be multiplied (4x784 and 30x1)") {
            try Tensor.ones([4, 784]).matmul(try Tensor.ones([30, 1]))
        }
    }
}

extension Tensor {
    /// sum over dims 0 and 2 written through a permute, to test non-adjacent reductions on views.
    func t_sum02() throws -> Tensor { try permute([2, 1, 0]).sum(dims: [2, 0]) }
}
