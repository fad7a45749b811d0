import Foundation
import XCTest
@testable import KindlingLanguage

/// The w5 interpreter-loop benchmark. A measurement, not a pass/fail test: it runs only when
/// KINDLING_BENCH=1 (use a release build) and prints the timing line of the script.
final class BenchmarkTests: XCTestCase {
    func testW5InterpreterLoop() throws {
        guard ProcessInfo.processInfo.environment["KINDLING_BENCH"] == "1" else { return }
        let path = ProcessInfo.processInfo.environment["KINDLING_W5"] ?? "/work/shared/bench/w5_interp_loop.py"
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let interp = Interpreter()
        var out = ""
        interp.output = { out += $0 }
        try interp.run(source: source, filename: path)
        print(out, terminator: "")
        XCTAssertTrue(out.contains("RESULT w5_interp_loop 2999995000000"), out)
    }
}
