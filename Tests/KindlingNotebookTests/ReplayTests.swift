import XCTest
@testable import KindlingNotebook

final class ReplayTests: XCTestCase {
    let text = """
    # %% [markdown]
    # # Title
    # Some `code`.

    # %% First
    x = 41
    print("hello")
    x

    # %%

    # %%
    # %time y = 2
    figure()

    # %%
    raise ValueError("bad value")

    # %%
    print("after")
    """

    func replay(keepGoing: Bool) -> (ReplayOutcome, String) {
        var transcript = ""
        let lesson = PercentFormatParser.parse(text, path: "lesson.py")
        let replayer = LessonReplayer(lesson: lesson, session: makeSession(),
                                      options: ReplayOptions(keepGoing: keepGoing)) { transcript += $0 }
        return (replayer.run(), transcript)
    }

    func testStopsAtFirstErrorWithFailureStatus() {
        let (outcome, transcript) = replay(keepGoing: false)
        XCTAssertFalse(outcome.succeeded)
        XCTAssertEqual(outcome.exitStatus, 1)
        XCTAssertEqual(outcome.failedCells, [4])
        XCTAssertEqual(outcome.failureSummary, "lesson.py, cell 5 (line 17): ValueError: bad value")
        XCTAssertNil(outcome.notebook.cells[5].result, "cells after the error do not run")
        XCTAssertFalse(transcript.contains("after"))
        let traceback = outcome.notebook.cells[4].result?.error?.traceback ?? ""
        XCTAssertTrue(traceback.contains("File \"lesson.py\", line 17, in <module>"), traceback)
    }

    func testTranscriptShowsMarkdownCodeAndOutputs() {
        let (_, transcript) = replay(keepGoing: false)
        let expectedStart = """
        # Title
        Some `code`.

        In [1]: First
           6 | x = 41
           7 | print("hello")
           8 | x
        hello
        Out[1]: 41

        In [2]:
          13 | # %time y = 2
          14 | figure()
        CPU times:
        """
        XCTAssertTrue(transcript.hasPrefix(expectedStart), transcript)
        XCTAssertTrue(transcript.contains("Wall time: "))
        XCTAssertTrue(transcript.contains("<Figure size 200x100 with 1 Axes>\n"), "a figure's text/plain without a terminal")
        XCTAssertTrue(transcript.contains("In [3]:\n  17 | raise ValueError(\"bad value\")\nTraceback (most recent call last):\n  File \"lesson.py\", line 17, in <module>\n    raise ValueError(\"bad value\")\nValueError: bad value\n"), transcript)
        XCTAssertFalse(transcript.contains("\u{1B}["), "no ANSI codes when styling is off")
    }

    func testTranscriptShowsExactlyWhatTheNotebookHolds() throws {
        let (outcome, transcript) = replay(keepGoing: true)
        let renderer = TranscriptRenderer(style: .plain)
        var expected = ""
        for executed in outcome.notebook.cells {
            if executed.cell.kind != .code {
                expected += renderer.renderText(executed.cell)
            } else if !executed.cell.isEmpty {
                expected += renderer.renderInput(executed.cell, executionCount: executed.executionCount)
                expected += renderer.renderOutputs(try XCTUnwrap(executed.result))
            }
        }
        XCTAssertEqual(transcript, expected, "magic output included, nothing added or dropped")
        XCTAssertTrue(transcript.contains("Wall time: "))
        let json = try JSONSerialization.jsonObject(with: Data(NotebookExporter.serialize(outcome.notebook).utf8))
        let cells = try XCTUnwrap((json as? [String: Any])?["cells"] as? [[String: Any]])
        for (cell, executed) in zip(cells, outcome.notebook.cells) where executed.cell.kind == .code {
            XCTAssertEqual((cell["outputs"] as? [Any])?.count ?? 0, executed.result?.outputs.count ?? 0)
        }
    }

    func testKeepGoingRecordsErrorAndRunsTheRest() {
        let (outcome, transcript) = replay(keepGoing: true)
        XCTAssertEqual(outcome.failedCells, [4])
        XCTAssertEqual(outcome.exitStatus, 1)
        XCTAssertEqual(outcome.notebook.cells[5].result?.stdout, "after\n")
        XCTAssertEqual(outcome.notebook.cells[5].executionCount, 4)
        XCTAssertNil(outcome.notebook.cells[2].executionCount, "empty cells are not run")
        XCTAssertTrue(transcript.contains("In [4]:"))
    }

    func testEchoOffWritesNothingButStillRuns() {
        var transcript = ""
        let lesson = PercentFormatParser.parse("# %%\nprint(1)\n")
        let outcome = LessonReplayer(lesson: lesson, session: makeSession(), options: ReplayOptions(echo: false)) {
            transcript += $0
        }.run()
        XCTAssertTrue(outcome.succeeded)
        XCTAssertEqual(outcome.exitStatus, 0)
        XCTAssertEqual(transcript, "")
        XCTAssertEqual(outcome.notebook.cells[0].result?.stdout, "1\n")
    }

    func testStyledTranscriptUsesTerminalRenderingAndANSI() {
        let renderer = TranscriptRenderer(style: .ansi)
        let cell = PercentFormatParser.parse("# %%\nfigure()\nx\n").cells[0]
        let result = CellResult(outputs: [
            .displayData(MimeBundle(plain: "<Figure>", png: Data([1]), terminalText: "[pixels]")),
            .executeResult(executionCount: 3, MimeBundle(plain: "1\n2")),
        ])
        let output = renderer.renderOutputs(result)
        XCTAssertTrue(output.contains("[pixels]"))
        XCTAssertTrue(output.contains("\u{1B}[1m\u{1B}[31mOut[3]:\u{1B}[39m\u{1B}[22m \n1\n2\n"), output)
        XCTAssertTrue(renderer.renderInput(cell, executionCount: nil).contains("In [ ]:"))
    }

    func testMagicsInLessonCellsRunOrReportUsageError() {
        let session = makeSession()
        let cell = PercentFormatParser.parse("# %%\nq = 3\n# %whos\n# %nosuch 1\nprint(2)\n").cells[0]
        let result = session.run(cell: cell, filename: "f.py")
        XCTAssertTrue(result.stdout.contains("q          int    3"), result.stdout)
        XCTAssertEqual(result.error?.ename, "UsageError")
        XCTAssertEqual(result.error?.evalue, "Line magic function `%nosuch` not found.")
        XCTAssertFalse(result.stdout.contains("2\n"), "code after a failing magic does not run")
    }

    func testTimeMagicKeepsValueOfLastSegment() {
        let session = makeSession()
        let cell = PercentFormatParser.parse("# %%\nz = 7\nz\n# %time z\n").cells[0]
        let result = session.run(cell: cell, filename: "f.py")
        XCTAssertEqual(result.value, "7")
        XCTAssertTrue(result.stdout.hasPrefix("CPU times: user "), result.stdout)
        XCTAssertEqual(result.kinds, ["stream", "execute_result"])
    }

    func testFormatTimespanMatchesIPython() {
        XCTAssertEqual(formatTimespan(0.0015), "1.5 ms")
        XCTAssertEqual(formatTimespan(0.000123456), "123 µs")
        XCTAssertEqual(formatTimespan(2.5), "2.5 s")
        XCTAssertEqual(formatTimespan(15), "15 s")
        XCTAssertEqual(formatTimespan(0), "0 ns")
        XCTAssertEqual(formatTimespan(5e-9), "5 ns")
        XCTAssertEqual(formatTimespan(125), "2min 5s")
    }
}

final class ReplayCommandTests: XCTestCase {
    func testReplayFromFileWritesExportEvenAfterFailure() throws {
        let directory = NSTemporaryDirectory() + "kindling-run-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "# %%\nprint(1)\n# %%\nraise ValueError('x')\n# %%\nprint(2)\n"
            .write(toFile: directory + "/l.py", atomically: true, encoding: .utf8)
        var transcript = ""
        let outcome = try LessonReplayer.replay(lessonAt: directory + "/l.py", session: makeSession(),
                                                export: (.md, directory + "/out.md")) { transcript += $0 }
        XCTAssertEqual(outcome.exitStatus, 1)
        XCTAssertTrue(transcript.contains("ValueError: x"))
        let markdown = try String(contentsOfFile: directory + "/out.md", encoding: .utf8)
        XCTAssertTrue(markdown.contains("```\n1\n```"))
        XCTAssertTrue(markdown.contains("```python\nprint(2)\n```\n"))
        XCTAssertThrowsError(try LessonReplayer.replay(lessonAt: directory + "/none.py", session: makeSession()) { _ in })
    }
}
