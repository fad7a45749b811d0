extension Runtime {
    nonisolated(unsafe) static var reprInProgress = Set<ObjectIdentifier>()

    /// `repr(v)`.
    public static func repr(_ v: Value) throws -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return FloatFormat.repr(d)
        case .str(let s): return quoteString(s)
        case .object(let o): return try objectRepr(o)
        }
    }

    /// `str(v)`.
    public static func str(_ v: Value) throws -> String {
        switch v {
        case .str(let s): return s
        case .object(let o):
            if let e = o as? PyBaseException, e.pyClass.lookup("__str__").map(isDefaultExceptionStr) ?? true {
                return e.argsMessage
            }
            if let f = o.pyClass.lookup("__str__"), !isObjectMethod(f, "__str__") {
                let r = try callUnbound(f, v, [])
                guard case .str(let s) = r else {
                    throw PyException.make(.typeError, "__str__ returned non-string (type \(r.typeName))")
                }
                return s
            }
            return try objectRepr(o)
        default: return try repr(v)
        }
    }

    static func isObjectMethod(_ f: Value, _ name: String) -> Bool {
        if case .object(let o) = f, let d = Builtins.object.dict[name], case .object(let i) = d { return o === i }
        return false
    }

    static func isDefaultExceptionStr(_ f: Value) -> Bool {
        if case .object(let o) = f, let d = Builtins.baseException.dict["__str__"], case .object(let i) = d { return o === i }
        return false
    }

    /// Python's quoting of a string for `repr`.
    public static func quoteString(_ s: String) -> String {
        let useDouble = s.contains("'") && !s.contains("\"")
        let q: Character = useDouble ? "\"" : "'"
        var out = String(q)
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(u) == q { out += "\\\(q)" }
                else if u.value < 0x20 || u.value == 0x7f { out += "\\x" + hex2(u.value) }
                else if u.value >= 0x80 && u.value < 0xa0 { out += "\\x" + hex2(u.value) }
                else { out.unicodeScalars.append(u) }
            }
        }
        out.append(q)
        return out
    }

    static func hex2(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        return h.count < 2 ? "0" + h : h
    }

    /// An address-like id for default reprs (`<Net object at 0x7f...>`) and `id()`.
    public static func identity(_ o: PyObject) -> Int { Int(bitPattern: UInt(bitPattern: ObjectIdentifier(o))) }

    static func address(_ o: PyObject) -> String { "0x" + String(UInt(bitPattern: identity(o)), radix: 16).leftPadded(12, "0") }

    /// Whether a subclass of a builtin container defines its own `__repr__`
    /// (`torch.Size` is a tuple printed as `torch.Size([2, 3])`).
    static func hasOwnRepr(_ o: PyObject) -> Bool {
        guard let f = o.pyClass.lookup("__repr__") else { return false }
        return !isObjectMethod(f, "__repr__")
    }

    static func objectRepr(_ o: PyObject) throws -> String {
        let key = ObjectIdentifier(o)
        if reprInProgress.contains(key) {
            if o is PyList { return "[...]" }
            if o is PyDict { return "{...}" }
            return "..."
        }
        try Interrupts.enterCall()
        reprInProgress.insert(key)
        defer { reprInProgress.remove(key); Interrupts.depth -= 1 }
        if let l = o as? PyList { return "[" + (try l.items.map(repr).joined(separator: ", ")) + "]" }
        if let t = o as? PyTuple, t.pyClass === Builtins.tuple || !hasOwnRepr(o) {
            if t.items.count == 1 { return "(" + (try repr(t.items[0])) + ",)" }
            return "(" + (try t.items.map(repr).joined(separator: ", ")) + ")"
        }
        if let d = o as? PyDict, d.pyClass === Builtins.dict || !hasOwnRepr(o) {
            let parts = try zip(d.keys, d.values).map { try repr($0) + ": " + repr($1) }
            return "{" + parts.joined(separator: ", ") + "}"
        }
        if let s = o as? PySet {
            let inner = try s.iterationOrder.map(repr).joined(separator: ", ")
            if s.isFrozen { return s.items.isEmpty ? "frozenset()" : "frozenset({\(inner)})" }
            return s.items.isEmpty ? "set()" : "{\(inner)}"
        }
        if let r = o as? PyRange { return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))" }
        if let sl = o as? PySlice { return "slice(\(try repr(sl.start)), \(try repr(sl.stop)), \(try repr(sl.step)))" }
        if let v = o as? DictView {
            return "\(o.pyClass.name)([" + (try v.snapshot().map(repr).joined(separator: ", ")) + "])"
        }
        if let f = o.pyClass.lookup("__repr__"), !isObjectMethod(f, "__repr__") {
            let r = try callUnbound(f, .object(o), [])
            guard case .str(let s) = r else {
                throw PyException.make(.typeError, "__repr__ returned non-string (type \(r.typeName))")
            }
            return s
        }
        return defaultRepr(o)
    }

    /// `object.__repr__` and the reprs of functions, classes and modules.
    static func defaultRepr(_ o: PyObject) -> String {
        if let c = o as? PyClass, let hooks = c.classHooks,
           case .str(let s)? = try? Runtime.callMethod(.object(hooks), "repr", [.object(c)]) { return s }
        if let c = o as? PyClass { return c.moduleName == "builtins" ? "<class '\(c.name)'>" : "<class '\(c.moduleName).\(c.name)'>" }
        if let f = o as? PyFunction { return "<function \(f.qualifiedName) at \(address(o))>" }
        if let f = o as? NativeFunction {
            if let q = f.qualifier { return "<method '\(f.name)' of '\(q)' objects>" }
            return "<built-in function \(f.name)>"
        }
        if let m = o as? BoundMethod {
            let fname = (m.function.as(PyFunction.self)?.qualifiedName) ?? (m.function.as(NativeFunction.self)?.name) ?? "?"
            if m.function.as(NativeFunction.self) != nil, m.receiver.object == nil || !(m.receiver.object is PyClass) {
                return "<built-in method \(fname) of \(m.receiver.typeName) object at \(m.receiver.object.map(address) ?? "0x0")>"
            }
            return "<bound method \(fname) of \((try? repr(m.receiver)) ?? "?")>"
        }
        if let m = o as? PyModule { return "<module '\(m.name)' (built-in)>" }
        if let g = o as? PyGenerator { return "<generator object \(g.qualifiedName) at \(address(o))>" }
        if o is GeneratorExpression { return "<generator object <genexpr> at \(address(o))>" }
        if let s = o as? PySingleton { return s.name }
        if let e = o as? PyBaseException {
            let args = e.args.map { (try? repr($0)) ?? "?" }
            return "\(e.pyClass.name)(" + args.joined(separator: ", ") + ")"
        }
        let c = o.pyClass
        let qual = c.moduleName == "builtins" ? c.name : "\(c.moduleName).\(c.name)"
        return "<\(qual) object at \(address(o))>"
    }
}

extension String {
    func leftPadded(_ width: Int, _ pad: Character = " ") -> String {
        let n = count
        return n >= width ? self : String(repeating: pad, count: width - n) + self
    }
}
