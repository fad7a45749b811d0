import KindlingLanguage
import XCTest
@testable import KindlingNotebook

/// The notebook on the real interpreter.
final class InterpreterExecutorTests: XCTestCase {
    let text = """
    # %% [markdown]
    # # Squares

    # %%
    squares = [i * i for i in range(4)]
    print("total", sum(squares))
    squares

    # %%
    x = None
    x

    # %%
    def f(n):
        return 1 / n

    f(0)
    """

    func testReplayOnTheInterpreter() {
        let executor = InterpreterCellExecutor(interpreter: Interpreter())
        var streamed = ""
        var transcript = ""
        let lesson = PercentFormatParser.parse(text, path: "squares.py")
        let replayer = LessonReplayer(lesson: lesson, executor: executor) { transcript += $0 }
        let outcome = replayer.run()
        streamed = transcript

        let first = outcome.notebook.cells[1].result
        XCTAssertEqual(first?.stdout, "total 14\n")
        XCTAssertEqual(first?.value, "[0, 1, 4, 9]")
        XCTAssertTrue(streamed.contains("total 14\nOut[1]: [0, 1, 4, 9]\n"), streamed)
        XCTAssertNil(outcome.notebook.cells[2].result?.value, "None is not shown")
        XCTAssertNil(outcome.notebook.cells[2].result?.error)

        XCTAssertEqual(outcome.failedCells, [3])
        let error = outcome.notebook.cells[3].result?.error
        XCTAssertEqual(error?.ename, "ZeroDivisionError")
        XCTAssertEqual(error?.evalue, "division by zero")
        let traceback = error?.traceback ?? ""
        XCTAssertTrue(traceback.contains("File \"squares.py\", line 17, in <module>\n    f(0)\n"), traceback)
        XCTAssertTrue(traceback.contains("File \"squares.py\", line 15, in f\n    return 1 / n\n"), traceback)
        XCTAssertTrue(traceback.hasSuffix("ZeroDivisionError: division by zero\n"), traceback)
    }

    func testUnderscoreHoldsTheLastValueAndOutputIsRestored() {
        let interpreter = Interpreter()
        var outside = ""
        interpreter.output = { outside += $0 }
        let executor = InterpreterCellExecutor(interpreter: interpreter)
        XCTAssertEqual(executor.execute(code: "6 * 7", filename: "<input>", firstLine: 1).value, "42")
        XCTAssertEqual(executor.execute(code: "print(_ + 1)", filename: "<input>", firstLine: 1).stdout, "43\n")
        _ = try? interpreter.run(source: "print('after')")
        XCTAssertEqual(outside, "after\n")
    }

    func testSyntaxErrorIsAnErrorOutput() {
        let executor = InterpreterCellExecutor(interpreter: Interpreter())
        let result = executor.execute(code: "x = (1,\ny = 2", filename: "bad.py", firstLine: 10)
        XCTAssertEqual(result.error?.ename, "SyntaxError")
        XCTAssertTrue(result.error?.traceback.contains("bad.py") ?? false, result.error?.traceback ?? "")
    }

    func testFigureAndMagicHooks() {
        let executor = InterpreterCellExecutor(interpreter: Interpreter())
        executor.figureProvider = { [CellFigure(png: Data([1]), width: 1, height: 1)] }
        executor.magicHandler = { magic, _ in CellResult(stdout: "magic \(magic.name)\n") }
        let cell = PercentFormatParser.parse("# %%\n# %whos\n1 + 1\n").cells[0]
        let result = CellRunner(executor: executor, filename: "m.py").run(cell)
        XCTAssertEqual(result.stdout, "magic whos\n")
        XCTAssertEqual(result.value, "2")
        XCTAssertEqual(result.figures.count, 1)
    }
}

