/// The Swift half of `collections`: `_dictbase` (the native dict base that `defaultdict`,
/// `Counter` and `OrderedDict` derive from in CollectionsModule's Python), `_dict_repr`, and
/// `namedtuple`, whose classes derive from `tuple` (instances are real tuples).
enum CollectionsNatives {
    static func install(_ m: PyModule) {
        let base = PyClass(native: "_dictbase", base: Builtins.dict, module: "collections")
        base.factory = { _ in
            let d = PyDict()
            d.attributes = AttributeDict()
            return d
        }
        base.define("__init__") { a in
            let d = try a.selfObject(PyDict.self)
            if a.positional.count > 2 { throw PyException.make(.typeError, "dict expected at most 1 argument, got \(a.positional.count - 1)") }
            if a.positional.count == 2 { try Builtins.updateDict(d, a.positional[1]) }
            for (k, v) in a.keywords { d.set(k, v) }
            return .none
        }
        m.add(base)
        m.define("_dict_repr") { a in
            let d = try a.selfObject(PyDict.self)
            let parts = try d.pairs.map { try Runtime.repr($0.0) + ": " + Runtime.repr($0.1) }
            return .str("{" + parts.joined(separator: ", ") + "}")
        }
        m.define("namedtuple") { a in try namedtuple(a) }
    }

    static func namedtuple(_ a: Arguments) throws -> Value {
        let b = try a.bind(["typename", "field_names", "*", "rename=False", "defaults=None", "module=None"])
        let typename = try b.string("typename")
        var fields: [String]
        if case .str(let s) = b["field_names"] {
            fields = s.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        } else {
            fields = try Runtime.iterateToArray(b["field_names"]).map { try Runtime.str($0) }
        }
        if try b.bool("rename") {
            var seen = Set<String>()
            for (i, f) in fields.enumerated() {
                if !isIdentifier(f) || pythonKeywords.contains(f) || f.hasPrefix("_") || seen.contains(f) { fields[i] = "_\(i)" }
                seen.insert(fields[i])
            }
        }
        var seen = Set<String>()
        for name in [typename] + fields {
            if !isIdentifier(name) {
                throw PyException.make(.valueError, "Type names and field names must be valid identifiers: \(try Runtime.repr(.str(name)))")
            }
            if pythonKeywords.contains(name) {
                throw PyException.make(.valueError, "Type names and field names cannot be a keyword: \(try Runtime.repr(.str(name)))")
            }
        }
        for f in fields {
            if f.hasPrefix("_") { throw PyException.make(.valueError, "Field names cannot start with an underscore: \(try Runtime.repr(.str(f)))") }
            if !seen.insert(f).inserted { throw PyException.make(.valueError, "Encountered duplicate field name: \(try Runtime.repr(.str(f)))") }
        }
        let defaultValues = b["defaults"].isNone ? [] : try Runtime.iterateToArray(b["defaults"])
        if defaultValues.count > fields.count { throw PyException.make(.typeError, "Got more default values than field names") }
        var defaults: [String: Value] = [:]
        for (f, v) in zip(fields.suffix(defaultValues.count), defaultValues) { defaults[f] = v }
        let module = try b.optionalString("module") ?? "__main__"
        let cls = try PyClass(name: typename, bases: [Builtins.tuple], module: module, native: false)
        let signature = Signature(positional: fields)
        cls.factory = { _ in PyTuple([]) }
        cls.define("__init__") { a in
            let me = try a.selfObject(PyTuple.self)
            me.items = try signature.bind(positional: Array(a.positional.dropFirst()), keywords: a.keywords,
                                          defaults: defaults, functionName: "\(typename).__new__")
            return .none
        }
        cls.setAttribute("_fields", .object(PyTuple(fields.map { .str($0) })))
        let fieldDefaults = PyDict()
        for f in fields where defaults[f] != nil { fieldDefaults.set(f, defaults[f] ?? .none) }
        cls.setAttribute("_field_defaults", .object(fieldDefaults))
        for (i, f) in fields.enumerated() {
            cls.defineProperty(f) { v in
                guard let t = v.as(PyTuple.self), i < t.items.count else { return .none }
                return t.items[i]
            }
        }
        cls.define("__repr__") { a in
            let me = try a.selfObject(PyTuple.self)
            let parts = try zip(fields, me.items).map { "\($0)=\(try Runtime.repr($1))" }
            return .str("\(me.pyClass.name)(" + parts.joined(separator: ", ") + ")")
        }
        cls.define("_asdict") { a in
            let me = try a.selfObject(PyTuple.self)
            let d = PyDict()
            for (f, v) in zip(fields, me.items) { d.set(f, v) }
            return .object(d)
        }
        cls.define("_replace") { a in
            let me = try a.selfObject(PyTuple.self)
            var items = me.items
            var unexpected: [Value] = []
            for (k, v) in a.keywords {
                if let i = fields.firstIndex(of: k), i < items.count { items[i] = v } else { unexpected.append(.str(k)) }
            }
            if !unexpected.isEmpty {
                throw PyException.make(.valueError, "Got unexpected field names: \(try Runtime.repr(.object(PyList(unexpected))))")
            }
            let copy = PyTuple(items)
            copy.pyClass = me.pyClass
            if !me.pyClass.isNative && copy.attributes == nil { copy.attributes = AttributeDict() }
            return .object(copy)
        }
        cls.setAttribute("_make", .object(MethodWrapper(.classMethod, .object(NativeFunction(name: "_make") { a in
            guard let c = try a[0].as(PyClass.self) else { throw PyException.make(.typeError, "_make needs a class") }
            return try Runtime.instantiate(c, try Runtime.iterateToArray(try a[1]), [])
        }))))
        cls.define("__getnewargs__") { a in .object(PyTuple(try a.selfObject(PyTuple.self).items)) }
        return .object(cls)
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
    }
}
