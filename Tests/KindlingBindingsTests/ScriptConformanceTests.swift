import Foundation
import XCTest
import KindlingBindings
import KindlingLanguage

/// Runs every `Scripts/NAME.py` with Kindling's modules and compares what it
/// prints (stdout, then the traceback of an uncaught exception) with
/// `Scripts/NAME.expected`, produced by CPython 3.11 with torch 2.15 / fastai
/// 2.8 (`cd Scripts && python3 NAME.py > NAME.expected 2>&1`).
///
/// Each script runs in a fresh interpreter whose working directory is a
/// fresh copy of `Scripts`, so scripts may read the fixtures kept there
/// (`Scripts/fixtures/...`) and write files of their own.
final class ScriptConformanceTests: XCTestCase {
    static func run(_ source: String, filename: String) -> String {
        let interp = Interpreter()
        KindlingModules.install(into: interp)
        var out = ""
        interp.output = { out += $0 }
        do { try interp.run(source: source, filename: filename) } catch let e as PyException {
            out += interp.formatException(e)
        } catch {
            out += "unexpected Swift error: \(error)\n"
        }
        return out
    }

    /// The first line where `got` and `expected` differ, for the failure message.
    static func firstDifference(_ got: String, _ expected: String) -> String {
        let g = got.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        var i = 0
        while i < min(g.count, e.count) && g[i] == e[i] { i += 1 }
        let gl = i < g.count ? String(g[i]) : "<eof>", el = i < e.count ? String(e[i]) : "<eof>"
        return "line \(i + 1) differs\n  expected: \(el)\n  got:      \(gl)"
    }

    func testScripts() throws {
        guard let dir = Bundle.module.url(forResource: "Scripts", withExtension: nil) else {
            return XCTFail("Scripts resource missing")
        }
        let fm = FileManager.default
        let files = try fm.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".py") }.sorted()
        XCTAssertFalse(files.isEmpty)
        let previous = fm.currentDirectoryPath
        defer { _ = fm.changeCurrentDirectoryPath(previous) }
        var failures = 0
        for f in files {
            let source = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            let expected = try String(contentsOf: dir.appendingPathComponent(String(f.dropLast(3)) + ".expected"), encoding: .utf8)
            let work = fm.temporaryDirectory.appendingPathComponent("kindling-scripts-\(UUID().uuidString)")
            try fm.copyItem(at: dir, to: work)
            defer { try? fm.removeItem(at: work) }
            _ = fm.changeCurrentDirectoryPath(work.path)
            let got = ScriptConformanceTests.run(source, filename: f)
            if got != expected {
                failures += 1
                XCTFail("\(f): \(ScriptConformanceTests.firstDifference(got, expected))")
            }
        }
        print("script conformance: \(files.count - failures)/\(files.count) scripts pass")
    }
}
