import XCTest
@testable import KindlingNotebook

final class StepSessionTests: XCTestCase {
    let text = """
    # %% [markdown]
    # # Stepping
    # Intro text.

    # %% Setup
    a = 1
    print("one")

    # %% [markdown]
    # Middle text.

    # %%
    b = 2
    b

    # %%
    raise KeyError("k")

    # %%
    print("last")
    """

    /// Runs the session on scripted input lines and returns it with its output.
    func session(_ inputs: [String]) -> (StepSession, String, [String]) {
        var output = ""
        var prompts: [String] = []
        let session = StepSession(lesson: PercentFormatParser.parse(text, path: "s.py"), session: makeSession()) { output += $0 }
        var remaining = inputs[...]
        session.run { prompt in
            prompts.append(prompt)
            return remaining.popFirst()
        }
        return (session, output, prompts)
    }

    func testParsingCommands() {
        XCTAssertEqual(StepCommand(parsing: ""), .next)
        XCTAssertEqual(StepCommand(parsing: "  n "), .next)
        XCTAssertEqual(StepCommand(parsing: "next"), .next)
        XCTAssertEqual(StepCommand(parsing: "r"), .rerun)
        XCTAssertEqual(StepCommand(parsing: "goto 12"), .goto(12))
        XCTAssertEqual(StepCommand(parsing: "g 3"), .goto(3))
        XCTAssertEqual(StepCommand(parsing: "g x"), .code("g x"))
        XCTAssertEqual(StepCommand(parsing: "l"), .list)
        XCTAssertEqual(StepCommand(parsing: "quit"), .quit)
        XCTAssertEqual(StepCommand(parsing: "?"), .help)
        XCTAssertEqual(StepCommand(parsing: "(n)"), .code("(n)"))
        XCTAssertEqual(StepCommand(parsing: "n = 3"), .code("n = 3"))
    }

    func testStartShowsMarkdownAndFirstCodeCell() {
        let (session, output, prompts) = session([])
        XCTAssertTrue(output.contains("Stepping through Stepping (6 cells; h for help)"))
        XCTAssertTrue(output.contains("# Stepping\nIntro text.\n\nCell 2 of 6\nIn [ ]: Setup\n   6 | a = 1\n"), output)
        XCTAssertEqual(session.executionCount, 0, "nothing runs before Enter")
        XCTAssertEqual(prompts, ["[2/6] >>> "])
        XCTAssertTrue(session.hasQuit, "end of input quits")
    }

    func testEnterRunsCellsInOrderAndUserCodeSharesNamespace() {
        let (session, output, prompts) = session(["", "print(a)", "", "q"])
        XCTAssertTrue(output.contains("  14 | b\n1\n"), "print(a) sees the lesson's a")
        XCTAssertTrue(output.contains("one\n\nMiddle text.\n\nCell 4 of 6\nIn [ ]:\n  13 | b = 2"), output)
        XCTAssertTrue(output.contains("Out[3]: 2"))
        XCTAssertEqual(prompts, ["[2/6] >>> ", "[4/6] >>> ", "[4/6] >>> ", "[5/6] >>> "])
        XCTAssertEqual(session.cursor, 4)
        XCTAssertEqual(session.executionCount, 3)
        XCTAssertEqual(session.notebook.cells[3].result?.value, "2")
    }

    func testErrorsDoNotEndTheSessionAndRerunRunsTheCellAgain() {
        let (session, output, _) = session(["g 5", "", "r", "n", "n", "n"])
        XCTAssertTrue(output.contains("KeyError: 'k'"))
        XCTAssertEqual(output.components(separatedBy: "KeyError: 'k'").count - 1, 2, "r reran the failing cell")
        XCTAssertTrue(output.contains("last\n"))
        XCTAssertTrue(session.isAtEnd)
        XCTAssertTrue(output.contains("End of the lesson."))
    }

    func testGotoRunsEarlierCellsAndCanGoBack() {
        let (session, output, _) = session(["g 4", "g 2"])
        XCTAssertEqual(session.executionCount, 1, "goto 4 runs cell 2 only")
        XCTAssertTrue(output.contains("   7 | print(\"one\")\none\n"), "the cell shown runs without a second echo")
        XCTAssertEqual(session.cursor, 1)
        XCTAssertTrue(output.hasSuffix("Cell 2 of 6\nIn [ ]: Setup\n   6 | a = 1\n   7 | print(\"one\")\n"), output)
    }

    func testGotoStopsAtAnError() {
        let (session, output, _) = session(["g 6"])
        XCTAssertEqual(session.executionCount, 3)
        XCTAssertTrue(output.contains("Stopped before cell 6 because cell 5 raised."))
        XCTAssertEqual(session.cursor, 5)
    }

    func testGotoOutOfRangeAndListAndHelp() {
        let (step, output, _) = session(["g 0", "g 99", "", "l", "h"])
        XCTAssertTrue(output.contains("There is no cell 0; the lesson has cells 1 to 6."))
        XCTAssertTrue(output.contains("There is no cell 99"))
        XCTAssertEqual(step.executionCount, 1)
        XCTAssertTrue(output.contains("""
           1  md    Stepping
           2* code  Setup
           3  md    Middle text.
          >4  code  b = 2
           5  code  raise KeyError("k")
           6  code  print("last")
          """), output)
        XCTAssertTrue(output.contains("Enter, n, next"))
    }

    func testMultiLineUserCodeUsesContinuationPrompt() {
        let (step, output, prompts) = session(["if True:", "    c = 3", "", "print(c * 2)", "q"])
        XCTAssertTrue(output.contains("6\n"), output)
        XCTAssertEqual(step.executionCount, 2)
        XCTAssertEqual(prompts, ["[2/6] >>> ", "... ", "... ", "[2/6] >>> ", "[2/6] >>> "])
    }

    func testRerunBeforeAnythingRan() {
        let (step, output, _) = session(["r"])
        XCTAssertTrue(output.contains("No lesson cell has run yet"))
        XCTAssertEqual(step.executionCount, 0)
    }

    func testMagicsAndHelpWorkBetweenCells() {
        let (_, output, _) = session(["", "%whos", "a?", "%timeit a + 1", "%nosuch", "q"])
        XCTAssertTrue(output.contains("a          int    1"), output)
        XCTAssertTrue(output.contains("Type:        int\nString form: 1\n"), output)
        XCTAssertTrue(output.contains(" per loop (mean ± std. dev. of 7 runs, "), output)
        XCTAssertTrue(output.contains("UsageError: Line magic function `%nosuch` not found."), output)
        XCTAssertFalse(output.contains("SyntaxError"), output)
    }
}

final class StepInputTests: XCTestCase {
    func testInterruptDropsPendingBlockAndEndQuits() {
        var output = ""
        let lesson = PercentFormatParser.parse("# %%\nprint(1)\n")
        let notebook = makeSession()
        let session = StepSession(lesson: lesson, session: notebook) { output += $0 }
        var inputs: [StepInput] = [.line("for i in x:"), .interrupted, .interrupted, .line("a = 2"), .endOfInput]
        session.run(read: { _ in inputs.isEmpty ? .endOfInput : inputs.removeFirst() })
        XCTAssertEqual(notebook.history.map(\.source), ["a = 2"])
        XCTAssertTrue(session.hasQuit)
    }
}
