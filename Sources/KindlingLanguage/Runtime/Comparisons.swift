extension Runtime {
    /// `a == b` as a Python value (objects may return anything, e.g. an elementwise tensor).
    public static func equal(_ a: Value, _ b: Value) throws -> Value {
        if let r = try builtinEqual(a, b) { return .bool(r) }
        return try richCompare(a, b, "__eq__", "__eq__", fallback: { .bool(a.isIdentical(to: b)) }, symbol: "==")
    }

    public static func notEqual(_ a: Value, _ b: Value) throws -> Value {
        if let r = try builtinEqual(a, b) { return .bool(!r) }
        if a.pyClass.lookup("__ne__") != nil || b.pyClass.lookup("__ne__") != nil {
            return try richCompare(a, b, "__ne__", "__ne__", fallback: { .bool(!a.isIdentical(to: b)) }, symbol: "!=")
        }
        let r = try richCompare(a, b, "__eq__", "__eq__", fallback: { .bool(a.isIdentical(to: b)) }, symbol: "==")
        if case .bool(let x) = r { return .bool(!x) }
        return try unary(.not, r)
    }

    /// Python equality as a Bool (containers, `in`, `list.index`): identity first, like CPython.
    public static func valuesEqual(_ a: Value, _ b: Value) throws -> Bool {
        if a.isIdentical(to: b) { return true }
        if let r = try builtinEqual(a, b) { return r }
        return try equal(a, b).isTruthy()
    }

    /// Equality for builtin types; nil when objects must decide.
    static func builtinEqual(_ a: Value, _ b: Value) throws -> Bool? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.int(let x), .float(let y)), (.float(let y), .int(let x)): return Double(x) == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.bool(let x), .int(let y)), (.int(let y), .bool(let x)): return (x ? 1 : 0) == y
        case (.bool(let x), .float(let y)), (.float(let y), .bool(let x)): return (x ? 1.0 : 0.0) == y
        case (.str(let x), .str(let y)): return x == y
        case (.none, .none): return true
        case (.object(let p), .object(let q)):
            if let x = p as? PyList, let y = q as? PyList { return try sequencesEqual(x.items, y.items) }
            if let x = p as? PyTuple, let y = q as? PyTuple { return try sequencesEqual(x.items, y.items) }
            if let x = p as? PyDict, let y = q as? PyDict {
                if x.count != y.count { return false }
                for (k, v) in zip(x.keys, x.values) {
                    guard let w = try y.get(k), try valuesEqual(v, w) else { return false }
                }
                return true
            }
            if let x = p as? PySet, let y = q as? PySet {
                if x.count != y.count { return false }
                for v in x.items where !(try y.contains(v)) { return false }
                return true
            }
            if let x = p as? PyRange, let y = q as? PyRange {
                return x.count == y.count && (x.count == 0 || (x.start == y.start && (x.count == 1 || x.step == y.step)))
            }
            if p.pyClass.isNative && q.pyClass.isNative && p.pyClass.lookup("__eq__") == nil
                && q.pyClass.lookup("__eq__") == nil { return p === q }
            return nil
        case (.object, _), (_, .object): return nil
        default: return false
        }
    }

    static func sequencesEqual(_ x: [Value], _ y: [Value]) throws -> Bool {
        if x.count != y.count { return false }
        try Interrupts.enterCall()
        defer { Interrupts.depth -= 1 }
        for i in 0..<x.count where !(try valuesEqual(x[i], y[i])) { return false }
        return true
    }

    static func richCompare(_ a: Value, _ b: Value, _ name: String, _ reflected: String,
                            fallback: () throws -> Value, symbol: String) throws -> Value {
        let ca = a.pyClass, cb = b.pyClass
        if cb !== ca && cb.isSubclass(of: ca), let f = cb.lookup(reflected) {
            let r = try callUnbound(f, b, [a])
            if !r.isNotImplemented { return r }
        }
        if let f = ca.lookup(name) {
            let r = try callUnbound(f, a, [b])
            if !r.isNotImplemented { return r }
        }
        if let f = cb.lookup(reflected) {
            let r = try callUnbound(f, b, [a])
            if !r.isNotImplemented { return r }
        }
        return try fallback()
    }

    /// `<`, `<=`, `>`, `>=` as Python values.
    public static func compare(_ op: CompareOperator, _ a: Value, _ b: Value) throws -> Value {
        if let r = try builtinOrder(op, a, b) { return .bool(r) }
        let (name, reflected): (String, String)
        switch op {
        case .less: (name, reflected) = ("__lt__", "__gt__")
        case .lessEqual: (name, reflected) = ("__le__", "__ge__")
        case .greater: (name, reflected) = ("__gt__", "__lt__")
        default: (name, reflected) = ("__ge__", "__le__")
        }
        return try richCompare(a, b, name, reflected, fallback: {
            throw PyException.make(.typeError,
                "'\(op.symbol)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
        }, symbol: op.symbol)
    }

    static func order<T: Comparable>(_ op: CompareOperator, _ x: T, _ y: T) -> Bool {
        switch op {
        case .less: return x < y
        case .lessEqual: return x <= y
        case .greater: return x > y
        default: return x >= y
        }
    }

    /// Ordering of builtin types; nil when objects must decide.
    static func builtinOrder(_ op: CompareOperator, _ a: Value, _ b: Value) throws -> Bool? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return order(op, x, y)
        case (.float(let x), .float(let y)): return order(op, x, y)
        case (.int(let x), .float(let y)): return order(op, Double(x), y)
        case (.float(let x), .int(let y)): return order(op, x, Double(y))
        case (.str(let x), .str(let y)):
            if x == y { return op == .lessEqual || op == .greaterEqual }
            let less = x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) { $0.value < $1.value }
            return op == .less || op == .lessEqual ? less : !less
        case (.bool, _), (_, .bool):
            if let x = a.boolAsInt, let y = b.boolAsInt { return try builtinOrder(op, x, y) }
            return nil
        case (.object(let p), .object(let q)):
            var xs: [Value]? = nil, ys: [Value]? = nil
            if let l = p as? PyList, let m = q as? PyList { xs = l.items; ys = m.items }
            if let l = p as? PyTuple, let m = q as? PyTuple { xs = l.items; ys = m.items }
            guard let x = xs, let y = ys else { return nil }
            for i in 0..<min(x.count, y.count) where !(try valuesEqual(x[i], y[i])) {
                return try compare(op, x[i], y[i]).isTruthy()
            }
            return order(op, x.count, y.count)
        default: return nil
        }
    }

    /// `item in container`.
    public static func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let sub) = item else {
                throw PyException.make(.typeError, "'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return sub.isEmpty || s.contains(sub)
        case .object(let o):
            if let l = o as? PyList { for v in l.items where try valuesEqual(v, item) { return true }; return false }
            if let t = o as? PyTuple { for v in t.items where try valuesEqual(v, item) { return true }; return false }
            if let d = o as? PyDict { return try d.contains(item) }
            if let s = o as? PySet { return try s.contains(item) }
            if let r = o as? PyRange {
                guard case .int(let i) = item.boolAsInt ?? .none else { return false }
                if r.step > 0 {
                    return i >= r.start && i < r.stop && (UInt(bitPattern: i) &- UInt(bitPattern: r.start)) % UInt(r.step) == 0
                }
                return i <= r.start && i > r.stop && (UInt(bitPattern: r.start) &- UInt(bitPattern: i)) % r.step.magnitude == 0
            }
            if let c = o as? PyClass, let hooks = c.classHooks {
                return try callMethod(.object(hooks), "contains", [container, item]).isTruthy()
            }
            if let f = o.pyClass.lookup("__contains__") { return try callUnbound(f, container, [item]).isTruthy() }
            if o.pyClass.lookup("__iter__") != nil || o.pyClass.lookup("__getitem__") != nil {
                let it = try makeIterator(container)
                while let v = try it.next() { if try valuesEqual(v, item) { return true } }
                return false
            }
        default: break
        }
        throw PyException.make(.typeError, "argument of type '\(container.typeName)' is not iterable")
    }
}
