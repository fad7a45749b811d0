import Foundation
import KindlingLanguage

/// The conformance tests' one driver: every `NAME.py` of a folder runs in a fresh interpreter
/// and what it prints (stdout, then the traceback of an uncaught exception) must equal
/// `NAME.expected`, recorded from CPython (with torch/fastai/numpy where the script imports them).
public enum ScriptConformance {
    /// What `source` prints when run as `python FILE`, the traceback of an uncaught exception last.
    public static func transcript(_ source: String, filename: String, in interp: Interpreter) -> String {
        var out = ""
        interp.output = { out += $0 }
        do { try interp.run(source: source, filename: filename) } catch let e as PyException {
            out += interp.formatException(e)
        } catch {
            out += "unexpected Swift error: \(error)\n"
        }
        return out
    }

    /// The first line where `got` and `expected` differ, for a failure message.
    public static func firstDifference(_ got: String, _ expected: String) -> String {
        let g = got.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        var i = 0
        while i < min(g.count, e.count) && g[i] == e[i] { i += 1 }
        let gl = i < g.count ? String(g[i]) : "<eof>", el = i < e.count ? String(e[i]) : "<eof>"
        return "line \(i + 1) differs\n  expected: \(el)\n  got:      \(gl)"
    }

    /// Runs every script of `directory` (sorted by name) in an interpreter from `makeInterpreter`;
    /// with `inFreshCopy`, each runs with a fresh copy of the folder as its working directory, so
    /// it may read fixtures there and write files of its own. Returns the script count and one
    /// message per script whose output differs.
    public static func check(directory: URL, inFreshCopy: Bool = false,
                             makeInterpreter: () -> Interpreter) throws -> (count: Int, failures: [String]) {
        let fm = FileManager.default
        let files = try fm.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".py") }.sorted()
        let previous = fm.currentDirectoryPath
        defer { _ = fm.changeCurrentDirectoryPath(previous) }
        var failures: [String] = []
        for f in files {
            let source = try String(contentsOf: directory.appendingPathComponent(f), encoding: .utf8)
            let expected = try String(contentsOf: directory.appendingPathComponent(String(f.dropLast(3)) + ".expected"), encoding: .utf8)
            var work: URL?
            if inFreshCopy {
                let copy = fm.temporaryDirectory.appendingPathComponent("kindling-scripts-\(UUID().uuidString)")
                try fm.copyItem(at: directory, to: copy)
                _ = fm.changeCurrentDirectoryPath(copy.path)
                work = copy
            }
            let got = transcript(source, filename: f, in: makeInterpreter())
            if let work { try? fm.removeItem(at: work) }
            if got != expected { failures.append("\(f): \(firstDifference(got, expected))") }
        }
        return (files.count, failures)
    }
}
