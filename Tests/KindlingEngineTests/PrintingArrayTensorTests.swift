import XCTest
@testable import KindlingEngine

/// A plain array that the printer can format: the tests' stand-in for `Tensor`.
struct PrintingArrayTensor: FormattableTensor {
    var shape: [Int]
    var dtype: DType
    var values: [Scalar]

    init(floats: [Float], shape: [Int]) {
        self.shape = shape
        dtype = .float32
        values = floats.map { .float(Double($0)) }
    }

    init(ints: [Int64], shape: [Int]) {
        self.shape = shape
        dtype = .int64
        values = ints.map { .int($0) }
    }

    init(bools: [Bool], shape: [Int]) {
        self.shape = shape
        dtype = .bool
        values = bools.map { .bool($0) }
    }

    func scalar(atLogical index: Int) -> Scalar { values[index] }
}

final class PrintingArrayTensorTests: XCTestCase {
    func testArrayTensorServesElementsInOrder() {
        let t = PrintingArrayTensor(ints: [4, 5, 6], shape: [3])
        XCTAssertEqual(t.scalar(atLogical: 2), .int(6))
        XCTAssertEqual(t.dtype, .int64)
    }
}
