extension Runtime {
    /// `getattr(v, name)` with Python's lookup order: data descriptors (properties) on the class,
    /// the instance dict, class attributes (functions bind to the instance), then `__getattr__`.
    public static func getAttribute(_ v: Value, _ name: String) throws -> Value {
        if let r = try lookupAttribute(v, name) { return r }
        throw attributeError(v, name)
    }

    /// Like `getAttribute` but returns nil instead of raising AttributeError.
    public static func lookupAttribute(_ v: Value, _ name: String) throws -> Value? {
        if case .object(let o) = v {
            if let m = o as? PyModule {
                if let r = m.namespace.get(name) { return r }
                if name == "__dict__" { return .object(try moduleDict(m)) }
                return nil
            }
            if let c = o as? PyClass { return try classAttribute(c, name) }
            if let s = o as? SuperObject { return try s.lookup(name) }
        }
        let cls = v.pyClass
        let classAttr = cls.lookup(name)
        if let ca = classAttr, case .object(let co) = ca, let p = co as? PyProperty { return try p.get(v) }
        if case .object(let o) = v, let attrs = o.attributes, let r = attrs[name] { return r }
        if let ca = classAttr { return bind(ca, to: v, cls: cls) }
        if let special = try specialAttribute(v, name) { return special }
        if let ga = cls.lookup("__getattr__") {
            do { return try callUnbound(ga, v, [.str(name)]) } catch let e as PyException where e.matches(.attributeError) {
                return nil
            }
        }
        return nil
    }

    /// Binds a class attribute found for an instance.
    static func bind(_ attr: Value, to receiver: Value, cls: PyClass) -> Value {
        guard case .object(let o) = attr else { return attr }
        if o is PyFunction || o is NativeFunction { return .object(BoundMethod(receiver, attr)) }
        if let w = o as? MethodWrapper {
            return w.kind == .staticMethod ? w.function : .object(BoundMethod(.object(cls), w.function))
        }
        return attr
    }

    /// Attribute of a class object (`Net.forward`, `cls.__name__`).
    static func classAttribute(_ c: PyClass, _ name: String) throws -> Value? {
        for k in c.mro {
            if let a = k.dict[name] {
                if case .object(let o) = a, let w = o as? MethodWrapper {
                    return w.kind == .staticMethod ? w.function : .object(BoundMethod(.object(c), w.function))
                }
                return a
            }
        }
        switch name {
        case "__name__", "__qualname__": return .str(c.name)
        case "__module__": return .str(c.moduleName)
        case "__mro__": return .object(PyTuple(c.mro.map { .object($0) }))
        case "__bases__": return .object(PyTuple(c.bases.map { .object($0) }))
        case "__base__": return c.bases.first.map { .object($0) } ?? Value.none
        case "__dict__":
            let d = PyDict()
            for (k, v) in c.dict.items { d.set(k, v) }
            return .object(d)
        case "__doc__": return Value.none
        case "__class__": return .object(Builtins.type)
        case "mro": return .object(NativeFunction(name: "mro") { _ in .object(PyList(c.mro.map { .object($0) })) })
        default:
            // Methods of `type` itself (rare), then nothing.
            return nil
        }
    }

    /// Attributes every object has without storing them.
    static func specialAttribute(_ v: Value, _ name: String) throws -> Value? {
        switch name {
        case "__class__": return .object(v.pyClass)
        case "__dict__":
            if case .object(let o) = v, let attrs = o.attributes {
                let d = PyDict()
                for (k, val) in attrs.items { d.set(k, val) }
                return .object(d)
            }
            return nil
        case "__name__", "__qualname__":
            if case .object(let o) = v {
                if let f = o as? PyFunction { return .str(name == "__name__" ? f.name : f.qualifiedName) }
                if let f = o as? NativeFunction { return .str(f.name) }
                if let m = o as? BoundMethod { return try lookupAttribute(m.function, name) }
                if let g = o as? PyGenerator { return .str(name == "__name__" ? g.name : g.qualifiedName) }
            }
            return nil
        case "__doc__":
            if case .object(let o) = v {
                if let f = o as? PyFunction { return f.doc.map { .str($0) } ?? Value.none }
                if let f = o as? NativeFunction { return f.doc.map { .str($0) } ?? Value.none }
            }
            return Value.none
        case "__self__":
            if let m = v.as(BoundMethod.self) { return m.receiver }
            return nil
        case "__func__":
            if let m = v.as(BoundMethod.self) { return m.function }
            return nil
        default: return nil
        }
    }

    static func moduleDict(_ m: PyModule) throws -> PyDict {
        let d = PyDict()
        for (k, v) in m.namespace.items { d.set(k, v) }
        return d
    }

    /// AttributeError with CPython 3.11's "Did you mean" suggestion.
    static func attributeError(_ v: Value, _ name: String) -> PyException {
        let message: String
        if let m = v.as(PyModule.self) {
            if m.isPartialLibrary {
                return PyException.make(.attributeError, "module '\(m.name)' has no attribute '\(name)' (\(m.name).\(name) is not supported by Kindling)")
            }
            let suggestion = Suggestions.closest(to: name, among: directory(v))
            if m.isNative && suggestion == nil {
                return PyException.make(.attributeError, "module '\(m.name)' has no attribute '\(name)' (\(m.name).\(name) is not supported by Kindling)")
            }
            message = "module '\(m.name)' has no attribute '\(name)'"
        } else if let c = v.as(PyClass.self) {
            message = "type object '\(c.name)' has no attribute '\(name)'"
        } else if v.as(SuperObject.self) != nil {
            return PyException.make(.attributeError, "'super' object has no attribute '\(name)'")
        } else {
            message = "'\(v.typeName)' object has no attribute '\(name)'"
        }
        let e = PyException.make(.attributeError, message)
        e.exception.suggestion = Suggestions.closest(to: name, among: directory(v))
        return e
    }

    /// `dir(v)`: sorted attribute names (instance dict, class chain, module namespace).
    public static func directory(_ v: Value) -> [String] {
        var names = Set<String>()
        if case .object(let o) = v {
            if let m = o as? PyModule { return m.namespace.names.sorted() }
            if let attrs = o.attributes { names.formUnion(attrs.keys) }
            if let c = o as? PyClass { for k in c.mro { names.formUnion(k.dict.keys) }; return names.sorted() }
        }
        for k in v.pyClass.mro { names.formUnion(k.dict.keys) }
        return names.sorted()
    }

    /// `setattr(v, name, value)`, honouring properties and a class's `__setattr__`.
    public static func setAttribute(_ v: Value, _ name: String, _ value: Value) throws {
        guard case .object(let o) = v else {
            throw PyException.make(.attributeError, "'\(v.typeName)' object has no attribute '\(name)'")
        }
        if let m = o as? PyModule { m.namespace.set(name, value); return }
        if let c = o as? PyClass {
            if let hooks = c.classHooks { _ = try callMethod(.object(hooks), "setattr", [v, .str(name), value]); return }
            c.setAttribute(name, value)
            return
        }
        let cls = o.pyClass
        if let sa = cls.lookup("__setattr__"), !isObjectSetattr(sa) {
            _ = try callUnbound(sa, v, [.str(name), value])
            return
        }
        try genericSetAttribute(o, name, value)
    }

    /// `object.__setattr__`: properties first, then the instance dict.
    public static func genericSetAttribute(_ o: PyObject, _ name: String, _ value: Value) throws {
        if let ca = o.pyClass.lookup(name), case .object(let co) = ca, let p = co as? PyProperty {
            try p.set(.object(o), value)
            return
        }
        guard let attrs = o.attributes else {
            throw PyException.make(.attributeError, "'\(o.pyClass.name)' object has no attribute '\(name)'")
        }
        attrs[name] = value
    }

    static func isObjectSetattr(_ v: Value) -> Bool {
        if case .object(let o) = v { return o === objectSetattr }
        return false
    }

    /// `del v.name`.
    public static func deleteAttribute(_ v: Value, _ name: String) throws {
        if case .object(let o) = v {
            if let da = o.pyClass.lookup("__delattr__") { _ = try callUnbound(da, v, [.str(name)]); return }
            if let m = o as? PyModule, m.namespace.get(name) != nil { m.namespace.delete(name); return }
            if let c = o as? PyClass, c.dict[name] != nil { c.setAttribute(name, nil); return }
            if let attrs = o.attributes, attrs[name] != nil { attrs[name] = nil; return }
        }
        throw attributeError(v, name)
    }

    /// `hasattr(v, name)`.
    public static func hasAttribute(_ v: Value, _ name: String) throws -> Bool {
        do { return try lookupAttribute(v, name) != nil } catch let e as PyException where e.matches(.attributeError) {
            return false
        }
    }
}
