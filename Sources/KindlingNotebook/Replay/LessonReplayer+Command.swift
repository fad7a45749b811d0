import Foundation

extension LessonReplayer {
    /// Everything `kindling run LESSON.py [--keep-going] [--to FORMAT -o OUT]` does:
    /// reads the lesson, replays it (transcript to `write` when `options.echo`), then
    /// writes the executed notebook when `export` is given, also after a failure (the
    /// cells that did not run are left without outputs). Returns the outcome; its
    /// `exitStatus` is the process's. Throws when the lesson cannot be read or the
    /// export cannot be written.
    ///
    ///     let outcome = try LessonReplayer.replay(lessonAt: path, session: session,
    ///                                             options: ReplayOptions(keepGoing: keepGoing,
    ///                                                 renderer: TranscriptRenderer(style: .detect())),
    ///                                             export: (.ipynb, "out.ipynb")) { print($0, terminator: "") }
    public static func replay(lessonAt path: String, session: NotebookSession, options: ReplayOptions = ReplayOptions(),
                              export: (format: ExportFormat, path: String)? = nil,
                              write: @escaping (String) -> Void) throws -> ReplayOutcome {
        let lesson = try Lesson(contentsOf: path)
        let outcome = LessonReplayer(lesson: lesson, session: session, options: options, write: write).run()
        if let export {
            try export.format.write(outcome.notebook, to: export.path)
        }
        return outcome
    }
}
