import Foundation
import XCTest
@testable import KindlingLanguage

/// Runs every Conformance/NAME.py and compares its output (stdout, then the traceback of an
/// uncaught exception) with NAME.expected, which was produced by CPython 3.11 (`python3 NAME.py 2>&1`).
final class ConformanceTests: XCTestCase {
    static func runScript(_ source: String, filename: String) -> String {
        let interp = Interpreter()
        var out = ""
        interp.output = { out += $0 }
        do { try interp.run(source: source, filename: filename) } catch let e as PyException {
            out += interp.formatException(e)
        } catch {
            out += "unexpected Swift error: \(error)\n"
        }
        return out
    }

    func testConformanceScripts() throws {
        guard let dir = Bundle.module.url(forResource: "Conformance", withExtension: nil) else {
            return XCTFail("Conformance resource missing")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".py") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 15)
        var failures: [String] = []
        for f in files {
            let source = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            let expectedURL = dir.appendingPathComponent(String(f.dropLast(3)) + ".expected")
            let expected = try String(contentsOf: expectedURL, encoding: .utf8)
            let got = ConformanceTests.runScript(source, filename: f)
            if got != expected {
                failures.append(f)
                let gl = got.split(separator: "\n", omittingEmptySubsequences: false)
                let el = expected.split(separator: "\n", omittingEmptySubsequences: false)
                var firstDiff = 0
                while firstDiff < min(gl.count, el.count) && gl[firstDiff] == el[firstDiff] { firstDiff += 1 }
                let g = firstDiff < gl.count ? String(gl[firstDiff]) : "<eof>"
                let e = firstDiff < el.count ? String(el[firstDiff]) : "<eof>"
                XCTFail("\(f): line \(firstDiff + 1) differs\n  expected: \(e)\n  got:      \(g)")
            }
        }
        print("conformance: \(files.count - failures.count)/\(files.count) scripts pass")
    }

    /// Runs /tmp/kindling_scratch.py when present (a developer convenience; passes otherwise).
    func testScratch() throws {
        let path = "/tmp/kindling_scratch.py"
        guard let source = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        print(ConformanceTests.runScript(source, filename: "scratch.py"), terminator: "")
    }
}
