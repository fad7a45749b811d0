extension Compiler {
    func compileAssign(_ targets: [Expr], _ value: Expr) throws -> StmtCode {
        let v = try compileExpr(value)
        if targets.count == 1 {
            if let slot = fastSlot(targets[0]) { return { f in f.slots[slot] = try v(f); return .normal } }
            let store = try compileStore(targets[0])
            return { f in try store(f, try v(f)); return .normal }
        }
        let stores = try targets.map(compileStore)
        return { f in
            let x = try v(f)
            for s in stores { try s(f, x) }
            return .normal
        }
    }

    /// A closure assigning a value to a target (name, attribute, subscript, tuple/list pattern).
    func compileStore(_ target: Expr) throws -> (Frame, Value) throws -> Void {
        switch target.kind {
        case .name(let n): return compileStoreName(n)
        case .attribute(let obj, let name):
            let o = try compileExpr(obj)
            let cache = AttributeCache()
            return { f, v in
                let target = try o(f)
                if case .object(let po) = target, cache.hit(po), let attrs = po.attributes { attrs[name] = v; return }
                try cache.store(target, name, v)
            }
        case .subscript(let obj, let index):
            let o = try compileExpr(obj), i = try compileIndex(index)
            return { f, v in
                let container = try o(f), key = try i(f)
                if case .object(let co) = container, let l = co as? PyList, case .int(let k) = key {
                    let j = k < 0 ? k + l.items.count : k
                    if j >= 0 && j < l.items.count { l.items[j] = v; return }
                }
                try Runtime.setItem(container, key, v)
            }
        case .tuple(let xs), .list(let xs): return try compileUnpack(xs)
        case .starred:
            throw PyException.make(.syntaxError, "starred assignment target must be in a list or tuple")
        default:
            throw PyException.make(.syntaxError, "cannot assign to expression")
        }
    }

    func compileUnpack(_ xs: [Expr]) throws -> (Frame, Value) throws -> Void {
        let starIndex = xs.firstIndex { if case .starred = $0.kind { return true }; return false }
        var stores: [(Frame, Value) throws -> Void] = []
        for x in xs {
            if case .starred(let inner) = x.kind { stores.append(try compileStore(inner)) } else { stores.append(try compileStore(x)) }
        }
        let n = xs.count
        return { f, v in
            let items: [Value]
            if case .object(let o) = v, let t = o as? PyTuple { items = t.items } else { items = try Runtime.iterateToArray(v) }
            if let si = starIndex {
                if items.count < n - 1 {
                    throw PyException.make(.valueError, "not enough values to unpack (expected at least \(n - 1), got \(items.count))")
                }
                for i in 0..<si { try stores[i](f, items[i]) }
                let restCount = items.count - (n - 1)
                try stores[si](f, .object(PyList(Array(items[si..<(si + restCount)]))))
                for i in (si + 1)..<n { try stores[i](f, items[i - 1 + restCount]) }
                return
            }
            if items.count != n {
                if items.count < n {
                    throw PyException.make(.valueError, "not enough values to unpack (expected \(n), got \(items.count))")
                }
                throw PyException.make(.valueError, "too many values to unpack (expected \(n))")
            }
            for i in 0..<n { try stores[i](f, items[i]) }
        }
    }

    func compileAugmented(_ target: Expr, _ op: BinaryOperator, _ value: Expr) throws -> StmtCode {
        let v = try compileExpr(value)
        switch target.kind {
        case .name(let n):
            if case .fast(let slot) = resolve(n) {
                let load = compileLoad(n)
                if op == .add {
                    return { f in
                        let rhs = try v(f)
                        if let cur = f.slots[slot], case .int(let a) = cur, case .int(let b) = rhs {
                            let (s, o) = a.addingReportingOverflow(b)
                            if !o { f.slots[slot] = .int(s); return .normal }
                        }
                        f.slots[slot] = try Runtime.inPlace(.add, try load(f), rhs)
                        return .normal
                    }
                }
                if op == .subtract {
                    return { f in
                        let rhs = try v(f)
                        if let cur = f.slots[slot], case .int(let a) = cur, case .int(let b) = rhs {
                            let (s, o) = a.subtractingReportingOverflow(b)
                            if !o { f.slots[slot] = .int(s); return .normal }
                        }
                        f.slots[slot] = try Runtime.inPlace(.subtract, try load(f), rhs)
                        return .normal
                    }
                }
                return { f in
                    let rhs = try v(f)
                    f.slots[slot] = try Runtime.inPlace(op, try load(f), rhs)
                    return .normal
                }
            }
            let load = compileLoad(n), store = compileStoreName(n)
            return { f in
                let cur = try load(f)
                try store(f, try Runtime.inPlace(op, cur, try v(f)))
                return .normal
            }
        case .attribute(let obj, let name):
            let o = try compileExpr(obj)
            return { f in
                let target = try o(f)
                let cur = try Runtime.getAttribute(target, name)
                try Runtime.setAttribute(target, name, try Runtime.inPlace(op, cur, try v(f)))
                return .normal
            }
        case .subscript(let obj, let index):
            let o = try compileExpr(obj), i = try compileIndex(index)
            return { f in
                let container = try o(f), key = try i(f)
                let cur = try Runtime.getItem(container, key)
                try Runtime.setItem(container, key, try Runtime.inPlace(op, cur, try v(f)))
                return .normal
            }
        default:
            throw PyException.make(.syntaxError, "'\(target.kind)' is an illegal expression for augmented assignment")
        }
    }

    func compileDelete(_ target: Expr) throws -> StmtCode {
        switch target.kind {
        case .name(let n): return compileDeleteName(n)
        case .attribute(let obj, let name):
            let o = try compileExpr(obj)
            return { f in try Runtime.deleteAttribute(try o(f), name); return .normal }
        case .subscript(let obj, let index):
            let o = try compileExpr(obj), i = try compileIndex(index)
            return { f in try Runtime.deleteItem(try o(f), try i(f)); return .normal }
        case .tuple(let xs), .list(let xs):
            let codes = try xs.map(compileDelete)
            return { f in for c in codes { _ = try c(f) }; return .normal }
        default:
            throw PyException.make(.syntaxError, "cannot delete expression")
        }
    }
}
