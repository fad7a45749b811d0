import KindlingLanguage

extension NotebookSession {
    /// The language's completeness check, with the indent for the next line (four
    /// spaces more after a line ending in `:`, else the last line's).
    /// Lines joined with `\n` whose last line is blank end an open block, as at a prompt.
    public func isComplete(_ code: String) -> InputStatus {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        let endsWithBlankLine = lines.count > 1 && (lines.last?.allSatisfy { $0 == " " || $0 == "\t" } ?? false)
        switch isCompleteInput(endsWithBlankLine ? code + "\n" : code) {
        case .complete: return .complete
        case .invalid: return .invalid
        case .incomplete:
            let lastLine = code.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
            var indent = String(lastLine.prefix { $0 == " " || $0 == "\t" })
            if lastLine.trimmingCharacters(in: .whitespaces).hasSuffix(":") { indent += "    " }
            return .incomplete(indent: indent)
        }
    }

    /// What `name?` shows for the name at `cursor` (a Unicode-scalar offset), or for
    /// the function being called there; nil when nothing by that name exists.
    public func inspect(_ code: String, cursor: Int, detailLevel: Int = 0) -> MimeBundle? {
        let scalars = Array(code.unicodeScalars)
        let end = min(max(0, cursor), scalars.count)
        var after = String(String.UnicodeScalarView(scalars[end...]))
        after = String(after.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        let before = String(String.UnicodeScalarView(scalars[..<end]))
        var name = SessionCompletionText.dottedName(before) + after
        if name.isEmpty || name.hasSuffix(".") { name = SessionCompletionText.openCallee(before) ?? "" }
        guard !name.isEmpty, let value = try? lookup(dottedName: name) else { return nil }
        return MimeBundle(plain: ObjectInspector(session: self).describe(value, expression: name, detail: detailLevel))
    }
}
