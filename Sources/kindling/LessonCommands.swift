import ArgumentParser
import Foundation
import KindlingBindings
import KindlingData
import KindlingGraphics
import KindlingLanguage
import KindlingNotebook
import KindlingREPL

/// `kindling run LESSON.py`: replay a lesson notebook-style.
struct RunLesson: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay a lesson like a notebook: markdown, code, and the output of each cell.")

    @ArgumentParser.Argument(help: "The lesson file (Jupytext percent format).") var lesson: String
    @Flag(name: .long, help: "Record a failing cell's error and go on, like nbclient's allow-errors.") var keepGoing = false
    @Option(name: .customLong("to"), help: "Also write the executed notebook: ipynb or md.") var format: ExportFormat?
    @Option(name: .shortAndLong, help: "Where --to writes (default: the lesson's name with .ipynb or .md).") var output: String?
    @Flag(name: .long, help: "With --to: write only the notebook, no transcript.") var quiet = false

    enum ExportFormat: String, ExpressibleByArgument { case ipynb, md }

    func run() throws {
        let lesson = try LessonFiles.load(self.lesson)
        let path = format.map { output ?? (self.lesson as NSString).deletingPathExtension + "." + $0.rawValue }
        if let path, let problem = LessonFiles.writeProblem(path) { try LessonFiles.fail("cannot write \(path): \(problem)") }
        DataPreparation.prepare(forLessonAt: self.lesson)
        let session = NotebookSession(terminal: .current())
        session.interpreter.argv = ["kindling"]
        // A transcript (and its export) records each cell's output once: the
        // Learner prints its table rows, not a progress bar redrawn in place.
        TrainingOutput.isTerminal = { false }
        let options = ReplayOptions(keepGoing: keepGoing, echo: !(quiet && format != nil),
                                    renderer: TranscriptRenderer(style: TerminalStyle.detect()))
        let replayer = LessonReplayer(lesson: lesson, session: session, options: options) { text in
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        let outcome = replayer.run()
        if let format, let path {
            do {
                switch format {
                case .ipynb: try NotebookExporter.write(outcome.notebook, to: path)
                case .md: _ = try MarkdownExporter.write(outcome.notebook, to: path)
                }
            } catch {
                try LessonFiles.fail("cannot write \(path): \(LessonFiles.reason(error))")
            }
            FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
        }
        if !outcome.succeeded {
            FileHandle.standardError.write(Data((outcome.failureSummary + "\n").utf8))
            throw ExitCode(outcome.exitStatus)
        }
    }
}

/// `kindling step LESSON.py`: one cell at a time, with your own code in between.
struct StepLesson: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "step",
        abstract: "Step through a lesson cell by cell; type your own code between cells.")

    @ArgumentParser.Argument(help: "The lesson file (Jupytext percent format).") var lesson: String

    func run() throws {
        let lesson = try LessonFiles.load(self.lesson)
        DataPreparation.prepare(forLessonAt: self.lesson)
        let session = NotebookSession(terminal: .current())
        session.interpreter.argv = ["kindling"]
        TerminalForeground.takeIfShared()
        NotebookSession.installInterruptHandler()
        let step = StepSession(lesson: lesson, session: session,
                               renderer: TranscriptRenderer(style: TerminalStyle.detect())) { text in
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        var configuration = LineEditorConfiguration()
        configuration.completionProvider = REPL.completionProvider(for: session)
        let editor = LineEditor(configuration: configuration)
        session.lessonHandler = { _ in .failure(.usage("already stepping through a lesson; q leaves it")) }
        step.run(read: editor.stepInput)
    }
}

/// `kindling lessons`: the lessons with their titles.
struct ListLessons: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lessons", abstract: "List the lessons in Lessons/.")

    func run() throws {
        guard let dir = LessonFiles.directory() else {
            throw ValidationError("no Lessons/ folder found (set KINDLING_LESSONS)")
        }
        let files = (try FileManager.default.contentsOfDirectory(atPath: dir)).filter { $0.hasSuffix(".py") }.sorted()
        for name in files {
            let lesson = try? LessonFiles.load(dir + "/" + name)
            print("\(dir)/\(name)  \(lesson?.title ?? "")")
        }
    }
}

/// `kindling data`: prepare the CSV the lessons read.
struct PrepareData: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Prepare the digits the lessons read (MNIST_CSV, default ~/.cache/kindling/mnist/train.csv).",
        discussion: """
            Without options: the file MNIST_CSV names (or the default path) if it exists; else the
            IDX files in MNIST_IDX; else MNIST downloaded from a public mirror and checksummed; else,
            offline, Debian's Fashion-MNIST as a stand-in. --fashion converts Fashion-MNIST directly.
            """)

    @Flag(name: .long, help: "Convert Debian's Fashion-MNIST (dataset-fashion-mnist).") var fashion = false
    @Option(name: .long, help: "With --fashion: train or test.") var split = "train"
    @Option(name: .shortAndLong, help: "Where to write the CSV.") var output: String?

    func run() throws {
        do {
            if fashion {
                guard split == "train" || split == "t10k" || split == "test" else {
                    throw ValidationError("--split is train or test")
                }
                let prefix = split == "train" ? "train" : "t10k"
                let dir = MNISTSource().fashionDirectory
                let target = output ?? MNISTSource().cacheDirectory.appendingPathComponent("fashion-mnist/\(split).csv").path
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try MNISTCSVWriter.convert(imagesPath: "\(dir)/\(prefix)-images-idx3-ubyte.gz",
                                           labelsPath: "\(dir)/\(prefix)-labels-idx1-ubyte.gz", to: target)
                print(target)
                return
            }
            var source = MNISTSource()
            if let output { source.environment["MNIST_CSV"] = output }
            let resolution = try source.resolve()
            print(resolution.path)
        } catch let e as DataError {
            FileHandle.standardError.write(Data("\(e.pythonType): \(e.message)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// Finding and loading lesson files.
enum LessonFiles {
    static func load(_ path: String) throws -> Lesson {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("no such lesson: \(path)")
        }
        return try Lesson(contentsOf: path)
    }

    /// `$KINDLING_LESSONS`, ./Lessons, or Lessons/ beside the executable's package.
    static func directory() -> String? {
        let fm = FileManager.default
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["KINDLING_LESSONS"] { candidates.append(env) }
        candidates.append(fm.currentDirectoryPath + "/Lessons")
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("Lessons").path)
            dir = dir.deletingLastPathComponent()
        }
        return candidates.first { fm.fileExists(atPath: $0) }
    }

    /// Why `path` cannot be written, or nil (checked before the lesson runs, so a typo
    /// in `-o` does not cost a whole replay).
    static func writeProblem(_ path: String) -> String? {
        let fm = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return "it is a directory" }
            return fm.isWritableFile(atPath: path) ? nil : "permission denied"
        }
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "no such directory \(folder)"
        }
        return fm.isWritableFile(atPath: folder) ? nil : "permission denied"
    }

    /// A failed write's reason in a few words, not Foundation's error description.
    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let message = strerror(Int32(underlying.code)) {
            return String(cString: message)
        }
        return nsError.localizedFailureReason ?? "write failed"
    }

    /// One line on stderr (`kindling: ...`), exit status 1.
    static func fail(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data("kindling: \(message)\n".utf8))
        throw ExitCode(1)
    }

    /// `%lesson NAME`: a path, or NAME / NAME.py / a file starting with NAME in Lessons/.
    static func locate(_ name: String) -> String? {
        let fm = FileManager.default
        if fm.fileExists(atPath: name) { return name }
        guard let dir = directory(), !name.isEmpty else { return nil }
        for candidate in [name, name + ".py"] where fm.fileExists(atPath: dir + "/" + candidate) { return dir + "/" + candidate }
        let files = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".py") }.sorted()
        return files.first { $0.hasPrefix(name) }.map { dir + "/" + $0 }
    }
}
