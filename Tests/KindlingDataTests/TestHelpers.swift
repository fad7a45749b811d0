import Foundation
import XCTest
@testable import KindlingData

/// A fresh temporary directory for one test.
func makeTempDir(_ name: String = #function) throws -> URL {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kindling-data-\(safe)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The shared folder beside the clone (`../shared`), or `KINDLING_SHARED`; nil when absent.
func sharedFolder(file: String = #filePath) -> URL? {
    if let env = ProcessInfo.processInfo.environment["KINDLING_SHARED"], !env.isEmpty {
        return URL(fileURLWithPath: env)
    }
    // Tests/KindlingDataTests/<file> -> repo -> ../shared
    var url = URL(fileURLWithPath: file)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    let shared = url.deletingLastPathComponent().appendingPathComponent("shared")
    if FileManager.default.fileExists(atPath: shared.appendingPathComponent("data/mnist").path) { return shared }
    // Worktrees live in /work/wt/<name>; the shared folder is /work/shared.
    let alt = url.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    if FileManager.default.fileExists(atPath: alt.appendingPathComponent("data/mnist").path) { return alt }
    return nil
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
