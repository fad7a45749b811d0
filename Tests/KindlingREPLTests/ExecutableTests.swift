import Foundation
import XCTest

/// End-to-end: the `kindling` executable as a user runs it.
final class ExecutableTests: XCTestCase {
    func testDashCPrintsOnlyWhatTheProgramPrints() throws {
        let outcome = try KindlingExecutable.run(["-c", "import torch; print(torch.ones(2))"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "tensor([1., 1.])\n")
        XCTAssertEqual(outcome.stderr, "")
    }

    func testDashCSetsArgvAndTrailingExpressionsAreNotShown() throws {
        let outcome = try KindlingExecutable.run(["-c", "import sys\nprint(sys.argv)\n1 + 1", "a", "--flag"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "['-c', 'a', '--flag']\n")
    }

    func testFileWithAnErrorPrintsTracebackAndExitsWithOne() throws {
        let dir = NSTemporaryDirectory() + "kindling-e2e-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/prog.py"
        try "def f(x):\n    return x / 0\n\nprint('before')\nf(1)\nprint('never')\n".write(toFile: file, atomically: true, encoding: .utf8)
        let outcome = try KindlingExecutable.run([file, "--verbose"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, "before\n")
        XCTAssertEqual(outcome.stderr, """
            Traceback (most recent call last):
              File "\(file)", line 5, in <module>
                f(1)
              File "\(file)", line 2, in f
                return x / 0
            ZeroDivisionError: division by zero

            """)
    }

    func testFileArgvAndSysExit() throws {
        let dir = NSTemporaryDirectory() + "kindling-e2e-exit-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/run.py"
        try "import sys\nprint(sys.argv[1:])\nsys.exit(3)\n".write(toFile: file, atomically: true, encoding: .utf8)
        let outcome = try KindlingExecutable.run([file, "run", "x"])
        XCTAssertEqual(outcome.stdout, "['run', 'x']\n")
        XCTAssertEqual(outcome.status, 3)
    }

    func testMissingFile() throws {
        let outcome = try KindlingExecutable.run(["/nonexistent/prog.py"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("can't open file"), outcome.stderr)
    }

    func testRunMatchesTheGoldenTranscript() throws {
        let outcome = try KindlingExecutable.run(["run", "tiny_lesson.py"], directory: KindlingExecutable.fixtures)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let golden = try String(contentsOfFile: KindlingExecutable.fixtures + "/tiny_lesson.transcript.txt", encoding: .utf8)
        XCTAssertEqual(outcome.stdout, golden)
    }

    func testRunStopsAtTheFirstErrorWithLessonLineNumbers() throws {
        let outcome = try KindlingExecutable.run(["run", "failing_lesson.py"], directory: KindlingExecutable.fixtures)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stdout.contains("File \"failing_lesson.py\", line 6, in <module>"), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("after the error"))
        let going = try KindlingExecutable.run(["run", "--keep-going", "failing_lesson.py"], directory: KindlingExecutable.fixtures)
        XCTAssertTrue(going.stdout.contains("after the error"), going.stdout)
    }

    func testRunToIpynbWritesValidNotebookJSON() throws {
        let out = NSTemporaryDirectory() + "kindling-e2e-\(getpid()).ipynb"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let outcome = try KindlingExecutable.run(["run", "tiny_lesson.py", "--to", "ipynb", "-o", out, "--quiet"],
                                                 directory: KindlingExecutable.fixtures)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        let notebook = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(notebook["nbformat"] as? Int, 4)
        XCTAssertEqual(notebook["nbformat_minor"] as? Int, 5)
        XCTAssertNotNil(notebook["metadata"] as? [String: Any])
        let cells = try XCTUnwrap(notebook["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { $0["cell_type"] as? String }, ["markdown", "code", "code", "code"])
        for cell in cells {
            XCTAssertNotNil(cell["id"] as? String)
            XCTAssertNotNil(cell["metadata"] as? [String: Any])
            XCTAssertNotNil(cell["source"])
            if cell["cell_type"] as? String == "code" {
                XCTAssertNotNil(cell["execution_count"] as? Int)
                XCTAssertNotNil(cell["outputs"] as? [[String: Any]])
            }
        }
        let first = try XCTUnwrap(cells[1]["outputs"] as? [[String: Any]])
        XCTAssertEqual(first.first?["output_type"] as? String, "stream")
        XCTAssertEqual(first.first?["name"] as? String, "stdout")
        let result = try XCTUnwrap(first.last)
        XCTAssertEqual(result["output_type"] as? String, "execute_result")
        let plain = (result["data"] as? [String: Any])?["text/plain"] as? [String]
        XCTAssertEqual(plain?.joined(), "tensor([2., 4., 6.], grad_fn=<MulBackward0>)")
    }

    func testVersionAndHelp() throws {
        let version = try KindlingExecutable.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertFalse(version.stdout.isEmpty)
        let help = try KindlingExecutable.run(["run", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("--keep-going"), help.stdout)
    }

    func testPipedREPLShowsValuesAndSurvivesErrors() throws {
        let outcome = try KindlingExecutable.run([], stdin: "x = 20\nx + 1\n1/0\ndef f(a):\n    return a * 2\n\nf(x)\n_\n%whos\n")
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.hasPrefix("21\n40\n40\n"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("x          int        20"), outcome.stdout)
        XCTAssertTrue(outcome.stderr.contains("ZeroDivisionError: division by zero"), outcome.stderr)
    }

    func testUnwritableOutputIsOneClearLine() throws {
        let outcome = try KindlingExecutable.run(["run", "tiny_lesson.py", "--to", "ipynb", "-o", "/nonexistent-dir/out.ipynb"],
                                                 directory: KindlingExecutable.fixtures)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, "kindling: cannot write /nonexistent-dir/out.ipynb: no such directory /nonexistent-dir\n")
        XCTAssertEqual(outcome.stdout, "", "checked before the lesson runs")
    }

    func testRunTranscriptKeepsMagicOutput() throws {
        let dir = NSTemporaryDirectory() + "kindling-e2e-magic-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "# %%\nvalue = 3\n# %whos\n".write(toFile: dir + "/m.py", atomically: true, encoding: .utf8)
        let outcome = try KindlingExecutable.run(["run", "m.py", "--to", "ipynb", "-o", "m.ipynb"], directory: dir)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("value      int    3\n"), outcome.stdout)
        let notebook = try String(contentsOfFile: dir + "/m.ipynb", encoding: .utf8)
        XCTAssertTrue(notebook.contains("\"value      int    3\\n\""), notebook)
    }
}

/// `kindling FILE.py` on a terminal: `plt.show()` draws where it is called.
final class PTYProgramFigureTests: XCTestCase {
    func testShowDrawsInOrderWithPrints() throws {
        let dir = NSTemporaryDirectory() + "kindling-e2e-show-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/plot.py"
        try """
            import matplotlib.pyplot as plt
            print('before')
            plt.plot([1, 2, 3])
            plt.show()
            print('after')
            """.write(toFile: file, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm"
        environment["KINDLING_IMAGES"] = "none"
        let program = try PTYProcess(executable: try KindlingExecutable.path(), arguments: [file], environment: environment)
        XCTAssertEqual(program.waitForExit(timeout: 30), 0, program.output)
        let output = program.output
        let before = try XCTUnwrap(output.range(of: "before"))
        let figure = try XCTUnwrap(output.range(of: "[figure"), output)
        let after = try XCTUnwrap(output.range(of: "after"))
        XCTAssertTrue(before.upperBound <= figure.lowerBound && figure.upperBound <= after.lowerBound, output)
    }
}
