import ArgumentParser
import Foundation
import KindlingNotebook
import KindlingREPL

/// `kindling` with no arguments: the interactive REPL.
struct StartREPL: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repl", abstract: "Start the interactive REPL (the default).")

    func run() throws {
        let executor = KindlingSession.makeExecutor()
        let signatures = DefinedSignatures()
        var configuration = LineEditorConfiguration()
        configuration.completionProvider = REPL.completionProvider(for: executor.interpreter, signatures: signatures)
        let editor = LineEditor(configuration: configuration)
        let repl = REPL(executor: executor, editor: editor, signatures: signatures)
        repl.lessonLocator = LessonFiles.locate
        if editor.isInteractive {
            print("Kindling \(Kindling.version): Python-style deep learning from scratch. %help for magics, Ctrl-D exits.")
        }
        repl.run()
    }
}
