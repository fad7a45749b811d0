import Foundation

/// One value of a MIME bundle: text (`text/plain`, `text/html`) or binary data
/// (`image/png`; base64 text once written as JSON).
public enum MimeValue: Equatable, Sendable {
    case text(String)
    case data(Data)

    /// The text, or the data base64-encoded (how nbformat and the Jupyter protocol carry it).
    public var jsonText: String {
        switch self {
        case let .text(text): return text
        case let .data(data): return data.base64EncodedString()
        }
    }
}

/// What Jupyter's display protocol calls a MIME bundle: one object shown in several
/// formats, the front end picks the richest it can show. `text/plain` is always there.
public struct MimeBundle: Equatable, Sendable {
    /// Format name -> content: `text/plain` always; `image/png` (raw PNG bytes) for
    /// figures; `text/html` for DataFrames and the Learner's results table.
    public var data: [String: MimeValue]
    /// Per-format metadata (`image/png` -> `width`/`height`), as Jupyter's `metadata`.
    public var metadata: [String: [String: Int]]
    /// A ready-made drawing for the terminal the session was made for (escape
    /// sequences for kitty/iTerm2/sixel, or Unicode blocks). Not part of the bundle
    /// that exports and the kernel write; only terminal front ends use it.
    public var terminalText: String?

    public init(plain: String, html: String? = nil, png: Data? = nil,
                metadata: [String: [String: Int]] = [:], terminalText: String? = nil) {
        var data: [String: MimeValue] = ["text/plain": .text(plain)]
        if let html { data["text/html"] = .text(html) }
        if let png { data["image/png"] = .data(png) }
        self.data = data
        self.metadata = metadata
        self.terminalText = terminalText
    }

    /// The `text/plain` form.
    public var plainText: String {
        if case let .text(text)? = data["text/plain"] { return text }
        return ""
    }

    /// The `text/html` form, if any.
    public var html: String? {
        if case let .text(text)? = data["text/html"] { return text }
        return nil
    }

    /// The PNG bytes, if any.
    public var png: Data? {
        if case let .data(bytes)? = data["image/png"] { return bytes }
        return nil
    }

    /// What a terminal shows: the drawing made for it, else the plain text.
    public var terminalRendering: String { terminalText ?? plainText }
}

/// The stream a `stream` output went to.
public enum StreamName: String, Equatable, Sendable {
    case stdout, stderr
}

/// One output of a cell or REPL input, in the order it was produced (Jupyter's output types).
public enum Output: Equatable, Sendable {
    /// Printed text.
    case stream(name: StreamName, text: String)
    /// Something shown while the code ran: a figure (`plt.show()`, `show_image`), `display(x)`.
    case displayData(MimeBundle)
    /// The value of the input's trailing expression (`Out[n]:`).
    case executeResult(executionCount: Int, MimeBundle)
    /// The uncaught exception that stopped the input.
    case error(CellError)
}

/// Everything one input (a cell, a REPL line, a step-mode command) produced.
public struct CellResult: Equatable, Sendable {
    /// The outputs in order; consecutive text on one stream is one output.
    public var outputs: [Output]
    /// The `In [n]` number the input ran as; nil when it was not counted (silent).
    public var executionCount: Int?

    public init(outputs: [Output] = [], executionCount: Int? = nil) {
        self.outputs = []
        self.executionCount = executionCount
        for output in outputs { append(output) }
    }

    /// Adds an output, joining text written to the stream the last output wrote to.
    public mutating func append(_ output: Output) {
        if case let .stream(name, text) = output, case let .stream(lastName, lastText)? = outputs.last, lastName == name {
            outputs[outputs.count - 1] = .stream(name: name, text: lastText + text)
        } else {
            outputs.append(output)
        }
    }

    /// The exception that stopped the input, if any.
    public var error: CellError? {
        for case let .error(error) in outputs { return error }
        return nil
    }

    /// True when the input raised.
    public var failed: Bool { error != nil }

    /// All text written to `stream`.
    public func text(_ stream: StreamName) -> String {
        outputs.reduce(into: "") { text, output in
            if case let .stream(name, piece) = output, name == stream { text += piece }
        }
    }

    /// All stdout text.
    public var stdout: String { text(.stdout) }

    /// The `Out[n]` value's bundle, if any.
    public var result: MimeBundle? {
        for case let .executeResult(_, bundle) in outputs { return bundle }
        return nil
    }

    /// The `Out[n]` value's `text/plain`.
    public var value: String? { result?.plainText }

    /// Everything shown with `display_data` (figures), in order.
    public var displays: [MimeBundle] {
        outputs.compactMap { if case let .displayData(bundle) = $0 { return bundle } else { return nil } }
    }
}

/// What the language's completeness check says about typed code, with the indent
/// to offer on the next line (Jupyter's `is_complete_reply`).
public enum InputStatus: Equatable, Sendable {
    /// Ready to run.
    case complete
    /// Needs more lines; `indent` is what the next line would start with.
    case incomplete(indent: String)
    /// Cannot become valid by adding lines.
    case invalid
}
