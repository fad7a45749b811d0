import ArgumentParser
import Foundation

/// `kindling`: the REPL, `kindling FILE.py`, `kindling -c CODE`, and the
/// notebook subcommands (`run`, `step`, `lessons`, `data`).
struct Kindling: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "kindling",
        abstract: "A terminal notebook for learning deep learning from scratch.",
        discussion: """
            kindling                     start the interactive REPL
            kindling FILE.py [ARGS...]   run a program, like `python FILE.py`
            kindling -c CODE [ARGS...]   run CODE, like `python -c`
            kindling kernel install      register the Jupyter kernel
            """,
        version: version,
        subcommands: [RunLesson.self, StepLesson.self, ListLessons.self, PrepareData.self, StartKernel.self, StartREPL.self],
        defaultSubcommand: StartREPL.self
    )

    /// The words that name a subcommand rather than a program to run.
    static var subcommandNames: Set<String> {
        Set(configuration.subcommands.map { $0._commandName } + ["help"])
    }

    /// Program entry: plain `python`-style invocations are recognised before
    /// ArgumentParser sees the arguments, so `kindling lesson.py --flag` passes
    /// `--flag` to the program instead of parsing it.
    static func entry(_ arguments: [String]) -> Never {
        if let first = arguments.first {
            if first == "-c" {
                guard arguments.count >= 2 else {
                    FileHandle.standardError.write(Data("Argument expected for the -c option\n".utf8))
                    Foundation.exit(2)
                }
                Foundation.exit(ProgramRunner.runCode(arguments[1], argv: ["-c"] + arguments.dropFirst(2)))
            }
            if !first.hasPrefix("-") && !subcommandNames.contains(first) {
                Foundation.exit(ProgramRunner.runFile(first, argv: Array(arguments)))
            }
        }
        Kindling.main(arguments)
        Foundation.exit(0)
    }
}


