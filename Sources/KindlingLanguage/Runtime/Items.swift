/// `d.keys()`, `d.values()`, `d.items()`: live views over a dict.
public final class DictView: PyObject {
    public enum Kind { case keys, values, items }
    public let dict: PyDict
    public let kind: Kind
    init(_ dict: PyDict, _ kind: Kind) {
        self.dict = dict
        self.kind = kind
        super.init(pyClass: kind == .keys ? Builtins.dictKeys : kind == .values ? Builtins.dictValues : Builtins.dictItems)
    }
    func snapshot() -> [Value] {
        switch kind {
        case .keys: return dict.keys
        case .values: return dict.values
        case .items: return zip(dict.keys, dict.values).map { .object(PyTuple([$0, $1])) }
        }
    }
}

extension Runtime {
    /// Normalises a sequence index (negative counts from the end), or raises IndexError.
    @inline(__always)
    static func index(_ i: Int, _ count: Int, _ what: String) throws -> Int {
        let j = i < 0 ? i + count : i
        if j < 0 || j >= count { throw PyException.make(.indexError, "\(what) index out of range") }
        return j
    }

    static func intIndex(_ key: Value, _ what: String) throws -> Int? {
        switch key {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if o is PySlice { return nil }
            if let r = try callSpecialIfPresent(key, "__index__", []), case .int(let i) = r { return i }
        default: break
        }
        throw PyException.make(.typeError, "\(what) indices must be integers or slices, not \(key.typeName)")
    }

    /// `container[key]`.
    public static func getItem(_ container: Value, _ key: Value) throws -> Value {
        switch container {
        case .str(let s):
            let scalars = Array(s.unicodeScalars)
            if let i = try intIndex(key, "string") {
                return .str(String(scalars[try index(i, scalars.count, "string")]))
            }
            if let sl = key.as(PySlice.self) {
                var v = String.UnicodeScalarView()
                for p in try sl.positions(scalars.count) { v.append(scalars[p]) }
                return .str(String(v))
            }
        case .object(let o):
            if let l = o as? PyList {
                if case .int(let i) = key { return l.items[try index(i, l.items.count, "list")] }
                if let i = try intIndex(key, "list") { return l.items[try index(i, l.items.count, "list")] }
                if let sl = key.as(PySlice.self) { return .object(PyList(try sl.positions(l.items.count).map { l.items[$0] })) }
            }
            if let t = o as? PyTuple {
                if let i = try intIndex(key, "tuple") { return t.items[try index(i, t.items.count, "tuple")] }
                if let sl = key.as(PySlice.self) { return .object(PyTuple(try sl.positions(t.items.count).map { t.items[$0] })) }
            }
            if let d = o as? PyDict {
                if let v = try d.get(key) { return v }
                if o.pyClass !== Builtins.dict, let m = o.pyClass.lookup("__missing__") { return try callUnbound(m, container, [key]) }
                throw PyException(PyBaseException(Builtins.keyError, args: [key]))
            }
            if let r = o as? PyRange {
                if let i = try intIndex(key, "range") { return .int(r.element(try index(i, r.count, "range object"))) }
                if let sl = key.as(PySlice.self) {
                    let (s, e, st) = try sl.indices(r.count)
                    return .object(PyRange(r.element(s), r.element(e), try Arithmetic.mul(r.step, st)))
                }
            }
            if let f = o.pyClass.lookup("__getitem__") { return try callUnbound(f, container, [key]) }
            if let c = o as? PyClass, let hooks = c.classHooks { return try callMethod(.object(hooks), "getitem", [container, key]) }
            if let c = o as? PyClass, let f = c.lookup("__class_getitem__") { return try call(f, [key]) }
        default: break
        }
        throw PyException.make(.typeError, "'\(container.typeName)' object is not subscriptable")
    }

    /// `container[key] = value`.
    public static func setItem(_ container: Value, _ key: Value, _ value: Value) throws {
        if case .object(let o) = container {
            if let l = o as? PyList {
                if let i = try intIndex(key, "list") {
                    l.items[try index(i, l.items.count, "list assignment")] = value
                    return
                }
                if let sl = key.as(PySlice.self) {
                    let newItems = try iterateToArray(value)
                    let (s, e, st) = try sl.indices(l.items.count)
                    if st == 1 {
                        l.items.replaceSubrange(s..<max(s, e), with: newItems)
                    } else {
                        let pos = try sl.positions(l.items.count)
                        if pos.count != newItems.count {
                            throw PyException.make(.valueError, "attempt to assign sequence of size \(newItems.count) to extended slice of size \(pos.count)")
                        }
                        for (p, v) in zip(pos, newItems) { l.items[p] = v }
                    }
                    return
                }
            }
            if let d = o as? PyDict { try d.set(key, value); return }
            if let f = o.pyClass.lookup("__setitem__") { _ = try callUnbound(f, container, [key, value]); return }
        }
        throw PyException.make(.typeError, "'\(container.typeName)' object does not support item assignment")
    }

    /// `del container[key]`.
    public static func deleteItem(_ container: Value, _ key: Value) throws {
        if case .object(let o) = container {
            if let l = o as? PyList {
                if let i = try intIndex(key, "list") {
                    l.items.remove(at: try index(i, l.items.count, "list assignment"))
                    return
                }
                if let sl = key.as(PySlice.self) {
                    let pos = Set(try sl.positions(l.items.count))
                    l.items = l.items.enumerated().filter { !pos.contains($0.offset) }.map { $0.element }
                    return
                }
            }
            if let d = o as? PyDict {
                if try d.remove(key) == nil { throw PyException(PyBaseException(Builtins.keyError, args: [key])) }
                return
            }
            if let f = o.pyClass.lookup("__delitem__") { _ = try callUnbound(f, container, [key]); return }
        }
        throw PyException.make(.typeError, "'\(container.typeName)' object doesn't support item deletion")
    }

    /// `len(v)`.
    public static func length(_ v: Value) throws -> Int {
        switch v {
        case .str(let s): return s.unicodeScalars.count
        case .object(let o):
            if let l = o as? PyList { return l.items.count }
            if let t = o as? PyTuple { return t.items.count }
            if let d = o as? PyDict { return d.count }
            if let s = o as? PySet { return s.count }
            if let r = o as? PyRange { return r.count }
            if let view = o as? DictView { return view.dict.count }
            if let c = o as? PyClass, let hooks = c.classHooks { return try callMethod(.object(hooks), "len", [v]).asInt() }
            if let f = o.pyClass.lookup("__len__") {
                let r = try callUnbound(f, v, [])
                guard case .int(let n) = r else {
                    throw PyException.make(.typeError, "'\(r.typeName)' object cannot be interpreted as an integer")
                }
                if n < 0 { throw PyException.make(.valueError, "__len__() should return >= 0") }
                return n
            }
        default: break
        }
        throw PyException.make(.typeError, "object of type '\(v.typeName)' has no len()")
    }

    /// Truth of an object: `__bool__`, then `__len__`, else true.
    static func objectTruth(_ o: PyObject) throws -> Bool {
        if let l = o as? PyList { return !l.items.isEmpty }
        if let t = o as? PyTuple { return !t.items.isEmpty }
        if let d = o as? PyDict { return d.count > 0 }
        if let s = o as? PySet { return s.count > 0 }
        if let r = o as? PyRange { return r.count > 0 }
        if o is PyFunction || o is NativeFunction || o is PyClass || o is PyModule { return true }
        let v = Value.object(o)
        if let f = o.pyClass.lookup("__bool__") {
            let r = try callUnbound(f, v, [])
            guard case .bool(let b) = r else {
                throw PyException.make(.typeError, "__bool__ should return bool, returned \(r.typeName)")
            }
            return b
        }
        if o.pyClass.lookup("__len__") != nil { return try length(v) > 0 }
        return true
    }

    /// `hash(v)`.
    public static func hash(_ v: Value) throws -> Int {
        if case .object(let o) = v, let f = o.pyClass.lookup("__hash__") {
            if f.isNone { throw PyException.make(.typeError, "unhashable type: '\(v.typeName)'") }
            if let n = f.as(NativeFunction.self), n.qualifier == "object" {} else {
                return try callUnbound(f, v, []).asInt()
            }
        }
        return try HashKey(v).pythonHash
    }
}
