// A compact S-expression rendering of the AST, for tests and debugging: `-2**2` dumps as
// `(neg (** 2 2))`, `a = b = 0` as `(= [a b] 0)`.

extension Expr {
    /// The expression as an S-expression (ranges omitted).
    public var dump: String { dumpExpr(self) }
}

extension Stmt {
    /// The statement as an S-expression (ranges omitted).
    public var dump: String { dumpStmt(self) }
}

private func list(_ items: [String]) -> String { "[" + items.joined(separator: " ") + "]" }

private func dumpBody(_ body: [Stmt]) -> String { list(body.map(dumpStmt)) }

private func dumpParts(_ parts: [FStringPart]) -> String {
    list(parts.map { part in
        switch part {
        case .literal(let s): return "\"\(s)\""
        case .formatted(let f):
            var out = "{" + dumpExpr(f.value)
            if let c = f.conversion { out += "!" + String(c.rawValue) }
            if let spec = f.formatSpec { out += ":" + dumpParts(spec) }
            return out + "}"
        }
    })
}

private func dumpParameters(_ p: Parameters) -> String {
    func one(_ q: Parameter) -> String {
        var s = q.name
        if let a = q.annotation { s += ":" + dumpExpr(a) }
        if let d = q.defaultValue { s += "=" + dumpExpr(d) }
        return s
    }
    var items = p.positionalOnly.map(one)
    if !p.positionalOnly.isEmpty { items.append("/") }
    items += p.positional.map(one)
    if let v = p.varPositional { items.append("*" + one(v)) } else if !p.keywordOnly.isEmpty { items.append("*") }
    items += p.keywordOnly.map(one)
    if let k = p.varKeyword { items.append("**" + one(k)) }
    return "(" + items.joined(separator: " ") + ")"
}

private func dumpComprehensions(_ clauses: [Comprehension]) -> String {
    clauses.map { c in
        "(for \(dumpExpr(c.target)) \(dumpExpr(c.iterable))" + c.conditions.map { " (if \(dumpExpr($0)))" }.joined() + ")"
    }.joined(separator: " ")
}

private func opt(_ e: Expr?) -> String { e.map(dumpExpr) ?? "_" }

func dumpExpr(_ e: Expr) -> String {
    switch e.kind {
    case .int(let v): return String(v)
    case .bigInt(let digits): return "big:" + digits
    case .float(let v): return "\(v)"
    case .string(let s): return "\"\(s)\""
    case .fString(let parts): return "(f " + dumpParts(parts) + ")"
    case .bool(let b): return b ? "True" : "False"
    case .none: return "None"
    case .ellipsis: return "..."
    case .name(let n): return n
    case .attribute(let v, let n): return "(. \(dumpExpr(v)) \(n))"
    case .subscript(let v, let i): return "([] \(dumpExpr(v)) \(dumpExpr(i)))"
    case .slice(let l, let u, let s): return "(: \(opt(l)) \(opt(u)) \(opt(s)))"
    case .call(let f, let args):
        let a = args.map { arg -> String in
            switch arg {
            case .positional(let x): return dumpExpr(x)
            case .keyword(let n, let x): return "\(n)=\(dumpExpr(x))"
            case .unpackPositional(let x): return "*\(dumpExpr(x))"
            case .unpackKeyword(let x): return "**\(dumpExpr(x))"
            }
        }
        return "(call \(dumpExpr(f))" + a.map { " " + $0 }.joined() + ")"
    case .unary(let op, let x):
        let name = op == .negate ? "neg" : op == .plus ? "pos" : op == .invert ? "inv" : "not"
        return "(\(name) \(dumpExpr(x)))"
    case .binary(let l, let op, let r): return "(\(op.symbol) \(dumpExpr(l)) \(dumpExpr(r)))"
    case .boolean(let op, let xs): return "(\(op.rawValue)" + xs.map { " " + dumpExpr($0) }.joined() + ")"
    case .compare(let first, let links):
        return "(cmp \(dumpExpr(first))" + links.map { " \($0.op.symbol) \(dumpExpr($0.right))" }.joined() + ")"
    case .conditional(let t, let b, let o): return "(if \(dumpExpr(t)) \(dumpExpr(b)) \(dumpExpr(o)))"
    case .lambda(let p, let body): return "(lambda \(dumpParameters(p)) \(dumpExpr(body)))"
    case .list(let xs): return "(list" + xs.map { " " + dumpExpr($0) }.joined() + ")"
    case .tuple(let xs): return "(tuple" + xs.map { " " + dumpExpr($0) }.joined() + ")"
    case .set(let xs): return "(set" + xs.map { " " + dumpExpr($0) }.joined() + ")"
    case .dict(let items):
        return "(dict" + items.map { item -> String in
            switch item {
            case .pair(let k, let v): return " \(dumpExpr(k)):\(dumpExpr(v))"
            case .unpack(let m): return " **\(dumpExpr(m))"
            }
        }.joined() + ")"
    case .listComprehension(let x, let c): return "(listcomp \(dumpExpr(x)) \(dumpComprehensions(c)))"
    case .setComprehension(let x, let c): return "(setcomp \(dumpExpr(x)) \(dumpComprehensions(c)))"
    case .dictComprehension(let k, let v, let c): return "(dictcomp \(dumpExpr(k)):\(dumpExpr(v)) \(dumpComprehensions(c)))"
    case .generator(let x, let c): return "(genexp \(dumpExpr(x)) \(dumpComprehensions(c)))"
    case .yield(let v): return "(yield \(opt(v)))"
    case .yieldFrom(let v): return "(yield-from \(dumpExpr(v)))"
    case .starred(let x): return "*\(dumpExpr(x))"
    }
}

func dumpStmt(_ s: Stmt) -> String {
    switch s.kind {
    case .expression(let e): return dumpExpr(e)
    case .assign(let targets, let value): return "(= \(list(targets.map(dumpExpr))) \(dumpExpr(value)))"
    case .augmentedAssign(let t, let op, let v): return "(\(op.symbol)= \(dumpExpr(t)) \(dumpExpr(v)))"
    case .annotatedAssign(let t, let a, let v, let simple):
        return "(ann\(simple ? "" : "!") \(dumpExpr(t)) \(dumpExpr(a)) \(opt(v)))"
    case .ifElse(let t, let b, let o): return "(if \(dumpExpr(t)) \(dumpBody(b)) \(dumpBody(o)))"
    case .forLoop(let t, let i, let b, let o): return "(for \(dumpExpr(t)) \(dumpExpr(i)) \(dumpBody(b)) \(dumpBody(o)))"
    case .whileLoop(let t, let b, let o): return "(while \(dumpExpr(t)) \(dumpBody(b)) \(dumpBody(o)))"
    case .breakLoop: return "break"
    case .continueLoop: return "continue"
    case .pass: return "pass"
    case .functionDef(let f):
        let decorators = f.decorators.map { "@" + dumpExpr($0) + " " }.joined()
        let returns = f.returns.map { " -> " + dumpExpr($0) } ?? ""
        return "(\(decorators)def \(f.name) \(dumpParameters(f.parameters))\(returns) \(dumpBody(f.body)))"
    case .returnValue(let v): return "(return \(opt(v)))"
    case .classDef(let c):
        let decorators = c.decorators.map { "@" + dumpExpr($0) + " " }.joined()
        let keywords = c.keywords.map { " \($0.name)=\(dumpExpr($0.value))" }.joined()
        return "(\(decorators)class \(c.name) \(list(c.bases.map(dumpExpr)))\(keywords) \(dumpBody(c.body)))"
    case .importModules(let aliases): return "(import" + aliases.map { " " + alias($0) }.joined() + ")"
    case .importFrom(let m, let aliases): return "(from \(m) import" + aliases.map { " " + alias($0) }.joined() + ")"
    case .importStar(let m): return "(from \(m) import *)"
    case .with(let items, let body):
        let i = items.map { "(\(dumpExpr($0.context))" + ($0.target.map { " as " + dumpExpr($0) } ?? "") + ")" }
        return "(with \(list(i)) \(dumpBody(body)))"
    case .tryExcept(let body, let handlers, let orElse, let finalBody):
        let h = handlers.map { "(except \(opt($0.type))" + ($0.name.map { " as " + $0 } ?? "") + " \(dumpBody($0.body)))" }
        return "(try \(dumpBody(body)) \(list(h)) \(dumpBody(orElse)) \(dumpBody(finalBody)))"
    case .raise(let e, let c): return "(raise \(opt(e)) \(opt(c)))"
    case .assert(let t, let m): return "(assert \(dumpExpr(t)) \(opt(m)))"
    case .delete(let ts): return "(del" + ts.map { " " + dumpExpr($0) }.joined() + ")"
    case .global(let names): return "(global " + names.joined(separator: " ") + ")"
    case .nonlocal(let names): return "(nonlocal " + names.joined(separator: " ") + ")"
    }
}

private func alias(_ a: ImportAlias) -> String { a.name + (a.asName.map { " as " + $0 } ?? "") }
