/// CPython's `functools` subset: `partial` (with `func`/`args`/`keywords` and CPython's repr)
/// and `reduce`. Other names raise AttributeError.
enum FunctoolsModule {
    static func make() -> PyModule {
        let m = PyModule(name: "functools")
        m.add(PartialObject.cls)
        m.define("reduce") { a in
            guard a.keywords.isEmpty else { throw PyException.make(.typeError, "reduce() takes no keyword arguments") }
            guard a.count == 2 || a.count == 3 else {
                throw PyException.make(.typeError, "reduce expected at least 2 arguments, got \(a.count)")
            }
            let items = try Runtime.iterateToArray(a.positional[1])
            var acc: Value
            var rest = items[...]
            if a.count == 3 { acc = a.positional[2] } else {
                guard let first = rest.popFirst() else {
                    throw PyException.make(.typeError, "reduce() of empty iterable with no initial value")
                }
                acc = first
            }
            for x in rest { acc = try Runtime.call(a.positional[0], [acc, x]) }
            return acc
        }
        return m
    }
}

/// `functools.partial(func, *args, **keywords)`: calling it calls `func` with the stored
/// arguments first and the call's keywords overriding the stored ones.
final class PartialObject: PyObject {
    let function: Value
    let args: [Value]
    let keywords: [(String, Value)]

    init(_ function: Value, _ args: [Value], _ keywords: [(String, Value)]) {
        // A partial of a partial flattens, as CPython's does.
        if let inner = function.as(PartialObject.self) {
            self.function = inner.function
            self.args = inner.args + args
            var merged = inner.keywords.filter { k in !keywords.contains { $0.0 == k.0 } }
            merged += keywords
            self.keywords = merged
        } else {
            self.function = function
            self.args = args
            self.keywords = keywords
        }
        super.init(pyClass: PartialObject.cls)
    }

    static let cls: PyClass = {
        let c = PyClass(native: "partial", module: "functools")
        c.constructor = { a in
            guard let f = a.positional.first else {
                throw PyException.make(.typeError, "type 'partial' takes at least one argument")
            }
            guard Runtime.isCallable(f) else { throw PyException.make(.typeError, "the first argument must be callable") }
            return .object(PartialObject(f, Array(a.positional.dropFirst()), a.keywords))
        }
        c.define("__call__") { a in
            guard let me = a.positional.first?.as(PartialObject.self) else {
                throw PyException.make(.typeError, "descriptor '__call__' requires a 'functools.partial' object")
            }
            var kw = me.keywords.filter { k in !a.keywords.contains { $0.0 == k.0 } }
            kw += a.keywords
            return try Runtime.call(me.function, me.args + a.positional.dropFirst(), kw)
        }
        c.define("__repr__") { a in
            guard let me = a.positional.first?.as(PartialObject.self) else { return .str("functools.partial") }
            var parts = [try Runtime.repr(me.function)]
            parts += try me.args.map { try Runtime.repr($0) }
            parts += try me.keywords.map { "\($0.0)=\(try Runtime.repr($0.1))" }
            return .str("functools.partial(\(parts.joined(separator: ", ")))")
        }
        c.defineProperty("func", get: { v in v.as(PartialObject.self)?.function ?? .none })
        c.defineProperty("args", get: { v in .object(PyTuple(v.as(PartialObject.self)?.args ?? [])) })
        c.defineProperty("keywords", get: { v in
            let d = PyDict()
            for (k, x) in v.as(PartialObject.self)?.keywords ?? [] { d.set(k, x) }
            return .object(d)
        })
        return c
    }()
}
