import XCTest
@testable import KindlingLanguage

final class SyntaxInputCompletenessTests: XCTestCase {
    private func isInvalid(_ s: String) -> Bool {
        if case .invalid = isCompleteInput(s) { return true }
        return false
    }

    func testComplete() {
        XCTAssertEqual(isCompleteInput("x = 1"), .complete)
        XCTAssertEqual(isCompleteInput("x = 1\n"), .complete)
        XCTAssertEqual(isCompleteInput(""), .complete)
        XCTAssertEqual(isCompleteInput("print((1,\n 2))"), .complete)
        XCTAssertEqual(isCompleteInput("if x:\n    y = 1\n"), .incomplete)
        XCTAssertEqual(isCompleteInput("if x:\n    y = 1\n\n"), .complete)
        XCTAssertEqual(isCompleteInput("if x:\n    y = 1\n   "), .complete)
        XCTAssertEqual(isCompleteInput("s = '''a\nb'''"), .complete)
    }

    func testIncomplete() {
        XCTAssertEqual(isCompleteInput("x = (1 +"), .incomplete)
        XCTAssertEqual(isCompleteInput("x = [1,\n 2,\n\n"), .incomplete)
        XCTAssertEqual(isCompleteInput("if x:"), .incomplete)
        XCTAssertEqual(isCompleteInput("def f(a,\n      b):"), .incomplete)
        XCTAssertEqual(isCompleteInput("for i in range(3):\n    print(i)"), .incomplete)
        XCTAssertEqual(isCompleteInput("x = 1 + \\"), .incomplete)
        XCTAssertEqual(isCompleteInput("s = '''abc"), .incomplete)
        XCTAssertEqual(isCompleteInput("@decorator"), .incomplete)
        XCTAssertEqual(isCompleteInput("try:\n    x"), .incomplete)
        XCTAssertEqual(isCompleteInput("if x:\n    y\nelse:"), .incomplete)
        XCTAssertEqual(isCompleteInput("class A:\n    def f(self):\n        pass"), .incomplete)
    }

    func testInvalid() {
        XCTAssertTrue(isInvalid("x = 1 +"))
        XCTAssertTrue(isInvalid("x = )"))
        XCTAssertTrue(isInvalid("def f(:"))
        XCTAssertTrue(isInvalid("x = 'abc"))
        XCTAssertTrue(isInvalid("if x:\n\n"))
        XCTAssertTrue(isInvalid("try:\n    x\n\n"))
        XCTAssertTrue(isInvalid("x = 1j"))
        XCTAssertTrue(isInvalid("a b"))
    }
}
