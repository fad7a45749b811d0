/// Identifies a scope-creating node (def, lambda, class, comprehension) by its source range.
struct ScopeKey: Hashable {
    let range: SourceRange
    let tag: Int
}

/// What the analysis learned about one scope (module, class body or function).
final class ScopeInfo {
    enum Kind { case module, function, classBody }
    let kind: Kind
    weak var parent: ScopeInfo?
    var bound = Set<String>()
    var parameters: [String] = []
    var declaredGlobal = Set<String>()
    var declaredNonlocal = Set<String>()
    var uses = Set<String>()
    var children: [ScopeInfo] = []
    /// Own locals captured by inner functions (stored in cells).
    var cellVars: [String] = []
    /// Names taken from enclosing function scopes, in a fixed order.
    var freeVars: [String] = []
    /// Names bound in a function: parameters first, then the rest sorted (fast-local slots).
    var localOrder: [String] = []
    /// True for a function whose body contains `yield` (calling it makes a generator).
    var isGenerator = false

    init(_ kind: Kind, parent: ScopeInfo?) { self.kind = kind; self.parent = parent }

    /// True if the name is a local variable of this function scope.
    func isLocal(_ n: String) -> Bool {
        kind == .function && (bound.contains(n) || parameters.contains(n)) && !declaredGlobal.contains(n) && !declaredNonlocal.contains(n)
    }
}

/// Finds every scope's bindings, then which variables live in cells (closures) and which are free.
/// Comprehension variables are renamed to hidden locals of the scope that runs them ("x@3").
final class ScopeAnalysis {
    var scopes: [ScopeKey: ScopeInfo] = [:]
    var renames: [ScopeKey: [String: String]] = [:]
    private var renameStack: [[String: String]] = []
    private var counter = 0
    /// Comprehensions being walked in the current function, innermost last (a `yield` there is a
    /// SyntaxError naming the innermost kind).
    private var comprehensionKinds: [String] = []
    var errors: [PyException] = []

    static let functionTag = 0, lambdaTag = 1, classTag = 2, comprehensionTag = 3

    func analyzeModule(_ body: [Stmt]) -> ScopeInfo {
        let m = ScopeInfo(.module, parent: nil)
        for s in body { walk(s, m) }
        resolve(m, enclosing: [:])
        return m
    }

    private func rename(_ n: String) -> String {
        for map in renameStack.reversed() { if let r = map[n] { return r } }
        return n
    }

    private func bind(_ n: String, _ s: ScopeInfo) { s.bound.insert(rename(n)) }

    private func bindTarget(_ e: Expr, _ s: ScopeInfo) {
        switch e.kind {
        case .name(let n): bind(n, s)
        case .tuple(let es), .list(let es): for x in es { bindTarget(x, s) }
        case .starred(let x): bindTarget(x, s)
        default: walk(e, s)
        }
    }

    private func walk(_ st: Stmt, _ s: ScopeInfo) {
        switch st.kind {
        case .expression(let e): walk(e, s)
        case .assign(let targets, let value):
            walk(value, s)
            for t in targets { bindTarget(t, s) }
        case .augmentedAssign(let target, _, let value):
            walk(value, s)
            if case .name(let n) = target.kind { s.uses.insert(rename(n)); bind(n, s) } else { walk(target, s) }
        case .annotatedAssign(let target, let annotation, let value, let simple):
            if let v = value { walk(v, s) }
            if s.kind == .classBody && simple { walk(annotation, s) }
            bindTarget(target, s)
        case .ifElse(let test, let body, let orElse):
            walk(test, s); walkBlock(body, s); walkBlock(orElse, s)
        case .forLoop(let target, let iterable, let body, let orElse):
            walk(iterable, s); bindTarget(target, s); walkBlock(body, s); walkBlock(orElse, s)
        case .whileLoop(let test, let body, let orElse):
            walk(test, s); walkBlock(body, s); walkBlock(orElse, s)
        case .breakLoop, .continueLoop, .pass: break
        case .functionDef(let def):
            for d in def.decorators { walk(d, s) }
            walkDefaults(def.parameters, s)
            bind(def.name, s)
            let child = ScopeInfo(.function, parent: s)
            child.parameters = def.parameters.allNames
            s.children.append(child)
            scopes[ScopeKey(range: st.range, tag: ScopeAnalysis.functionTag)] = child
            let saved = (renameStack, comprehensionKinds)
            (renameStack, comprehensionKinds) = ([], [])
            walkBlock(def.body, child)
            (renameStack, comprehensionKinds) = saved
        case .returnValue(let e): if let e = e { walk(e, s) }
        case .classDef(let def):
            for d in def.decorators { walk(d, s) }
            for b in def.bases { walk(b, s) }
            for k in def.keywords { walk(k.value, s) }
            bind(def.name, s)
            let child = ScopeInfo(.classBody, parent: s)
            s.children.append(child)
            scopes[ScopeKey(range: st.range, tag: ScopeAnalysis.classTag)] = child
            let saved = renameStack
            renameStack = []
            walkBlock(def.body, child)
            renameStack = saved
        case .importModules(let names): for a in names { bind(a.boundName, s) }
        case .importFrom(_, let names): for a in names { bind(a.asName ?? a.name, s) }
        case .importStar: break
        case .with(let items, let body):
            for i in items { walk(i.context, s); if let t = i.target { bindTarget(t, s) } }
            walkBlock(body, s)
        case .tryExcept(let body, let handlers, let orElse, let finalBody):
            walkBlock(body, s)
            for h in handlers {
                if let t = h.type { walk(t, s) }
                if let n = h.name { bind(n, s) }
                walkBlock(h.body, s)
            }
            walkBlock(orElse, s); walkBlock(finalBody, s)
        case .raise(let e, let c): if let e = e { walk(e, s) }; if let c = c { walk(c, s) }
        case .assert(let t, let m): walk(t, s); if let m = m { walk(m, s) }
        case .delete(let targets): for t in targets { bindTarget(t, s) }
        case .global(let names): for n in names { s.declaredGlobal.insert(n) }
        case .nonlocal(let names): for n in names { s.declaredNonlocal.insert(n) }
        }
    }

    private func walkBlock(_ b: [Stmt], _ s: ScopeInfo) { for x in b { walk(x, s) } }

    private func walkDefaults(_ p: Parameters, _ s: ScopeInfo) {
        for q in p.positionalOnly + p.positional + p.keywordOnly { if let d = q.defaultValue { walk(d, s) } }
    }

    private func walk(_ e: Expr, _ s: ScopeInfo) {
        switch e.kind {
        case .int, .bigInt, .float, .string, .bool, .none, .ellipsis: break
        case .fString(let parts): walkParts(parts, s)
        case .name(let n): s.uses.insert(rename(n))
        case .attribute(let v, _): walk(v, s)
        case .subscript(let v, let i): walk(v, s); walk(i, s)
        case .slice(let a, let b, let c): for x in [a, b, c] { if let x = x { walk(x, s) } }
        case .call(let f, let args): walk(f, s); for a in args { walk(a.value, s) }
        case .unary(_, let x): walk(x, s)
        case .binary(let a, _, let b): walk(a, s); walk(b, s)
        case .boolean(_, let xs): for x in xs { walk(x, s) }
        case .compare(let a, let cs): walk(a, s); for c in cs { walk(c.right, s) }
        case .conditional(let t, let b, let o): walk(t, s); walk(b, s); walk(o, s)
        case .lambda(let params, let body):
            walkDefaults(params, s)
            let child = ScopeInfo(.function, parent: s)
            child.parameters = params.allNames
            s.children.append(child)
            scopes[ScopeKey(range: e.range, tag: ScopeAnalysis.lambdaTag)] = child
            // A lambda inside a comprehension sees the comprehension's variables; its parameters shadow them.
            renameStack.append(Dictionary(params.allNames.map { ($0, $0) }, uniquingKeysWith: { a, _ in a }))
            let savedKinds = comprehensionKinds
            comprehensionKinds = []
            walk(body, child)
            comprehensionKinds = savedKinds
            renameStack.removeLast()
        case .list(let xs), .tuple(let xs), .set(let xs): for x in xs { walk(x, s) }
        case .dict(let items):
            for it in items {
                switch it {
                case .pair(let k, let v): walk(k, s); walk(v, s)
                case .unpack(let x): walk(x, s)
                }
            }
        case .listComprehension(let el, let cs):
            walkComprehension(e.range, cs, s, kind: "list comprehension") { self.walk(el, s) }
        case .setComprehension(let el, let cs):
            walkComprehension(e.range, cs, s, kind: "set comprehension") { self.walk(el, s) }
        case .generator(let el, let cs):
            walkComprehension(e.range, cs, s, kind: "generator expression") { self.walk(el, s) }
        case .dictComprehension(let k, let v, let cs):
            walkComprehension(e.range, cs, s, kind: "dict comprehension") { self.walk(k, s); self.walk(v, s) }
        case .starred(let x): walk(x, s)
        case .yield(let x):
            if let x = x { walk(x, s) }
            markGenerator(s)
        case .yieldFrom(let x):
            walk(x, s)
            markGenerator(s)
        }
    }

    /// A `yield` makes its function a generator; CPython refuses it elsewhere.
    private func markGenerator(_ s: ScopeInfo) {
        if let kind = comprehensionKinds.last {
            errors.append(PyException.make(.syntaxError, "'yield' inside \(kind)"))
        } else if s.kind != .function {
            errors.append(PyException.make(.syntaxError, "'yield' outside function"))
        }
        s.isGenerator = true
    }

    private func walkParts(_ parts: [FStringPart], _ s: ScopeInfo) {
        for p in parts {
            if case .formatted(let f) = p { walk(f.value, s); if let spec = f.formatSpec { walkParts(spec, s) } }
        }
    }

    private func walkComprehension(_ range: SourceRange, _ cs: [Comprehension], _ s: ScopeInfo, kind: String, element: () -> Void) {
        guard let first = cs.first else { element(); return }
        walk(first.iterable, s)
        var map: [String: String] = [:]
        func collect(_ t: Expr) {
            switch t.kind {
            case .name(let n): if map[n] == nil { counter += 1; map[n] = "\(n)@\(counter)" }
            case .tuple(let xs), .list(let xs): for x in xs { collect(x) }
            case .starred(let x): collect(x)
            default: break
            }
        }
        for c in cs { collect(c.target) }
        renames[ScopeKey(range: range, tag: ScopeAnalysis.comprehensionTag)] = map
        renameStack.append(map)
        comprehensionKinds.append(kind)
        for (i, c) in cs.enumerated() {
            if i > 0 { walk(c.iterable, s) }
            bindTarget(c.target, s)
            for cond in c.conditions { walk(cond, s) }
        }
        element()
        comprehensionKinds.removeLast()
        renameStack.removeLast()
    }

    /// Top-down: decide free variables and cells. `enclosing` maps names to the function scope
    /// binding them, for every enclosing function.
    private func resolve(_ s: ScopeInfo, enclosing: [String: ScopeInfo]) {
        if s.kind == .function {
            var order = s.parameters
            for n in s.bound.sorted() where s.isLocal(n) && !order.contains(n) { order.append(n) }
            s.localOrder = order
        } else {
            s.localOrder = s.bound.filter { $0.contains("@") }.sorted()
        }
        for n in s.declaredNonlocal where enclosing[n] == nil {
            errors.append(PyException.make(.syntaxError, "no binding for nonlocal '\(n)' found"))
        }
        var candidates = s.uses.union(s.declaredNonlocal).union(s.bound)
        if s.kind == .function { candidates.subtract(s.localOrder) }
        for n in candidates.sorted() where !s.declaredGlobal.contains(n) {
            if s.kind == .classBody && s.bound.contains(n) { continue }
            guard let owner = enclosing[n], owner !== s else { continue }
            markFree(n, from: s, owner: owner)
        }
        var inner = enclosing
        if s.kind == .function {
            for n in s.localOrder { inner[n] = s }
            for n in s.declaredGlobal { inner[n] = nil }
        } else if s.kind == .module {
            inner = [:]
            for n in s.localOrder { inner[n] = s }
        } else {
            for n in s.localOrder { inner[n] = s }
        }
        for c in s.children { resolve(c, enclosing: inner) }
    }

    /// Makes `n` a cell of `owner` and a free variable of every scope from `s` up to (not incl.) owner.
    func markFree(_ n: String, from s: ScopeInfo, owner: ScopeInfo) {
        if !owner.cellVars.contains(n) { owner.cellVars.append(n) }
        var cur: ScopeInfo? = s
        while let c = cur, c !== owner {
            if !c.freeVars.contains(n) && !c.cellVars.contains(n) { c.freeVars.append(n) }
            cur = c.parent
        }
    }
}
