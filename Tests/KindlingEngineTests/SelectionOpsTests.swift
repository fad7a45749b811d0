import XCTest
import KindlingTestSupport
@testable import KindlingEngine

/// gather/index_select/take/masked ops, the scatters, sorting and the
/// rearranging ops: values against PyTorch 2.15's, errors, and every new
/// gradient rule against finite differences.
final class SelectionOpsTests: XCTestCase {
    override func setUp() { RandomGenerator.manualSeed(11) }

    func leaf(_ shape: [Int]) throws -> Tensor {
        try Tensor(shape: shape, floats: try Tensor.randn(shape).floatValues()).requiresGrad_()
    }

    func check(_ inputs: [Tensor], file: StaticString = #filePath, line: UInt = #line, _ f: ([Tensor]) throws -> Tensor) {
        do {
            let r = try Gradcheck.check(inputs, f)
            XCTAssertTrue(r.passed, r.report, file: file, line: line)
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
    }

    func testGatherAndIndexSelectValues() throws {
        let x = try T((0..<12).map(Float.init), [3, 4])
        assertClose(try x.gather(dim: 0, index: try I([0, 2, 1, 0, 2, 2, 0, 1], [2, 4])), [0, 9, 6, 3, 8, 9, 2, 7])
        assertClose(try x.gather(dim: 1, index: try I([3, 0, 1], [3, 1])), [3, 4, 9])
        assertClose(try x.indexSelect(dim: 0, index: try I([2, 0])), [8, 9, 10, 11, 0, 1, 2, 3])
        assertClose(try x.indexSelect(dim: 1, index: try I([3, 1])), [3, 1, 7, 5, 11, 9])
        assertClose(try x.take(try I([0, 11, -1])), [0, 11, 11])
        assertClose(try x.maskedSelect(try B([true, false, false, true])), [0, 3, 4, 7, 8, 11])
        assertInts(try T([0, 3, 0, -1], [2, 2]).nonzero(), [0, 1, 1, 1])
    }

    func testSelectionErrorsMatchPyTorch() throws {
        let x = try T((0..<12).map(Float.init), [3, 4])
        assertThrows(.runtimeError, "index 3 is out of bounds for dimension 0 with size 3") { try x.gather(dim: 0, index: try I([3], [1, 1])) }
        assertThrows(.runtimeError, "gather(): Expected dtype int32/int64 for index") { try x.gather(dim: 0, index: try T([0], [1, 1])) }
        assertThrows(.runtimeError, "Index tensor must have the same number of dimensions as input tensor") { try x.gather(dim: 0, index: try I([0])) }
        assertThrows(.indexError, "index out of range in self") { try x.indexSelect(dim: 0, index: try I([-1])) }
        assertThrows(.indexError, "out of range: tried to access index 12 on a tensor of 12 elements.") { try x.take(try I([12])) }
        assertThrows(.runtimeError, "masked_select: expected BoolTensor for mask") { try x.maskedSelect(x) }
        assertThrows(.runtimeError, "masked_fill_ only supports boolean masks, but got mask with dtype long int") {
            try x.maskedFill(try I([1, 0, 0, 0]), .value(.float(1)))
        }
        assertThrows(.runtimeError, "scatter(): Expected self.dtype to be equal to src.dtype") {
            try x.scatter(dim: 0, index: try I([0], [1, 1]), .tensor(try I([1], [1, 1])))
        }
    }

    func testScattersAndMaskedFill() throws {
        let z = try Tensor.zeros([2, 4])
        assertClose(try z.scatter(dim: 1, index: try I([1, 3], [2, 1]), .value(.float(1))), [0, 1, 0, 0, 0, 0, 0, 1])
        let acc = try Tensor.zeros([3], dtype: .int64)
        assertInts(try acc.scatter(dim: 0, index: try I([0, 1, 0, 0]), .tensor(try I([5, 6, 7, 8])), accumulate: true), [20, 6, 0])
        let t = try Tensor.ones([3, 2])
        try t.indexAdd_(dim: 0, index: try I([2, 2]), source: try T([1, 2, 3, 4], [2, 2]))
        assertClose(t, [1, 1, 1, 1, 5, 7])
        let m = try T([1, 2, 3]).maskedFill(try B([true, false, true]), .value(.float(-1)))
        assertClose(m, [-1, 2, -1])
        let ints = try I([1, 2, 3]).maskedFill(try B([true, false, false]), .value(.float(2.7)))
        assertInts(ints, [2, 2, 3])
    }

    func testSortIsStableWithNaNLast() throws {
        let x = try T([3, 1, .nan, 1, 3, 2, .nan, 1])
        let up = try x.sort()
        assertInts(up.indices, [1, 3, 7, 5, 0, 4, 2, 6])
        let down = try x.sort(descending: true)
        assertInts(down.indices, [2, 6, 0, 4, 5, 1, 3, 7])
        assertClose(down.values, [.nan, .nan, 3, 3, 2, 1, 1, 1])
        let top = try T([5, 3, 8, 1, 9, 2]).topk(3)
        assertInts(top.indices, [4, 2, 0])
        let u = try I([3, 1, 2, 1, 3, 3]).unique()
        assertInts(u.values, [1, 2, 3])
        assertInts(u.inverse, [2, 0, 1, 0, 2, 2])
        assertInts(u.counts, [2, 1, 3])
        assertInts(try I([0, 2, 2, 5]).bincount(), [1, 0, 2, 0, 0, 1])
        assertInts(try Tensor.searchsorted(try I([1, 3, 5, 7]), try I([3, 6, 9, 0]), right: false, int32: false), [1, 3, 4, 0])
        XCTAssertEqual(try T([2, 7, 2, 5]).median().item(), .float(2))
        let mode = try I([1, 2, 2, 3, 3]).mode()
        assertInts(mode.indices, [2])
    }

    func testRearrangingValues() throws {
        let x = try T((1...12).map(Float.init), [3, 4])
        assertClose(try x.triangle(lower: true).slice(dim: 0, start: 0, end: 1), [1, 0, 0, 0])
        assertClose(try x.diagonal(offset: 1), [2, 7, 12])
        XCTAssertTrue(try x.diagonal().sharesStorage(with: x))
        assertClose(try x.diag(-1), [5, 10])
        XCTAssertEqual(try x.trace().item(), .float(18))
        assertClose(try T([1, 2, 3]).flip([0]), [3, 2, 1])
        assertClose(try T([1, 2, 3, 4, 5]).roll([2], dims: []), [4, 5, 1, 2, 3])
        XCTAssertEqual(try x.chunk(2, dim: 1).map(\.shape), [[3, 2], [3, 2]])
        XCTAssertEqual(try x.split(sizes: [1, 3], dim: 1).map(\.shape), [[3, 1], [3, 3]])
        assertClose(try T([1, 2]).repeatInterleave(2, dim: nil), [1, 1, 2, 2])
        XCTAssertEqual(try Tensor.zeros([2, 3, 4]).movedim([0], [2]).shape, [3, 4, 2])
        assertClose(try T([1, 2, 3, 4]).cumprod(dim: 0), [1, 2, 6, 24])
    }

    func testGradientsAgainstFiniteDifferences() throws {
        let index = try I([0, 2, 1, 1, 0, 2], [2, 3])
        check([try leaf([3, 3])]) { try $0[0].gather(dim: 0, index: index) }
        check([try leaf([3, 4])]) { try $0[0].indexSelect(dim: 1, index: try I([3, 0, 3])) }
        check([try leaf([3, 4])]) { try $0[0].take(try I([0, 5, 5, -1])) }
        let mask = try B([true, false, true, true, false, false])
        check([try leaf([2, 3])]) { try $0[0].maskedSelect(mask.reshape([2, 3])) }
        check([try leaf([2, 3])]) { try $0[0].maskedFill(mask.reshape([2, 3]), .value(.float(0.5))) }
        check([try leaf([2, 3]), try leaf([])]) { try $0[0].maskedFill(mask.reshape([2, 3]), .tensor($0[1])) }
        check([try leaf([3, 3]), try leaf([2, 3])]) { try $0[0].scatter(dim: 0, index: index, .tensor($0[1])) }
        check([try leaf([3, 3]), try leaf([2, 3])]) { try $0[0].scatter(dim: 0, index: index, .tensor($0[1]), accumulate: true) }
        check([try leaf([3, 2]), try leaf([2, 2])]) { try $0[0].indexAdd(dim: 0, index: try I([2, 2]), source: $0[1], alpha: .float(2)) }
        check([try leaf([3, 5])]) { try $0[0].sort(dim: 1, descending: true).values }
        check([try leaf([3, 5])]) { try $0[0].topk(2, dim: 0).values }
        check([try leaf([7])]) { try $0[0].median() }
        check([try leaf([3, 4])]) { try $0[0].median(dim: 1).values }
        check([try leaf([4, 3])]) { try $0[0].cumulativeExtremum(dim: 0, isMax: true).values }
        check([try leaf([3, 4])]) { try $0[0].triangle(lower: false, diagonal: 1) }
        check([try leaf([3, 4])]) { try $0[0].diagonal(offset: -1) }
        check([try leaf([3])]) { try $0[0].diag(1) }
        check([try leaf([3, 3])]) { try $0[0].trace() }
        check([try leaf([3, 4])]) { try $0[0].flip([0, 1]) }
        check([try leaf([3, 4])]) { try $0[0].roll([1, -2], dims: [0, 1]) }
        check([try leaf([5, 2])]) { try $0[0].split(size: 2)[2] }
        check([try leaf([3, 2])]) { try $0[0].repeatInterleave(try I([1, 0, 2]), dim: 0) }
        check([try leaf([2, 5])]) { try $0[0].cumprod(dim: 1) }
    }

    func testCumprodGradientWithZeros() throws {
        for values: [Float] in [[2, 0, 4, 5], [0, 3, 0, 2], [1.5, -2, 0], [0]] {
            let x = try T(values).requiresGrad_()
            let w = try T([1, 2, 3, 4].prefix(values.count).map { $0 })
            try Tensor.binary(.mul, .tensor(try x.cumprod(dim: 0)), .tensor(w)).sum().backward()
            // Reference: the sum over j >= k of w[j] * prod(x[i] for i <= j, i != k).
            let expected: [Float] = values.indices.map { k in
                var total: Float = 0
                for j in k..<values.count {
                    var p: Float = 1
                    for i in 0...j where i != k { p *= values[i] }
                    total += w.floatValues()[j] * p
                }
                return total
            }
            assertClose(try XCTUnwrap(x.grad), expected)
        }
    }
}
