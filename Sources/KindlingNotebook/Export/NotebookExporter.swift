import Foundation

/// Writes an executed lesson as an nbformat 4.5 notebook (`.ipynb`).
///
/// Markdown and raw cells keep their text; code cells get `execution_count` and
/// outputs: `stream` (stdout, stderr), `display_data` with `image/png` for figures,
/// `execute_result` with `text/plain` (and `text/html` when given) and `error`.
/// Magic lines appear uncommented (`%time ...`), as Jupytext converts them.
public enum NotebookExporter {
    /// The notebook as a JSON value.
    public static func notebook(_ executed: ExecutedNotebook) -> JSONValue {
        var metadata: [String: JSONValue] = [
            "kernelspec": .object([
                "display_name": .string("Python 3"),
                "language": .string("python"),
                "name": .string("python3"),
            ]),
            "language_info": .object([
                "codemirror_mode": .object(["name": .string("ipython"), "version": .int(3)]),
                "file_extension": .string(".py"),
                "mimetype": .string("text/x-python"),
                "name": .string("python"),
                "nbconvert_exporter": .string("python"),
                "pygments_lexer": .string("ipython3"),
                "version": .string("3.11"),
            ]),
        ]
        if let title = executed.lesson.title { metadata["title"] = .string(title) }
        return .object([
            "cells": .array(executed.cells.enumerated().map { cell($0.element, id: cellID($0.offset)) }),
            "metadata": .object(metadata),
            "nbformat": .int(4),
            "nbformat_minor": .int(5),
        ])
    }

    /// The notebook's file text.
    public static func serialize(_ executed: ExecutedNotebook) -> String {
        notebook(executed).serialized()
    }

    /// Writes the notebook to `path`.
    public static func write(_ executed: ExecutedNotebook, to path: String) throws {
        try serialize(executed).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Stable ids (`cell-1`, `cell-2`, ...) so re-exports diff cleanly; nbformat 4.5
    /// asks for 1-64 characters of `[a-zA-Z0-9-_]`.
    static func cellID(_ index: Int) -> String { "cell-\(index + 1)" }

    static func cell(_ executed: ExecutedCell, id: String) -> JSONValue {
        let cell = executed.cell
        var metadata: [String: JSONValue] = [:]
        if let title = cell.title { metadata["title"] = .string(title) }
        for (key, value) in cell.metadata { metadata[key] = .string(value) }
        var members: [String: JSONValue] = [
            "cell_type": .string(cell.kind.rawValue),
            "id": .string(id),
            "metadata": .object(metadata),
            "source": notebookLines(cell.notebookSource),
        ]
        if cell.kind == .code {
            members["execution_count"] = executed.executionCount.map { .int($0) } ?? .null
            members["outputs"] = .array(executed.result.map { outputs($0, count: executed.executionCount) } ?? [])
        }
        return .object(members)
    }

    static func outputs(_ result: CellResult, count: Int?) -> [JSONValue] {
        var outputs: [JSONValue] = []
        for (name, text) in [("stdout", result.stdout), ("stderr", result.stderr)] where !text.isEmpty {
            outputs.append(.object([
                "name": .string(name), "output_type": .string("stream"), "text": notebookLines(text),
            ]))
        }
        for figure in result.figures {
            outputs.append(.object([
                "data": .object([
                    "image/png": .string(figure.png.base64EncodedString() + "\n"),
                    "text/plain": notebookLines(figure.altText),
                ]),
                "metadata": .object([:]),
                "output_type": .string("display_data"),
            ]))
        }
        if let value = result.value {
            var data: [String: JSONValue] = ["text/plain": notebookLines(value)]
            if let html = result.html { data["text/html"] = notebookLines(html) }
            outputs.append(.object([
                "data": .object(data),
                "execution_count": count.map { .int($0) } ?? .null,
                "metadata": .object([:]),
                "output_type": .string("execute_result"),
            ]))
        }
        if let error = result.error {
            outputs.append(.object([
                "ename": .string(error.ename),
                "evalue": .string(error.evalue),
                "output_type": .string("error"),
                "traceback": .array(error.tracebackLines.map { .string($0) }),
            ]))
        }
        return outputs
    }
}
