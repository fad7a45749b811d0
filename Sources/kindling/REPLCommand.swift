import ArgumentParser
import Foundation
import KindlingLanguage
import KindlingNotebook
import KindlingREPL

/// `kindling` with no arguments: the interactive REPL.
struct StartREPL: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repl", abstract: "Start the interactive REPL (the default).")

    func run() throws {
        let executor = LessonExecutor.make()
        InterruptHandling.install()
        let editor = LineEditor()
        if editor.isInteractive {
            print("Kindling \(Kindling.version): Python-style deep learning from scratch. Ctrl-D exits; `kindling lessons` lists the lessons.")
        }
        var count = 0
        var buffer: [String] = []
        while true {
            let prompt = buffer.isEmpty ? ">>> " : "... "
            switch editor.readLine(prompt: prompt) {
            case .endOfInput:
                if editor.isInteractive { print("") }
                return
            case .interrupted:
                buffer.removeAll()
                print("KeyboardInterrupt")
                continue
            case .line(let line):
                buffer.append(line)
            }
            let source = buffer.joined(separator: "\n")
            if source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { buffer.removeAll(); continue }
            if case .incomplete = isCompleteInput(source) { continue }
            buffer.removeAll()
            editor.addHistory(source)
            count += 1
            let result = executor.execute(code: source, filename: "<stdin>", firstLine: 1)
            FileHandle.standardOutput.write(Data(result.stdout.utf8))
            if let value = result.value {
                print(editor.isInteractive ? "Out[\(count)]: \(value)" : value)
            }
            for figure in result.figures { print(LessonExecutor.figureText(figure)) }
            if let error = result.error {
                FileHandle.standardError.write(Data(error.traceback.utf8))
                if !error.traceback.hasSuffix("\n") { FileHandle.standardError.write(Data("\n".utf8)) }
            }
        }
    }
}
