import Foundation
import XCTest
@testable import KindlingData
import KindlingSharedData

/// A small IDX images file: `count` images of rows x cols with pixel (n + k) % 256.
func idxImages(count: Int, rows: Int = 28, cols: Int = 28, magic: UInt32 = 2051) -> [UInt8] {
    var b: [UInt8] = []
    for v in [magic, UInt32(count), UInt32(rows), UInt32(cols)] { b += [UInt8(v >> 24), UInt8((v >> 16) & 255), UInt8((v >> 8) & 255), UInt8(v & 255)] }
    for n in 0..<count { for k in 0..<(rows * cols) { b.append(UInt8((n + k) % 256)) } }
    return b
}

func idxLabels(_ labels: [UInt8], magic: UInt32 = 2049) -> [UInt8] {
    var b: [UInt8] = []
    for v in [magic, UInt32(labels.count)] { b += [UInt8(v >> 24), UInt8((v >> 16) & 255), UInt8((v >> 8) & 255), UInt8(v & 255)] }
    return b + labels
}

final class IDXTests: XCTestCase {
    func testRawAndGzipImagesAndLabels() throws {
        let raw = idxImages(count: 3, rows: 2, cols: 2)
        let imgs = try IDXReader.decodeImages(raw, name: "a")
        XCTAssertEqual(imgs.count, 3)
        XCTAssertEqual(imgs.pixels, [0, 1, 2, 3, 1, 2, 3, 4, 2, 3, 4, 5])
        XCTAssertEqual(try IDXReader.decodeImages(try Gzip.compress(raw), name: "a.gz"), imgs)
        XCTAssertEqual(try IDXReader.decodeLabels(try Gzip.compress(idxLabels([7, 2, 1])), name: "l.gz"), [7, 2, 1])
        // Concatenated gzip members inflate as one stream.
        let half = raw.count / 2
        let twoMembers = try Gzip.compress(Array(raw[..<half])) + Gzip.compress(Array(raw[half...]))
        XCTAssertEqual(try IDXReader.decodeImages(twoMembers, name: "b.gz"), imgs)
    }

    func testTruncatedWrongMagicAndCorruptFiles() throws {
        let raw = idxImages(count: 3, rows: 2, cols: 2)
        assertThrows("ValueError", "t.idx is truncated: its header promises 3 images of 2 x 2 pixels (28 bytes), the file holds 27 bytes") {
            _ = try IDXReader.decodeImages(Array(raw.dropLast()), name: "t.idx")
        }
        assertThrows("ValueError", "t.idx has 1 bytes more than its header's 3 images of 2 x 2 pixels (28 bytes)") {
            _ = try IDXReader.decodeImages(raw + [0], name: "t.idx")
        }
        assertThrows("ValueError", "l.idx is not an IDX images file: magic number 2049 (that is an IDX labels file), expected 2051") {
            _ = try IDXReader.decodeImages(idxLabels([1, 2]), name: "l.idx")
        }
        assertThrows("ValueError", "x.csv is not an IDX labels file: magic number 1818321509, expected 2049") {
            _ = try IDXReader.decodeLabels(Array("label,pixel0\n".utf8), name: "x.csv")
        }
        assertThrows("ValueError", "e is not an IDX images file: it holds only 0 bytes") { _ = try IDXReader.decodeImages([], name: "e") }
        assertThrows("ValueError", "h is truncated: the IDX header needs 16 bytes, the file holds 8") {
            _ = try IDXReader.decodeImages(Array(raw.prefix(8)), name: "h")
        }
        let gz = try Gzip.compress(raw)
        assertThrows("ValueError", "c.gz: the gzip data is truncated (it ends before the compressed stream does)") {
            _ = try IDXReader.decodeImages(Array(gz.prefix(gz.count / 2)), name: "c.gz")
        }
        var bad = gz
        bad[10] ^= 0xff; bad[11] ^= 0xff; bad[12] ^= 0xff
        XCTAssertThrowsError(try IDXReader.decodeImages(bad, name: "d.gz")) { e in
            XCTAssertTrue((e as? DataError)?.message.hasPrefix("d.gz: not a valid gzip stream") ?? false, "\(e)")
        }
        assertThrows("FileNotFoundError", "[Errno 2] No such file or directory: 'nope.gz'") { _ = try IDXReader.readImages(path: "nope.gz") }
    }

    func testCSVWriterRoundTripsThroughReadCSV() throws {
        let dir = try makeTempDir()
        let imgs = try IDXReader.decodeImages(idxImages(count: 4), name: "i")
        let path = dir.appendingPathComponent("sub/train.csv").path
        try MNISTCSVWriter.write(images: imgs, labels: [7, 2, 1, 0], to: path)
        let df = try CSVReader.read(path: path)
        XCTAssertEqual(df.columns.count, 785)
        XCTAssertEqual(df.columns[0], "label")
        XCTAssertEqual(df.columns[784], "pixel783")
        XCTAssertEqual(try df.column("label").array.toInt64s(), [7, 2, 1, 0])
        XCTAssertEqual(df.block(rows: nil, columns: Array(1...784)).toInt64s(), imgs.pixels.map { Int64($0) })
        assertThrows("ValueError", "4 images but 3 labels") { try MNISTCSVWriter.write(images: imgs, labels: [1, 2, 3], to: path) }
    }

    func testRealMNISTTestDigitsFromShared() throws {
        guard let shared = sharedFolder() else { throw XCTSkip("../shared is absent (set KINDLING_SHARED): real-digit checks skipped") }
        let dir = shared.appendingPathComponent("data/mnist")
        let imgs = try IDXReader.readImages(path: dir.appendingPathComponent("t10k-images-idx3-ubyte.gz").path)
        let labels = try IDXReader.readLabels(path: dir.appendingPathComponent("t10k-labels-idx1-ubyte.gz").path)
        XCTAssertEqual([imgs.count, imgs.rows, imgs.columns], [10000, 28, 28])
        XCTAssertEqual(Array(labels.prefix(10)), [7, 2, 1, 0, 4, 1, 4, 9, 5, 9])
        let out = try makeTempDir().appendingPathComponent("train.csv").path
        try MNISTCSVWriter.write(images: imgs, labels: labels, to: out)
        let df = try CSVReader.read(path: out)
        XCTAssertEqual(df.rowCount, 10000)
        let counts = try df.column("label").valueCounts()
        XCTAssertEqual(counts.index.int64Values?.prefix(3), [1, 2, 7])
        XCTAssertEqual(counts.array.toInt64s().prefix(3), [1135, 1032, 1028])

        // The lessons' split, checked against pandas 3.1.1 on the same CSV.
        let valid = try df.sample(frac: 0.2, randomState: 1337)
        let train = try df.drop(labels: valid.index.labels).resetIndex()
        XCTAssertEqual(valid.index.int64Values?.prefix(8), [9927, 3245, 2303, 7707, 8820, 6206, 6895, 5924])
        XCTAssertEqual(try valid.column("label").array.toInt64s().prefix(8), [4, 8, 3, 9, 2, 5, 9, 2])
        XCTAssertEqual(train.rowCount, 8000)
        XCTAssertEqual(try train.column("label").array.toInt64s().prefix(8), [7, 2, 1, 0, 1, 4, 5, 9])
        let validCounts = try valid.column("label").valueCounts()
        XCTAssertEqual(validCounts.index.int64Values, [1, 0, 2, 7, 9, 8, 4, 6, 3, 5])
        XCTAssertEqual(validCounts.array.toInt64s(), [229, 217, 215, 205, 202, 200, 193, 191, 177, 171])
        guard case .frame(let pixels) = try valid.iloc(.slice(.all), .slice(FrameSlice(1))) else { return XCTFail() }
        XCTAssertEqual(pixels.values.toInt64s().reduce(0, +), 53209196)
    }

    /// The 2,000 digits kept in the repository for the lesson and Learner tests: the first
    /// 2,000 of MNIST's test set, with their class counts.
    func testBundledDigitSample() throws {
        let sample = DigitSample.bundled
        let imgs = try IDXReader.readImages(path: sample.images.path)
        let labels = try IDXReader.readLabels(path: sample.labels.path)
        XCTAssertEqual([imgs.count, imgs.rows, imgs.columns, labels.count], [2000, 28, 28, 2000])
        XCTAssertEqual(Array(labels.prefix(10)), [7, 2, 1, 0, 4, 1, 4, 9, 5, 9])
        var counts = [Int](repeating: 0, count: 10)
        for l in labels { counts[Int(l)] += 1 }
        XCTAssertEqual(counts, [175, 234, 219, 207, 217, 179, 178, 205, 192, 194])
        if let shared = sharedFolder() {
            let full = try IDXReader.readImages(path: shared.appendingPathComponent("data/mnist/t10k-images-idx3-ubyte.gz").path)
            XCTAssertEqual(Array(full.pixels.prefix(2000 * 784)), imgs.pixels)
        }
    }

    func testCRC32() {
        XCTAssertEqual(CRC32.checksum([]), 0)
        XCTAssertEqual(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)), 0x414F_A339)
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)   // the standard check value
    }

    func testMD5() throws {
        XCTAssertEqual(MD5.hex([]), "d41d8cd98f00b204e9800998ecf8427e")
        XCTAssertEqual(MD5.hex(Array("The quick brown fox jumps over the lazy dog".utf8)), "9e107d9d372bb6826bd81d3542a419d6")
        let chunked = stride(from: 0, to: 1000, by: 37).flatMap { Array(repeating: UInt8($0 % 251), count: 37) }
        let fromPointer = chunked.withUnsafeBufferPointer { buf in buf.baseAddress.map { MD5.hex(bytes: $0, count: buf.count) } }
        XCTAssertEqual(fromPointer, MD5.hex(chunked))
        if let shared = sharedFolder() {
            let data = try Data(contentsOf: shared.appendingPathComponent("data/mnist/t10k-labels-idx1-ubyte.gz"))
            XCTAssertEqual(MD5.hex([UInt8](data)), "cb1dbc8694c1ed44a28edef0c01aec2a")   // md5sum of the shared file
        }
    }
}
