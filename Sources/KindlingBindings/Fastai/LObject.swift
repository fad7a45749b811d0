import KindlingEngine
import KindlingLanguage

/// fastcore's `L` (exported by `fastai.vision.all`): a list with extra
/// indexing (lists of indices, boolean masks) and functional helpers
/// (`LMethods.swift`). Like fastcore, an `L` made from a list shares that
/// list; `repr` is the list's repr (fastcore 1.8+).
final class LObject: PyObject {
    let list: PyList

    init(_ list: PyList) {
        self.list = list
        super.init(pyClass: LClass.cls)
    }

    convenience init(items: [Value]) { self.init(PyList(items)) }

    var items: [Value] { list.items }
}

enum LClass {
    static let cls: PyClass = {
        let c = PyClass(native: "L", module: "fastcore.foundation")
        let sig = Signature(parsing: ["items=None", "*rest", "use_list=False", "match=None"])
        c.constructor = { args in
            let b = try args.bind(sig)
            if !b["match"].isNone { throw notSupported("L(match=...)") }
            let useList = b["use_list"]
            let rest = b.varargs
            let items = b["items"]
            if !rest.isEmpty { return .object(LObject(items: [items] + rest)) }
            if try useList.isTruthy() { return .object(LObject(items: try Runtime.iterateToArray(items))) }
            return .object(LObject(try listify(items)))
        }
        installProtocol(c)
        installListForwarding(c)
        LMethods.install(c)
        return c
    }()

    static func selfL(_ args: Arguments) throws -> LObject {
        try args.receiver(LObject.self, described: "an 'L'")
    }

    /// A new `L` over `items` (fastcore's `_new`).
    static func make(_ items: [Value]) -> Value { .object(LObject(items: items)) }

    /// fastcore's `listify`: None is empty, a list is kept (shared), strings,
    /// dicts and array-likes (tensors, pandas objects) are one item, other
    /// iterables are expanded, anything else is one item.
    static func listify(_ o: Value) throws -> PyList {
        switch o {
        case .none: return PyList([])
        case .str, .int, .float, .bool: return PyList([o])
        case .object(let obj):
            if let l = obj as? PyList { return l }
            if isArrayLike(o) || obj is PyDict { return PyList([o]) }
            if let l = obj as? LObject { return PyList(l.items) }
            if isIterable(obj) { return PyList(try Runtime.iterateToArray(o)) }
            return PyList([o])
        }
    }

    /// `listify` for operands (`+`, `__setitem__`): a copy of the items.
    static func listified(_ o: Value) throws -> [Value] { try listify(o).items }

    /// fastcore's `is_array`: objects with `__array__` or `iloc`.
    static func isArrayLike(_ v: Value) -> Bool {
        if v.tensorValue != nil { return true }
        guard case .object(let o) = v else { return false }
        return ["DataFrame", "Series", "ndarray"].contains(o.pyClass.name)
            || o.pyClass.lookup("__array__") != nil || o.pyClass.lookup("iloc") != nil
    }

    /// `isinstance(o, Iterable)`: builtin containers, iterators, `__iter__`.
    static func isIterable(_ o: PyObject) -> Bool {
        o is PyList || o is PyTuple || o is PyRange || o is PyDict || o is PySet || o is PyIterator
            || o is DictView || o.pyClass.lookup("__iter__") != nil
    }

    /// fastcore's `is_iter`: iterable and not a 0-d tensor.
    static func isIter(_ v: Value) -> Bool {
        if let t = v.tensorValue { return t.dim > 0 }
        if case .str = v { return true }
        guard case .object(let o) = v else { return false }
        return isIterable(o)
    }

    static func installProtocol(_ c: PyClass) {
        c.defineProperty("items", get: { v in v.as(LObject.self).map { .object($0.list) } ?? .none })
        c.define("__len__") { args in .int(try selfL(args).items.count) }
        c.define("__iter__") { args in try Runtime.callMethod(.object(try selfL(args).list), "__iter__", []) }
        c.define("__contains__") { args in
            .bool(try Runtime.contains(.object(try selfL(args).list), try args[1]))
        }
        c.define("__repr__") { args in .str(try Runtime.repr(.object(try selfL(args).list))) }
        c.define("__getitem__") { args in try getItem(try selfL(args), try args[1]) }
        c.define("__setitem__") { args in try setItem(try selfL(args), try args[1], try args[2]); return .none }
        c.define("__delitem__") { args in try Runtime.deleteItem(.object(try selfL(args).list), try args[1]); return .none }
        c.define("__eq__") { args in .bool(try equalsL(try selfL(args), try args[1])) }
        c.define("__ne__") { args in .bool(!(try equalsL(try selfL(args), try args[1]))) }
        c.setAttribute("__hash__", Value.none)
        c.define("__add__") { args in make(try selfL(args).items + (try listified(try args[1]))) }
        c.define("__radd__") { args in make(try listified(try args[1]) + (try selfL(args).items)) }
        c.define("__mul__") { args in
            let l = try selfL(args)
            return .object(LObject(try Runtime.binary(.multiply, .object(PyList(l.items)), try args[1]).as(PyList.self) ?? PyList()))
        }
        c.define("__reversed__") { args in make(try selfL(args).items.reversed()) }
        c.define("__invert__") { args in make(try selfL(args).items.map { .bool(!(try $0.isTruthy())) }) }
    }

    /// fastcore's `__getitem__`: an int (or 0-d tensor) gives the item, a
    /// slice an `L`, a list of ints or a boolean mask the selected items.
    static func getItem(_ l: LObject, _ idx: Value) throws -> Value {
        let list = Value.object(l.list)
        switch idx {
        case .int, .bool: return try Runtime.getItem(list, idx)
        default: break
        }
        if let t = idx.tensorValue, t.dim == 0 { return try Runtime.getItem(list, idx) }
        if idx.as(PySlice.self) != nil {
            return make(try Runtime.getItem(list, idx).as(PyList.self)?.items ?? [])
        }
        let positions = try maskToIndices(idx)
        return make(try positions.map { try Runtime.getItem(list, .int($0)) })
    }

    /// fastcore's `mask2idxs`: booleans select where true, otherwise ints.
    static func maskToIndices(_ idx: Value) throws -> [Int] {
        guard isIter(idx) else {
            throw pyError(.typeError, "'\(idx.typeName)' object is not iterable")
        }
        let mask = try Runtime.iterateToArray(idx)
        guard let first = mask.first else { return [] }
        if try unwrapItem(first).isBoolValue {
            return try mask.enumerated().compactMap { try $0.element.isTruthy() ? $0.offset : nil }
        }
        return try mask.map { try unwrapItem($0).asInt() }
    }

    /// `x.item()` for 0-d tensors, else `x`.
    static func unwrapItem(_ v: Value) throws -> Value {
        if v.tensorValue != nil { return try Runtime.callMethod(v, "item", []) }
        return v
    }

    /// fastcore's `__setitem__`: an int or slice sets like a list; a list of
    /// indices or a mask sets each, broadcasting a value that is not iterable.
    static func setItem(_ l: LObject, _ idx: Value, _ value: Value) throws {
        switch idx {
        case .int, .bool: return try Runtime.setItem(.object(l.list), idx, value)
        default: break
        }
        if idx.as(PySlice.self) != nil { return try Runtime.setItem(.object(l.list), idx, value) }
        let positions = try listified(idx).map { try $0.asInt() }
        let values = isIter(value) ? try Runtime.iterateToArray(value) : Array(repeating: value, count: positions.count)
        for (p, v) in zip(positions, values) { try Runtime.setItem(.object(l.list), .int(p), v) }
    }

    /// fastcore's `L.__eq__`: False for None, non-iterables, strings, dicts
    /// and callables; else same length and `equals` item by item.
    static func equalsL(_ l: LObject, _ b: Value) throws -> Bool {
        switch b {
        case .none, .int, .float, .bool, .str: return false
        case .object(let o):
            if o is PyDict || o is PyFunction || o is NativeFunction || o is PyClass || o is BoundMethod { return false }
            guard isIterable(o) || b.tensorValue != nil else { return false }
        }
        return try allEqual(l.items, b)
    }

    static func allEqual(_ a: [Value], _ b: Value) throws -> Bool {
        try enterNested()
        defer { nesting -= 1 }
        let other = try Runtime.iterateToArray(b)
        guard other.count == a.count else { return false }
        for (x, y) in zip(a, other) where !(try equals(x, y)) { return false }
        return true
    }

    /// fastcore's `equals`: tensors compare whole (`torch.equal`), nested
    /// iterables item by item, everything else with `==`.
    static func equals(_ a: Value, _ b: Value) throws -> Bool {
        if a.isNone != b.isNone { return false }
        if let x = a.tensorValue, let y = b.tensorValue {
            if x.dim == 0 || y.dim == 0 { return try Runtime.equal(a, b).isTruthy() }
            guard x.shape == y.shape else { return false }
            return try Runtime.callMethod(a, "equal", [b]).isTruthy()
        }
        if a.tensorValue != nil || b.tensorValue != nil { return try Runtime.equal(a, b).isTruthy() }
        if case .str = a { return try Runtime.valuesEqual(a, b) }
        if case .str = b { return try Runtime.valuesEqual(a, b) }
        if let o = a.object, o is PyDict || o is PySet { return try Runtime.valuesEqual(a, b) }
        if let o = b.object, o is PyDict || o is PySet { return try Runtime.valuesEqual(a, b) }
        if isIter(a) || isIter(b) {
            guard isIter(a), isIter(b) else { return false }
            return try allEqual(try Runtime.iterateToArray(a), b)
        }
        return try Runtime.valuesEqual(a, b)
    }

    /// Depth of nested comparisons / flattening: an `L` that contains itself
    /// raises RecursionError (as fastcore does) instead of exhausting the stack.
    nonisolated(unsafe) static var nesting = 0

    static func enterNested(_ context: String = " in comparison") throws {
        guard nesting < min(Interrupts.recursionLimit, 1000) else {
            throw pyError(.recursionError, "maximum recursion depth exceeded\(context)")
        }
        nesting += 1
    }

    /// Attributes fastcore's `GetAttr` forwards to the underlying list.
    static let listMethods = ["append", "extend", "insert", "pop", "remove", "count", "index", "clear", "reverse", "sort"]

    static func installListForwarding(_ c: PyClass) {
        for name in listMethods {
            c.define(name) { args in
                let l = try selfL(args)
                return try Runtime.callMethod(.object(l.list), name, Array(args.positional.dropFirst()), args.keywords)
            }
        }
    }
}

extension Value {
    var isBoolValue: Bool { if case .bool = self { return true }; return false }
}
