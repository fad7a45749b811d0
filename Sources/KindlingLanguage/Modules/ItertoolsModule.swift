/// CPython's `itertools`: every function is a class whose instances are lazy iterators
/// (`itertools.count(5)` never ends; `islice` stops pulling as soon as it has enough).
enum ItertoolsModule {
    static func make() -> PyModule {
        let m = PyModule(name: "itertools")
        m.isPartialLibrary = true
        func add(_ name: String, _ make: @escaping (Arguments, PyClass) throws -> PyIterator) {
            let c = PyClass(native: name, base: Builtins.iterator, module: "itertools")
            c.constructor = { a in .object(try make(a, c)) }
            m.add(c)
        }
        func closure(_ c: PyClass, _ step: @escaping () throws -> Value?) -> PyIterator { ClosureIterator(cls: c, step) }

        add("count") { a, c in
            let b = try a.bind(["start=0", "step=1"])
            var current = b["start"]
            let step = b["step"]
            for v in [current, step] where !isNumber(v) { throw PyException.make(.typeError, "a number is required") }
            return CountIterator(cls: c) {
                let v = current
                current = try Runtime.binary(.add, current, step)
                return v
            } repr: { "count(\(try Runtime.repr(current))" + (isOne(step) ? ")" : ", \(try Runtime.repr(step)))") }
        }
        add("cycle") { a, c in
            let it = try Runtime.makeIterator(try single(a, "cycle"))
            var saved: [Value] = []
            var index = 0
            var exhausted = false
            return closure(c) {
                if !exhausted {
                    if let v = try it.next() { saved.append(v); return v }
                    exhausted = true
                }
                guard !saved.isEmpty else { return nil }
                defer { index = (index + 1) % saved.count }
                return saved[index]
            }
        }
        add("repeat") { a, c in
            let b = try a.bind(["object", "times=None"])
            let value = b["object"]
            var remaining: Int? = try b.optionalInt("times").map { max($0, 0) }
            return CountIterator(cls: c) {
                if let r = remaining { if r == 0 { return nil }; remaining = r - 1 }
                return value
            } repr: { "repeat(\(try Runtime.repr(value))" + (remaining.map { ", \($0))" } ?? ")") }
        }
        add("accumulate") { a, c in
            let b = try a.bind(["iterable", "func=None", "*", "initial=None"])
            let it = try Runtime.makeIterator(b["iterable"])
            let function = b["func"]
            var total: Value? = b["initial"].isNone ? nil : b["initial"]
            var first = total != nil
            return closure(c) {
                if first { first = false; return total }
                guard let v = try it.next() else { return nil }
                if let t = total {
                    total = function.isNone ? try Runtime.binary(.add, t, v) : try Runtime.call(function, [t, v])
                } else { total = v }
                return total
            }
        }
        let chain = PyClass(native: "chain", base: Builtins.iterator, module: "itertools")
        func chained(_ sources: PyIterator, _ c: PyClass) -> PyIterator {
            var current: PyIterator? = nil
            return ClosureIterator(cls: c) {
                while true {
                    if let it = current, let v = try it.next() { return v }
                    guard let next = try sources.next() else { return nil }
                    current = try Runtime.makeIterator(next)
                }
            }
        }
        chain.constructor = { a in
            if let k = a.keywords.first { throw PyException.make(.typeError, "chain() got an unexpected keyword argument '\(k.0)'") }
            return .object(chained(ArrayIterator(a.positional), chain))
        }
        chain.setAttribute("from_iterable", .object(MethodWrapper(.staticMethod, .object(NativeFunction(name: "from_iterable") { a in
            .object(chained(try Runtime.makeIterator(try single(a, "from_iterable")), chain))
        }))))
        m.add(chain)
        add("compress") { a, c in
            let b = try a.bind(["data", "selectors"])
            let data = try Runtime.makeIterator(b["data"]), selectors = try Runtime.makeIterator(b["selectors"])
            return closure(c) {
                while let d = try data.next() {
                    guard let s = try selectors.next() else { return nil }
                    if try s.isTruthy() { return d }
                }
                return nil
            }
        }
        add("dropwhile") { a, c in
            let (predicate, it) = try predicateAndIterator(a, "dropwhile")
            var dropping = true
            return closure(c) {
                while let v = try it.next() {
                    if dropping, try Runtime.call(predicate, [v]).isTruthy() { continue }
                    dropping = false
                    return v
                }
                return nil
            }
        }
        add("takewhile") { a, c in
            let (predicate, it) = try predicateAndIterator(a, "takewhile")
            var done = false
            return closure(c) {
                guard !done, let v = try it.next() else { return nil }
                if try Runtime.call(predicate, [v]).isTruthy() { return v }
                done = true
                return nil
            }
        }
        add("filterfalse") { a, c in
            let (predicate, it) = try predicateAndIterator(a, "filterfalse")
            return closure(c) {
                while let v = try it.next() {
                    let keep = predicate.isNone ? try v.isTruthy() : try Runtime.call(predicate, [v]).isTruthy()
                    if !keep { return v }
                }
                return nil
            }
        }
        add("starmap") { a, c in
            let (function, it) = try predicateAndIterator(a, "starmap")
            return closure(c) {
                guard let v = try it.next() else { return nil }
                return try Runtime.call(function, try Runtime.iterateToArray(v))
            }
        }
        add("islice") { a, c in try islice(a, c) }
        add("zip_longest") { a, c in
            let fill = a.keyword("fillvalue") ?? .none
            if let k = a.keywords.first(where: { $0.0 != "fillvalue" }) {
                throw PyException.make(.typeError, "zip_longest() got an unexpected keyword argument '\(k.0)'")
            }
            let its = try a.positional.map(Runtime.makeIterator)
            var active = its.map { _ in true }
            return closure(c) {
                guard active.contains(true) else { return nil }
                var row: [Value] = []
                for (i, it) in its.enumerated() {
                    if active[i], let v = try it.next() { row.append(v) } else { active[i] = false; row.append(fill) }
                }
                return active.contains(true) ? .object(PyTuple(row)) : nil
            }
        }
        add("pairwise") { a, c in
            let it = try Runtime.makeIterator(try single(a, "pairwise"))
            var previous: Value? = nil
            var started = false
            return closure(c) {
                if !started { started = true; previous = try it.next() }
                guard let p = previous, let v = try it.next() else { return nil }
                previous = v
                return .object(PyTuple([p, v]))
            }
        }
        add("groupby") { a, c in try GroupBy.make(a, c) }
        add("product") { a, c in
            let repeatCount = try a.keyword("repeat")?.asInt() ?? 1
            if repeatCount < 0 { throw PyException.make(.valueError, "repeat argument cannot be negative") }
            let pools = try a.positional.map(Runtime.iterateToArray)
            let all = Array([[[Value]]](repeating: pools, count: repeatCount).joined())
            return indexTuples(c, counts: all.map(\.count)) { idx in .object(PyTuple(zip(all, idx).map { $0[$1] })) }
        }
        add("permutations") { a, c in
            let b = try a.bind(["iterable", "r=None"])
            let pool = try Runtime.iterateToArray(b["iterable"])
            let r = try b.optionalInt("r") ?? pool.count
            if r < 0 { throw PyException.make(.valueError, "r must be non-negative") }
            return closure(c, Combinatorics.permutations(pool, r))
        }
        add("combinations") { a, c in
            let b = try a.bind(["iterable", "r"])
            let pool = try Runtime.iterateToArray(b["iterable"])
            let r = try b.int("r")
            if r < 0 { throw PyException.make(.valueError, "r must be non-negative") }
            return closure(c, Combinatorics.combinations(pool, r, replacement: false))
        }
        add("combinations_with_replacement") { a, c in
            let b = try a.bind(["iterable", "r"])
            let pool = try Runtime.iterateToArray(b["iterable"])
            let r = try b.int("r")
            if r < 0 { throw PyException.make(.valueError, "r must be non-negative") }
            return closure(c, Combinatorics.combinations(pool, r, replacement: true))
        }
        m.define("tee") { a in
            let b = try a.bind(["iterable", "n=2"])
            let n = try b.int("n")
            if n < 0 { throw PyException.make(.valueError, "n must be >= 0") }
            let source = try Runtime.makeIterator(b["iterable"])
            let shared = TeeBuffer(source)
            let cls = PyClass(native: "_tee", base: Builtins.iterator, module: "itertools")
            return .object(PyTuple((0..<n).map { _ in
                var position = 0
                return .object(ClosureIterator(cls: cls) {
                    defer { position += 1 }
                    return try shared.value(at: position)
                })
            }))
        }
        return m
    }

    static func isNumber(_ v: Value) -> Bool {
        switch v { case .int, .float, .bool: return true; case .object(let o): return o.pyClass.lookup("__add__") != nil; default: return false }
    }
    static func isOne(_ v: Value) -> Bool { if case .int(1) = v { return true }; return false }

    static func single(_ a: Arguments, _ name: String) throws -> Value {
        guard a.positional.count == 1, a.keywords.isEmpty else {
            throw PyException.make(.typeError, "\(name) expected 1 argument, got \(a.positional.count + a.keywords.count)")
        }
        return a.positional[0]
    }

    static func predicateAndIterator(_ a: Arguments, _ name: String) throws -> (Value, PyIterator) {
        guard a.positional.count == 2, a.keywords.isEmpty else {
            throw PyException.make(.typeError, "\(name) expected 2 arguments, got \(a.positional.count + a.keywords.count)")
        }
        return (a.positional[0], try Runtime.makeIterator(a.positional[1]))
    }

    static func islice(_ a: Arguments, _ c: PyClass) throws -> PyIterator {
        guard (2...4).contains(a.positional.count), a.keywords.isEmpty else {
            throw PyException.make(.typeError, "islice expected at most 4 arguments, got \(a.positional.count)")
        }
        func index(_ v: Value, _ what: String) throws -> Int? {
            if v.isNone { return nil }
            guard case .int(let i) = v, i >= 0 else {
                throw PyException.make(.valueError, "\(what) argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
            }
            return i
        }
        let p = a.positional
        let start = p.count > 2 ? try index(p[1], "Indices") ?? 0 : 0
        let stop = try index(p.count > 2 ? p[2] : p[1], p.count > 2 ? "Stop" : "Stop")
        var step = 1
        if p.count > 3, let s = try index(p[3], "Step") {
            if s == 0 { throw PyException.make(.valueError, "Step for islice() must be a positive integer or None.") }
            step = s
        }
        let it = try Runtime.makeIterator(p[0])
        var position = 0, next = start
        return ClosureIterator(cls: c) {
            if let s = stop, next >= s {
                // Like CPython, consume up to `stop` so the source is left where islice stopped.
                while position < s, try it.next() != nil { position += 1 }
                return nil
            }
            while position < next {
                guard try it.next() != nil else { return nil }
                position += 1
            }
            guard let v = try it.next() else { return nil }
            position += 1
            next += step
            return v
        }
    }

    /// An odometer over index tuples (`product`), the last index turning fastest.
    static func indexTuples(_ c: PyClass, counts: [Int], _ make: @escaping ([Int]) -> Value) -> PyIterator {
        var idx = [Int](repeating: 0, count: counts.count)
        var done = counts.contains(0)
        return ClosureIterator(cls: c) {
            if done { return nil }
            let v = make(idx)
            var k = counts.count - 1
            while k >= 0 {
                idx[k] += 1
                if idx[k] < counts[k] { break }
                idx[k] = 0
                k -= 1
            }
            if k < 0 { done = true }
            return v
        }
    }
}

/// An iterator with its own repr (`count(5)`, `repeat('a', 3)`).
final class CountIterator: PyIterator {
    let step: () throws -> Value?
    let reprText: () throws -> String
    init(cls: PyClass, _ step: @escaping () throws -> Value?, repr: @escaping () throws -> String) {
        self.step = step
        self.reprText = repr
        super.init(cls: cls)
        if cls.dict["__repr__"] == nil {
            cls.define("__repr__") { a in .str(try a.selfObject(CountIterator.self).reprText()) }
        }
    }
    override func next() throws -> Value? { try step() }
}

/// The values `tee`'s iterators share: pulled from the source once, dropped when all have read them.
final class TeeBuffer {
    let source: PyIterator
    var values: [Value] = []
    init(_ source: PyIterator) { self.source = source }
    func value(at i: Int) throws -> Value? {
        while values.count <= i {
            guard let v = try source.next() else { return nil }
            values.append(v)
        }
        return values[i]
    }
}
