import Foundation
import XCTest
import KindlingBindings
import KindlingLanguage
import KindlingTestSupport

/// Runs every `Scripts/NAME.py` with Kindling's modules and compares what it
/// prints (stdout, then the traceback of an uncaught exception) with
/// `Scripts/NAME.expected`, produced by CPython 3.11 with torch 2.15 / fastai
/// 2.8 (`cd Scripts && python3 NAME.py > NAME.expected 2>&1`).
///
/// Each script runs in a fresh interpreter whose working directory is a
/// fresh copy of `Scripts`, so scripts may read the fixtures kept there
/// (`Scripts/fixtures/...`) and write files of their own.
final class ScriptConformanceTests: XCTestCase {
    func testScripts() throws {
        guard let dir = Bundle.module.url(forResource: "Scripts", withExtension: nil) else {
            return XCTFail("Scripts resource missing")
        }
        let (count, failures) = try ScriptConformance.check(directory: dir, inFreshCopy: true) {
            let interp = Interpreter()
            KindlingModules.install(into: interp)
            return interp
        }
        XCTAssertGreaterThan(count, 0)
        for f in failures { XCTFail(f) }
        print("script conformance: \(count - failures.count)/\(count) scripts pass")
    }
}
