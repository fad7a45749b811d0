import XCTest
@testable import KindlingNotebook

final class SuppressDisplayTests: XCTestCase {
    func testTrailingSemicolonHidesTheValue() {
        XCTAssertTrue(InterpreterCellExecutor.suppressesDisplay("x = 1\nshow_image(x);"))
        XCTAssertTrue(InterpreterCellExecutor.suppressesDisplay("f(x);  # quiet\n\n"))
        XCTAssertFalse(InterpreterCellExecutor.suppressesDisplay("f(x)"))
        XCTAssertFalse(InterpreterCellExecutor.suppressesDisplay("a; b"))
        XCTAssertFalse(InterpreterCellExecutor.suppressesDisplay("print('a;')"))
        XCTAssertFalse(InterpreterCellExecutor.suppressesDisplay(""))
    }
}
