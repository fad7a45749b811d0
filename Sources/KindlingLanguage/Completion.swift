extension Interpreter {
    static let keywords = ["False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
                           "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
                           "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with"]

    /// Completions for the dotted name at the end of `text` ("torch.nn.Li" -> "torch.nn.Linear", ...).
    /// Walks names through namespaces and attribute dictionaries only: nothing is called, so no
    /// property getter or `__getattr__` runs.
    public func completions(for text: String) -> [String] {
        var start = text.endIndex
        while start > text.startIndex {
            let p = text.index(before: start)
            let ch = text[p]
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "." { start = p } else { break }
        }
        let word = String(text[start...])
        let parts = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let last = parts.last else { return [] }
        if parts.count == 1 {
            var names = Set(mainModule.namespace.names)
            names.formUnion(builtinsModule.namespace.names)
            names.formUnion(Interpreter.keywords)
            return names.filter { $0.hasPrefix(last) }.sorted()
        }
        guard var value = mainModule.namespace.get(parts[0]) ?? builtinsModule.namespace.get(parts[0]) else { return [] }
        for name in parts.dropFirst().dropLast() {
            guard let next = Interpreter.staticAttribute(value, name) else { return [] }
            value = next
        }
        let prefix = parts.dropLast().joined(separator: ".") + "."
        let candidates = Runtime.directory(value).filter { $0.hasPrefix(last) && (last.hasPrefix("_") || !$0.hasPrefix("_")) }
        return candidates.map { prefix + $0 }
    }

    /// An attribute found without running code (module namespace, instance dict, class dicts).
    static func staticAttribute(_ v: Value, _ name: String) -> Value? {
        if case .object(let o) = v {
            if let m = o as? PyModule { return m.namespace.get(name) }
            if let attrs = o.attributes, let r = attrs[name] { return r }
            if let c = o as? PyClass { for k in c.mro { if let r = k.dict[name] { return r } }; return nil }
        }
        for k in v.pyClass.mro {
            if let r = k.dict[name] {
                if case .object(let o) = r, o is PyProperty { return nil }
                return r
            }
        }
        return nil
    }
}
