import XCTest
@testable import KindlingNotebook

final class ExportTests: XCTestCase {
    static let lessonText = """
    # %% [markdown]
    # # Export *me*
    #
    # Two lines.

    # %% Values
    a = Five()
    print("out")
    a

    # %%
    figure()
    figure()

    # %% [raw]
    raw

    # %%
    raise TypeError('no "quotes" here')

    # %%
    print("never")

    # %%
    """

    func executed() -> ExecutedNotebook {
        let lesson = PercentFormatParser.parse(Self.lessonText, path: "export.py")
        return LessonReplayer(lesson: lesson, session: makeSession(), options: ReplayOptions(echo: false)) { _ in }
            .run().notebook
    }

    func parsedNotebook() throws -> [String: Any] {
        let text = NotebookExporter.serialize(executed())
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try XCTUnwrap(object as? [String: Any])
    }

    func testNotebookHasRequiredTopLevelFields() throws {
        let notebook = try parsedNotebook()
        XCTAssertEqual(notebook["nbformat"] as? Int, 4)
        XCTAssertEqual(notebook["nbformat_minor"] as? Int, 5)
        let metadata = try XCTUnwrap(notebook["metadata"] as? [String: Any])
        let kernelspec = try XCTUnwrap(metadata["kernelspec"] as? [String: Any])
        XCTAssertEqual(kernelspec["name"] as? String, "python3")
        XCTAssertEqual(kernelspec["display_name"] as? String, "Python 3")
        XCTAssertEqual((metadata["language_info"] as? [String: Any])?["name"] as? String, "python")
        XCTAssertEqual(metadata["title"] as? String, "Export *me*")
    }

    func testCellsHaveIdsSourcesAndOutputs() throws {
        let cells = try XCTUnwrap(try parsedNotebook()["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { $0["cell_type"] as? String }, ["markdown", "code", "code", "raw", "code", "code", "code"])
        let ids = cells.compactMap { $0["id"] as? String }
        XCTAssertEqual(Set(ids).count, cells.count, "ids are unique")
        for id in ids {
            XCTAssertTrue((1...64).contains(id.count))
            XCTAssertTrue(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        }
        for cell in cells {
            XCTAssertNotNil(cell["metadata"] as? [String: Any])
            XCTAssertNotNil(cell["source"] as? [String])
            if cell["cell_type"] as? String == "code" {
                XCTAssertTrue(cell.keys.contains("execution_count"))
                XCTAssertNotNil(cell["outputs"] as? [[String: Any]])
            } else {
                XCTAssertNil(cell["outputs"])
            }
        }
        XCTAssertEqual(cells[0]["source"] as? [String], ["# Export *me*\n", "\n", "Two lines."])

        let first = cells[1]
        XCTAssertEqual(first["execution_count"] as? Int, 1)
        XCTAssertEqual((first["metadata"] as? [String: Any])?["title"] as? String, "Values")
        let outputs = try XCTUnwrap(first["outputs"] as? [[String: Any]])
        XCTAssertEqual(outputs.map { $0["output_type"] as? String }, ["stream", "execute_result"])
        XCTAssertEqual(outputs[0]["name"] as? String, "stdout")
        XCTAssertEqual(outputs[0]["text"] as? [String], ["out\n"])
        let data = try XCTUnwrap(outputs[1]["data"] as? [String: Any])
        XCTAssertEqual(data["text/plain"] as? [String], ["5"])
        XCTAssertEqual(data["text/html"] as? [String], ["<table><tr><td>5</td></tr></table>"], "_repr_html_ reaches the export")
        XCTAssertEqual(outputs[1]["execution_count"] as? Int, 1)
        XCTAssertNotNil(outputs[1]["metadata"] as? [String: Any])

        let figures = try XCTUnwrap(cells[2]["outputs"] as? [[String: Any]])
        XCTAssertEqual(figures.count, 2)
        for (index, figure) in figures.enumerated() {
            XCTAssertEqual(figure["output_type"] as? String, "display_data")
            let png = try XCTUnwrap((figure["data"] as? [String: Any])?["image/png"] as? String)
            let bytes = try XCTUnwrap(Data(base64Encoded: png, options: .ignoreUnknownCharacters))
            XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "figure \(index) is a PNG")
        }

        let error = try XCTUnwrap((cells[4]["outputs"] as? [[String: Any]])?.first)
        XCTAssertEqual(error["output_type"] as? String, "error")
        XCTAssertEqual(error["ename"] as? String, "TypeError")
        XCTAssertEqual(error["evalue"] as? String, "no \"quotes\" here")
        XCTAssertEqual((error["traceback"] as? [String])?.last, "TypeError: no \"quotes\" here")

        XCTAssertTrue(cells[5]["execution_count"] is NSNull, "cells after the error did not run")
        XCTAssertEqual((cells[5]["outputs"] as? [Any])?.count, 0)
    }

    func testMagicsAreUncommentedInNotebookSource() throws {
        let lesson = PercentFormatParser.parse("# %%\nx = 1\n# %time x\n")
        let json = NotebookExporter.serialize(ExecutedNotebook(unexecuted: lesson))
        XCTAssertTrue(json.contains("\"%time x\""), json)
    }

    func testSerializationMatchesNbformatLayout() {
        let value = JSONValue.object([
            "b": .array([.string("line\n"), .string("tab\t\u{1}é")]),
            "a": .object([:]),
            "c": .array([]),
            "d": .null,
            "e": .int(-3),
            "f": .bool(true),
        ])
        let expected = """
        {
         "a": {},
         "b": [
          "line\\n",
          "tab\\t\\u0001é"
         ],
         "c": [],
         "d": null,
         "e": -3,
         "f": true
        }

        """
        XCTAssertEqual(value.serialized(), expected)
    }

    func testMarkdownTranscriptWithImageFiles() throws {
        let directory = NSTemporaryDirectory() + "kindling-md-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/OUT.md"
        let written = try MarkdownExporter.write(executed(), to: path)
        XCTAssertEqual(written, [path, directory + "/OUT_files/figure-1.png", directory + "/OUT_files/figure-2.png"])
        let markdown = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(markdown.hasPrefix("# Export *me*\n\nTwo lines.\n\n```python\na = Five()\nprint(\"out\")\na\n```\n\n```\nout\n```\n\n```\n5\n```\n\n"), markdown)
        XCTAssertTrue(markdown.contains("![<Figure size 200x100 with 1 Axes>](OUT_files/figure-1.png)\n\n![<Figure size 200x100 with 1 Axes>](OUT_files/figure-2.png)"))
        XCTAssertTrue(markdown.contains("```\nTraceback (most recent call last):"))
        XCTAssertTrue(markdown.contains("```python\nprint(\"never\")\n```\n"), "unexecuted cells keep their code")
        let png = try Data(contentsOf: URL(fileURLWithPath: directory + "/OUT_files/figure-2.png"))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
    }

    func testFenceLongerThanBackticksInside() {
        XCTAssertEqual(MarkdownExporter.fenced("a ``` b\n"), "````\na ``` b\n````")
    }

    /// Writes an exported notebook to $KINDLING_NOTEBOOK_SAMPLE for validating by hand
    /// (`python3 -c "import nbformat; nbformat.validate(nbformat.read(path, 4))"`).
    func testWriteSampleForManualValidation() throws {
        guard let path = ProcessInfo.processInfo.environment["KINDLING_NOTEBOOK_SAMPLE"] else { return }
        try NotebookExporter.write(executed(), to: path)
    }
}

final class ExportFormatAndCatalogTests: XCTestCase {
    func testFormatNames() {
        XCTAssertEqual(ExportFormat(name: "IPYNB"), .ipynb)
        XCTAssertEqual(ExportFormat(name: "markdown"), .md)
        XCTAssertNil(ExportFormat(name: "html"))
    }

    func testCatalogListsTitles() throws {
        let directory = NSTemporaryDirectory() + "kindling-lessons-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "# %% [markdown]\n# # Softmax\n".write(toFile: directory + "/02-softmax.py", atomically: true, encoding: .utf8)
        try "x = 1\n".write(toFile: directory + "/01-untitled.py", atomically: true, encoding: .utf8)
        try "notes".write(toFile: directory + "/README.md", atomically: true, encoding: .utf8)
        let entries = try LessonCatalog.entries(in: directory)
        XCTAssertEqual(entries.map(\.title), ["01-untitled", "Softmax"])
        XCTAssertEqual(LessonCatalog.listing(entries), "01-untitled.py  01-untitled\n02-softmax.py   Softmax\n")
        XCTAssertThrowsError(try LessonCatalog.entries(in: directory + "/missing"))
    }

    func testWriteThroughFormat() throws {
        let path = NSTemporaryDirectory() + "kindling-format-\(getpid()).ipynb"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let notebook = ExecutedNotebook(unexecuted: PercentFormatParser.parse("# %%\nx\n"))
        XCTAssertEqual(try ExportFormat.ipynb.write(notebook, to: path), [path])
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("\"nbformat_minor\": 5"))
    }
}
