import Foundation
import KindlingLanguage
import KindlingNotebook

/// The interactive REPL: reads inputs with the line editor (continuation lines while
/// the input is incomplete), runs them in one namespace, and shows what came out the
/// way IPython does (`Out[n]:` values, tracebacks, figures). Errors and Ctrl-C never
/// end the session; Ctrl-D does.
///
///     let repl = REPL(executor: KindlingSession.makeExecutor(), editor: LineEditor(configuration: ...))
///     repl.run()
public final class REPL {
    public let executor: InterpreterCellExecutor
    public let editor: LineEditor
    public let magics: REPLMagics
    /// Parameter names of the functions typed so far, for keyword-argument completion.
    public let signatures: DefinedSignatures
    /// Where stdout and stderr text goes (the process's streams by default).
    public var writeOutput: (String) -> Void = { text in fputs(text, stdout); fflush(stdout) }
    public var writeError: (String) -> Void = { text in fputs(text, stderr); fflush(stderr) }
    /// How a figure is shown.
    public var figureText: (CellFigure) -> String = KindlingSession.figureText
    /// Finds a lesson file for `%lesson NAME` (the executable knows where Lessons/ is).
    public var lessonLocator: ((String) -> String?)?
    /// The number of the last input that ran (`Out[n]`).
    public private(set) var executionCount = 0
    public let prompt = ">>> "
    public let continuationPrompt = "... "

    public init(executor: InterpreterCellExecutor, editor: LineEditor, signatures: DefinedSignatures = DefinedSignatures()) {
        self.signatures = signatures
        self.executor = executor
        self.editor = editor
        self.magics = REPLMagics(executor: executor)
        executor.magicHandler = { [magics] magic, _ in magics.run(magic) }
        magics.signatures = signatures
        magics.historyProvider = { [weak editor] in editor?.historyEntries ?? [] }
        magics.lessonHandler = { [unowned self] name in self.stepLesson(name) }
    }

    /// The completion provider to give the line editor for this REPL's interpreter.
    public static func completionProvider(for interpreter: Interpreter,
                                          signatures: DefinedSignatures) -> (CompletionRequest) -> [String] {
        { request in REPLCompletion(interpreter: interpreter, signatures: signatures).complete(request) }
    }

    /// Reads and runs inputs until end of input.
    public func run() {
        KindlingSession.installInterruptHandler()
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
                return nil
            case .interrupted:
                lines.removeAll()
                writeOutput("KeyboardInterrupt\n")
            case .line(let line):
                lines.append(line)
                let source = lines.joined(separator: "\n")
                if lines.count == 1 && (REPL.isMagicOrHelp(line) || line.trimmingCharacters(in: .whitespaces).isEmpty) {
                    return source
                }
                // A blank line ends an open block, but not an open bracket.
                let blank = lines.count > 1 && line.trimmingCharacters(in: .whitespaces).isEmpty
                if case .incomplete = isCompleteInput(blank ? source + "\n" : source) {
                    if !blank || REPL.hasOpenBracket(source) { continue }
                }
                return source
            }
        }
    }

    /// True when a bracket opened outside strings and comments is still open.
    static func hasOpenBracket(_ source: String) -> Bool {
        var depth = 0
        var quote: Character?
        var escaped = false
        var inComment = false
        for ch in source {
            if inComment { if ch == "\n" { inComment = false }; continue }
            if let q = quote {
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == q { quote = nil }
                continue
            }
            switch ch {
            case "#": inComment = true
            case "'", "\"": quote = ch
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            default: break
            }
        }
        return depth > 0
    }

    static func isMagicOrHelp(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("%") || (trimmed.hasSuffix("?") && !trimmed.hasPrefix("#"))
    }

    /// Runs one complete input and shows its output.
    public func handle(_ input: String) {
        let source = input.trimmingCharacters(in: .newlines)
        guard !source.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        editor.addHistory(source)
        signatures.record(source)
        executionCount += 1
        var streamed = ""
        executor.streamHandler = { [unowned self] text in
            streamed += text
            self.writeOutput(text)
        }
        defer { executor.streamHandler = nil }
        let result = execute(source)
        if result.stdout.hasPrefix(streamed) {
            writeOutput(String(result.stdout.dropFirst(streamed.count)))
        } else if streamed.isEmpty {
            writeOutput(result.stdout)
        }
        if !result.stderr.isEmpty { writeError(result.stderr) }
        if let value = result.value {
            writeOutput((editor.isInteractive ? "Out[\(executionCount)]: " : "") + value + "\n")
        }
        for figure in result.figures { writeOutput(figureText(figure) + "\n") }
        if let error = result.error {
            writeError(error.traceback.hasSuffix("\n") ? error.traceback : error.traceback + "\n")
        }
    }

    /// Magics, `obj?`, or code.
    func execute(_ source: String) -> CellResult {
        let trimmed = source.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("%"), !source.contains("\n") {
            let body = trimmed.drop { $0 == "%" }
            let name = String(body.prefix { !$0.isWhitespace })
            let argument = String(body.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)
            return CellRunner(executor: executor, filename: "<stdin>").runMagic(Magic(name: name, argument: argument, line: 1))
        }
        if trimmed.hasSuffix("?"), !source.contains("\n") {
            let expression = String(trimmed.dropLast(trimmed.hasSuffix("??") ? 2 : 1))
            return magics.describe(expression)
        }
        return executor.execute(code: source, filename: "<stdin>", firstLine: 1)
    }

    /// `%lesson NAME`: step mode in this namespace; back to the REPL when it ends.
    func stepLesson(_ name: String) -> CellResult {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard let path = lessonLocator?(trimmed) ?? (FileManager.default.fileExists(atPath: trimmed) ? trimmed : nil) else {
            return CellResult(error: CellError(ename: "UsageError", evalue: "no lesson named '\(trimmed)' (try `kindling lessons`)"))
        }
        let lesson: Lesson
        do { lesson = try Lesson(contentsOf: path) } catch {
            return CellResult(error: CellError(ename: "UsageError", evalue: "cannot read \(path): \(error)"))
        }
        executor.streamHandler = nil
        let session = StepSession(lesson: lesson, executor: executor,
                                  renderer: TranscriptRenderer(style: TerminalStyle.detect(), figureDisplay: figureText),
                                  write: writeOutput)
        session.run(read: editor.stepInput)
        return CellResult(stdout: "(back in the REPL)\n")
    }
}
