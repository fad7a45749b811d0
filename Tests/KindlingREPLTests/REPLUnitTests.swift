import XCTest
import KindlingNotebook
@testable import KindlingREPL

final class REPLUnitTests: XCTestCase {
    func testMagicAndHelpLinesAreSpecial() {
        XCTAssertTrue(InputPiece.split("%whos").contains(where: REPL.isSpecial))
        XCTAssertTrue(InputPiece.split("t?").contains(where: REPL.isSpecial))
        XCTAssertFalse(InputPiece.split("print('?')").contains(where: REPL.isSpecial))
    }

    func testTimeitSummaryLooksLikeIPython() {
        XCTAssertEqual(NotebookSession.timeitSummary([0.001, 0.001], loops: 100),
                       "1 ms ± 0 ns per loop (mean ± std. dev. of 2 runs, 100 loops each)")
    }

    func testCompletionBecomesReplacementsForReadlinesWord() {
        let session = NotebookSession()
        session.submit("import torch")
        let provider = REPL.completionProvider(for: session)
        // readline's word for `torch.zeros(3, requires` is `requires` (`(` and space break words).
        let keyword = provider(CompletionRequest(line: "torch.zeros(3, requires", textBeforeCursor: "torch.zeros(3, requires",
                                                 word: "requires"))
        XCTAssertEqual(keyword, ["requires_grad="])
        let attribute = provider(CompletionRequest(line: "x = torch.zer", textBeforeCursor: "x = torch.zer", word: "torch.zer"))
        XCTAssertTrue(attribute.contains("torch.zeros"), "\(attribute)")
        let magic = provider(CompletionRequest(line: "%tim", textBeforeCursor: "%tim", word: "tim"))
        XCTAssertEqual(magic, ["time", "timeit"], "readline does not count % as part of the word here")
    }
}
