import Foundation
import XCTest
@testable import KindlingData
import KindlingSharedData

/// A fresh temporary directory for one test.
func makeTempDir(_ name: String = #function) throws -> URL {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kindling-data-\(safe)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The shared folder beside the clone (`../shared`), or `KINDLING_SHARED`; nil when absent.
func sharedFolder(file: String = #filePath) -> URL? {
    // Tests/KindlingDataTests/<file> -> repo -> ../shared; in worktrees (/work/wt/<name>), ../../shared.
    SharedData.folder(holding: "data/mnist", besideAncestors: 3..<5, of: file)
}

func assertThrows(_ type: String, _ message: String, file: StaticString = #filePath, line: UInt = #line,
                  _ body: () throws -> Void) {
    do {
        try body()
        XCTFail("expected \(type): \(message)", file: file, line: line)
    } catch let e as DataError {
        XCTAssertEqual(e.pythonType, type, file: file, line: line)
        XCTAssertEqual(e.message, message, file: file, line: line)
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
}

func writeText(_ text: String, to url: URL) throws {
    try text.write(to: url, atomically: true, encoding: .utf8)
}
