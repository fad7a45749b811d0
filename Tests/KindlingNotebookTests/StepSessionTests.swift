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
    func session(_ inputs: [String]) -> (StepSession, String, FakeExecutor, [String]) {
        let executor = FakeExecutor()
        var output = ""
        var prompts: [String] = []
        let session = StepSession(lesson: PercentFormatParser.parse(text, path: "s.py"), executor: executor) { output += $0 }
        var remaining = inputs[...]
        session.run { prompt in
            prompts.append(prompt)
            return remaining.popFirst()
        }
        return (session, output, executor, prompts)
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
        let (session, output, executor, prompts) = session([])
        XCTAssertTrue(output.contains("Stepping through Stepping (6 cells; h for help)"))
        XCTAssertTrue(output.contains("# Stepping\nIntro text.\n\nCell 2 of 6\nIn [ ]: Setup\n   6 | a = 1\n"), output)
        XCTAssertTrue(executor.calls.isEmpty, "nothing runs before Enter")
        XCTAssertEqual(prompts, ["[2/6] >>> "])
        XCTAssertTrue(session.hasQuit, "end of input quits")
    }

    func testEnterRunsCellsInOrderAndUserCodeSharesNamespace() {
        let (session, output, executor, prompts) = session(["", "print(a)", "", "q"])
        XCTAssertEqual(executor.calls.map(\.code), ["a = 1\nprint(\"one\")", "print(a)", "b = 2\nb"])
        XCTAssertEqual(executor.calls.map(\.filename), ["s.py", "<input>", "s.py"])
        XCTAssertTrue(output.contains("one\n\nMiddle text.\n\nCell 4 of 6\nIn [ ]:\n  13 | b = 2"), output)
        XCTAssertTrue(output.contains("Out[3]: 2"))
        XCTAssertEqual(prompts, ["[2/6] >>> ", "[4/6] >>> ", "[4/6] >>> ", "[5/6] >>> "])
        XCTAssertEqual(session.cursor, 4)
        XCTAssertEqual(session.executionCount, 3)
        XCTAssertEqual(session.notebook.cells[3].result?.value, "2")
    }

    func testErrorsDoNotEndTheSessionAndRerunRunsTheCellAgain() {
        let (session, output, executor, _) = session(["g 5", "", "r", "n", "n", "n"])
        XCTAssertTrue(output.contains("KeyError: k"))
        XCTAssertEqual(executor.calls.filter { $0.code.hasPrefix("raise") }.count, 2, "r reran the failing cell")
        XCTAssertTrue(output.contains("last\n"))
        XCTAssertTrue(session.isAtEnd)
        XCTAssertTrue(output.contains("End of the lesson."))
    }

    func testGotoRunsEarlierCellsAndCanGoBack() {
        let (session, output, executor, _) = session(["g 4", "g 2"])
        XCTAssertEqual(executor.calls.map(\.firstLine), [6], "goto 4 runs cell 2 only")
        XCTAssertTrue(output.contains("   7 | print(\"one\")\none\n"), "the cell shown runs without a second echo")
        XCTAssertEqual(session.cursor, 1)
        XCTAssertTrue(output.hasSuffix("Cell 2 of 6\nIn [ ]: Setup\n   6 | a = 1\n   7 | print(\"one\")\n"), output)
    }

    func testGotoStopsAtAnError() {
        let (session, output, executor, _) = session(["g 6"])
        XCTAssertEqual(executor.calls.count, 3)
        XCTAssertTrue(output.contains("Stopped before cell 6 because cell 5 raised."))
        XCTAssertEqual(session.cursor, 5)
    }

    func testGotoOutOfRangeAndListAndHelp() {
        let (_, output, executor, _) = session(["g 0", "g 99", "", "l", "h"])
        XCTAssertTrue(output.contains("There is no cell 0; the lesson has cells 1 to 6."))
        XCTAssertTrue(output.contains("There is no cell 99"))
        XCTAssertEqual(executor.calls.count, 1)
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
        let (_, _, executor, prompts) = session(["if True:", "    c = 3", "", "q"])
        XCTAssertEqual(executor.calls.map(\.code), ["if True:\n    c = 3\n"])
        XCTAssertEqual(prompts, ["[2/6] >>> ", "... ", "... ", "[2/6] >>> "])
    }

    func testRerunBeforeAnythingRan() {
        let (_, output, executor, _) = session(["r"])
        XCTAssertTrue(output.contains("No lesson cell has run yet"))
        XCTAssertTrue(executor.calls.isEmpty)
    }

    func testInputCompleteness() {
        XCTAssertFalse(InputCompleteness.needsMoreInput("x = 1"))
        XCTAssertTrue(InputCompleteness.needsMoreInput("f(1,"))
        XCTAssertFalse(InputCompleteness.needsMoreInput("f(1,\n2)"))
        XCTAssertFalse(InputCompleteness.needsMoreInput("s = '('"))
        XCTAssertTrue(InputCompleteness.needsMoreInput("s = \"\"\"abc"))
        XCTAssertFalse(InputCompleteness.needsMoreInput("s = \"\"\"abc\n\"\"\""))
        XCTAssertTrue(InputCompleteness.needsMoreInput("for i in x:"))
        XCTAssertTrue(InputCompleteness.needsMoreInput("for i in x:\n    print(i)"))
        XCTAssertFalse(InputCompleteness.needsMoreInput("for i in x:\n    print(i)\n"))
        XCTAssertTrue(InputCompleteness.needsMoreInput("x = 1 + \\"))
        XCTAssertFalse(InputCompleteness.needsMoreInput("x = {'a': 1}  # dict: done"))
        XCTAssertFalse(InputCompleteness.needsMoreInput(""))
    }
}

final class StepInputTests: XCTestCase {
    func testInterruptDropsPendingBlockAndEndQuits() {
        let executor = FakeExecutor()
        var output = ""
        let lesson = PercentFormatParser.parse("# %%\nprint(1)\n")
        let session = StepSession(lesson: lesson, executor: executor) { output += $0 }
        var inputs: [StepInput] = [.line("for i in x:"), .interrupted, .interrupted, .line("a = 2"), .endOfInput]
        session.run(read: { _ in inputs.isEmpty ? .endOfInput : inputs.removeFirst() })
        XCTAssertEqual(executor.calls.map(\.code), ["a = 2"])
        XCTAssertTrue(session.hasQuit)
    }
}
