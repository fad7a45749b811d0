import KindlingLanguage
import XCTest
@testable import KindlingNotebook

/// `CellError(exception:)` is the one way an exception becomes an error output.
final class CellErrorTests: XCTestCase {
    struct Bug: Error, CustomStringConvertible { var description: String { "a Kindling bug" } }

    func testEveryErrorOutputComesFromAnException() {
        let plain = CellError(exception: PyException.make(.valueError, "bad value"))
        XCTAssertEqual([plain.ename, plain.evalue, plain.traceback], ["ValueError", "bad value", "ValueError: bad value"])
        let usage = CellError.usage("%run needs a file name")
        XCTAssertEqual(usage.ename, "UsageError")
        XCTAssertEqual(usage.tracebackLines, ["UsageError: %run needs a file name"])
        let interp = Interpreter()
        XCTAssertEqual(CellError.from(Bug(), interpreter: interp).tracebackLines, ["SystemError: a Kindling bug"])
        XCTAssertEqual(CellError.from(usage, interpreter: interp), usage)
    }

    func testAMissingRunFileIsFileNotFoundError() {
        let session = makeSession()
        let error = session.submit("%run /nonexistent/kindling-missing.py").error
        XCTAssertEqual(error?.ename, "FileNotFoundError")
        XCTAssertEqual(error?.tracebackLines.last, "FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent/kindling-missing.py'")
    }
}
