import XCTest
@testable import KindlingLanguage

/// Parses `source` and dumps its statements, one S-expression per statement, joined by "; ".
func dumpModule(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    do {
        return try parseModule(source: source, filename: "t.py").body.map(\.dump).joined(separator: "; ")
    } catch let e as SyntaxErrorInfo {
        XCTFail("unexpected \(e.description) at \(e.line):\(e.column) for \(source.debugDescription)", file: file, line: line)
        return "<error>"
    } catch {
        XCTFail("unexpected \(error)", file: file, line: line)
        return "<error>"
    }
}

/// Parses `source` expecting a `SyntaxErrorInfo`, and returns it.
func parseError(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> SyntaxErrorInfo? {
    do {
        let m = try parseModule(source: source, filename: "lesson.py")
        XCTFail("expected an error for \(source.debugDescription), got \(m.body.map(\.dump))", file: file, line: line)
    } catch let e as SyntaxErrorInfo {
        return e
    } catch {
        XCTFail("unexpected \(error)", file: file, line: line)
    }
    return nil
}

/// Asserts `source` fails with this kind, message and (optionally) line and column.
func assertSyntaxError(_ source: String, _ kind: SyntaxErrorInfo.Kind, _ message: String,
                       line: Int? = nil, column: Int? = nil,
                       file: StaticString = #filePath, testLine: UInt = #line) {
    guard let e = parseError(source, file: file, line: testLine) else { return }
    XCTAssertEqual(e.kind, kind, "kind for \(source.debugDescription): \(e.message)", file: file, line: testLine)
    XCTAssertEqual(e.message, message, "message for \(source.debugDescription)", file: file, line: testLine)
    if let line { XCTAssertEqual(e.line, line, "line for \(source.debugDescription)", file: file, line: testLine) }
    if let column { XCTAssertEqual(e.column, column, "column for \(source.debugDescription)", file: file, line: testLine) }
}

/// Asserts `source` is refused as unsupported with a message mentioning `fragment`.
func assertUnsupported(_ source: String, _ fragment: String, file: StaticString = #filePath, line: UInt = #line) {
    guard let e = parseError(source, file: file, line: line) else { return }
    XCTAssertEqual(e.kind, .unsupported, "\(source.debugDescription): \(e.message)", file: file, line: line)
    XCTAssertTrue(e.message.contains(fragment), "\(e.message) should mention \(fragment)", file: file, line: line)
    XCTAssertTrue(e.message.hasSuffix("is not supported by Kindling") || e.message.hasSuffix("are not supported by Kindling"),
                  e.message, file: file, line: line)
}
