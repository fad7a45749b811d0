import Foundation
import KindlingBindings
import KindlingLanguage
import KindlingGraphics
import KindlingNotebook

/// Runs a whole program the way `python FILE.py` does: only what it prints
/// goes to stdout; an uncaught exception prints its traceback on stderr and
/// the exit status is 1 (SystemExit sets its own).
enum ProgramRunner {
    static func runFile(_ path: String, argv: [String]) -> Int32 {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "Permission denied" : "No such file or directory"
            FileHandle.standardError.write(Data("kindling: can't open file '\(path)': [Errno 2] \(reason)\n".utf8))
            return 2
        }
        guard let source = String(data: data, encoding: .utf8) else {
            FileHandle.standardError.write(Data("SyntaxError: file '\(path)' is not valid UTF-8\n".utf8))
            return 1
        }
        return run(source, filename: path, argv: argv)
    }

    static func runCode(_ code: String, argv: [String]) -> Int32 {
        run(code, filename: "<string>", argv: argv)
    }

    private static func run(_ source: String, filename: String, argv: [String]) -> Int32 {
        let interp = NotebookSession.makeInterpreter()
        interp.argv = argv
        NotebookSession.installInterruptHandler()
        drawFigures(of: interp)
        defer { fflush(stdout) }
        do {
            try interp.run(source: source, filename: filename, mode: .file)
            return 0
        } catch let e as PyException {
            fflush(stdout)
            if e.matches(.systemExit) { return exitStatus(of: e, interp) }
            FileHandle.standardError.write(Data(interp.formatException(e).utf8))
            return 1
        } catch {
            fflush(stdout)
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 1
        }
    }

    /// `plt.show()` draws at once, between the lines printed before and after it;
    /// figures still open when the program ends (`show_image` without `plt.show()`)
    /// are drawn then. Only on a terminal: piped output stays what the program printed.
    private static func drawFigures(of interp: Interpreter) {
        guard isatty(STDOUT_FILENO) == 1 else { return }
        let capabilities = TerminalCapabilities.current()
        FigureDisplay.setShowHandler(for: interp) { figures in
            for figure in figures { fputs(TerminalFigureRenderer.render(figure, for: capabilities) + "\n", stdout) }
            fflush(stdout)
        }
        atexitInterpreter = interp
        atexit {
            guard let interp = ProgramRunner.atexitInterpreter else { return }
            let capabilities = TerminalCapabilities.current()
            for figure in FigureDisplay.takeFiguresToShow(for: interp) {
                fputs(TerminalFigureRenderer.render(figure, for: capabilities) + "\n", stdout)
            }
            fflush(stdout)
        }
    }

    nonisolated(unsafe) static var atexitInterpreter: Interpreter?

    /// `sys.exit(n)`: an int is the status; None is 0; anything else is printed and gives 1.
    private static func exitStatus(of e: PyException, _ interp: Interpreter) -> Int32 {
        guard let code = e.exception.args.first else { return 0 }
        switch code {
        case .none: return 0
        case .int(let i): return Int32(truncatingIfNeeded: i)
        case .bool(let b): return b ? 1 : 0
        default:
            FileHandle.standardError.write(Data((interp.str(code) + "\n").utf8))
            return 1
        }
    }
}
