import XCTest
@testable import KindlingEngine

/// Int64 tensors backed by compact bytes behave exactly like ordinary int64 tensors.
final class CompactStorageTests: XCTestCase {
    private let bytes: [UInt8] = [0, 1, 2, 3, 250, 251, 252, 253, 7, 8, 9, 255]

    private func compact() throws -> Tensor { try Tensor(shape: [3, 4], compactInt64Bytes: bytes) }
    private func reference() throws -> Tensor { try I(bytes.map { Int64($0) }, [3, 4]) }

    func testValuesDtypeAndPrintingMatchAnOrdinaryTensor() throws {
        let t = try compact()
        XCTAssertTrue(t.isCompactStorage)
        XCTAssertEqual(t.dtype, .int64)
        XCTAssertEqual(t.shape, [3, 4])
        XCTAssertEqual(t.description, try reference().description)
        XCTAssertEqual(try t.index([.int(1), .int(2)]).item(), .int(252))
        XCTAssertTrue(t.isCompactStorage, "printing and item() read the bytes without widening")
        XCTAssertEqual(t.scalars(), try reference().scalars())
    }

    func testConversionsShareTheBytesAndEqualTheWidenedPath() throws {
        let t = try compact()
        let f = try t.to(.float32)
        XCTAssertEqual(f.dtype, .float32)
        XCTAssertTrue(f.isCompactStorage)
        XCTAssertFalse(f.sharesStorage(with: t))
        XCTAssertEqual(f.floatValues(), try reference().to(.float32).floatValues())
        let b = try t.to(.bool)
        XCTAssertEqual(b.scalars(), try reference().to(.bool).scalars())
        let c = try t.clone()
        XCTAssertEqual(c.scalars(), t.scalars())
        XCTAssertFalse(c.sharesStorage(with: t))
    }

    func testScalarArithmeticReadsTheBytes() throws {
        let t = try compact(), r = try reference()
        let cases: [(BinaryOp, Scalar)] = [(.div, .int(255)), (.mul, .float(0.5)), (.add, .int(3)), (.sub, .int(300)),
                                            (.mul, .int(-2)), (.eq, .int(3)), (.gt, .int(8)), (.le, .float(7.5)), (.ne, .int(0))]
        for (op, s) in cases {
            let got = try Tensor.binary(op, .tensor(t), .scalar(s))
            let want = try Tensor.binary(op, .tensor(r), .scalar(s))
            XCTAssertEqual(got.dtype, want.dtype, "\(op)")
            XCTAssertEqual(got.scalars(), want.scalars(), "\(op) \(s)")
            let viaFloat = try Tensor.binary(op, .tensor(try t.to(.float32)), .scalar(s))
            XCTAssertEqual(viaFloat.scalars(), try Tensor.binary(op, .tensor(try r.to(.float32)), .scalar(s)).scalars())
        }
        XCTAssertTrue(t.isCompactStorage)
        // Tensor-tensor ops and reductions take the ordinary (widened) path.
        XCTAssertEqual(try Tensor.binary(.add, .tensor(t), .tensor(t)).scalars(), try Tensor.binary(.add, .tensor(r), .tensor(r)).scalars())
        XCTAssertEqual(try t.sum().item(), try r.sum().item())
        XCTAssertEqual(try compact().max().item(), .int(255))
    }

    func testViewsAndIndexingReadTheRightElements() throws {
        let r = try reference()
        func same(_ f: (Tensor) throws -> Tensor, line: UInt = #line) throws {
            let got = try f(try compact()), want = try f(r)
            XCTAssertEqual(got.shape, want.shape, line: line)
            XCTAssertEqual(got.scalars(), want.scalars(), line: line)
            XCTAssertEqual(got.dtype, want.dtype, line: line)
        }
        try same { try $0.index([.int(1)]) }
        try same { try $0.index([.all, .slice(start: 1, stop: nil, step: 2)]) }
        try same { try $0.index([.all, .slice(start: 1, stop: nil, step: nil)]).to(.float32) }
        try same { try $0.t().to(.float32) }
        try same { try $0.t().contiguous() }
        try same { try $0.reshape([4, 3]) }
        try same { try $0.narrow(dim: 0, start: 1, length: 2).to(.float32) }
        try same { try $0.index([.tensor(try I([2, 0]))]) }
        try same { try $0.index([.tensor(try Tensor.binary(.gt, .tensor($0), .scalar(.int(200))))]) }
        try same { try Tensor.binary(.div, .tensor(try $0.index([.int(2)])), .scalar(.int(255))) }
        try same { try Tensor.binary(.mul, .tensor(try $0.t()), .scalar(.int(2))) }
    }

    func testWritesWidenAPrivateCopyAndNeverTheSourceBytes() throws {
        let t = try compact()
        let f = try t.to(.float32)
        let view = try t.index([.int(0)])
        try view.add_(.scalar(.int(1000)))
        XCTAssertFalse(t.isCompactStorage)
        XCTAssertEqual(t.scalar(atLogical: 0), .int(1000))
        XCTAssertEqual(t.scalar(atLogical: 4), .int(250))
        XCTAssertGreaterThan(t.storage.version, 0)
        XCTAssertEqual(f.scalar(atLogical: 0), .float(0), "a conversion made before the write keeps its values")
        XCTAssertEqual(try compact().scalars(), try reference().scalars(), "the source bytes are unchanged")
        let g = try compact().to(.float32)
        try g.mul_(.scalar(.int(2)))
        XCTAssertEqual(g.scalar(atLogical: 11), .float(510))
        let target = try Tensor.zeros([3, 4])
        _ = try target.copy_(try compact())
        XCTAssertEqual(target.floatValues(), bytes.map { Float($0) })
        let into = try compact()
        _ = try into.copy_(try I([5, 6, 7, 8]))
        XCTAssertEqual(into.scalars(), Array(repeating: [5, 6, 7, 8].map { Scalar.int($0) }, count: 3).flatMap { $0 })
    }

    func testBigTensorsConvertOnAllCoresToTheSameValues() throws {
        let n = ParallelLoop.defaultMinimum * 3 + 77
        let raw = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ ($0 >> 9)) }
        let t = try Tensor(shape: [n], compactInt64Bytes: raw)
        let x = try Tensor.binary(.div, .tensor(try t.to(.float32)), .scalar(.int(255)))
        let expected = raw.map { Float($0) / 255 }
        XCTAssertEqual(x.floatValues(), expected)
        let widened = try t.index([.slice(start: 1, stop: nil, step: nil)]).to(.float32)
        XCTAssertEqual(widened.floatValues(), Array(expected.map { $0 * 255 }.dropFirst()).map { Float(UInt8($0.rounded())) })
        let sum = try Tensor.binary(.add, .tensor(x), .tensor(x))
        XCTAssertEqual(sum.floatValues(), expected.map { $0 + $0 })
    }

    func testShapeMismatchIsAnError() {
        assertThrows(.valueError, "expected 6 values for shape", prefix: true) {
            try Tensor(shape: [2, 3], compactInt64Bytes: [1, 2, 3])
        }
    }
}
