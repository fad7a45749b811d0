/// Where a name lives, decided at compile time.
enum NameAccess {
    case fast(Int)
    case cell(Int)
    case global(GlobalCell, builtin: GlobalCell)
    /// Class body: the class namespace first, then the fallback.
    indirect case classBody(String, fallback: NameAccess)
}

/// Compiles an AST into closures ("closure compilation"): each node becomes a Swift closure taking
/// the frame; names are resolved to slots, cells or global cells before anything runs.
final class Compiler {
    let analysis: ScopeAnalysis
    let filename: String
    let globals: Namespace
    let builtins: Namespace
    var scope: ScopeInfo
    var slotOf: [String: Int] = [:]
    var cellOf: [String: Int] = [:]
    var renameStack: [[String: String]] = []
    var qualifiedPrefix = ""
    /// The name of the function being compiled (for `super()` and tracebacks), nil at module level.
    var functionName: String?
    var inClassBody: Bool { scope.kind == .classBody }
    /// Imports a module by dotted name (the interpreter's module registry).
    let importer: (String) throws -> PyModule

    init(analysis: ScopeAnalysis, module: ScopeInfo, filename: String, globals: Namespace, builtins: Namespace,
         importer: @escaping (String) throws -> PyModule) {
        self.analysis = analysis
        self.importer = importer
        self.filename = filename
        self.globals = globals
        self.builtins = builtins
        self.scope = module
        enterScopeTables(module)
    }

    /// Sets the slot and cell tables for a scope.
    func enterScopeTables(_ s: ScopeInfo) {
        scope = s
        slotOf = [:]
        for (i, n) in s.localOrder.enumerated() { slotOf[n] = i }
        cellOf = [:]
        for (i, n) in s.cellVars.enumerated() { cellOf[n] = i }
        for (i, n) in s.freeVars.enumerated() where cellOf[n] == nil { cellOf[n] = s.cellVars.count + i }
    }

    func rename(_ n: String) -> String {
        for map in renameStack.reversed() { if let r = map[n] { return r } }
        return n
    }

    func resolve(_ name: String) -> NameAccess {
        let n = rename(name)
        let global = NameAccess.global(globals.cell(n), builtin: builtins.cell(n))
        if scope.declaredGlobal.contains(n) { return global }
        switch scope.kind {
        case .function:
            if let c = cellOf[n] { return .cell(c) }
            if let s = slotOf[n] { return .fast(s) }
            return global
        case .module:
            if let c = cellOf[n] { return .cell(c) }
            if let s = slotOf[n] { return .fast(s) }
            return global
        case .classBody:
            if n.contains("@") {
                if let c = cellOf[n] { return .cell(c) }
                if let s = slotOf[n] { return .fast(s) }
            }
            if !scope.bound.contains(n), let c = cellOf[n] { return .classBody(n, fallback: .cell(c)) }
            return .classBody(n, fallback: global)
        }
    }

    /// Names visible for NameError suggestions (locals, then globals, then builtins).
    /// Static: compiled code outlives the compiler (a function defined in one
    /// cell or REPL input raises from a later one), so it must not capture it.
    static func nameError(_ name: String, locals: [String], globals: Namespace, builtins: Namespace) -> PyException {
        if let module = globals.refusedNames[name] {
            return PyException.make(.nameError, "name '\(name)' is not defined (\(module).\(name) is not supported by Kindling)")
        }
        let e = PyException.make(.nameError, "name '\(name)' is not defined")
        let visibleLocals = locals.filter { !$0.contains("@") }
        e.exception.suggestion = Suggestions.closest(to: name, among: visibleLocals)
            ?? Suggestions.closest(to: name, among: globals.names)
            ?? Suggestions.closest(to: name, among: builtins.names)
        return e
    }

    // MARK: - Loading and storing names

    func compileLoad(_ name: String) -> ExprCode {
        compileLoad(name, resolve(name))
    }

    func compileLoad(_ name: String, _ access: NameAccess) -> ExprCode {
        switch access {
        case .fast(let s):
            return { f in
                if let v = f.slots[s] { return v }
                throw PyException.make(.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
            }
        case .cell(let c):
            return { f in
                if let v = f.cells[c].value { return v }
                throw PyException.make(.nameError, "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
            }
        case .global(let cell, let builtin):
            let locals = scope.kind == .function ? scope.localOrder : []
            let g = globals, b = builtins
            let makeError = { Compiler.nameError(name, locals: locals, globals: g, builtins: b) }
            return { _ in
                if let v = cell.value { return v }
                if let v = builtin.value { return v }
                if !g.lazyNames.isEmpty, let v = g.resolveLazy(name) { return v }
                throw makeError()
            }
        case .classBody(let n, let fallback):
            let next = compileLoad(name, fallback)
            return { f in
                if let ns = f.classNamespace, let v = ns[n] { return v }
                return try next(f)
            }
        }
    }

    /// A closure storing a value into a name.
    func compileStoreName(_ name: String) -> (Frame, Value) throws -> Void {
        switch resolve(name) {
        case .fast(let s): return { f, v in f.slots[s] = v }
        case .cell(let c): return { f, v in f.cells[c].value = v }
        case .global(let cell, _): return { _, v in cell.value = v }
        case .classBody(let n, _): return { f, v in f.classNamespace?[n] = v }
        }
    }

    func compileDeleteName(_ name: String) -> StmtCode {
        let access = resolve(name)
        let g = globals, b = builtins
        let locals = scope.localOrder
        switch access {
        case .fast(let s):
            return { f in
                if f.slots[s] == nil { throw PyException.make(.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value") }
                f.slots[s] = nil
                return .normal
            }
        case .cell(let c): return { f in f.cells[c].value = nil; return .normal }
        case .global(let cell, _):
            return { _ in
                if cell.value == nil { throw Compiler.nameError(name, locals: locals, globals: g, builtins: b) }
                cell.value = nil
                return .normal
            }
        case .classBody(let n, _):
            return { f in
                guard f.classNamespace?[n] != nil else { throw PyException.make(.nameError, "name '\(name)' is not defined") }
                f.classNamespace?[n] = nil
                return .normal
            }
        }
    }

    // MARK: - Blocks

    /// A block of statements; an exception records the line of the statement it came from.
    func compileBlock(_ stmts: [Stmt]) throws -> StmtCode {
        let lines = stmts.map { $0.range.line }
        // Closures are compiled into locals (not read back from an array) so calls need no reabstraction thunk.
        switch stmts.count {
        case 0: return { _ in .normal }
        case 1:
            let s0 = try compileStatement(stmts[0]), l0 = lines[0]
            return { f in
                f.line = l0
                do { return try s0(f) } catch { throw Compiler.annotate(error, l0) }
            }
        case 2:
            let s0 = try compileStatement(stmts[0]), s1 = try compileStatement(stmts[1]), l0 = lines[0], l1 = lines[1]
            return { f in
                var line = l0
                do {
                    f.line = l0
                    let c = try s0(f)
                    if c != .normal { return c }
                    line = l1
                    f.line = l1
                    return try s1(f)
                } catch { throw Compiler.annotate(error, line) }
            }
        default:
            let codes = try stmts.map { try compileStatement($0) }
            return { f in
                var i = 0
                do {
                    while i < codes.count {
                        f.line = lines[i]
                        let c = try codes[i](f)
                        if c != .normal { return c }
                        i += 1
                    }
                    return .normal
                } catch { throw Compiler.annotate(error, lines[i]) }
            }
        }
    }

    /// Converts any error to a PyException and records the innermost line.
    static func annotate(_ error: Error, _ line: Int) -> PyException {
        let e = PyException.wrap(error)
        if e.pendingLine == nil { e.pendingLine = line }
        return e
    }
}
