import Foundation
import KindlingLanguage

/// Tab completion for the REPL: names and attributes of live objects (looked up in
/// namespaces and class dictionaries only, so nothing runs), keyword arguments of the
/// function being called, magic names, and file paths inside string literals.
struct REPLCompletion {
    let interpreter: Interpreter
    let signatures: DefinedSignatures

    static let magicNames = ["time", "timeit", "whos", "inspect", "graph", "run", "load", "history", "reset", "lesson", "help"]

    func complete(_ request: CompletionRequest) -> [String] {
        let before = request.textBeforeCursor
        if let quote = REPLCompletion.openStringQuote(before) {
            return paths(typed: String(before[before.index(after: quote)...]), word: request.word)
        }
        let trimmed = before.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("%") && !trimmed.contains(" ") {
            let typed = trimmed.drop { $0 == "%" }
            return REPLCompletion.magicNames.filter { $0.hasPrefix(typed) }
        }
        if trimmed.hasPrefix("%run ") || trimmed.hasPrefix("%load ") || trimmed.hasPrefix("%lesson ") {
            let typed = String(trimmed.drop { $0 != " " }.dropFirst()).trimmingCharacters(in: .whitespaces)
            return paths(typed: typed, word: request.word)
        }
        var matches = interpreter.completions(for: before).filter { $0.hasPrefix(request.word) }
        if !request.word.contains(".") { matches += keywordArguments(before: before, word: request.word) }
        return matches
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

    /// Files and folders matching the path typed so far; readline's word is its last
    /// component ('/' breaks words), so matches are last components too.
    func paths(typed: String, word: String) -> [String] {
        let expanded = (typed as NSString).expandingTildeInPath
        let directory: String
        if expanded.hasSuffix("/") { directory = expanded } else {
            let parent = (expanded as NSString).deletingLastPathComponent
            directory = parent.isEmpty ? "." : parent
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasPrefix(word) && (word.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory)
            return isDirectory.boolValue ? name + "/" : name
        }
    }

    /// `f(a, ke` -> `key=` for functions whose `def` was typed in this session
    /// (the language does not expose signatures yet, so they are read from the source).
    func keywordArguments(before: String, word: String) -> [String] {
        guard let callee = REPLCompletion.openCallee(before) else { return [] }
        let name = String(callee.split(separator: ".").last ?? "")
        return (signatures.parameters[name] ?? []).filter { $0.hasPrefix(word) }.map { $0 + "=" }
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
                    var start = index
                    while start > text.startIndex {
                        let previous = text[text.index(before: start)]
                        guard previous.isLetter || previous.isNumber || previous == "_" || previous == "." else { break }
                        start = text.index(before: start)
                    }
                    let name = String(text[start..<index])
                    return name.isEmpty ? nil : name
                }
                depth -= 1
            }
        }
        return nil
    }
}

/// Parameter names of the functions defined in the session, read from `def` lines.
public final class DefinedSignatures {
    public private(set) var parameters: [String: [String]] = [:]

    public init() {}

    /// Records every `def name(params):` in `source` (the last definition wins).
    public func record(_ source: String) {
        var rest = Substring(source)
        while let def = rest.range(of: "def ") {
            rest = rest[def.upperBound...]
            guard let open = rest.firstIndex(of: "(") else { return }
            let name = rest[..<open].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { continue }
            var depth = 0
            var current = ""
            var names: [String] = []
            var index = rest.index(after: open)
            while index < rest.endIndex {
                let ch = rest[index]
                if ch == "(" || ch == "[" || ch == "{" { depth += 1 }
                if ch == ")" || ch == "]" || ch == "}" {
                    if depth == 0 { break }
                    depth -= 1
                }
                if ch == "," && depth == 0 { names.append(current); current = "" } else { current.append(ch) }
                index = rest.index(after: index)
            }
            names.append(current)
            parameters[name] = names.compactMap { part in
                let head = part.split(whereSeparator: { $0 == "=" || $0 == ":" }).first.map(String.init) ?? ""
                let trimmed = head.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty, !trimmed.hasPrefix("*"), trimmed != "/", trimmed != "self" else { return nil }
                return trimmed
            }
            rest = rest[index...]
        }
    }
}
