import Foundation
import KindlingLanguage
import KindlingNotebook

/// The interactive REPL: the terminal side of a `NotebookSession`. Reads inputs with
/// the line editor (continuation lines while the language says the input is
/// incomplete), submits them, and shows the outputs as they arrive the way IPython
/// does (`Out[n]:` values, tracebacks, figures drawn in the terminal). Errors and
/// Ctrl-C never end the session; Ctrl-D does.
///
///     let repl = REPL(session: NotebookSession(terminal: .current()), editor: LineEditor(configuration: ...))
///     repl.run()
public final class REPL {
    public let session: NotebookSession
    public let editor: LineEditor
    /// Where stdout and stderr text goes (the process's streams by default).
    public var writeOutput: (String) -> Void = { text in fputs(text, stdout); fflush(stdout) }
    public var writeError: (String) -> Void = { text in fputs(text, stderr); fflush(stderr) }
    /// How outputs look (styled when stdout is a terminal).
    public var renderer = TranscriptRenderer(style: TerminalStyle.detect(), showLineNumbers: true)
    /// Finds a lesson file for `%lesson NAME` (the executable knows where Lessons/ is).
    public var lessonLocator: ((String) -> String?)?
    public let prompt = ">>> "
    public let continuationPrompt = "... "
    private var atLineStart = true

    public init(session: NotebookSession, editor: LineEditor) {
        self.session = session
        self.editor = editor
        session.lessonHandler = { [unowned self] name in self.stepLesson(name) }
    }

    /// The completion provider to give the line editor: the session's completions,
    /// turned into replacements for readline's word.
    public static func completionProvider(for session: NotebookSession) -> (CompletionRequest) -> [String] {
        { [unowned session] request in
            let before = request.textBeforeCursor
            let reply = session.complete(before, cursor: before.unicodeScalars.count)
            let typed = String(String.UnicodeScalarView(Array(before.unicodeScalars)[reply.start...]))
            // readline replaces its own word; the session replaced `typed`.
            if request.word.hasSuffix(typed) {
                let head = String(request.word.dropLast(typed.count))
                return reply.matches.map { head + $0 }
            }
            let extra = typed.dropLast(request.word.count)
            return reply.matches.filter { $0.hasPrefix(extra) }.map { String($0.dropFirst(extra.count)) }
        }
    }

    /// Reads and runs inputs until end of input.
    public func run() {
        NotebookSession.installInterruptHandler()
        while let source = readInput() {
            handle(source)
        }
    }

    /// Reads one complete input (lines joined), nil at end of input. Ctrl-C clears
    /// what was typed and starts again.
    func readInput() -> String? {
        var lines: [String] = []
        while true {
            switch editor.readLine(prompt: lines.isEmpty ? prompt : continuationPrompt) {
            case .endOfInput:
                return lines.isEmpty ? nil : lines.joined(separator: "\n")
            case .interrupted:
                lines.removeAll()
                writeOutput("KeyboardInterrupt\n")
            case .line(let line):
                lines.append(line)
                let source = lines.joined(separator: "\n")
                let blank = line.trimmingCharacters(in: .whitespaces).isEmpty
                if lines[0].hasPrefix("%%") {
                    if blank { return source } else { continue }  // a cell magic ends with a blank line
                }
                if lines.count == 1 && (blank || InputPiece.split(line).contains(where: REPL.isSpecial)) {
                    return source
                }
                if case .incomplete = session.isComplete(source) { continue }
                return source
            }
        }
    }

    static func isSpecial(_ piece: InputPiece) -> Bool {
        if case .code = piece { return false }
        return true
    }

    /// Submits one complete input and shows its outputs as they are produced.
    public func handle(_ input: String) {
        let source = input.trimmingCharacters(in: .newlines)
        guard !source.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        editor.addHistory(source)
        let previous = session.onOutput
        session.onOutput = { [unowned self] output in self.show(output) }
        defer { session.onOutput = previous }
        session.submit(source)
        if !atLineStart { put("\n", error: false) }
    }

    /// One output: values with `Out[n]:` when interactive (bare, like `python`, when
    /// piped), errors and stderr on stderr.
    func show(_ output: Output) {
        switch output {
        case .stream(.stdout, let text):
            put(text, error: false)
        case .stream(.stderr, let text):
            put(text, error: true)
        case .executeResult(_, let bundle):
            endLine()
            put(editor.isInteractive ? renderer.render(output) : bundle.plainText + "\n", error: false)
        case .displayData:
            endLine()
            put(renderer.render(output), error: false)
        case .error:
            endLine()
            put(renderer.render(output), error: true)
        }
    }

    private func endLine() { if !atLineStart { put("\n", error: false) } }

    private func put(_ text: String, error: Bool) {
        guard !text.isEmpty else { return }
        error ? writeError(text) : writeOutput(text)
        atLineStart = text.hasSuffix("\n")
    }

    /// `%lesson NAME`: step mode in this namespace; back to the REPL when it ends.
    func stepLesson(_ name: String) -> Result<String, CellError> {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard let path = lessonLocator?(trimmed) ?? (FileManager.default.fileExists(atPath: trimmed) ? trimmed : nil) else {
            return .failure(.usage("no lesson named '\(trimmed)' (try `kindling lessons`)"))
        }
        let lesson: Lesson
        do { lesson = try Lesson(contentsOf: path) } catch {
            return .failure(.usage("cannot read \(path): \(error)"))
        }
        DataPreparation.prepare(forLessonAt: path)
        let step = StepSession(lesson: lesson, session: session, renderer: renderer, write: writeOutput)
        step.run(read: editor.stepInput)
        return .success("(back in the REPL)\n")
    }
}
