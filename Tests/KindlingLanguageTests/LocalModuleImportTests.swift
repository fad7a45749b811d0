import Foundation
import XCTest
@testable import KindlingLanguage

/// `import mymod` finds `mymod.py` (or a `mymod/` package) next to the running script, as
/// CPython's `sys.path[0]` rule does, and `sys.path` additions are searched too.
final class LocalModuleImportTests: XCTestCase {
    private func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kindling-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("pkg"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("extra"), withIntermediateDirectories: true)
        try "X = 5\ncalls = []\ndef double(a):\n    calls.append(a)\n    return a * 2\n"
            .write(to: dir.appendingPathComponent("mymod.py"), atomically: true, encoding: .utf8)
        try "NAME = 'pkg'\ndef hello():\n    return 'hi from ' + __name__\n"
            .write(to: dir.appendingPathComponent("pkg/__init__.py"), atomically: true, encoding: .utf8)
        try "def g():\n    return 'inner'\n".write(to: dir.appendingPathComponent("pkg/inner.py"), atomically: true, encoding: .utf8)
        try "VALUE = 42\n".write(to: dir.appendingPathComponent("extra/other.py"), atomically: true, encoding: .utf8)
        try "def broken(:\n".write(to: dir.appendingPathComponent("badmod.py"), atomically: true, encoding: .utf8)
        return dir
    }

    private func run(_ source: String, in dir: URL) -> String {
        let interp = Interpreter()
        var out = ""
        interp.output = { out += $0 }
        let script = dir.appendingPathComponent("main.py").path
        do { try interp.run(source: source, filename: script) } catch let e as PyException {
            out += "\(e.typeName): \(e.message)\n"
        } catch { out += "\(error)\n" }
        return out
    }

    func testModulesNextToTheScriptImport() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = run("""
            import mymod
            from mymod import double
            import mymod as again
            print(mymod.X, double(3), again is mymod, mymod.calls, mymod.__name__)
            import pkg, pkg.inner
            print(pkg.NAME, pkg.hello(), pkg.inner.g())
            import sys
            sys.path.append(sys.path[0] + '/extra')
            import other
            print(other.VALUE)
            import no_such_module
            """, in: dir)
        XCTAssertEqual(out, """
            5 6 True [3] mymod
            pkg hi from pkg inner
            42
            ModuleNotFoundError: No module named 'no_such_module'

            """)
    }

    func testAModuleThatFailsIsNotKeptHalfImported() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = run("""
            try:
                import badmod
            except SyntaxError:
                print('syntax error')
            try:
                import badmod
            except SyntaxError:
                print('again')
            """, in: dir)
        XCTAssertEqual(out, "syntax error\nagain\n")
    }
}
