extension Interpreter {
    func installIterationBuiltins(_ def: (String, @escaping (Arguments) throws -> Value) -> Void) {
        def("zip") { a in
            let its = try a.positional.map { try Runtime.makeIterator($0) }
            if its.isEmpty { return .object(ClosureIterator(cls: Builtins.zipType) { nil }) }
            return .object(ClosureIterator(cls: Builtins.zipType) {
                var row: [Value] = []
                for it in its { guard let v = try it.next() else { return nil }; row.append(v) }
                return .object(PyTuple(row))
            })
        }
        def("enumerate") { a in
            let b = try a.bind(["iterable", "start=0"])
            let it = try Runtime.makeIterator(b["iterable"])
            var i = try b.int("start")
            return .object(ClosureIterator(cls: Builtins.enumerateType) {
                guard let v = try it.next() else { return nil }
                defer { i += 1 }
                return .object(PyTuple([.int(i), v]))
            })
        }
        def("map") { a in
            guard a.positional.count >= 2 else { throw PyException.make(.typeError, "map() must have at least two arguments.") }
            let f = a.positional[0]
            let its = try a.positional.dropFirst().map { try Runtime.makeIterator($0) }
            return .object(ClosureIterator(cls: Builtins.mapType) {
                var args: [Value] = []
                for it in its { guard let v = try it.next() else { return nil }; args.append(v) }
                return try Runtime.call(f, args)
            })
        }
        def("filter") { a in
            let f = try a[0]
            let it = try Runtime.makeIterator(try a[1])
            return .object(ClosureIterator(cls: Builtins.filterType) {
                while let v = try it.next() {
                    if f.isNone ? try v.isTruthy() : try Runtime.call(f, [v]).isTruthy() { return v }
                }
                return nil
            })
        }
        def("reversed") { a in
            let v = try a[0]
            if let r = try Runtime.callSpecialIfPresent(v, "__reversed__", []), v.object != nil, !(v.object is PyList) { return r }
            if v.as(PyDict.self) != nil || v.as(PyList.self) != nil || v.as(PyTuple.self) != nil || v.as(PyRange.self) != nil || v.strPayload != nil {
                return .object(ArrayIterator(try Runtime.iterateToArray(v).reversed()))
            }
            if v.pyClass.lookup("__len__") != nil && v.pyClass.lookup("__getitem__") != nil {
                let n = try Runtime.length(v)
                var i = n - 1
                return .object(ClosureIterator {
                    guard i >= 0 else { return nil }
                    defer { i -= 1 }
                    return try Runtime.getItem(v, .int(i))
                })
            }
            throw PyException.make(.typeError, "'\(v.typeName)' object is not reversible")
        }
        def("sorted") { a in
            let b = try a.bind(["iterable", "*", "key=None", "reverse=False"])
            return .object(PyList(try Builtins.sortValues(try Runtime.iterateToArray(b["iterable"]), key: b["key"], reverse: try b.bool("reverse"))))
        }
        def("sum") { a in
            let b = try a.bind(["iterable", "start=0"])
            var total = b["start"]
            if case .str = total { throw PyException.make(.typeError, "sum() can't sum strings [use ''.join(seq) instead]") }
            try Runtime.forEach(b["iterable"]) { v in
                if case .int(let x) = total, case .int(let y) = v { total = .int(try Arithmetic.add(x, y)) }
                else if case .float(let x) = total, case .float(let y) = v { total = .float(x + y) }
                else { total = try Runtime.binary(.add, total, v) }
            }
            return total
        }
        def("min") { a in try Builtins.extreme(a, "min", .less) }
        def("max") { a in try Builtins.extreme(a, "max", .greater) }
        def("any") { a in
            let it = try Runtime.makeIterator(try a[0])
            while let v = try it.next() { if try v.isTruthy() { return .bool(true) } }
            return .bool(false)
        }
        def("all") { a in
            let it = try Runtime.makeIterator(try a[0])
            while let v = try it.next() { if !(try v.isTruthy()) { return .bool(false) } }
            return .bool(true)
        }
    }
}

extension Builtins {
    static func extreme(_ a: Arguments, _ name: String, _ op: CompareOperator) throws -> Value {
        let key = a.keyword("key") ?? .none
        let dflt = a.keyword("default")
        for (k, _) in a.keywords where k != "key" && k != "default" {
            throw PyException.make(.typeError, "\(name)() got an unexpected keyword argument '\(k)'")
        }
        var items: [Value]
        if a.positional.count == 1 { items = try Runtime.iterateToArray(a.positional[0]) }
        else if a.positional.isEmpty { throw PyException.make(.typeError, "\(name) expected at least 1 argument, got 0") }
        else {
            if dflt != nil { throw PyException.make(.typeError, "Cannot specify a default for \(name)() with multiple positional arguments") }
            items = a.positional
        }
        guard var best = items.first else {
            if let d = dflt { return d }
            throw PyException.make(.valueError, "\(name)() arg is an empty sequence")
        }
        var bestKey = key.isNone ? best : try Runtime.call(key, [best])
        for v in items.dropFirst() {
            let k = key.isNone ? v : try Runtime.call(key, [v])
            if try Runtime.compare(op, k, bestKey).isTruthy() { best = v; bestKey = k }
        }
        return best
    }
}
