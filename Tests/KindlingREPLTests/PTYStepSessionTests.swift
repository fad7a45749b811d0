import Foundation
import KindlingLanguage
import KindlingNotebook
import XCTest
@testable import KindlingREPL

/// `kindling step` on a real terminal: the step session reading through the line
/// editor and running cells on the interpreter, in a child process on a pty.
final class PTYStepSessionTests: XCTestCase {
    static let lesson = """
    # %% [markdown]
    # # Counting

    # %% Start
    count = 1
    print("count is", count)

    # %%
    count * 10
    """

    func testStepThroughALessonOnATerminal() throws {
        let directory = NSTemporaryDirectory() + "kindling-step-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let lessonPath = directory + "/lesson.py"
        try Self.lesson.write(toFile: lessonPath, atomically: true, encoding: .utf8)

        let binary = try XCTUnwrap(try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        var environment = ProcessInfo.processInfo.environment
        environment["KINDLING_PTY_STEP_CHILD"] = lessonPath
        environment["KINDLING_PTY_HISTORY"] = directory + "/history"
        environment["INPUTRC"] = "/dev/null"
        environment["TERM"] = "xterm"
        let step = try PTYProcess(executable: binary, arguments: ["KindlingREPLTests.PTYStepSessionChild/testChildLoop"],
                                  environment: environment)
        XCTAssertTrue(step.expect("Stepping through Counting"), step.output)
        XCTAssertTrue(step.expect("[2/3] >>> "), step.output)
        step.send(PTYProcess.Key.enter)
        XCTAssertTrue(step.expect("count is 1"), step.output)
        XCTAssertTrue(step.expect("[3/3] >>> "), step.output)
        step.send("count = 5" + PTYProcess.Key.enter)
        XCTAssertTrue(step.expect("[3/3] >>> "), step.output)
        step.send("if count:" + PTYProcess.Key.enter)
        XCTAssertTrue(step.expect("... "), step.output)
        step.send("    print('inside')" + PTYProcess.Key.enter)
        XCTAssertTrue(step.expect("... "), step.output)
        step.send(PTYProcess.Key.enter)
        XCTAssertTrue(step.expect("inside"), step.output)
        XCTAssertTrue(step.expect("[3/3] >>> "), step.output)
        step.send("typo" + PTYProcess.Key.ctrlC)
        XCTAssertTrue(step.expect("[3/3] >>> "), "Ctrl-C gives a fresh prompt: " + step.output)
        step.send(PTYProcess.Key.enter)
        XCTAssertTrue(step.expect("Out[4]: 50"), "the lesson cell sees the user's change: " + step.output)
        XCTAssertTrue(step.expect("[end] >>> "), step.output)
        step.send(PTYProcess.Key.ctrlD)
        XCTAssertTrue(step.expect("step done"), step.output)
        XCTAssertEqual(step.waitForExit(), 0)
        XCTAssertFalse(step.output.contains("NameError"), step.output)
    }
}

/// `make run` on a terminal: Ctrl-C at the step prompt, then `q`, and make exits 0.
final class PTYMakeRunTests: XCTestCase {
    func testCtrlCThenQuitUnderMakeExitsZero() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/make") else { throw XCTSkip("no make") }
        let kindling = try KindlingExecutable.path()
        let directory = NSTemporaryDirectory() + "kindling-make-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try PTYStepSessionTests.lesson.write(toFile: directory + "/lesson.py", atomically: true, encoding: .utf8)
        try "run:\n\t@\(kindling) step \(directory)/lesson.py\n".write(toFile: directory + "/Makefile", atomically: true,
                                                                       encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["INPUTRC"] = "/dev/null"
        environment["TERM"] = "xterm"
        environment["NO_COLOR"] = "1"
        environment["HOME"] = directory
        let make = try PTYProcess(executable: "/usr/bin/make", arguments: ["-s", "-C", directory, "run"], environment: environment)
        XCTAssertTrue(make.expect("[2/3] >>> ", timeout: 30), make.output)
        make.send(PTYProcess.Key.ctrlC)
        XCTAssertTrue(make.expect("[2/3] >>> "), make.output)
        make.send("q" + PTYProcess.Key.enter)
        XCTAssertEqual(make.waitForExit(timeout: 30), 0, make.output)
        XCTAssertFalse(make.output.contains("Interrupt"), make.output)
    }
}

/// The child side (does nothing in a normal test run).
final class PTYStepSessionChild: XCTestCase {
    func testChildLoop() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment["KINDLING_PTY_STEP_CHILD"] else { return }
        let editor = LineEditor(configuration: LineEditorConfiguration(historyPath: environment["KINDLING_PTY_HISTORY"]))
        let notebook = NotebookSession(interpreter: Interpreter())
        let session = StepSession(lesson: try Lesson(contentsOf: path), session: notebook) { text in
            fputs(text, stdout)
            fflush(stdout)
        }
        session.run(read: editor.stepInput)
        print("step done")
        fflush(stdout)
        exit(0)
    }
}
