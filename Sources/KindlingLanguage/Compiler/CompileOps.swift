extension Compiler {
    /// If the expression is an int literal, its value.
    func intConstant(_ e: Expr) -> Int? {
        if case .int(let v) = e.kind { return Int(v) }
        if case .unary(.negate, let x) = e.kind, case .int(let v) = x.kind { return -Int(v) }
        return nil
    }

    /// If the expression is a plain fast local, its slot.
    func fastSlot(_ e: Expr) -> Int? {
        if case .name(let n) = e.kind, case .fast(let s) = resolve(n) { return s }
        return nil
    }

    func compileBinary(_ l: Expr, _ op: BinaryOperator, _ r: Expr) throws -> ExprCode {
        if let slot = fastSlot(l), let k = intConstant(r), op == .add || op == .subtract || op == .multiply {
            let general = try compileBinaryGeneral(l, op, r)
            return { f in
                if let v = f.slots[slot], case .int(let i) = v {
                    let (s, o) = op == .add ? i.addingReportingOverflow(k)
                        : op == .subtract ? i.subtractingReportingOverflow(k) : i.multipliedReportingOverflow(by: k)
                    if !o { return .int(s) }
                }
                return try general(f)
            }
        }
        return try compileBinaryGeneral(l, op, r)
    }

    func compileBinaryGeneral(_ l: Expr, _ op: BinaryOperator, _ r: Expr) throws -> ExprCode {
        let a = try compileExpr(l)
        if let k = intConstant(r) {
            switch op {
            case .add:
                return { f in
                    let x = try a(f)
                    if case .int(let i) = x { let (s, o) = i.addingReportingOverflow(k); if !o { return .int(s) } }
                    return try Runtime.binary(.add, x, .int(k))
                }
            case .subtract:
                return { f in
                    let x = try a(f)
                    if case .int(let i) = x { let (s, o) = i.subtractingReportingOverflow(k); if !o { return .int(s) } }
                    return try Runtime.binary(.subtract, x, .int(k))
                }
            case .multiply:
                return { f in
                    let x = try a(f)
                    if case .int(let i) = x { let (s, o) = i.multipliedReportingOverflow(by: k); if !o { return .int(s) } }
                    return try Runtime.binary(.multiply, x, .int(k))
                }
            case .modulo where k > 0:
                return { f in
                    let x = try a(f)
                    if case .int(let i) = x { let m = i % k; return .int(m < 0 ? m + k : m) }
                    return try Runtime.binary(.modulo, x, .int(k))
                }
            default: break
            }
        }
        let b = try compileExpr(r)
        switch op {
        case .add:
            return { f in
                let x = try a(f), y = try b(f)
                switch (x, y) {
                case (.int(let i), .int(let j)): let (s, o) = i.addingReportingOverflow(j); if !o { return .int(s) }
                case (.float(let p), .float(let q)): return .float(p + q)
                default: break
                }
                return try Runtime.binary(.add, x, y)
            }
        case .subtract:
            return { f in
                let x = try a(f), y = try b(f)
                switch (x, y) {
                case (.int(let i), .int(let j)): let (s, o) = i.subtractingReportingOverflow(j); if !o { return .int(s) }
                case (.float(let p), .float(let q)): return .float(p - q)
                default: break
                }
                return try Runtime.binary(.subtract, x, y)
            }
        case .multiply:
            return { f in
                let x = try a(f), y = try b(f)
                switch (x, y) {
                case (.int(let i), .int(let j)): let (s, o) = i.multipliedReportingOverflow(by: j); if !o { return .int(s) }
                case (.float(let p), .float(let q)): return .float(p * q)
                default: break
                }
                return try Runtime.binary(.multiply, x, y)
            }
        default:
            return { f in try Runtime.binary(op, try a(f), try b(f)) }
        }
    }

    func compileCompare(_ first: Expr, _ comps: [Comparison]) throws -> ExprCode {
        if comps.count == 1 {
            let op = comps[0].op
            let a = try compileExpr(first), b = try compileExpr(comps[0].right)
            return { f in try Compiler.compareValues(op, try a(f), try b(f)) }
        }
        let a = try compileExpr(first)
        let rest = try comps.map { ($0.op, try compileExpr($0.right)) }
        return { f in
            var left = try a(f)
            var result: Value = .bool(true)
            for (op, code) in rest {
                let right = try code(f)
                result = try Compiler.compareValues(op, left, right)
                if !(try result.isTruthy()) { return result }
                left = right
            }
            return result
        }
    }

    @inline(__always)
    static func compareValues(_ op: CompareOperator, _ x: Value, _ y: Value) throws -> Value {
        if case .int(let i) = x, case .int(let j) = y {
            switch op {
            case .less: return .bool(i < j)
            case .lessEqual: return .bool(i <= j)
            case .greater: return .bool(i > j)
            case .greaterEqual: return .bool(i >= j)
            case .equal: return .bool(i == j)
            case .notEqual: return .bool(i != j)
            default: break
            }
        }
        switch op {
        case .equal: return try Runtime.equal(x, y)
        case .notEqual: return try Runtime.notEqual(x, y)
        case .less, .lessEqual, .greater, .greaterEqual: return try Runtime.compare(op, x, y)
        case .isIdentical: return .bool(x.isIdentical(to: y))
        case .isNotIdentical: return .bool(!x.isIdentical(to: y))
        case .isIn: return .bool(try Runtime.contains(y, x))
        case .isNotIn: return .bool(!(try Runtime.contains(y, x)))
        }
    }

    @inline(__always)
    static func intCompare(_ op: CompareOperator, _ i: Int, _ j: Int) -> Bool {
        switch op {
        case .less: return i < j
        case .lessEqual: return i <= j
        case .greater: return i > j
        case .greaterEqual: return i >= j
        case .equal: return i == j
        default: return i != j
        }
    }

    /// An expression used as a condition, compiled to a Bool-returning closure.
    func compileCondition(_ e: Expr) throws -> CondCode {
        switch e.kind {
        case .bool(let b): return { _ in b }
        case .unary(.not, let x):
            let c = try compileCondition(x)
            return { f in !(try c(f)) }
        case .boolean(let op, let xs):
            let cs = try xs.map(compileCondition)
            if op == .and { return { f in for c in cs where !(try c(f)) { return false }; return true } }
            return { f in for c in cs where try c(f) { return true }; return false }
        case .compare(let first, let comps) where comps.count == 1:
            let op = comps[0].op
            let right = comps[0].right
            if op == .isIdentical || op == .isNotIdentical, case .none = right.kind {
                let a = try compileExpr(first)
                let want = op == .isIdentical
                return { f in try a(f).isNone == want }
            }
            let intOp = [CompareOperator.less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual].contains(op)
            // `i % k == c` on a fast local: no boxing at all.
            if intOp, let c = intConstant(right), case .binary(let l, .modulo, let kExpr) = first.kind,
               let k = intConstant(kExpr), k > 0, let slot = fastSlot(l) {
                let general = try compileExpr(first)
                return { f in
                    if let v = f.slots[slot], case .int(let i) = v {
                        let m = i % k
                        return Compiler.intCompare(op, m < 0 ? m + k : m, c)
                    }
                    return try Compiler.compareValues(op, try general(f), .int(c)).isTruthy()
                }
            }
            let a = try compileExpr(first)
            if intOp, let c = intConstant(right) {
                return { f in
                    let x = try a(f)
                    if case .int(let i) = x { return Compiler.intCompare(op, i, c) }
                    return try Compiler.compareValues(op, x, .int(c)).isTruthy()
                }
            }
            let b = try compileExpr(right)
            if intOp {
                return { f in
                    let x = try a(f), y = try b(f)
                    if case .int(let i) = x, case .int(let j) = y { return Compiler.intCompare(op, i, j) }
                    return try Compiler.compareValues(op, x, y).isTruthy()
                }
            }
            return { f in try Compiler.compareValues(op, try a(f), try b(f)).isTruthy() }
        default:
            let a = try compileExpr(e)
            return { f in
                let v = try a(f)
                if case .bool(let b) = v { return b }
                return try v.isTruthy()
            }
        }
    }
}
