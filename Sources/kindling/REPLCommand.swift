import ArgumentParser
import Foundation
import KindlingNotebook
import KindlingGraphics
import KindlingREPL

/// `kindling` with no arguments: the interactive REPL.
struct StartREPL: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repl", abstract: "Start the interactive REPL (the default).")

    func run() throws {
        let session = NotebookSession(terminal: .current())
        TerminalForeground.takeIfShared()
        var configuration = LineEditorConfiguration()
        configuration.completionProvider = REPL.completionProvider(for: session)
        let editor = LineEditor(configuration: configuration)
        let repl = REPL(session: session, editor: editor)
        repl.lessonLocator = LessonFiles.locate
        if editor.isInteractive {
            print("Kindling \(Kindling.version): Python-style deep learning from scratch. %help for magics, Ctrl-D exits.")
        }
        repl.run()
    }
}
