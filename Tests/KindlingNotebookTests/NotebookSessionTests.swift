import Foundation
import KindlingLanguage
import XCTest
@testable import KindlingNotebook

/// The execution core every front end shares.
final class NotebookSessionTests: XCTestCase {
    func testCodeStreamsThenResultWithCount() {
        let session = makeSession()
        var live: [Output] = []
        session.onOutput = { live.append($0) }
        let result = session.submit("x = 6\nprint('hi')\nx * 7")
        XCTAssertEqual(result.executionCount, 1)
        XCTAssertEqual(result.outputs, [.stream(name: .stdout, text: "hi\n"),
                                        .executeResult(executionCount: 1, MimeBundle(plain: "42"))])
        XCTAssertEqual(live, result.outputs, "onOutput sees the same outputs, live")
        XCTAssertEqual(session.submit("_ + 1").value, "43", "_ holds the last value")
        XCTAssertEqual(session.executionCount, 2)
        XCTAssertEqual(session.history.map(\.line), [1, 2])
    }

    func testWarningsAndStderrAreAStderrStreamOfTheCell() {
        let session = makeSession()
        let result = session.submit("import sys, warnings\nprint('a')\nwarnings.warn('careful')\nsys.stderr.write('raw\\n')\nprint('b')")
        XCTAssertEqual(result.outputs, [.stream(name: .stdout, text: "a\n"),
                                        .stream(name: .stderr, text: "<stdin>:3: UserWarning: careful\nraw\n"),
                                        .stream(name: .stdout, text: "b\n")], "stderr chunks merge into one stream as Jupyter's do")
    }

    func testSilentAndUnstoredInputsAreNotCounted() {
        let session = makeSession()
        var live: [Output] = []
        session.onOutput = { live.append($0) }
        let silent = session.submit("y = 1\nprint('quiet')\ny", silent: true)
        XCTAssertNil(silent.executionCount)
        XCTAssertTrue(live.isEmpty)
        XCTAssertNil(silent.value, "silent inputs have no execute_result")
        session.submit("y", storeHistory: false)
        XCTAssertEqual(session.executionCount, 0)
        XCTAssertTrue(session.history.isEmpty)
    }

    func testErrorsAreOneOutputAndStopTheInput() {
        let session = makeSession()
        let result = session.submit("print('before')\n1 / 0\nprint('after')")
        XCTAssertEqual(result.kinds, ["stream", "error"])
        XCTAssertEqual(result.error?.ename, "ZeroDivisionError")
        XCTAssertEqual(result.error?.evalue, "division by zero")
        XCTAssertEqual(result.error?.tracebackLines.last, "ZeroDivisionError: division by zero")
        XCTAssertTrue(result.error?.traceback.contains("File \"<stdin>\", line 2") ?? false)
        XCTAssertEqual(session.submit("x = (1,\ny = 2").error?.ename, "SyntaxError")
    }

    func testLineMagicsBetweenCode() {
        let session = makeSession()
        let result = session.submit("t = 3\n%whos\nprint(t)")
        XCTAssertTrue(result.stdout.contains("Variable   Type   Data/Info\n"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("3\n"))
        let timed = session.submit("%time t + 1")
        XCTAssertTrue(timed.stdout.contains("Wall time: "))
        XCTAssertEqual(timed.value, "4", "%time shows the value, as IPython does")
        let cell = session.submit("%%time\nu = t * 2\nu")
        XCTAssertEqual(cell.value, "6")
        XCTAssertTrue(cell.stdout.hasPrefix("CPU times: "))
        XCTAssertEqual(session.submit("%nosuch").error?.evalue, "Line magic function `%nosuch` not found.")
        XCTAssertEqual(session.submit("%%nosuch\n1").error?.evalue, "Cell magic `%%nosuch` not found.")
        XCTAssertEqual(session.submit("%reset").stdout, "Deleted 2 variables.\n")
        XCTAssertEqual(session.submit("%lesson x").error?.ename, "UsageError", "no terminal to step in")
        XCTAssertTrue(session.submit("%history").stdout.contains("   1: t = 3\n      %whos\n"))
    }

    func testMagicInsideABlockIsNotAMagic() {
        let session = makeSession()
        XCTAssertEqual(session.submit("s = '''\n%whos\n'''\ns.strip()").value, "'%whos'")
    }

    func testHelpShowsSignaturesWithDefaultsAndDocs() {
        let session = makeSession()
        session.submit("def f(a, b=2, *args, c='x', **kw):\n    \"Adds.\"\n    return a")
        let text = session.submit("f?").stdout
        XCTAssertTrue(text.contains("Signature: f(a, b=2, *args, c='x', **kw)\n"), text)
        XCTAssertTrue(text.contains("Docstring: Adds.\n"), text)
        XCTAssertEqual(session.submit("f??").stdout, text)
        XCTAssertEqual(session.submit("?f").stdout, text)
        session.submit("import torch\nimport torch.nn as nn\nimport pandas as pd")
        let stack = session.submit("torch.stack?").stdout
        XCTAssertTrue(stack.contains("Signature: stack(tensors, dim=0)\n"), stack)
        XCTAssertTrue(stack.contains("Docstring: Joins tensors of equal shape along a new dimension dim.\n"), stack)
        let readCSV = session.submit("pd.read_csv?").stdout
        XCTAssertTrue(readCSV.contains("Signature: read_csv(filepath_or_buffer, *, sep=',', header='infer', **kwargs)"), readCSV)
        XCTAssertTrue(readCSV.contains("Docstring: Reads a comma-separated values file into a DataFrame."), readCSV)
        let linear = session.submit("nn.Linear?").stdout
        XCTAssertTrue(linear.contains("Init signature: Linear(in_features, out_features, bias=True, device=None, dtype=None)"), linear)
        XCTAssertTrue(linear.contains("Docstring:      Applies an affine map"), linear)
        XCTAssertEqual(session.submit("nothing_here?").stdout, "Object `nothing_here` not found.\n")
        let tensor = session.submit("w = torch.ones(2, 3)\nw?").stdout
        XCTAssertTrue(tensor.contains("w: Tensor shape (2, 3), torch.float32, 24 bytes"), tensor)
    }

    func testCompletionNamesAttributesKeywordsAndMagics() {
        let session = makeSession()
        session.submit("import torch\ndef fit(model, lr=0.1, epochs=3):\n    pass")
        let attribute = session.complete("x = torch.zer", cursor: 13)
        XCTAssertTrue(attribute.matches.contains("torch.zeros"), "\(attribute.matches)")
        XCTAssertEqual(attribute.start, 4)
        XCTAssertEqual(attribute.end, 13)
        let native = session.complete("torch.zeros(3, requires", cursor: 23)
        XCTAssertEqual(native.matches.first, "requires_grad=")
        XCTAssertEqual(native.start, 15)
        XCTAssertEqual(session.complete("fit(m, ep", cursor: 9).matches.first, "epochs=")
        XCTAssertEqual(session.complete("%tim", cursor: 4).matches, ["%time", "%timeit"])
        let unicode = session.complete("s = 'é' + fi", cursor: 12)
        XCTAssertEqual(unicode.start, 10, "offsets count Unicode scalars")
        XCTAssertTrue(unicode.matches.contains("fit"))
    }

    func testInspectAndCompletenessAndEvaluate() {
        let session = makeSession()
        session.submit("import torch")
        let count = session.executionCount
        let bundle = session.inspect("torch.stack([a, b])", cursor: 8, detailLevel: 0)
        XCTAssertTrue(bundle?.plainText.contains("Signature: stack(tensors, dim=0)") ?? false, bundle?.plainText ?? "nil")
        XCTAssertNotNil(session.inspect("torch.stack(a, ", cursor: 15), "inside a call: the callee")
        XCTAssertNil(session.inspect("nope", cursor: 2))
        XCTAssertEqual(session.isComplete("x = 1"), .complete)
        XCTAssertEqual(session.isComplete("for i in x:"), .incomplete(indent: "    "))
        XCTAssertEqual(session.isComplete("f(1,"), .incomplete(indent: ""))
        XCTAssertEqual(session.isComplete("for i in x:\n    print(i)"), .incomplete(indent: "    "))
        XCTAssertEqual(session.isComplete("for i in x:\n    print(i)\n"), .complete, "a blank line ends the block")
        XCTAssertEqual(session.isComplete("f(1,\n"), .incomplete(indent: ""), "but not an open bracket")
        XCTAssertEqual(session.isComplete("x = = 1"), .invalid)
        XCTAssertEqual(try session.evaluate(expression: "1 + 2").get().plainText, "3")
        guard case .failure(let error) = session.evaluate(expression: "undefined_name") else {
            return XCTFail("expected NameError")
        }
        XCTAssertEqual(error.ename, "NameError")
        XCTAssertEqual(session.executionCount, count, "evaluate and queries are not counted")
    }

    func testFiguresAreImageBundlesInOrderWithPrints() {
        let session = makeSession()
        let result = session.submit("print('a')\nfigure()\nprint('b')\nplt.plot([1, 2])")
        XCTAssertEqual(result.kinds, ["stream", "display_data", "stream", "execute_result", "display_data"],
                       "plt.show() shows at once; an open figure at the end, after the value")
        let figure = result.displays[0]
        XCTAssertEqual(figure.plainText, "<Figure size 200x100 with 1 Axes>")
        XCTAssertEqual(figure.png.map { Array($0.prefix(4)) }, [0x89, 0x50, 0x4E, 0x47])
        XCTAssertNil(figure.terminalText, "no terminal: no drawing")
        session.submit("display(Five())")
        XCTAssertEqual(session.submit("display(Five())").displays.first?.html, "<table><tr><td>5</td></tr></table>")
    }

    func testDataFramesHaveHTML() {
        let session = makeSession()
        let path = NSTemporaryDirectory() + "kindling-frame-\(getpid()).csv"
        try? "a,b\n1,2\n3,4\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = session.submit("import pandas as pd\npd.read_csv('\(path)')")
        XCTAssertTrue(result.result?.html?.contains("<table border=\"1\" class=\"dataframe\">") ?? false,
                      result.result?.html ?? "no html")
    }

    func testInputProviderAnswersInput() {
        let session = makeSession()
        var prompts: [String] = []
        session.inputProvider = { prompt, _ in prompts.append(prompt); return "Ada" }
        XCTAssertEqual(session.submit("name = input('Name? ')\nname").value, "'Ada'")
        XCTAssertEqual(prompts, ["Name? "])
    }

    func testInterruptRaisesKeyboardInterruptAndKeepsTheNamespace() {
        let session = makeSession()
        session.submit("kept = 5")
        var printed = 0
        session.onOutput = { output in
            if case .stream = output {
                printed += 1
                if printed == 3 { NotebookSession.interrupt() }
            }
        }
        let result = session.submit("i = 0\nwhile True:\n    i += 1\n    print(i)")
        XCTAssertEqual(result.error?.ename, "KeyboardInterrupt")
        session.onOutput = nil
        XCTAssertEqual(session.submit("kept").value, "5")
    }
}
