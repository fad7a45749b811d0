import Foundation

/// `import mymod` of a `mymod.py` (or a `mymod/__init__.py` package) found on the search path,
/// as CPython does: `sys.path[0]` is the running script's folder ('' — the current folder — for
/// the REPL, notebooks and `-c`), followed by whatever the program appended to `sys.path`.
extension Interpreter {
    /// The folders searched for source modules, in order.
    var sourceSearchPath: [String] {
        var dirs: [String] = []
        if let sys = modules["sys"], let list = sys["path"]?.as(PyList.self) {
            for case .str(let s) in list.items { dirs.append(s) }
        } else {
            dirs.append(scriptDirectory ?? "")
        }
        return dirs.map { $0.isEmpty ? FileManager.default.currentDirectoryPath : $0 }
    }

    /// Finds and runs the source file of `name` (dotted names inside source packages too);
    /// nil when there is no such file.
    func loadSourceModule(_ name: String, parent: PyModule?) throws -> PyModule? {
        let parts = name.split(separator: ".").map(String.init)
        guard let last = parts.last else { return nil }
        let dirs: [String]
        if let p = parent {
            guard case .str(let pkgFile)? = p["__file__"], pkgFile.hasSuffix("/__init__.py") else { return nil }
            dirs = [(pkgFile as NSString).deletingLastPathComponent]
        } else {
            dirs = sourceSearchPath
        }
        let fm = FileManager.default
        for dir in dirs {
            let file = (dir as NSString).appendingPathComponent(last + ".py")
            let package = ((dir as NSString).appendingPathComponent(last) as NSString).appendingPathComponent("__init__.py")
            for candidate in [package, file] where fm.fileExists(atPath: candidate) {
                return try runSourceModule(name, path: candidate)
            }
        }
        return nil
    }

    /// Runs a module's file in a fresh namespace; the module is registered before its code runs
    /// (so circular imports see the partly initialised module, as in CPython) and removed again
    /// when its code raises.
    private func runSourceModule(_ name: String, path: String) throws -> PyModule {
        guard let data = FileManager.default.contents(atPath: path), let source = String(data: data, encoding: .utf8) else {
            throw PyException.make(.importError, "cannot read the source of module '\(name)' at \(path)")
        }
        let m = PyModule(name: name)
        m["__file__"] = .str(path)
        // A package is its own `__package__`; a plain module's is its parent's name (relative imports start there).
        let isPackage = path.hasSuffix("/__init__.py")
        m["__package__"] = .str(isPackage ? name : name.split(separator: ".").dropLast().joined(separator: "."))
        m["__builtins__"] = .object(builtinsModule)
        setModule(name, m)
        do {
            try onBigStack { try self.execute(source: source, filename: path, in: m) }
        } catch {
            setModule(name, nil)
            throw error
        }
        return m
    }

    /// Parses, compiles and runs `source` with `module`'s namespace as its globals.
    func execute(source: String, filename: String, in module: PyModule) throws {
        sources.register(source, filename: filename)
        let parsed: Module
        do { parsed = try parseModule(source: source, filename: filename) } catch { throw PyException.wrap(error) }
        let analysis = ScopeAnalysis()
        let scope = analysis.analyzeModule(parsed.body)
        if let e = analysis.errors.first { throw e }
        let compiler = Compiler(analysis: analysis, module: scope, filename: filename, globals: module.namespace,
                                builtins: builtinsModule.namespace, importer: { [unowned self] in try self.importModule($0) })
        let code = CodeObject(name: "<module>", qualifiedName: "<module>", filename: filename, signature: Signature(positional: []),
                              slotCount: scope.localOrder.count, cellParameterSlots: scope.cellVars.map { _ in nil }, freeCount: 0)
        code.body = try compiler.compileBlock(parsed.body)
        let frame = Frame(code: code, globals: module.namespace, builtins: builtinsModule.namespace)
        frame.cells = scope.cellVars.map { _ in Cell() }
        _ = try runModuleBody(filename: filename, frame: frame) { try code.body(frame) }
    }
}
