import XCTest
@testable import KindlingREPL

final class REPLUnitTests: XCTestCase {
    func testSignaturesAreReadFromDefLines() {
        let signatures = DefinedSignatures()
        signatures.record("def fit(model, lr=0.1, *args, epochs: int = 3, **kw):\n    pass\nclass A:\n    def step(self, x):\n        pass")
        XCTAssertEqual(signatures.parameters["fit"], ["model", "lr", "epochs"])
        XCTAssertEqual(signatures.parameters["step"], ["x"])
    }

    func testOpenBracketIgnoresStringsAndComments() {
        XCTAssertTrue(REPL.hasOpenBracket("x = (1,\n"))
        XCTAssertFalse(REPL.hasOpenBracket("x = '(' # ("))
        XCTAssertFalse(REPL.hasOpenBracket("f(a)[0]"))
    }

    func testMagicAndHelpLines() {
        XCTAssertTrue(REPL.isMagicOrHelp("%whos"))
        XCTAssertTrue(REPL.isMagicOrHelp("t?"))
        XCTAssertFalse(REPL.isMagicOrHelp("print('?')"))
    }

    func testTimeitSummaryLooksLikeIPython() {
        XCTAssertEqual(REPLMagics.timeitSummary([0.001, 0.001], loops: 100),
                       "1 ms ± 0 ns per loop (mean ± std. dev. of 2 runs, 100 loops each)")
    }

    func testOpenStringAndCalleeForCompletion() {
        XCTAssertNotNil(REPLCompletion.openStringQuote("open('da"))
        XCTAssertNil(REPLCompletion.openStringQuote("x = 'done' + y"))
        XCTAssertEqual(REPLCompletion.openCallee("learn.fit(1, l"), "learn.fit")
        XCTAssertNil(REPLCompletion.openCallee("x[1, "))
    }
}
