import KindlingEngine
import KindlingLanguage

/// The functional methods fastcore patches onto `L`, each returning a new
/// `L` (or a value for reductions), with fastcore's argument conventions:
/// `map(f, *args)` calls `f(*args, x)` (fastcore's `bind`), a string `f`
/// formats, a dict `f` looks up; `sorted(key=)` takes a str (attribute) or
/// int (item) key.
enum LMethods {
    static func install(_ c: PyClass) {
        installMapping(c)
        installSelection(c)
        installReductions(c)
        installClassMethods(c)
    }

    static func items(_ args: Arguments) throws -> [Value] { try LClass.selfL(args).items }

    /// fastcore's `map_ex`: callables are called with `args + [x]`, strings
    /// format `x`, anything else is indexed by `x`.
    static func mapper(_ f: Value, _ extra: [Value], _ kwargs: [(String, Value)]) throws -> (Value) throws -> Value {
        if case .str = f { return { x in try Runtime.callMethod(f, "format", [x]) } }
        if Runtime.isCallable(f) { return { x in try Runtime.call(f, extra + [x], kwargs) } }
        switch f {
        case .none, .bool, .int, .float:
            throw pyError(.attributeError, "'\(f.typeName)' object has no attribute '__getitem__'")
        default: return { x in try Runtime.getItem(f, x) }
        }
    }

    static func predicate(_ f: Value, negate: Bool, _ kwargs: [(String, Value)]) -> (Value) throws -> Bool {
        return { x in
            let keep = f.isNone ? true : try Runtime.call(f, [x], kwargs).isTruthy()
            return keep != negate
        }
    }

    static func installMapping(_ c: PyClass) {
        c.define("map") { args in
            guard args.count >= 2 else { throw pyError(.typeError, "map() missing 1 required positional argument: 'f'") }
            let f = try mapper(args.positional[1], Array(args.positional.dropFirst(2)), args.keywords)
            return LClass.make(try items(args).map(f))
        }
        c.define("itemgot") { args in
            var xs = try items(args)
            for idx in args.positional.dropFirst() { xs = try xs.map { try Runtime.getItem($0, idx) } }
            return LClass.make(xs)
        }
        let attrSig = Signature(parsing: ["self", "k", "default=None"])
        c.define("attrgot") { args in
            let b = try args.bind(attrSig)
            let k = try b.string("k"), dflt = b["default"]
            return LClass.make(try items(args).map { o in
                if let d = o.as(PyDict.self) { return try d.get(.str(k)) ?? dflt }
                return try nestedAttribute(o, k, dflt)
            })
        }
        c.define("enumerate") { args in
            LClass.make(try items(args).enumerated().map { .object(PyTuple([.int($0.offset), $0.element])) })
        }
        c.define("renumerate") { args in
            LClass.make(try items(args).enumerated().map { .object(PyTuple([$0.element, .int($0.offset)])) })
        }
        c.define("zip") { args in
            let b = try args.bind(["self", "cycled=False"])
            if try b.bool("cycled") { throw notSupported("L.zip(cycled=True)") }
            return LClass.make(try zipped(try items(args)))
        }
        c.define("zipwith") { args in
            let b = try args.bind(["self", "*rest", "cycled=False"])
            if try b.bool("cycled") { throw notSupported("L.zipwith(cycled=True)") }
            return LClass.make(try zipped([args.positional[0]] + b.varargs))
        }
        c.define("map_dict") { args in
            let b = try args.bind(["self", "f=None", "*args", "**kwargs"])
            let f = b["f"].isNone ? { (x: Value) in x } : try mapper(b["f"], b.varargs, b.varkw)
            let d = PyDict()
            for x in try items(args) { try d.set(x, try f(x)) }
            return .object(d)
        }
        c.define("val2idx") { args in
            let d = PyDict()
            for (i, x) in try items(args).enumerated() { try d.set(x, .int(i)) }
            return .object(d)
        }
        c.define("concat") { args in
            LClass.make(try items(args).flatMap { try LClass.listified($0) })
        }
        c.define("copy") { args in LClass.make(try items(args)) }
        c.define("shuffle") { args in
            guard let interp = Interpreter.current else { throw notSupported("L.shuffle outside a script") }
            let copy = PyList(try items(args))
            _ = try Runtime.callMethod(.object(try interp.importModule("random")), "shuffle", [.object(copy)])
            return .object(LObject(copy))
        }
        c.define("setattrs") { args in
            let b = try args.bind(["self", "attr", "val"])
            for o in try items(args) { try Runtime.setAttribute(o, try b.string("attr"), b["val"]) }
            return .none
        }
    }

    /// `zip(*items)` as tuples.
    static func zipped(_ sources: [Value]) throws -> [Value] {
        let columns = try sources.map { try Runtime.iterateToArray($0) }
        let n = columns.map(\.count).min() ?? 0
        return (0..<n).map { i in .object(PyTuple(columns.map { $0[i] })) }
    }

    /// fastcore's `nested_attr`: dotted attributes (or items), else the default.
    static func nestedAttribute(_ o: Value, _ path: String, _ dflt: Value) throws -> Value {
        var v = o
        for part in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            do {
                if try Runtime.hasAttribute(v, part) { v = try Runtime.getAttribute(v, part) }
                else { v = try Runtime.getItem(v, .str(part)) }
            } catch let e as PyException
                where [PyExceptionKind.attributeError, .keyError, .indexError, .typeError, .valueError].contains(where: e.matches) {
                return dflt
            }
        }
        return v
    }

    static func installSelection(_ c: PyClass) {
        let filterSig = Signature(parsing: ["self", "f=None", "negate=False", "**kwargs"])
        c.define("filter") { args in
            let b = try args.bind(filterSig)
            // fastcore's default `f=noop` keeps truthy items; an explicit None keeps all.
            let given = args.count > 1 || args.keyword("f") != nil
            let f = given ? b["f"] : .object(NativeFunction(name: "noop") { a in try a[0] })
            let keep = predicate(f, negate: try b.bool("negate"), b.varkw)
            return LClass.make(try items(args).filter(keep))
        }
        c.define("argwhere") { args in
            let b = try args.bind(["self", "f", "negate=False", "**kwargs"])
            let keep = predicate(b["f"], negate: try b.bool("negate"), b.varkw)
            return LClass.make(try items(args).enumerated().compactMap { try keep($0.element) ? .int($0.offset) : nil })
        }
        c.define("argfirst") { args in
            let b = try args.bind(["self", "f", "negate=False"])
            let keep = predicate(b["f"], negate: try b.bool("negate"), [])
            for (i, x) in try items(args).enumerated() where try keep(x) { return .int(i) }
            return .none
        }
        let sortSig = Signature(parsing: ["self", "key=None", "reverse=False", "cmp=None"])
        c.define("sorted") { args in
            let b = try args.bind(sortSig)
            if !b["cmp"].isNone { throw notSupported("L.sorted(cmp=...)") }
            var key = b["key"]
            switch key {
            case .str(let name):
                key = .object(NativeFunction(name: "key") { a in
                    try Runtime.lookupAttribute(try a[0], name) ?? .int(0)
                })
            case .int:
                let idx = key
                key = .object(NativeFunction(name: "key") { a in try Runtime.getItem(try a[0], idx) })
            default: break
            }
            let sorted = try builtin("sorted")
            return .object(LObject(try Runtime.call(sorted, [.object(PyList(try items(args)))],
                                                    [("key", key), ("reverse", b["reverse"])]).as(PyList.self) ?? PyList()))
        }
        let uniqueSig = Signature(parsing: ["self", "sort=False", "bidir=False", "start=None"])
        c.define("unique") { args in
            let b = try args.bind(uniqueSig)
            if try b.bool("bidir") { throw notSupported("L.unique(bidir=True)") }
            let seen = PyDict()
            for x in try items(args) where !(try seen.contains(x)) { try seen.set(x, .none) }
            var out = seen.keys
            if !b["start"].isNone { out = try LClass.listified(b["start"]) + out }
            let list = PyList(out)
            if try b.bool("sort") { _ = try Runtime.callMethod(.object(list), "sort", []) }
            return .object(LObject(list))
        }
        for (name, fromEnd) in [("first", false), ("last", true)] {
            let sig = Signature(parsing: ["self", "f", "negate=False"])
            c.define(name) { args in
                let b = try args.bind(sig)
                let keep = predicate(b["f"], negate: try b.bool("negate"), [])
                let xs = try items(args)
                for x in fromEnd ? xs.reversed() : xs where try keep(x) { return x }
                return .none
            }
        }
        c.define("flatten") { args in
            var out: [Value] = []
            func walk(_ xs: [Value]) throws {
                try LClass.enterNested("")
                defer { LClass.nesting -= 1 }
                for x in xs {
                    if case .object(let o) = x, LClass.isIterable(o) { try walk(try Runtime.iterateToArray(x)) }
                    else if let t = x.tensorValue, t.dim > 0 { try walk(try Runtime.iterateToArray(x)) }
                    else { out.append(x) }
                }
            }
            try walk(try items(args))
            return LClass.make(out)
        }
    }

    static func installReductions(_ c: PyClass) {
        let reduceSig = Signature(parsing: ["self", "f", "initial=None"])
        c.define("reduce") { args in
            let b = try args.bind(reduceSig)
            return try reduce(try items(args), b["f"], initial: b["initial"].isNone ? nil : b["initial"])
        }
        c.define("sum") { args in
            try reduce(try items(args), nil, initial: .int(0)) { try Runtime.binary(.add, $0, $1) }
        }
        c.define("product") { args in
            try reduce(try items(args), nil, initial: .int(1)) { try Runtime.binary(.multiply, $0, $1) }
        }
    }

    /// `functools.reduce(f, xs[, initial])` with CPython's message for an empty sequence.
    static func reduce(_ xs: [Value], _ f: Value?, initial: Value?,
                       _ op: ((Value, Value) throws -> Value)? = nil) throws -> Value {
        let combine: (Value, Value) throws -> Value = op ?? { a, b in try Runtime.call(f ?? .none, [a, b]) }
        var rest = xs[...]
        guard var acc = initial ?? rest.popFirst() else {
            throw pyError(.typeError, "reduce() of empty iterable with no initial value")
        }
        for x in rest { acc = try combine(acc, x) }
        return acc
    }

    static func installClassMethods(_ c: PyClass) {
        let range = NativeFunction(name: "range") { args in
            let b = try args.bind(["a", "b=None", "step=None"])
            var a = b["a"]
            if case .object(let o) = a, LClass.isIterable(o) || a.tensorValue != nil { a = .int(try Runtime.length(a)) }
            var rangeArgs = [a]
            if !b["b"].isNone || !b["step"].isNone { rangeArgs = [a, b["b"].isNone ? .none : b["b"]] }
            if !b["step"].isNone { rangeArgs.append(b["step"]) }
            return LClass.make(try Runtime.iterateToArray(try Runtime.call(try builtin("range"), rangeArgs)))
        }
        c.setAttribute("range", .object(MethodWrapper(.staticMethod, .object(range))))
        let split = NativeFunction(name: "split") { args in
            let b = try args.bind(["s", "sep=None", "maxsplit=-1"])
            return LClass.make(try Runtime.iterateToArray(try Runtime.callMethod(b["s"], "split", [b["sep"], b["maxsplit"]])))
        }
        c.setAttribute("split", .object(MethodWrapper(.staticMethod, .object(split))))
    }

    static func builtin(_ name: String) throws -> Value {
        guard let f = Interpreter.current?.builtinsModule[name] else { throw notSupported("\(name) outside a script") }
        return f
    }
}
