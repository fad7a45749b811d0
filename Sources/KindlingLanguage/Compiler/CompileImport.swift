extension Compiler {
    func compileImport(_ aliases: [ImportAlias]) throws -> StmtCode {
        let importer = self.importer
        let steps: [(String, Bool, (Frame, Value) throws -> Void)] = aliases.map { a in
            (a.name, a.asName != nil, compileStoreName(a.boundName))
        }
        return { f in
            for (name, hasAlias, store) in steps {
                let module = try importer(name)
                if hasAlias || !name.contains(".") {
                    try store(f, .object(module))
                } else {
                    let top = String(name.split(separator: ".").first ?? Substring(name))
                    try store(f, .object(try importer(top)))
                }
            }
            return .normal
        }
    }

    func compileImportFrom(_ moduleName: String, _ names: [ImportAlias]) throws -> StmtCode {
        let importer = self.importer
        let steps = names.map { a in (a.name, compileStoreName(a.asName ?? a.name)) }
        return { f in
            let moduleName = try Compiler.absoluteModuleName(moduleName, globals: f.globals)
            let module = try importer(moduleName)
            for (name, store) in steps {
                if let v = module.namespace.get(name) { try store(f, v); continue }
                if let sub = try? importer(moduleName + "." + name) { try store(f, .object(sub)); continue }
                if module.isPartialLibrary || module.isNative {
                    throw PyException.make(.importError, "cannot import name '\(name)' from '\(moduleName)' (\(moduleName).\(name) is not supported by Kindling)")
                }
                throw PyException.make(.importError, "cannot import name '\(name)' from '\(moduleName)' (unknown location)")
            }
            return .normal
        }
    }

    func compileImportStar(_ moduleName: String) throws -> StmtCode {
        guard scope.kind == .module else {
            throw PyException.make(.syntaxError, "import * only allowed at module level")
        }
        let importer = self.importer
        return { f in
            let moduleName = try Compiler.absoluteModuleName(moduleName, globals: f.globals)
            let module = try importer(moduleName)
            var names: [String]
            if let all = module.namespace.get("__all__") {
                names = try Runtime.iterateToArray(all).map { try $0.asString() }
            } else {
                names = module.namespace.names.filter { !$0.hasPrefix("_") }
            }
            for n in names {
                guard let v = module.namespace.get(n) else {
                    throw PyException.make(.attributeError, "module '\(moduleName)' has no attribute '\(n)'")
                }
                f.globals.set(n, v)
            }
            for (n, make) in module.namespace.lazyNames where !n.hasPrefix("_") && !f.globals.contains(n) {
                f.globals.lazyNames[n] = make
            }
            for n in module.realStarNames where !module.namespace.contains(n) && !f.globals.contains(n) {
                f.globals.refusedNames[n] = moduleName
            }
            return .normal
        }
    }

    /// The absolute name of a relative import (`.mod`, `..`, `.`) made from a module whose
    /// `__package__` is in `globals`, as CPython's `importlib._bootstrap._resolve_name` does;
    /// an absolute name is returned unchanged.
    static func absoluteModuleName(_ name: String, globals: Namespace) throws -> String {
        guard name.hasPrefix(".") else { return name }
        let level = name.prefix(while: { $0 == "." }).count
        let rest = name.dropFirst(level)
        guard case .str(let package)? = globals.get("__package__"), !package.isEmpty else {
            throw PyException.make(.importError, "attempted relative import with no known parent package")
        }
        var parts = package.split(separator: ".").map(String.init)
        guard level - 1 < parts.count else {
            throw PyException.make(.importError, "attempted relative import beyond top-level package")
        }
        parts.removeLast(level - 1)
        return parts.joined(separator: ".") + (rest.isEmpty ? "" : "." + rest)
    }
}
