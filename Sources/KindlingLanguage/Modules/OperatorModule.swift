/// CPython's `operator` module: the operators as functions (`operator.add`,
/// `operator.lt`, ...) and `itemgetter` / `attrgetter` / `methodcaller`.
/// In-place variants (`iadd`, ...) are not provided.
enum OperatorModule {
    static func make() -> PyModule {
        let m = PyModule(name: "operator")
        func fixed(_ name: String, _ arity: Int, _ body: @escaping ([Value]) throws -> Value) {
            m.define(name) { a in
                guard a.keywords.isEmpty else { throw PyException.make(.typeError, "\(name)() takes no keyword arguments") }
                guard a.count == arity else {
                    throw PyException.make(.typeError, "\(name) expected \(arity) argument\(arity == 1 ? "" : "s"), got \(a.count)")
                }
                return try body(a.positional)
            }
        }
        let binaries: [(String, BinaryOperator)] = [
            ("add", .add), ("sub", .subtract), ("mul", .multiply), ("matmul", .matrixMultiply), ("truediv", .trueDivide),
            ("floordiv", .floorDivide), ("mod", .modulo), ("pow", .power), ("lshift", .leftShift), ("rshift", .rightShift),
            ("and_", .bitAnd), ("or_", .bitOr), ("xor", .bitXor)]
        for (name, op) in binaries { fixed(name, 2) { try Runtime.binary(op, $0[0], $0[1]) } }
        let comparisons: [(String, CompareOperator)] = [
            ("lt", .less), ("le", .lessEqual), ("gt", .greater), ("ge", .greaterEqual)]
        for (name, op) in comparisons { fixed(name, 2) { try Runtime.compare(op, $0[0], $0[1]) } }
        fixed("eq", 2) { try Runtime.equal($0[0], $0[1]) }
        fixed("ne", 2) { try Runtime.notEqual($0[0], $0[1]) }
        fixed("is_", 2) { .bool($0[0].isIdentical(to: $0[1])) }
        fixed("is_not", 2) { .bool(!$0[0].isIdentical(to: $0[1])) }
        fixed("neg", 1) { try Runtime.unary(.negate, $0[0]) }
        fixed("pos", 1) { try Runtime.unary(.plus, $0[0]) }
        fixed("invert", 1) { try Runtime.unary(.invert, $0[0]) }
        fixed("inv", 1) { try Runtime.unary(.invert, $0[0]) }
        fixed("not_", 1) { try Runtime.unary(.not, $0[0]) }
        fixed("truth", 1) { .bool(try $0[0].isTruthy()) }
        fixed("index", 1) { a in
            if case .int = a[0] { return a[0] }
            if case .bool(let b) = a[0] { return .int(b ? 1 : 0) }
            if case .object = a[0], let r = try Runtime.callSpecialIfPresent(a[0], "__index__", []) { return r }
            throw PyException.make(.typeError, "'\(a[0].typeName)' object cannot be interpreted as an integer")
        }
        fixed("contains", 2) { .bool(try Runtime.contains($0[0], $0[1])) }
        fixed("getitem", 2) { try Runtime.getItem($0[0], $0[1]) }
        fixed("setitem", 3) { try Runtime.setItem($0[0], $0[1], $0[2]); return .none }
        fixed("delitem", 2) { try Runtime.deleteItem($0[0], $0[1]); return .none }
        fixed("countOf", 2) { a in
            var n = 0
            try Runtime.forEach(a[0]) { if try Runtime.valuesEqual($0, a[1]) { n += 1 } }
            return .int(n)
        }
        fixed("indexOf", 2) { a in
            var i = 0, found: Int? = nil
            try Runtime.forEach(a[0]) { x in
                if found == nil, try Runtime.valuesEqual(x, a[1]) { found = i }
                i += 1
            }
            guard let found else { throw PyException.make(.valueError, "sequence.index(x): x not in sequence") }
            return .int(found)
        }
        m.add(OperatorGetter.itemgetter)
        m.add(OperatorGetter.attrgetter)
        m.add(OperatorGetter.methodcaller)
        return m
    }
}

/// `itemgetter(*items)`, `attrgetter(*names)` and `methodcaller(name, *args, **kwargs)`.
final class OperatorGetter: PyObject {
    enum Kind { case item, attribute, method }
    let kind: Kind
    let keys: [Value]
    let keywords: [(String, Value)]

    init(_ kind: Kind, _ keys: [Value], _ keywords: [(String, Value)], cls: PyClass) {
        self.kind = kind
        self.keys = keys
        self.keywords = keywords
        super.init(pyClass: cls)
    }

    func apply(_ obj: Value) throws -> Value {
        switch kind {
        case .item:
            let got = try keys.map { try Runtime.getItem(obj, $0) }
            return got.count == 1 ? got[0] : .object(PyTuple(got))
        case .attribute:
            let got = try keys.map { key -> Value in
                var v = obj
                for part in try key.asString().split(separator: ".", omittingEmptySubsequences: false) {
                    v = try Runtime.getAttribute(v, String(part))
                }
                return v
            }
            return got.count == 1 ? got[0] : .object(PyTuple(got))
        case .method:
            return try Runtime.callMethod(obj, try keys[0].asString(), Array(keys.dropFirst()), keywords)
        }
    }

    static func make(_ name: String, _ kind: Kind) -> PyClass {
        let c = PyClass(native: name, module: "operator")
        c.constructor = { a in
            switch kind {
            case .item, .attribute:
                guard !a.positional.isEmpty else {
                    throw PyException.make(.typeError, "\(name) expected 1 argument, got 0")
                }
                if !a.keywords.isEmpty { throw PyException.make(.typeError, "\(name)() takes no keyword arguments") }
                if kind == .attribute, let bad = a.positional.first(where: { if case .str = $0 { return false }; return true }) {
                    _ = bad
                    throw PyException.make(.typeError, "attribute name must be a string")
                }
            case .method:
                guard let first = a.positional.first else {
                    throw PyException.make(.typeError, "methodcaller needs at least one argument, the method name")
                }
                guard case .str = first else { throw PyException.make(.typeError, "method name must be a string") }
            }
            return .object(OperatorGetter(kind, a.positional, a.keywords, cls: c))
        }
        c.define("__call__") { a in
            guard let me = a.positional.first?.as(OperatorGetter.self) else { return .none }
            guard a.count == 2, a.keywords.isEmpty else {
                throw PyException.make(.typeError, "\(name) expected 1 argument, got \(a.count - 1)")
            }
            return try me.apply(a.positional[1])
        }
        c.define("__repr__") { a in
            guard let me = a.positional.first?.as(OperatorGetter.self) else { return .str(name) }
            var parts = try me.keys.map { try Runtime.repr($0) }
            parts += try me.keywords.map { "\($0.0)=\(try Runtime.repr($0.1))" }
            return .str("operator.\(name)(\(parts.joined(separator: ", ")))")
        }
        return c
    }

    static let itemgetter = make("itemgetter", .item)
    static let attrgetter = make("attrgetter", .attribute)
    static let methodcaller = make("methodcaller", .method)
}
