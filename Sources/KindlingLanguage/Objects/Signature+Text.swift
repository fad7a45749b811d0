extension Signature {
    /// The parameter list as `inspect.signature` prints it: `(tensors, dim=0, *, out=None, **kwargs)`.
    /// `defaults` are the values to show (a user function's own; natives keep theirs here).
    public func text(defaults: [String: Value]? = nil) -> String {
        let shown = defaults ?? self.defaults
        func parameter(_ name: String) -> String {
            guard let value = shown[name] else { return name }
            return name + "=" + ((try? Runtime.repr(value)) ?? "...")
        }
        var parts = names.prefix(positionalCount).map(parameter)
        if let varargsName { parts.append("*" + varargsName) } else if keywordOnlyCount > 0 { parts.append("*") }
        parts += names.dropFirst(positionalCount).map(parameter)
        if let varkwName { parts.append("**" + varkwName) }
        return "(" + parts.joined(separator: ", ") + ")"
    }

    /// Every name a caller may pass as `name=` (not `self`, not `*args`/`**kwargs`).
    public var keywordNames: [String] { names.filter { $0 != "self" } }
}
