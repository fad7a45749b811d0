extension Builtins {
    static func installDictMethods() {
        let c = dict
        c.constructor = { a in
            let d = PyDict()
            if let src = a.positional.first { try updateDict(d, src) }
            if a.positional.count > 1 { throw PyException.make(.typeError, "dict expected at most 1 argument, got \(a.positional.count)") }
            for (k, v) in a.keywords { d.set(k, v) }
            return .object(d)
        }
        func def(_ name: String, _ params: [String], _ body: @escaping (PyDict, BoundArguments) throws -> Value) {
            let sig = Signature(parsing: ["self"] + params)
            c.define(name) { a in try body(try a.selfObject(PyDict.self), try a.bind(sig)) }
        }
        def("keys", []) { d, _ in .object(DictView(d, .keys)) }
        def("values", []) { d, _ in .object(DictView(d, .values)) }
        def("items", []) { d, _ in .object(DictView(d, .items)) }
        def("get", ["key", "default=None"]) { d, b in try d.get(b["key"]) ?? b["default"] }
        c.define("pop") { a in
            let d = try a.selfObject(PyDict.self)
            let key = try a[1]
            if let v = try d.remove(key) { return v }
            if a.positional.count > 2 { return a.positional[2] }
            throw PyException(PyBaseException(keyError, args: [key]))
        }
        def("popitem", []) { d, _ in
            guard let k = d.keys.last else { throw PyException.make(.keyError, "popitem(): dictionary is empty") }
            let v = try d.remove(k) ?? .none
            return .object(PyTuple([k, v]))
        }
        def("setdefault", ["key", "default=None"]) { d, b in
            if let v = try d.get(b["key"]) { return v }
            try d.set(b["key"], b["default"])
            return b["default"]
        }
        c.define("update") { a in
            let d = try a.selfObject(PyDict.self)
            if a.positional.count > 1 { try updateDict(d, a.positional[1]) }
            for (k, v) in a.keywords { d.set(k, v) }
            return .none
        }
        def("copy", []) { d, _ in .object(try PyDict(d.pairs)) }
        def("clear", []) { d, _ in d.removeAll(); return .none }
        c.setAttribute("fromkeys", .object(MethodWrapper(.staticMethod, .object(NativeFunction(name: "fromkeys") { a in
            let d = PyDict()
            let v = a.positional.count > 1 ? a.positional[1] : .none
            for k in try Runtime.iterateToArray(try a[0]) { try d.set(k, v) }
            return .object(d)
        }))))
        c.define("__len__") { a in .int(try a.selfObject(PyDict.self).count) }
        c.define("__getitem__") { a in try Runtime.getItem(try a[0], try a[1]) }
        c.define("__setitem__") { a in try Runtime.setItem(try a[0], try a[1], try a[2]); return .none }
        c.define("__contains__") { a in .bool(try Runtime.contains(try a[0], try a[1])) }
        c.define("__iter__") { a in .object(try Runtime.makeIterator(try a[0])) }
        c.setAttribute("__hash__", Value.none)
    }

    static func updateDict(_ d: PyDict, _ src: Value) throws {
        if let o = src.as(PyDict.self) { for (k, v) in o.pairs { try d.set(k, v) }; return }
        if src.pyClass.lookup("keys") != nil {
            for k in try Runtime.iterateToArray(try Runtime.callMethod(src, "keys", [])) { try d.set(k, try Runtime.getItem(src, k)) }
            return
        }
        for (i, item) in try Runtime.iterateToArray(src).enumerated() {
            let pair = try Runtime.iterateToArray(item)
            guard pair.count == 2 else {
                throw PyException.make(.valueError, "dictionary update sequence element #\(i) has length \(pair.count); 2 is required")
            }
            try d.set(pair[0], pair[1])
        }
    }

    static func installSetMethods() {
        for (c, frozen) in [(set, false), (frozenset, true)] {
            c.constructor = { a in
                let b = try a.bind(["iterable=()"])
                return .object(try PySet(try Runtime.iterateToArray(b["iterable"]), frozen: frozen))
            }
            func def(_ name: String, _ body: @escaping (PySet, [Value]) throws -> Value) {
                c.define(name) { a in try body(try a.selfObject(PySet.self), Array(a.positional.dropFirst())) }
            }
            func others(_ vs: [Value]) throws -> [[Value]] { try vs.map { try Runtime.iterateToArray($0) } }
            if !frozen {
                def("add") { s, v in try s.add(v.first ?? .none); return .none }
                def("remove") { s, v in
                    let x = v.first ?? .none
                    if !(try s.remove(x)) { throw PyException(PyBaseException(keyError, args: [x])) }
                    return .none
                }
                def("discard") { s, v in try s.remove(v.first ?? .none); return .none }
                def("pop") { s, _ in
                    guard let x = s.iterationOrder.first else { throw PyException.make(.keyError, "pop from an empty set") }
                    try s.remove(x)
                    return x
                }
                def("clear") { s, _ in s.removeAll(); return .none }
                def("update") { s, v in for o in try others(v) { for x in o { try s.add(x) } }; return .none }
            }
            def("copy") { s, _ in .object(try PySet(s.items, frozen: frozen)) }
            def("union") { s, v in
                let r = try PySet(s.items, frozen: frozen)
                for o in try others(v) { for x in o { try r.add(x) } }
                return .object(r)
            }
            def("intersection") { s, v in
                let os = try others(v).map { try PySet($0) }
                return .object(try PySet(try s.items.filter { x in try os.allSatisfy { try $0.contains(x) } }, frozen: frozen))
            }
            def("difference") { s, v in
                let os = try others(v).map { try PySet($0) }
                return .object(try PySet(try s.items.filter { x in try !os.contains { try $0.contains(x) } }, frozen: frozen))
            }
            def("symmetric_difference") { s, v in
                let o = try PySet(try Runtime.iterateToArray(v.first ?? .none))
                let r = try PySet(try s.items.filter { !(try o.contains($0)) }, frozen: frozen)
                for x in o.items where !(try s.contains(x)) { try r.add(x) }
                return .object(r)
            }
            def("issubset") { s, v in
                let o = try PySet(try Runtime.iterateToArray(v.first ?? .none))
                return .bool(try s.items.allSatisfy { try o.contains($0) })
            }
            def("issuperset") { s, v in .bool(try Runtime.iterateToArray(v.first ?? .none).allSatisfy { try s.contains($0) }) }
            def("isdisjoint") { s, v in .bool(try !Runtime.iterateToArray(v.first ?? .none).contains { try s.contains($0) }) }
            def("__len__") { s, _ in .int(s.count) }
            def("__contains__") { s, v in .bool(try s.contains(v.first ?? .none)) }
            def("__iter__") { s, _ in .object(ArrayIterator(s.iterationOrder)) }
            // Operators: | & - ^ and comparisons.
            def("__or__") { s, v in try Runtime.callMethod(.object(s), "union", v) }
            def("__and__") { s, v in try Runtime.callMethod(.object(s), "intersection", v) }
            def("__sub__") { s, v in try Runtime.callMethod(.object(s), "difference", v) }
            def("__xor__") { s, v in try Runtime.callMethod(.object(s), "symmetric_difference", v) }
            def("__le__") { s, v in try Runtime.callMethod(.object(s), "issubset", v) }
            def("__ge__") { s, v in try Runtime.callMethod(.object(s), "issuperset", v) }
            def("__lt__") { s, v in
                .bool(try Runtime.callMethod(.object(s), "issubset", v).isTruthy() && s.count < (try Runtime.length(v.first ?? .none)))
            }
            def("__gt__") { s, v in
                .bool(try Runtime.callMethod(.object(s), "issuperset", v).isTruthy() && s.count > (try Runtime.length(v.first ?? .none)))
            }
            if !frozen { c.setAttribute("__hash__", Value.none) }
        }
    }
}
