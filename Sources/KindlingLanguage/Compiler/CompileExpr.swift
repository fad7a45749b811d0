extension Compiler {
    func compileExpr(_ e: Expr) throws -> ExprCode {
        switch e.kind {
        case .int(let v): let c = Value.int(Int(v)); return { _ in c }
        case .bigInt(let digits):
            return { _ in throw PyException.make(.overflowError, "int literal \(digits) does not fit in Kindling's 64-bit int") }
        case .float(let d): let c = Value.float(d); return { _ in c }
        case .string(let s): let c = Value.str(s); return { _ in c }
        case .bool(let b): let c = Value.bool(b); return { _ in c }
        case .none: return { _ in .none }
        case .ellipsis: let c = Builtins.ellipsis; return { _ in c }
        case .fString(let parts): return try compileFString(parts)
        case .name(let n): return compileLoad(n)
        case .attribute(let obj, let name):
            let o = try compileExpr(obj)
            let cache = AttributeCache()
            return { f in
                let v = try o(f)
                if case .object(let po) = v, cache.hit(po), let attrs = po.attributes, let r = attrs[name] { return r }
                return try cache.load(v, name)
            }
        case .subscript(let obj, let index): return try compileSubscript(obj, index)
        case .slice(let lo, let hi, let st):
            let a = try lo.map(compileExpr), b = try hi.map(compileExpr), c = try st.map(compileExpr)
            return { f in .object(PySlice(try a?(f) ?? .none, try b?(f) ?? .none, try c?(f) ?? .none)) }
        case .call(let callee, let args): return try compileCall(callee, args)
        case .unary(let op, let x):
            if op == .not { let c = try compileCondition(x); return { f in .bool(!(try c(f))) } }
            if op == .negate, case .int(let v) = x.kind { let c = Value.int(-Int(v)); return { _ in c } }
            if op == .negate, case .float(let v) = x.kind { let c = Value.float(-v); return { _ in c } }
            let a = try compileExpr(x)
            return { f in try Runtime.unary(op, try a(f)) }
        case .binary(let l, let op, let r): return try compileBinary(l, op, r)
        case .boolean(let op, let xs):
            let codes = try xs.map(compileExpr)
            if op == .and {
                return { f in
                    var v: Value = .none
                    for c in codes { v = try c(f); if !(try v.isTruthy()) { return v } }
                    return v
                }
            }
            return { f in
                var v: Value = .none
                for c in codes { v = try c(f); if try v.isTruthy() { return v } }
                return v
            }
        case .compare(let first, let comps): return try compileCompare(first, comps)
        case .conditional(let test, let body, let orElse):
            let t = try compileCondition(test), b = try compileExpr(body), o = try compileExpr(orElse)
            return { f in try t(f) ? try b(f) : try o(f) }
        case .lambda(let params, let body):
            return try compileFunction(name: "<lambda>", parameters: params, key: ScopeKey(range: e.range, tag: ScopeAnalysis.lambdaTag),
                                       body: [Stmt(.returnValue(body), body.range)], doc: nil)
        case .list(let xs):
            let items = try compileElements(xs)
            return { f in .object(PyList(try items(f))) }
        case .tuple(let xs):
            if xs.isEmpty { let c = Value.object(PyTuple.empty); return { _ in c } }
            let items = try compileElements(xs)
            return { f in .object(PyTuple(try items(f))) }
        case .set(let xs):
            let items = try compileElements(xs)
            return { f in .object(try PySet(try items(f))) }
        case .dict(let entries): return try compileDict(entries)
        case .listComprehension, .setComprehension, .dictComprehension, .generator:
            return try compileComprehension(e)
        case .starred:
            throw PyException.make(.syntaxError, "can't use starred expression here")
        case .yield(let value): return try compileYield(value)
        case .yieldFrom(let source): return try compileYieldFrom(source)
        }
    }

    /// Elements of a display, expanding `*iterable`.
    func compileElements(_ xs: [Expr]) throws -> (Frame) throws -> [Value] {
        var parts: [(ExprCode, Bool)] = []
        for x in xs {
            if case .starred(let inner) = x.kind { parts.append((try compileExpr(inner), true)) }
            else { parts.append((try compileExpr(x), false)) }
        }
        if !parts.contains(where: { $0.1 }) {
            let codes = parts.map { $0.0 }
            return { f in
                var out: [Value] = []
                out.reserveCapacity(codes.count)
                for c in codes { out.append(try c(f)) }
                return out
            }
        }
        return { f in
            var out: [Value] = []
            for (c, starred) in parts {
                if starred { out += try Runtime.iterateToArray(try c(f)) } else { out.append(try c(f)) }
            }
            return out
        }
    }

    func compileDict(_ entries: [DictItem]) throws -> ExprCode {
        enum Part { case pair(ExprCode, ExprCode), unpack(ExprCode) }
        let parts: [Part] = try entries.map {
            switch $0 {
            case .pair(let k, let v): return .pair(try compileExpr(k), try compileExpr(v))
            case .unpack(let m): return .unpack(try compileExpr(m))
            }
        }
        return { f in
            let d = PyDict()
            for p in parts {
                switch p {
                case .pair(let k, let v): let key = try k(f); try d.set(key, try v(f))
                case .unpack(let m):
                    let src = try m(f)
                    guard let other = src.as(PyDict.self) else {
                        throw PyException.make(.typeError, "'\(src.typeName)' object is not a mapping")
                    }
                    for (k, v) in other.pairs { try d.set(k, v) }
                }
            }
            return .object(d)
        }
    }

    func compileFString(_ parts: [FStringPart]) throws -> ExprCode {
        let pieces = try compileFStringPieces(parts)
        return { f in .str(try pieces(f)) }
    }

    func compileFStringPieces(_ parts: [FStringPart]) throws -> (Frame) throws -> String {
        var codes: [(Frame) throws -> String] = []
        for p in parts {
            switch p {
            case .literal(let s): codes.append { _ in s }
            case .formatted(let fv):
                let value = try compileExpr(fv.value)
                let conv = fv.conversion
                let spec = try fv.formatSpec.map { try compileFStringPieces($0) }
                codes.append { f in
                    var v = try value(f)
                    switch conv {
                    case .repr?: v = .str(try Runtime.repr(v))
                    case .str?: v = .str(try Runtime.str(v))
                    case .ascii?: v = .str(try Runtime.repr(v))
                    case nil: break
                    }
                    let s = try spec?(f) ?? ""
                    if s.isEmpty, case .str(let text) = v { return text }
                    return try Runtime.format(v, s)
                }
            }
        }
        if codes.count == 1 { return codes[0] }
        return { f in
            var out = ""
            for c in codes { out += try c(f) }
            return out
        }
    }

    func compileSubscript(_ obj: Expr, _ index: Expr) throws -> ExprCode {
        let o = try compileExpr(obj)
        let i = try compileIndex(index)
        return { f in
            let container = try o(f)
            let key = try i(f)
            if case .object(let co) = container, let l = co as? PyList, case .int(let k) = key {
                let j = k < 0 ? k + l.items.count : k
                if j >= 0 && j < l.items.count { return l.items[j] }
            }
            return try Runtime.getItem(container, key)
        }
    }

    /// A subscript index: slices become slice objects, tuples may hold slices.
    func compileIndex(_ index: Expr) throws -> ExprCode {
        if case .tuple(let xs) = index.kind, xs.contains(where: { if case .starred = $0.kind { return true }; return false }) {
            let items = try compileElements(xs)
            return { f in .object(PyTuple(try items(f))) }
        }
        return try compileExpr(index)
    }
}
