import XCTest
@testable import KindlingNotebook

final class PercentFormatParserTests: XCTestCase {
    let lessonText = """
    # ---
    # jupyter:
    #   jupytext:
    #     formats: py:percent
    # ---

    # %% [markdown]
    # # Pixels and *means*
    #
    # We load the `label` column and **784** pixels.
    # - one
    # - two

    # %% Loading the data
    import torch
    x = 1
    # %time y = x + 1
    # %%time is not a magic here
    #   % nor this
    y

    # %%

    # %% [md] tags="intro" slideshow=skip
    # ## Second heading

    # %% [raw]
    raw text
    # %%
    \"\"\"docstring\"\"\"  # a code cell with a comment
    #%%
    last = 3

    """

    func testCellsKindsTitlesAndLines() {
        let lesson = PercentFormatParser.parse(lessonText, path: "L.py")
        XCTAssertEqual(lesson.header, "jupyter:\n  jupytext:\n    formats: py:percent")
        XCTAssertEqual(lesson.cells.map(\.kind), [.markdown, .code, .code, .markdown, .raw, .code, .code])
        let markdown = lesson.cells[0]
        XCTAssertEqual(markdown.source, "# Pixels and *means*\n\nWe load the `label` column and **784** pixels.\n- one\n- two")
        XCTAssertEqual(markdown.firstLine, 8)
        XCTAssertEqual(markdown.markerLine, 7)
        XCTAssertEqual(markdown.lastLine, 12)

        let code = lesson.cells[1]
        XCTAssertEqual(code.title, "Loading the data")
        XCTAssertEqual(code.firstLine, 15)
        XCTAssertEqual(code.lines.first, "import torch")
        XCTAssertEqual(code.lastLine, 20)
        XCTAssertEqual(code.magics, [Magic(name: "time", argument: "y = x + 1", line: 17)])

        XCTAssertTrue(lesson.cells[2].isEmpty)
        XCTAssertEqual(lesson.cells[2].source, "")
        XCTAssertEqual(lesson.cells[2].markerLine, 22)

        XCTAssertEqual(lesson.cells[3].metadata, ["tags": "intro", "slideshow": "skip"])
        XCTAssertEqual(lesson.cells[3].source, "## Second heading")
        XCTAssertNil(lesson.cells[3].title)
        XCTAssertEqual(lesson.cells[4].source, "raw text")
        XCTAssertEqual(lesson.cells[5].source, "\"\"\"docstring\"\"\"  # a code cell with a comment")
        XCTAssertEqual(lesson.cells[6].source, "last = 3")
        XCTAssertEqual(lesson.cells[6].firstLine, 32)
        XCTAssertEqual(lesson.title, "Pixels and *means*")
    }

    func testSegmentsSplitAtMagicsAndNotebookSourceUncommentsThem() {
        let lesson = PercentFormatParser.parse(lessonText)
        let code = lesson.cells[1]
        XCTAssertEqual(code.segments, [
            .code("import torch\nx = 1", firstLine: 15),
            .magic(Magic(name: "time", argument: "y = x + 1", line: 17)),
            .code("# %%time is not a magic here\n#   % nor this\ny", firstLine: 18),
        ])
        XCTAssertEqual(code.notebookSource.split(separator: "\n")[2], "%time y = x + 1")
    }

    func testNoHeaderNoMarkersIsOneCodeCell() {
        let lesson = PercentFormatParser.parse("\n\nprint(1)\nx = 2\n")
        XCTAssertEqual(lesson.cells.count, 1)
        XCTAssertEqual(lesson.cells[0].kind, .code)
        XCTAssertEqual(lesson.cells[0].firstLine, 3)
        XCTAssertNil(lesson.cells[0].markerLine)
        XCTAssertNil(lesson.title)
        XCTAssertNil(lesson.header)
    }

    func testCommentHeaderBeforeFirstMarkerIsMarkdown() {
        let lesson = PercentFormatParser.parse("#!/usr/bin/env python\n# # Title here\n#\n# intro\n# %%\nx = 1\n")
        XCTAssertEqual(lesson.cells.map(\.kind), [.markdown, .code])
        XCTAssertEqual(lesson.cells[0].source, "# Title here\n\nintro")
        XCTAssertEqual(lesson.cells[0].firstLine, 2)
        XCTAssertEqual(lesson.title, "Title here")
        XCTAssertEqual(lesson.cells[1].firstLine, 6)
    }

    func testTripleQuotedMarkdownAndCRLF() {
        let text = "# %% [markdown]\r\n\"\"\"\r\n## Quoted *md*\r\ntext\r\n\"\"\"\r\n# %%\r\nx\r\n"
        let lesson = PercentFormatParser.parse(text)
        XCTAssertEqual(lesson.cells[0].source, "## Quoted *md*\ntext")
        XCTAssertEqual(lesson.cells[0].firstLine, 3)
        XCTAssertEqual(lesson.title, "Quoted *md*")
        XCTAssertEqual(lesson.cells[1].source, "x")
    }

    func testMarkerRecognition() {
        XCTAssertTrue(PercentFormatParser.isMarker("# %%"))
        XCTAssertTrue(PercentFormatParser.isMarker("#%% title"))
        XCTAssertFalse(PercentFormatParser.isMarker("# %%time"))
        XCTAssertFalse(PercentFormatParser.isMarker("  # %%"))
        XCTAssertNil(PercentFormatParser.magic(in: "# % time", at: 1))
        XCTAssertNil(PercentFormatParser.magic(in: "# %1abc", at: 1))
        XCTAssertEqual(PercentFormatParser.magic(in: "# %whos", at: 4), Magic(name: "whos", argument: "", line: 4))
        XCTAssertNil(PercentFormatParser.magic(in: "    # %time x", at: 1), "indented magics are comments")
    }

    func testHeadingParsing() {
        XCTAssertEqual(MarkdownHeading("### Three ###")?.text, "Three")
        XCTAssertEqual(MarkdownHeading("## C# is #1")?.text, "C# is #1")
        XCTAssertNil(MarkdownHeading("#hashtag"))
        XCTAssertNil(MarkdownHeading("####### seven"))
    }

    func testLessonFromFileAndEmptyFile() throws {
        let path = NSTemporaryDirectory() + "kindling-parser-\(getpid()).py"
        try lessonText.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lesson = try Lesson(contentsOf: path)
        XCTAssertEqual(lesson.path, path)
        XCTAssertEqual(lesson.codeCells.count, 4)
        XCTAssertEqual(PercentFormatParser.parse("").cells, [])
        XCTAssertThrowsError(try Lesson(contentsOf: path + ".missing"))
    }
}
