import Foundation
import XCTest
import KindlingBindings
import KindlingLanguage

/// A test-only script driver until the `kindling` executable runs files:
/// `KINDLING_SCRIPT=path swift test --filter LearnerScriptDriverTests` runs
/// the script in the script's folder with stdout as output (used for the
/// benchmark workloads). Skipped when the variable is unset.
final class LearnerScriptDriverTests: XCTestCase {
    func testRunScriptFromEnvironment() throws {
        guard let path = ProcessInfo.processInfo.environment["KINDLING_SCRIPT"] else {
            throw XCTSkip("set KINDLING_SCRIPT to run a script")
        }
        let source = try String(contentsOfFile: path, encoding: .utf8)
        if let dir = ProcessInfo.processInfo.environment["KINDLING_CWD"] {
            FileManager.default.changeCurrentDirectoryPath(dir)
        }
        let interp = Interpreter()
        KindlingModules.install(into: interp)
        interp.output = { s in fputs(s, stdout); fflush(stdout) }
        do {
            try interp.run(source: source, filename: path)
        } catch let e as PyException {
            XCTFail("\(e.typeName): \(e.message)")
        }
    }
}
