import Foundation
import KindlingLanguage

/// A completion answer in Jupyter's shape: the matches replace the text from
/// `start` to `end` (offsets in Unicode scalars, as the protocol counts them).
public struct CompletionReply: Equatable, Sendable {
    public var matches: [String]
    public var start: Int
    public var end: Int
}

extension NotebookSession {
    /// Completes at `cursor` (a Unicode-scalar offset into `code`): names and
    /// attributes of live objects (looked up without running code), `name=` for the
    /// parameters of the function being called (Python and native functions alike),
    /// magic names after `%`, and file names inside a string literal.
    public func complete(_ code: String, cursor: Int) -> CompletionReply {
        let scalars = Array(code.unicodeScalars)
        let end = min(max(0, cursor), scalars.count)
        var before = String(String.UnicodeScalarView(scalars[..<end]))
        // Only the current line matters.
        if let newline = before.lastIndex(of: "\n") { before = String(before[before.index(after: newline)...]) }
        func reply(_ matches: [String], replacing typed: String) -> CompletionReply {
            var seen = Set<String>()
            let unique = matches.filter { seen.insert($0).inserted }
            return CompletionReply(matches: unique, start: end - typed.unicodeScalars.count, end: end)
        }
        if let quote = SessionCompletionText.openStringQuote(before) {
            let typed = String(before[before.index(after: quote)...])
            let word = String(typed.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
            return reply(SessionCompletionText.paths(typed: typed, word: word), replacing: word)
        }
        let trimmed = before.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("%") && !trimmed.contains(" ") {
            let typed = trimmed.drop { $0 == "%" }
            let percents = String(trimmed.prefix { $0 == "%" })
            return reply(NotebookSession.magicNames.filter { $0.hasPrefix(typed) }.map { percents + $0 }, replacing: trimmed)
        }
        if let command = ["%run ", "%load ", "%lesson "].first(where: { trimmed.hasPrefix($0) }) {
            let typed = String(trimmed.dropFirst(command.count)).trimmingCharacters(in: .whitespaces)
            let word = String(typed.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
            return reply(SessionCompletionText.paths(typed: typed, word: word), replacing: word)
        }
        let dotted = SessionCompletionText.dottedName(before)
        var matches = interpreter.completions(for: before)
        if !dotted.contains(".") {
            matches = keywordArguments(before: before, word: dotted) + matches
        }
        return reply(matches, replacing: dotted)
    }

    /// `f(a, ke` -> `key=` from the signature of the function being called.
    func keywordArguments(before: String, word: String) -> [String] {
        guard let callee = SessionCompletionText.openCallee(before),
              let value = try? lookup(dottedName: callee) else { return [] }
        return parameterNames(of: value).filter { $0.hasPrefix(word) }.map { $0 + "=" }
    }

    /// The keyword parameters of a callable (a class: its `__init__`'s).
    func parameterNames(of value: Value) -> [String] {
        if let function = value.as(PyFunction.self) { return function.signature.keywordNames }
        if let function = value.as(NativeFunction.self) { return function.signature?.keywordNames ?? [] }
        if let bound = value.as(BoundMethod.self) { return parameterNames(of: bound.function) }
        if let cls = value.as(PyClass.self), let initializer = cls.lookup("__init__") { return parameterNames(of: initializer) }
        return []
    }

    /// A dotted name's value, reading namespaces and attributes only (nothing is called
    /// except property getters, as `getattr` would). Nil when a part is missing.
    func lookup(dottedName: String) throws -> Value? {
        let parts = dottedName.split(separator: ".").map(String.init)
        guard let head = parts.first,
              var value = interpreter.getGlobal(head) ?? interpreter.builtinsModule.namespace.get(head) else { return nil }
        for part in parts.dropFirst() {
            guard let next = try Runtime.lookupAttribute(value, part) else { return nil }
            value = next
        }
        return value
    }
}

/// Reading the text before the cursor.
enum SessionCompletionText {
    /// The dotted name that ends the text (`torch.ze` in `x = torch.ze`).
    static func dottedName(_ text: String) -> String {
        String(text.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }.reversed())
    }

    /// The index of the quote that opens an unterminated string literal before the cursor.
    static func openStringQuote(_ text: String) -> String.Index? {
        var open: (String.Index, Character)?
        var index = text.startIndex
        var escaped = false
        while index < text.endIndex {
            let ch = text[index]
            if let (_, quote) = open {
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == quote { open = nil }
            } else if ch == "#" {
                return nil
            } else if ch == "'" || ch == "\"" {
                open = (index, ch)
            }
            index = text.index(after: index)
        }
        return open?.0
    }

    /// Files and folders matching the path typed so far, as last path components.
    static func paths(typed: String, word: String) -> [String] {
        let expanded = (typed as NSString).expandingTildeInPath
        let directory: String
        if expanded.hasSuffix("/") { directory = expanded } else {
            let parent = (expanded as NSString).deletingLastPathComponent
            directory = parent.isEmpty ? "." : parent
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasPrefix(word) && (word.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory)
            return isDirectory.boolValue ? name + "/" : name
        }
    }

    /// The dotted name before the innermost unclosed `(`.
    static func openCallee(_ text: String) -> String? {
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            let ch = text[index]
            if ch == ")" || ch == "]" || ch == "}" { depth += 1 }
            if ch == "[" || ch == "{" { if depth == 0 { return nil } else { depth -= 1 } }
            if ch == "(" {
                if depth == 0 {
                    let name = dottedName(String(text[..<index]))
                    return name.isEmpty ? nil : name
                }
                depth -= 1
            }
        }
        return nil
    }
}
