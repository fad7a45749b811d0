import XCTest
@testable import KindlingData

/// `df.values` of byte columns is built by 8 x 8 transposes: every shape must come out right.
final class FrameValuesTests: XCTestCase {
    private func frame(rows: Int, columns: Int) throws -> DataFrame {
        let data = (0..<columns).map { c in NumericBuffer.uint8((0..<rows).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ c &* 17 &+ ($0 >> 8)) }) }
        return try DataFrame(columns: (0..<columns).map { "c\($0)" }, data: data)
    }

    func testByteBlocksOfEveryShapeMatchTheCells() throws {
        for (rows, columns) in [(0, 3), (1, 1), (7, 9), (8, 8), (21, 19), (64, 785), (1601, 785)] {
            let df = try frame(rows: rows, columns: columns)
            let v = df.values
            XCTAssertEqual(v.shape, [rows, columns])
            guard case .uint8(let bytes) = v.storage else { return XCTFail("not compact") }
            var expected: [UInt8] = []
            for r in 0..<rows { for c in 0..<columns { expected.append(UInt8(truncatingIfNeeded: r &* 131 &+ c &* 17 &+ (r >> 8))) } }
            XCTAssertEqual(bytes, expected, "\(rows) x \(columns)")
            // Picked rows and columns take the gathering path: same cells.
            if rows > 2 && columns > 1 {
                let picked = df.block(rows: [rows - 1, 0], columns: [columns - 1, 0]).toInt64s()
                XCTAssertEqual(picked, [expected[rows * columns - 1], expected[(rows - 1) * columns], expected[columns - 1], expected[0]].map { Int64($0) })
            }
        }
    }
}
