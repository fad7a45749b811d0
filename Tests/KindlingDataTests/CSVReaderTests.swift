import Foundation
import XCTest
@testable import KindlingData

final class CSVReaderTests: XCTestCase {
    func testIntegersStayInt64AndFloatsAndBlanksBecomeFloat64() throws {
        let df = try CSVReader.read(text: "a,b,c,d\n1,2.5,,300\n-4,1e3,7,5\n")
        XCTAssertEqual(df.columns, ["a", "b", "c", "d"])
        XCTAssertEqual(df.shape.rows, 2)
        XCTAssertEqual(df.dtypes, [.int64, .float64, .float64, .int64])
        guard case .int64(let a) = df.data[0], case .float64(let b) = df.data[1],
              case .float64(let c) = df.data[2], case .int64(let d) = df.data[3] else { return XCTFail("\(df.data)") }
        XCTAssertEqual(a, [1, -4])
        XCTAssertEqual(b, [2.5, 1000])
        XCTAssertTrue(c[0].isNaN)
        XCTAssertEqual(c[1], 7)
        XCTAssertEqual(d, [300, 5])
    }

    func testPixelColumnsUseCompactStorageButReportInt64() throws {
        let df = try CSVReader.read(text: "label,p0,p1\n7,0,255\n2,12,0\n")
        guard case .uint8(let p1) = df.data[2] else { return XCTFail("expected compact storage") }
        XCTAssertEqual(p1, [255, 0])
        XCTAssertEqual(df.dtypes, [.int64, .int64, .int64])
    }

    func testCRLFBlankLinesQuotesAndNAMarkers() throws {
        let df = try CSVReader.read(text: "\"x\",y\r\n1,NaN\r\n\r\n2,\"3.25\"\r\n3,NA\r\n")
        XCTAssertEqual(df.columns, ["x", "y"])
        XCTAssertEqual(df.rowCount, 3)
        guard case .float64(let y) = df.data[1] else { return XCTFail() }
        XCTAssertTrue(y[0].isNaN && y[2].isNaN)
        XCTAssertEqual(y[1], 3.25)
    }

    func testFloatParsingIsCorrectlyRounded() throws {
        let texts = ["0.1", "0.3", "1.7976931348623157e308", "5e-324", "123456789012345678901234", "-0.000001",
                     "2.2250738585072014e-308", "9007199254740993", "3.14159265358979323846", ".5", "5.", "-inf"]
        let df = try CSVReader.read(text: "v\n" + texts.joined(separator: "\n") + "\n")
        guard case .float64(let v) = df.data[0] else { return XCTFail() }
        for (t, x) in zip(texts, v) { XCTAssertEqual(x, Double(t) ?? (t == "-inf" ? -.infinity : .nan), t) }
    }

    func testBigIntegersStayExact() throws {
        let df = try CSVReader.read(text: "v\n9223372036854775807\n-9223372036854775808\n")
        guard case .int64(let v) = df.data[0] else { return XCTFail() }
        XCTAssertEqual(v, [Int64.max, Int64.min])
    }

    func testBadNumberNamesLineAndColumn() throws {
        let dir = try makeTempDir()
        let path = dir.appendingPathComponent("train.csv").path
        var text = "label,pixel0,pixel1\n"
        for i in 0..<1000 { text += "\(i % 10),\(i % 256),3\n" }
        text += "5,abc,1\n"
        try writeText(text, to: URL(fileURLWithPath: path))
        assertThrows("ValueError", "\(path) line 1002, column 'pixel0': 'abc' is not a number") {
            _ = try CSVReader.read(path: path, threads: 2)
        }
    }

    func testShortAndLongRowsAreErrors() {
        assertThrows("ValueError", "t.csv line 3: expected 3 fields, saw 2") {
            _ = try CSVReader.read(text: "a,b,c\n1,2,3\n4,5\n", name: "t.csv")
        }
        assertThrows("ValueError", "t.csv line 2: expected 3 fields, saw 4") {
            _ = try CSVReader.read(text: "a,b,c\n1,2,3,4\n", name: "t.csv")
        }
    }

    func testErrorLineNumbersAcrossChunks() throws {
        var text = "a,b\n"
        for i in 0..<200_000 { text += "\(i),\(i % 7)\n" }
        text += "1\n"
        assertThrows("ValueError", "big.csv line 200002: expected 2 fields, saw 1") {
            _ = try CSVReader.read(text: text, name: "big.csv", threads: 4)
        }
        let ok = try CSVReader.read(text: String(text.dropLast(2)), name: "big.csv", threads: 4)
        XCTAssertEqual(ok.rowCount, 200_000)
        guard case .int64(let a) = ok.data[0] else { return XCTFail() }
        XCTAssertEqual(a, (0..<200_000).map { Int64($0) })
    }

    func testEmptyFileMissingFileAndHeaderOnly() throws {
        let dir = try makeTempDir()
        let empty = dir.appendingPathComponent("empty.csv")
        try writeText("", to: empty)
        assertThrows("EmptyDataError", "No columns to parse from file") { _ = try CSVReader.read(path: empty.path) }
        assertThrows("FileNotFoundError", "[Errno 2] No such file or directory: 'x.csv'") {
            _ = try CSVReader.read(path: "x.csv")
        }
        assertThrows("IsADirectoryError", "[Errno 21] Is a directory: '\(dir.path)'") { _ = try CSVReader.read(path: dir.path) }
        let header = dir.appendingPathComponent("header.csv")
        try writeText("label,pixel0\n", to: header)
        let df = try CSVReader.read(path: header.path)
        XCTAssertEqual(df.columns, ["label", "pixel0"])
        XCTAssertEqual(df.rowCount, 0)
    }

    func testDuplicateAndEmptyHeaderNames() throws {
        let df = try CSVReader.read(text: "a,a,,a\n1,2,3,4\n")
        XCTAssertEqual(df.columns, ["a", "a.1", "Unnamed: 2", "a.2"])
    }

    /// Times the 60,000-row Fashion-MNIST CSV when it has been prepared in /tmp (a measurement, not a gate).
    func testLoadSpeedOnFashionCSV() throws {
        let path = ProcessInfo.processInfo.environment["KINDLING_BENCH_CSV"] ?? "/tmp/fashion/train.csv"
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("no \(path)") }
        var best = Double.infinity
        #if DEBUG
        let runs = 1
        #else
        let runs = 3
        #endif
        for _ in 0..<runs {
            let t0 = Date(), c0 = cpuSeconds()
            let df = try CSVReader.read(path: path)
            let t1 = Date(), c1 = cpuSeconds()
            let x = df.block(rows: nil, columns: Array(1..<df.columns.count)).toFloats()
            best = min(best, Date().timeIntervalSince(t0))
            let t2 = Date(), c2 = cpuSeconds()
            let fused = df.floatBlock(rows: nil, columns: Array(1..<df.columns.count))
            print("read \(t1.timeIntervalSince(t0)) s (cpu \(c1 - c0)), block+floats \(t2.timeIntervalSince(t1)) s (cpu \(c2 - c1)), floatBlock \(Date().timeIntervalSince(t2)) s (cpu \(cpuSeconds() - c2))")
            XCTAssertEqual(fused, x)
            XCTAssertEqual(x.count, df.rowCount * 784)
        }
        print("read_csv + values as [Float]: \(best) s")
    }
}

/// User + system CPU seconds of this process so far.
func cpuSeconds() -> Double {
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
}
