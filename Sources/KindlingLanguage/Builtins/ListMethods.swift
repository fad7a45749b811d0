extension Builtins {
    static func installListMethods() {
        let c = list
        c.constructor = { a in
            let b = try a.bind(["iterable=()"])
            return .object(PyList(try Runtime.iterateToArray(b["iterable"])))
        }
        func def(_ name: String, _ params: [String], _ body: @escaping (PyList, BoundArguments) throws -> Value) {
            let sig = Signature(parsing: ["self"] + params)
            c.define(name) { a in
                let l = try a.selfObject(PyList.self)
                return try body(l, try a.bind(sig))
            }
        }
        def("append", ["object"]) { l, b in l.items.append(b["object"]); return .none }
        def("extend", ["iterable"]) { l, b in l.items += try Runtime.iterateToArray(b["iterable"]); return .none }
        def("insert", ["index", "object"]) { l, b in
            var i = try b.int("index")
            let n = l.items.count
            if i < 0 { i = max(0, i + n) }
            l.items.insert(b["object"], at: min(i, n))
            return .none
        }
        def("pop", ["index=-1"]) { l, b in
            if l.items.isEmpty { throw PyException.make(.indexError, "pop from empty list") }
            let i = try Runtime.index(try b.int("index"), l.items.count, "pop")
            return l.items.remove(at: i)
        }
        def("remove", ["value"]) { l, b in
            for (i, v) in l.items.enumerated() where try Runtime.valuesEqual(v, b["value"]) {
                l.items.remove(at: i)
                return .none
            }
            throw PyException.make(.valueError, "list.remove(x): x not in list")
        }
        def("index", ["value", "start=0", "stop=None"]) { l, b in
            let (s, e, _) = try PySlice(b["start"], b["stop"], .none).indices(l.items.count)
            var i = s
            while i < e { if try Runtime.valuesEqual(l.items[i], b["value"]) { return .int(i) }; i += 1 }
            throw PyException.make(.valueError, "\(try Runtime.repr(b["value"])) is not in list")
        }
        def("count", ["value"]) { l, b in .int(try l.items.filter { try Runtime.valuesEqual($0, b["value"]) }.count) }
        def("reverse", []) { l, _ in l.items.reverse(); return .none }
        def("copy", []) { l, _ in .object(PyList(l.items)) }
        def("clear", []) { l, _ in l.items.removeAll(); return .none }
        def("sort", ["*", "key=None", "reverse=False"]) { l, b in
            l.items = try sortValues(l.items, key: b["key"], reverse: try b.bool("reverse"))
            return .none
        }
        c.define("__len__") { a in .int(try a.selfObject(PyList.self).items.count) }
        c.define("__getitem__") { a in try Runtime.getItem(try a[0], try a[1]) }
        c.define("__setitem__") { a in try Runtime.setItem(try a[0], try a[1], try a[2]); return .none }
        c.define("__contains__") { a in .bool(try Runtime.contains(try a[0], try a[1])) }
        c.define("__iter__") { a in .object(try Runtime.makeIterator(try a[0])) }
        c.setAttribute("__hash__", Value.none)
    }

    static func installTupleMethods() {
        let c = tuple
        c.constructor = { a in
            let b = try a.bind(["iterable=()"])
            // tuple(t) is t itself only for an exact tuple; a subclass (torch.Size) becomes a plain tuple.
            if let t = b["iterable"].as(PyTuple.self) { return .object(t.pyClass === Builtins.tuple ? t : PyTuple(t.items)) }
            return .object(PyTuple(try Runtime.iterateToArray(b["iterable"])))
        }
        c.define("index") { a in
            let t = try a.selfObject(PyTuple.self)
            for (i, v) in t.items.enumerated() where try Runtime.valuesEqual(v, try a[1]) { return .int(i) }
            throw PyException.make(.valueError, "tuple.index(x): x not in tuple")
        }
        c.define("count") { a in
            let t = try a.selfObject(PyTuple.self)
            return .int(try t.items.filter { try Runtime.valuesEqual($0, try a[1]) }.count)
        }
        c.define("__len__") { a in .int(try a.selfObject(PyTuple.self).items.count) }
        c.define("__getitem__") { a in try Runtime.getItem(try a[0], try a[1]) }
        c.define("__contains__") { a in .bool(try Runtime.contains(try a[0], try a[1])) }
        c.define("__iter__") { a in .object(try Runtime.makeIterator(try a[0])) }
    }

    /// A stable sort with a Python `key` function and `<` comparisons (which may raise).
    public static func sortValues(_ items: [Value], key: Value = .none, reverse: Bool = false) throws -> [Value] {
        let keys = key.isNone ? items : try items.map { try Runtime.call(key, [$0]) }
        var idx = Array(0..<items.count)
        func less(_ i: Int, _ j: Int) throws -> Bool {
            let (a, b) = (keys[i], keys[j])
            if case .int(let x) = a, case .int(let y) = b { return x < y }
            if case .float(let x) = a, case .float(let y) = b { return x < y }
            if case .str(let x) = a, case .str(let y) = b { return Array(x.unicodeScalars.map { $0.value }).lexicographicallyPrecedes(y.unicodeScalars.map { $0.value }) }
            return try Runtime.compare(.less, a, b).isTruthy()
        }
        // Merge sort: stable, and reverse keeps equal elements in original order like CPython.
        func merge(_ lo: Int, _ hi: Int) throws {
            if hi - lo < 2 { return }
            let mid = (lo + hi) / 2
            try merge(lo, mid); try merge(mid, hi)
            var out: [Int] = []
            out.reserveCapacity(hi - lo)
            var i = lo, j = mid
            while i < mid && j < hi {
                let takeRight = reverse ? try less(idx[i], idx[j]) : try less(idx[j], idx[i])
                if takeRight { out.append(idx[j]); j += 1 } else { out.append(idx[i]); i += 1 }
            }
            out += idx[i..<mid]; out += idx[j..<hi]
            idx.replaceSubrange(lo..<hi, with: out)
        }
        try merge(0, idx.count)
        return idx.map { items[$0] }
    }
}
