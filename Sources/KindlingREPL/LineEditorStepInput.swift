import KindlingNotebook

extension LineEditor {
    /// One read for `StepSession.run(read:)` (`kindling step`); lines go to the history.
    ///
    ///     session.run(read: editor.stepInput)
    public func stepInput(prompt: String) -> StepInput {
        switch readLine(prompt: prompt) {
        case let .line(line):
            addHistory(line)
            return .line(line)
        case .interrupted:
            return .interrupted
        case .endOfInput:
            return .endOfInput
        }
    }
}
