import XCTest
@testable import KindlingLanguage

/// A function compiled by one input (a notebook cell, a REPL line) and run by
/// a later one must raise NameError for a missing global, not trap: its code
/// outlives the compiler that built it.
final class CrossInputNameErrorTests: XCTestCase {
    func testNameErrorFromAFunctionDefinedInAnEarlierInput() throws {
        let interp = Interpreter()
        interp.output = { _ in }
        try interp.run(source: "def g():\n    return [x for x in nope]\ndef h():\n    global gone\n    del gone\n", filename: "<cell 1>")
        for call in ["g()", "h()"] {
            do {
                try interp.run(source: call, filename: "<cell 2>")
                XCTFail("\(call) should raise")
            } catch let e as PyException {
                XCTAssertEqual(e.typeName, "NameError", call)
                XCTAssertTrue(e.message.hasPrefix("name '"), e.message)
            }
        }
    }
}
