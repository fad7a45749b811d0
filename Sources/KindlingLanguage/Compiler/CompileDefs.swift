extension Compiler {
    /// Saves the per-scope tables, runs `body` in another scope, restores them.
    func withScope<T>(_ s: ScopeInfo, qualified: String, function: String?, keepRenames: [String]? = nil,
                      _ body: () throws -> T) rethrows -> T {
        let saved = (scope, slotOf, cellOf, renameStack, qualifiedPrefix, functionName)
        enterScopeTables(s)
        if let params = keepRenames {
            renameStack.append(Dictionary(params.map { ($0, $0) }, uniquingKeysWith: { a, _ in a }))
        } else {
            renameStack = []
        }
        qualifiedPrefix = qualified
        functionName = function
        defer { (scope, slotOf, cellOf, renameStack, qualifiedPrefix, functionName) = saved }
        return try body()
    }

    /// Indices (in the current frame's cells) of a child scope's free variables.
    func closureSources(_ child: ScopeInfo) throws -> [Int] {
        try child.freeVars.map { n in
            guard let i = cellOf[n] else { throw PyException.make(.systemError, "free variable '\(n)' has no cell") }
            return i
        }
    }

    func compileFunction(name: String, parameters p: Parameters, key: ScopeKey, body: [Stmt], doc: String?) throws -> ExprCode {
        guard let child = analysis.scopes[key] else { throw PyException.make(.systemError, "no scope for function \(name)") }
        var defaultCodes: [(String, ExprCode)] = []
        for q in p.positionalOnly + p.positional + p.keywordOnly {
            if let d = q.defaultValue { defaultCodes.append((q.name, try compileExpr(d))) }
        }
        let qual = qualifiedPrefix + name
        let isLambda = key.tag == ScopeAnalysis.lambdaTag
        let bodyCode = try withScope(child, qualified: qual + ".<locals>.", function: name,
                                     keepRenames: isLambda ? p.allNames : nil) { try compileBlock(body) }
        let signature = Signature(positional: (p.positionalOnly + p.positional).map(\.name), keywordOnly: p.keywordOnly.map(\.name),
                                  varargs: p.varPositional?.name, varkw: p.varKeyword?.name)
        let cellParams: [Int?] = child.cellVars.map { n in child.parameters.contains(n) ? child.localOrder.firstIndex(of: n) : nil }
        let code = CodeObject(name: name, qualifiedName: qual, filename: filename, signature: signature,
                              slotCount: child.localOrder.count, cellParameterSlots: cellParams, freeCount: child.freeVars.count)
        code.body = child.isGenerator ? Compiler.generatorBody(bodyCode, name: name, qualifiedName: qual, filename: filename) : bodyCode
        code.doc = doc
        let sources = try closureSources(child)
        return { f in
            var defaults: [String: Value] = [:]
            for (n, c) in defaultCodes { defaults[n] = try c(f) }
            let closure = sources.map { f.cells[$0] }
            return .object(PyFunction(code: code, globals: f.globals, builtins: f.builtins, defaults: defaults, closure: closure))
        }
    }

    func compileClass(_ def: ClassDef, _ range: SourceRange) throws -> StmtCode {
        guard let child = analysis.scopes[ScopeKey(range: range, tag: ScopeAnalysis.classTag)] else {
            throw PyException.make(.systemError, "no scope for class \(def.name)")
        }
        if let k = def.keywords.first {
            throw PyException.make(.notImplementedError, "class keyword '\(k.name)=' is not supported by Kindling")
        }
        let bases = try def.bases.map(compileExpr)
        let qual = qualifiedPrefix + def.name
        let bodyCode = try withScope(child, qualified: qual + ".", function: nil) { try compileBlock(def.body) }
        let code = CodeObject(name: def.name, qualifiedName: qual, filename: filename, signature: Signature(positional: []),
                              slotCount: child.localOrder.count, cellParameterSlots: child.cellVars.map { _ in nil },
                              freeCount: child.freeVars.count)
        code.body = bodyCode
        let sources = try closureSources(child)
        let name = def.name
        let filename = self.filename
        let make: ExprCode = { f in
            var baseClasses: [PyClass] = []
            for b in bases {
                let v = try b(f)
                guard let c = v.as(PyClass.self) else {
                    throw PyException.make(.typeError, "bases must be types, not \(v.typeName)")
                }
                if [Builtins.int, Builtins.float, Builtins.str, Builtins.list, Builtins.dict, Builtins.tuple, Builtins.set,
                    Builtins.bool, Builtins.range, Builtins.function].contains(where: { $0 === c }) {
                    throw PyException.make(.notImplementedError, "subclassing '\(c.name)' is not supported by Kindling")
                }
                baseClasses.append(c)
            }
            let frame = Frame(code: code, globals: f.globals, builtins: f.builtins)
            frame.cells = child.cellVars.map { _ in Cell() } + sources.map { f.cells[$0] }
            let ns = AttributeDict()
            frame.classNamespace = ns
            let moduleName: String
            if case .str(let m)? = f.globals.get("__name__") { moduleName = m } else { moduleName = "__main__" }
            ns["__module__"] = .str(moduleName)
            ns["__qualname__"] = .str(qual)
            if let d = def.docstring { ns["__doc__"] = .str(d) }
            let stackSlot = FrameStack.slot(Interrupts.depth)
            let savedFrame = stackSlot?.pointee
            stackSlot?.pointee = Unmanaged.passUnretained(frame)
            defer { stackSlot?.pointee = savedFrame }
            do { _ = try bodyCode(frame) } catch let e as PyException {
                e.exception.traceback.append(TraceEntry(filename: filename, line: e.pendingLine ?? 0, function: name))
                e.pendingLine = nil
                throw e
            }
            let cls = try PyClass(name: name, bases: baseClasses.isEmpty ? [Builtins.object] : baseClasses,
                                  module: moduleName, native: false)
            for (k, v) in ns.items where k != "__module__" && k != "__qualname__" {
                cls.setAttribute(k, v)
                Compiler.adopt(v, by: cls)
            }
            // Like CPython: defining __eq__ without __hash__ makes instances unhashable.
            if ns["__eq__"] != nil && ns["__hash__"] == nil { cls.setAttribute("__hash__", Value.none) }
            if let hooks = cls.classHooks { _ = try Runtime.callMethod(.object(hooks), "created", [.object(cls)]) }
            return .object(cls)
        }
        return try compileDecorated(make, def.decorators, store: compileStoreName(def.name))
    }

    /// Records the defining class on methods (for `super()`).
    static func adopt(_ v: Value, by cls: PyClass) {
        guard case .object(let o) = v else { return }
        if let fn = o as? PyFunction { fn.definingClass = cls }
        if let w = o as? MethodWrapper { adopt(w.function, by: cls) }
        if let p = o as? PyProperty { if let g = p.getter { adopt(g, by: cls) }; if let s = p.setter { adopt(s, by: cls) } }
    }
}
