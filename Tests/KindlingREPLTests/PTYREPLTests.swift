import Foundation
import XCTest

/// The `kindling` REPL on a real pseudo-terminal, typed at like a user would.
final class PTYREPLTests: XCTestCase {
    var home = ""

    override func setUp() {
        home = NSTemporaryDirectory() + "kindling-repl-home-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: home)
    }

    func startREPL() throws -> PTYProcess {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment.removeValue(forKey: "XDG_STATE_HOME")
        environment["INPUTRC"] = "/dev/null"
        environment["TERM"] = "xterm"
        environment["NO_COLOR"] = "1"
        environment["KINDLING_IMAGES"] = "none"
        let repl = try PTYProcess(executable: try KindlingExecutable.path(), environment: environment)
        XCTAssertTrue(repl.expect("Ctrl-D exits", timeout: 30), repl.output)
        XCTAssertTrue(repl.expect(">>> "), repl.output)
        return repl
    }

    func testPromptValueAndEndOfInput() throws {
        let repl = try startREPL()
        repl.send("1 + 1" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("Out[1]: 2"), repl.output)
        XCTAssertTrue(repl.expect(">>> "))
        repl.send("None" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect(">>> "))
        XCTAssertFalse(repl.output.contains("Out[2]"), "None is not shown")
        repl.send("_ * 10" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("Out[3]: 20"), "_ holds the last value: " + repl.output)
        // Ctrl-D typed ahead while code runs is the terminal's end-of-file, not a key: wait for the prompt.
        XCTAssertTrue(repl.expect(">>> "))
        repl.send(PTYProcess.Key.ctrlD)
        XCTAssertEqual(repl.waitForExit(timeout: 30), 0)
    }

    func testMultiLineDefinitionAndCall() throws {
        let repl = try startREPL()
        repl.send("def add(a, b):" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("... "), "continuation prompt: " + repl.output)
        repl.send("    return a + b" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("... "))
        repl.send(PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect(">>> "))
        repl.send("add(40, 2)" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("Out[2]: 42"), repl.output)
        repl.send("undefined_name" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("NameError: name 'undefined_name' is not defined"), repl.output)
        repl.send("add(1, 1)" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("Out[4]: 2"), "errors never end the session: " + repl.output)
    }

    func testTabCompletesNamesAndAttributes() throws {
        let repl = try startREPL()
        repl.send("learning_rate = 0.5" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect(">>> "))
        repl.send("learning_r" + PTYProcess.Key.tab)
        XCTAssertTrue(repl.expect("learning_rate"), repl.output)
        repl.send(" * 2" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("Out[2]: 1.0"), repl.output)
        repl.send("import torch" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect(">>> "))
        repl.send("torch.zeros_l" + PTYProcess.Key.tab)
        XCTAssertTrue(repl.expect("torch.zeros_like"), repl.output)
        repl.send("(torch.ones(2))" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("tensor([0., 0.])"), repl.output)
    }

    func testCtrlCInterruptsALongLoopAndKeepsVariables() throws {
        let repl = try startREPL()
        repl.send("kept = 7" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect(">>> "))
        repl.send("n = 0" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect(">>> "))
        repl.send("while True: n += 1" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("... "))
        repl.send(PTYProcess.Key.enter)
        repl.settle(for: 0.5)
        repl.send(PTYProcess.Key.ctrlC)
        XCTAssertTrue(repl.expect("KeyboardInterrupt", timeout: 5), repl.output)
        XCTAssertTrue(repl.expect(">>> "), repl.output)
        repl.send("kept, n > 0" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("(7, True)"), repl.output)
    }

    func testCtrlCWhileTypingClearsTheLine() throws {
        let repl = try startREPL()
        repl.send("this_would_fail(")
        XCTAssertTrue(repl.expect("this_would_fail("))
        repl.send(PTYProcess.Key.ctrlC)
        XCTAssertTrue(repl.expect("KeyboardInterrupt"), repl.output)
        XCTAssertTrue(repl.expect(">>> "))
        repl.send("3 * 3" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("9"), repl.output)
        XCTAssertFalse(repl.output.contains("NameError"))
    }

    func testHistoryPersistsAcrossSessions() throws {
        let first = try startREPL()
        first.send("remembered_value = 123" + PTYProcess.Key.enter)
        XCTAssertTrue(first.expect(">>> "))
        first.send(PTYProcess.Key.ctrlD)
        XCTAssertEqual(first.waitForExit(timeout: 30), 0)
        let saved = try String(contentsOfFile: home + "/.kindling_history", encoding: .utf8)
        XCTAssertTrue(saved.contains("remembered_value = 123"), saved)

        let second = try startREPL()
        second.send(PTYProcess.Key.up)
        XCTAssertTrue(second.expect("remembered_value = 123"), second.output)
        second.send(PTYProcess.Key.enter)
        XCTAssertTrue(second.expect(">>> "))
        second.send("remembered_value + 1" + PTYProcess.Key.enter)
        XCTAssertTrue(second.expect("124"), second.output)
    }

    func testMagicsAndTensorInspection() throws {
        let repl = try startREPL()
        repl.send("import torch" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect(">>> "))
        repl.send("w = torch.ones(3, 4, requires_grad=True)" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect(">>> "))
        repl.send("%whos" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("shape (3, 4), torch.float32, 48 bytes"), repl.output)
        repl.send("w?" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("requires_grad=True"), repl.output)
        XCTAssertTrue(repl.expect("NaN 0  Inf 0"), repl.output)
        repl.send("loss = (w * 3).sum()" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect(">>> "))
        repl.send("%graph loss" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("SumBackward0"), repl.output)
        XCTAssertTrue(repl.expect("MulBackward0 (3, 4)"), repl.output)
        XCTAssertTrue(repl.expect("AccumulateGrad (3, 4)"), repl.output)
        repl.send("%timeit 1 + 1" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("per loop (mean ± std. dev. of 7 runs", timeout: 20), repl.output)
        repl.send("%reset" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("Deleted 2 variables"), repl.output)
    }

    func testMultiLineValueStartsOnItsOwnLineAndNativeKeywordsComplete() throws {
        let repl = try startREPL()
        repl.send("import torch" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect(">>> "))
        repl.send("torch.ones(2, 2)" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("Out[2]: \r\ntensor([[1., 1.],"), "IPython's line break before a multi-line repr: " + repl.output)
        XCTAssertTrue(repl.expect(">>> "))
        repl.send("torch.zeros(3, requires" + PTYProcess.Key.tab)
        XCTAssertTrue(repl.expect("requires_grad="), repl.output)
        repl.send("True).requires_grad" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("Out[3]: True"), repl.output)
        repl.send("torch.stack?" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("Signature: stack(tensors, dim=0)"), repl.output)
    }

    func testLessonMagicStepsWithMagicsAndHelp() throws {
        let lesson = home + "/mini.py"
        try "# %% [markdown]\n# # Mini\n\n# %%\nvalue = 21\n# %whos\n\n# %%\nvalue * 2\n"
            .write(toFile: lesson, atomically: true, encoding: .utf8)
        let repl = try startREPL()
        repl.send("%lesson " + lesson + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("Stepping through Mini"), repl.output)
        XCTAssertTrue(repl.expect("[2/3] >>> "), repl.output)
        repl.send(PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("value      int    21"), "a lesson's # %whos runs: " + repl.output)
        XCTAssertTrue(repl.expect("[3/3] >>> "), repl.output)
        repl.send("value?" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("String form: 21"), repl.output)
        repl.send("%timeit value + 1" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("per loop", timeout: 20), repl.output)
        repl.send("q" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("(back in the REPL)"), repl.output)
        XCTAssertTrue(repl.expect(">>> "))
        XCTAssertFalse(repl.output.contains("SyntaxError"), repl.output)
        repl.send("value" + PTYProcess.Key.enter)
        XCTAssertTrue(repl.expect("21"), "the lesson ran in the REPL's namespace: " + repl.output)
    }
}
