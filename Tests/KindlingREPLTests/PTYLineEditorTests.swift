import Foundation
import XCTest
@testable import KindlingREPL

/// Drives `LineEditor` on a real pseudo-terminal. The child process is this test
/// binary itself, started with `KINDLING_PTY_CHILD=1` and a filter that runs only
/// `PTYLineEditorChild.testChildLoop`, which reads lines and reports them.
final class PTYLineEditorTests: XCTestCase {
    var historyPath = ""

    override func setUp() {
        historyPath = NSTemporaryDirectory() + "kindling-history-\(getpid())-\(UInt32.random(in: 0...UInt32.max))/history"
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: (historyPath as NSString).deletingLastPathComponent)
    }

    func startEditor() throws -> PTYProcess {
        let binary = try XCTUnwrap(try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        var environment = ProcessInfo.processInfo.environment
        environment["KINDLING_PTY_CHILD"] = "1"
        environment["KINDLING_PTY_HISTORY"] = historyPath
        environment["INPUTRC"] = "/dev/null"
        environment["TERM"] = "xterm"
        let process = try PTYProcess(executable: binary, arguments: ["KindlingREPLTests.PTYLineEditorChild/testChildLoop"],
                                     environment: environment)
        XCTAssertTrue(process.expect("child ready"), process.output)
        XCTAssertTrue(process.expect(">>> "), process.output)
        return process
    }

    func diagnostics(_ pid: pid_t) -> String {
        var text = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        text = text.split(separator: "\n").filter { $0.hasPrefix("Sig") || $0.hasPrefix("Shd") || $0.hasPrefix("Threads") || $0.hasPrefix("State") }.joined(separator: "\n")
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        for task in tasks {
            let status = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8)) ?? ""
            text += "\n task \(task): " + status.split(separator: "\n").filter { $0.hasPrefix("SigBlk") || $0.hasPrefix("SigPnd") || $0.hasPrefix("State") || $0.hasPrefix("Name") }.joined(separator: " ")
        }
        return "\n" + text
    }

    func testHarnessRunsCat() throws {
        let cat = try PTYProcess(executable: "/bin/cat", environment: ["TERM": "dumb"])
        cat.send("hello pty\n")
        XCTAssertTrue(cat.expect("hello pty"), "the terminal echoes")
        XCTAssertTrue(cat.expect("hello pty"), "cat writes it back")
        cat.send(PTYProcess.Key.ctrlD)
        XCTAssertEqual(cat.waitForExit(), 0)
    }

    func testTypedLineAndEndOfInput() throws {
        let editor = try startEditor()
        editor.send("print(1)" + PTYProcess.Key.enter)
        XCTAssertTrue(editor.expect("got: print(1)|"), editor.output)
        XCTAssertTrue(editor.expect(">>> "), "the next prompt")
        editor.send(PTYProcess.Key.ctrlD)
        XCTAssertTrue(editor.expect("eof"), editor.output)
        XCTAssertEqual(editor.waitForExit(), 0)
    }

    func testCtrlCClearsTheLine() throws {
        let editor = try startEditor()
        editor.send("abc")
        XCTAssertTrue(editor.expect("abc"))
        editor.send(PTYProcess.Key.ctrlC)
        XCTAssertTrue(editor.expect("^C"), "the key is echoed like a terminal does")
        XCTAssertTrue(editor.expect("interrupted", timeout: 3), editor.output + diagnostics(editor.pid))
        XCTAssertTrue(editor.expect(">>> "))
        editor.send("def" + PTYProcess.Key.enter)
        XCTAssertTrue(editor.expect("got: def|"), editor.output)
        XCTAssertTrue(editor.expect(">>> "), "the next prompt")
        XCTAssertFalse(editor.output.contains("got: abc"))
    }

    func testSIGINTFromOutsideAlsoClearsTheLine() throws {
        let editor = try startEditor()
        editor.send("xyz")
        XCTAssertTrue(editor.expect("xyz"))
        kill(editor.pid, SIGINT)
        XCTAssertTrue(editor.expect("interrupted", timeout: 3), editor.output + diagnostics(editor.pid))
        XCTAssertTrue(editor.expect(">>> "))
        editor.send("1" + PTYProcess.Key.enter)
        XCTAssertTrue(editor.expect("got: 1|"), editor.output)
    }

    func testTabCompletionThroughSwiftProvider() throws {
        let editor = try startEditor()
        editor.send("x = tor" + PTYProcess.Key.tab + PTYProcess.Key.enter)
        XCTAssertTrue(editor.expect("got: x = torch|"), editor.output)
        XCTAssertTrue(editor.expect(">>> "), "the next prompt")
        editor.send("x.s" + PTYProcess.Key.tab + PTYProcess.Key.tab)
        XCTAssertTrue(editor.expect("x.shape"), "two tabs list the candidates: " + editor.output)
        XCTAssertTrue(editor.expect("x.sum"), editor.output)
        editor.send("h" + PTYProcess.Key.tab + PTYProcess.Key.enter)
        XCTAssertTrue(editor.expect("got: x.shape|"), editor.output)
        XCTAssertTrue(editor.expect(">>> "), "the next prompt")
    }

    func testBracketedPasteAndHistoryAcrossSessions() throws {
        let first = try startEditor()
        first.send("first = 1" + PTYProcess.Key.enter)
        XCTAssertTrue(first.expect("got: first = 1|"))
        XCTAssertTrue(first.expect(">>> "), "the next prompt")
        first.send(PTYProcess.Key.bracketedPaste("for i in x:\n    pass") + PTYProcess.Key.enter)
        XCTAssertTrue(first.expect("got: for i in x:\\n    pass|"), first.output)
        XCTAssertTrue(first.expect(">>> "), "the next prompt")
        first.send(PTYProcess.Key.ctrlD)
        XCTAssertEqual(first.waitForExit(), 0)

        let second = try startEditor()
        second.send(PTYProcess.Key.up + PTYProcess.Key.enter)
        XCTAssertTrue(second.expect("got: for i in x:\\n    pass|"), "a pasted block is one history entry: " + second.output)
        XCTAssertTrue(second.expect(">>> "), "the next prompt")
        second.send(PTYProcess.Key.up + PTYProcess.Key.up + PTYProcess.Key.enter)
        XCTAssertTrue(second.expect("got: first = 1|"), second.output)
        XCTAssertTrue(second.expect(">>> "), "the next prompt")
        second.send(PTYProcess.Key.ctrlD)
        XCTAssertEqual(second.waitForExit(), 0)
    }

    func testPlainInputWhenNotATerminal() throws {
        let binary = try XCTUnwrap(try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["KindlingREPLTests.PTYLineEditorChild/testChildLoop"]
        var environment = ProcessInfo.processInfo.environment
        environment["KINDLING_PTY_CHILD"] = "1"
        environment["KINDLING_PTY_HISTORY"] = historyPath
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("one\ntwo\r\nthree".utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertTrue(text.contains("got: one|\ngot: two|\ngot: three|\neof"), text)
        XCTAssertFalse(text.contains(">>> "), "no prompt without a terminal")
    }

    func testDefaultHistoryPath() {
        XCTAssertEqual(LineEditorConfiguration.defaultHistoryPath(environment: ["HOME": "/h"]), "/h/.kindling_history")
        XCTAssertEqual(LineEditorConfiguration.defaultHistoryPath(environment: ["HOME": "/h", "XDG_STATE_HOME": "/s"]),
                       "/s/kindling/history")
        XCTAssertNil(LineEditorConfiguration.defaultHistoryPath(environment: [:]))
    }

    func testMatchListLayout() throws {
        XCTAssertEqual(commonPrefix(["torch", "total", "tor"]), "to")
        XCTAssertNil(makeMatchList([]))
        let list = try XCTUnwrap(makeMatchList(["b.sum", "b.shape", "b.sum"]))
        defer { for index in 0..<3 { free(list[index]) }; free(list) }
        XCTAssertEqual(String(cString: try XCTUnwrap(list[0])), "b.s")
        XCTAssertEqual(String(cString: try XCTUnwrap(list[1])), "b.shape")
        XCTAssertEqual(String(cString: try XCTUnwrap(list[2])), "b.sum")
        XCTAssertNil(list[3])
    }
}

/// The child side of the pty tests (does nothing in a normal test run).
final class PTYLineEditorChild: XCTestCase {
    func testChildLoop() {
        let environment = ProcessInfo.processInfo.environment
        guard environment["KINDLING_PTY_CHILD"] == "1" else { return }
        var configuration = LineEditorConfiguration(historyPath: environment["KINDLING_PTY_HISTORY"])
        configuration.completionProvider = { request in
            let names = ["torch", "total", "print", "x.shape", "x.sum"]
            return names.filter { $0.hasPrefix(request.word) }
        }
        let editor = LineEditor(configuration: configuration)
        print("child ready")
        fflush(stdout)
        while true {
            switch editor.readLine(prompt: ">>> ") {
            case let .line(line):
                // `|` marks the end, so a test can tell `torch` from `torch `.
                print("got: " + line.replacingOccurrences(of: "\n", with: "\\n") + "|")
                editor.addHistory(line)
            case .interrupted:
                print("interrupted")
            case .endOfInput:
                print("eof")
                fflush(stdout)
                exit(0)
            }
            fflush(stdout)
        }
    }
}
