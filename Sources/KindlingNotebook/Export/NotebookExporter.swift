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
            members["outputs"] = .array(executed.result.map { outputs($0) } ?? [])
        }
        return .object(members)
    }

    /// A cell's outputs as nbformat output objects, in the order they were produced.
    public static func outputs(_ result: CellResult) -> [JSONValue] {
        result.outputs.map { output in
            switch output {
            case let .stream(name, text):
                return .object(["name": .string(name.rawValue), "output_type": .string("stream"), "text": notebookLines(text)])
            case let .displayData(bundle):
                return .object(["data": data(bundle), "metadata": .object([:]), "output_type": .string("display_data")])
            case let .executeResult(count, bundle):
                return .object(["data": data(bundle), "execution_count": .int(count), "metadata": .object([:]),
                                "output_type": .string("execute_result")])
            case let .error(error):
                return .object(["ename": .string(error.ename), "evalue": .string(error.evalue), "output_type": .string("error"),
                                "traceback": .array(error.tracebackLines.map { .string($0) })])
            }
        }
    }

    /// A MIME bundle's `data`: text as nbformat's line lists, PNG as base64 text.
    public static func data(_ bundle: MimeBundle) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for (type, value) in bundle.data {
            switch value {
            case let .text(text): members[type] = notebookLines(text)
            case let .data(bytes): members[type] = .string(bytes.base64EncodedString() + "\n")
            }
        }
        return .object(members)
    }
}
