import Foundation
import XCTest
@testable import KindlingData
import KindlingSharedData

/// The download path against a loopback server serving MNIST's test IDX files; never the
/// internet. The files are ../shared/data/mnist's, else the 2,000 digits kept in the
/// repository under the same names.
final class DownloadTests: XCTestCase {
    private let digits = DigitSample.preferring(shared: sharedFolder())

    private func servedFolder() throws -> URL {
        if digits.isFullTestSet { return digits.images.deletingLastPathComponent() }
        let dir = try makeTempDir()
        try FileManager.default.copyItem(at: digits.images, to: dir.appendingPathComponent("t10k-images-idx3-ubyte.gz"))
        try FileManager.default.copyItem(at: digits.labels, to: dir.appendingPathComponent("t10k-labels-idx1-ubyte.gz"))
        return dir
    }

    private func md5(_ url: URL) throws -> String { MD5.hex([UInt8](try Data(contentsOf: url))) }

    func testMirrorFallbackChecksumMismatchAndConversion() throws {
        let mnist = try servedFolder()
        let good = try LoopbackHTTPServer(root: mnist)
        defer { good.stop() }
        // A mirror whose copy is corrupt (checksum mismatch) and one that has nothing (404).
        let corruptDir = try makeTempDir()
        var bytes = [UInt8](try Data(contentsOf: mnist.appendingPathComponent("t10k-labels-idx1-ubyte.gz")))
        bytes[bytes.count / 2] ^= 1
        try Data(bytes).write(to: corruptDir.appendingPathComponent("t10k-labels-idx1-ubyte.gz"))
        let corrupt = try LoopbackHTTPServer(root: corruptDir)
        defer { corrupt.stop() }

        let cache = try makeTempDir()
        var source = MNISTSource(environment: ["KINDLING_CACHE": cache.path])
        source.mirrors = [good.baseURL + "missing/", corrupt.baseURL, good.baseURL]
        source.images = .init(name: "t10k-images-idx3-ubyte.gz", md5: try md5(mnist.appendingPathComponent("t10k-images-idx3-ubyte.gz")))
        source.labels = .init(name: "t10k-labels-idx1-ubyte.gz", md5: try md5(mnist.appendingPathComponent("t10k-labels-idx1-ubyte.gz")))
        var logged: [String] = []
        source.log = { logged.append($0) }
        let r = try source.resolve()
        XCTAssertEqual(r.origin, .downloaded)
        XCTAssertEqual(r.path, cache.appendingPathComponent("mnist/train.csv").path)
        XCTAssertNil(r.notice)
        XCTAssertEqual(corrupt.requestedPaths, ["/t10k-images-idx3-ubyte.gz", "/t10k-labels-idx1-ubyte.gz"])
        let df = try CSVReader.read(path: r.path)
        XCTAssertEqual(df.rowCount, digits.count)
        XCTAssertEqual(try df.column("label").array.toInt64s().prefix(4), [7, 2, 1, 0])
        // Second time: the CSV exists, nothing is fetched.
        let before = good.requestedPaths.count
        XCTAssertEqual(try source.resolve().origin, .existing)
        XCTAssertEqual(good.requestedPaths.count, before)
    }

    func testEveryMirrorFailingSaysWhy() throws {
        let mnist = try servedFolder()
        let server = try LoopbackHTTPServer(root: mnist)
        defer { server.stop() }
        let dest = try makeTempDir().appendingPathComponent("x.gz")
        let name = "t10k-labels-idx1-ubyte.gz"
        XCTAssertThrowsError(try Downloader(timeout: 10).fetch(name: name, md5: "00000000000000000000000000000000",
                                                              mirrors: [server.baseURL + "nope/", server.baseURL], to: dest)) { e in
            guard let e = e as? DataError else { return XCTFail("\(e)") }
            XCTAssertEqual(e.pythonType, "OSError")
            XCTAssertTrue(e.message.contains("nope/\(name) failed: HTTP 404"), e.message)
            let served = (try? self.md5(mnist.appendingPathComponent(name))) ?? "?"
            XCTAssertTrue(e.message.contains("checksum mismatch (MD5 \(served), expected 0000"), e.message)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dest.path))
    }

    func testEnvironmentPathAndLocalIDXFolder() throws {
        let mnist = try servedFolder()
        let dir = try makeTempDir()
        let csv = dir.appendingPathComponent("digits.csv").path
        var source = MNISTSource(environment: ["MNIST_CSV": csv, "MNIST_IDX": mnist.path, "KINDLING_CACHE": dir.path])
        source.mirrors = []
        let r = try source.resolve()
        XCTAssertEqual(r.origin, .localIDX)
        XCTAssertEqual(r.path, csv)
        XCTAssertEqual(try source.resolve().origin, .existing)
        assertThrows("FileNotFoundError", "no IDX files in \(dir.path) (looked for train-images-idx3-ubyte[.gz] and t10k-images-idx3-ubyte[.gz] with their labels)") {
            try source.convertIDX(in: dir.path, to: csv)
        }
    }

    func testOfflineFallsBackToFashionMNISTWithANotice() throws {
        let dir = try makeTempDir()
        // A fake Debian folder holding a tiny "Fashion-MNIST", so the test does not depend on the package.
        let fashion = dir.appendingPathComponent("fashion")
        try FileManager.default.createDirectory(at: fashion, withIntermediateDirectories: true)
        try Data(try Gzip.compress(idxImages(count: 5))).write(to: fashion.appendingPathComponent("train-images-idx3-ubyte.gz"))
        try Data(try Gzip.compress(idxLabels([9, 0, 0, 3, 0]))).write(to: fashion.appendingPathComponent("train-labels-idx1-ubyte.gz"))
        var source = MNISTSource(environment: ["KINDLING_CACHE": dir.path, "KINDLING_OFFLINE": "1"])
        source.fashionDirectory = fashion.path
        var logged: [String] = []
        source.log = { logged.append($0) }
        let r = try source.resolve()
        XCTAssertEqual(r.origin, .fashionStandIn)
        XCTAssertEqual(r.path, dir.appendingPathComponent("fashion-mnist/train.csv").path)
        XCTAssertEqual(r.notice, MNISTSource.fashionNotice)
        XCTAssertTrue(r.notice?.hasPrefix("Fashion-MNIST stands in for the digits") ?? false)
        XCTAssertEqual(logged, [MNISTSource.fashionNotice])
        XCTAssertEqual(try CSVReader.read(path: r.path).rowCount, 5)
        XCTAssertFalse(FileManager.default.fileExists(atPath: source.defaultCSVPath), "the digits' cache must not hold clothes")

        source.fashionDirectory = dir.appendingPathComponent("absent").path
        source.environment["KINDLING_CACHE"] = dir.appendingPathComponent("other").path
        source.cacheDirectory = dir.appendingPathComponent("other")
        XCTAssertThrowsError(try source.resolve()) { e in
            XCTAssertEqual((e as? DataError)?.pythonType, "FileNotFoundError")
        }
    }
}
