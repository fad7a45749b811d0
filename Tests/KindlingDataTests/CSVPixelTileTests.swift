import Foundation
import XCTest
@testable import KindlingData

/// The pixel fast path (rows of small values through a row-major tile) must give exactly
/// what field-by-field parsing gives, whatever interrupts it.
final class CSVPixelTileTests: XCTestCase {
    /// `rows` lines of `columns` values; `cell(r, c)` is the text of each cell.
    private func csv(rows: Int, columns: Int, newline: String = "\n", _ cell: (Int, Int) -> String) -> String {
        var text = (0..<columns).map { "c\($0)" }.joined(separator: ",") + newline
        for r in 0..<rows { text += (0..<columns).map { cell(r, $0) }.joined(separator: ",") + newline }
        return text
    }

    private func ints(_ buffer: NumericBuffer) -> [Int64] { buffer.toInt64s() }

    func testPixelRowsKeepEveryValueAcrossTilesAndChunks() throws {
        let value = { (r: Int, c: Int) in (r &* 31 &+ c &* 7) % 256 }
        let text = csv(rows: 3000, columns: 40) { String(value($0, $1)) }
        for threads in [1, 3] {
            let df = try CSVReader.read(text: text, threads: threads)
            XCTAssertEqual(df.rowCount, 3000)
            for c in [0, 1, 17, 39] {
                guard case .uint8(let col) = df.data[c] else { return XCTFail("column \(c) not compact") }
                XCTAssertEqual(col.map { Int($0) }, (0..<3000).map { value($0, c) })
            }
        }
    }

    func testAValueAbove255OrAFloatMidFilePromotesWithEarlierRowsIntact() throws {
        let text = csv(rows: 100, columns: 5) { r, c in
            if r == 70 && c == 2 { return "256" }
            if r == 90 && c == 4 { return "2.5" }
            return String((r + c) % 200)
        }
        let df = try CSVReader.read(text: text)
        XCTAssertEqual(ints(df.data[2]), (0..<100).map { Int64($0 == 70 ? 256 : ($0 + 2) % 200) })
        guard case .int64 = df.data[2], case .float64(let f) = df.data[4], case .uint8 = df.data[3] else {
            return XCTFail("kinds \(df.data.map { $0.dtype })")
        }
        XCTAssertEqual(f, (0..<100).map { $0 == 90 ? 2.5 : Double(($0 + 4) % 200) })
    }

    func testCRLFBlankLinesShortValuesAndNoFinalNewline() throws {
        var text = csv(rows: 50, columns: 3, newline: "\r\n") { r, c in String((r * 3 + c) % 256) }
        text += "\r\n7,8,9"   // a blank line, then a last line without newline (fewer than 4 bytes left)
        let df = try CSVReader.read(text: text)
        XCTAssertEqual(df.rowCount, 51)
        XCTAssertEqual(ints(df.data[2]).suffix(2), [Int64((49 * 3 + 2) % 256), 9])
        XCTAssertEqual(ints(df.data[0]).prefix(3), [0, 3, 6])
    }

    func testErrorsAfterTiledRowsNameTheRightLine() throws {
        let short = csv(rows: 40, columns: 4) { r, c in String(r + c) } + "1,2,3\n"
        assertThrows("ValueError", "t.csv line 42: expected 4 fields, saw 3") {
            _ = try CSVReader.read(text: short, name: "t.csv")
        }
        let long = csv(rows: 40, columns: 4) { r, c in String(r + c) } + "1,2,3,4,5\n"
        assertThrows("ValueError", "t.csv line 42: expected 4 fields, saw 5") {
            _ = try CSVReader.read(text: long, name: "t.csv")
        }
        let bad = csv(rows: 40, columns: 4) { r, c in r == 33 && c == 1 ? "1x" : String(r + c) }
        assertThrows("ValueError", "t.csv line 35, column 'c1': '1x' is not a number") {
            _ = try CSVReader.read(text: bad, name: "t.csv")
        }
        let negative = try CSVReader.read(text: csv(rows: 40, columns: 2) { r, c in r == 39 ? "-1" : "1" })
        XCTAssertEqual(ints(negative.data[0]).last, -1)
    }

    func testAFileReadReleasingPagesEqualsTheSameTextInMemory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kindling-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // About 20 MB: several chunks, each releasing its parsed pages more than once.
        let text = csv(rows: 9000, columns: 785) { r, c in String((r &* 13 &+ c &* c) % 256) }
        let url = dir.appendingPathComponent("pixels.csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let fromFile = try CSVReader.read(path: url.path, threads: 2)
        let fromText = try CSVReader.read(text: text, threads: 1)
        XCTAssertEqual(fromFile.rowCount, 9000)
        for c in [0, 1, 400, 784] { XCTAssertEqual(ints(fromFile.data[c]), ints(fromText.data[c])) }
        XCTAssertEqual(fromFile.values.toInt64s().reduce(0, &+), fromText.values.toInt64s().reduce(0, &+))
    }
}
