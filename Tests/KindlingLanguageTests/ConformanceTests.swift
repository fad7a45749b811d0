import Foundation
import XCTest
import KindlingTestSupport
@testable import KindlingLanguage

/// Runs every Conformance/NAME.py and compares its output (stdout, then the traceback of an
/// uncaught exception) with NAME.expected, which was produced by CPython 3.11 (`python3 NAME.py 2>&1`).
final class ConformanceTests: XCTestCase {
    func testConformanceScripts() throws {
        guard let dir = Bundle.module.url(forResource: "Conformance", withExtension: nil) else {
            return XCTFail("Conformance resource missing")
        }
        let (count, failures) = try ScriptConformance.check(directory: dir) { Interpreter() }
        XCTAssertGreaterThanOrEqual(count, 15)
        for f in failures { XCTFail(f) }
        print("conformance: \(count - failures.count)/\(count) scripts pass")
    }

    /// Runs /tmp/kindling_scratch.py when present (a developer convenience; passes otherwise).
    func testScratch() throws {
        let path = "/tmp/kindling_scratch.py"
        guard let source = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        print(ScriptConformance.transcript(source, filename: "scratch.py", in: Interpreter()), terminator: "")
    }
}
