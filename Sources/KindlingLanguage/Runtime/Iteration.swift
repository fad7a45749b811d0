/// An iterator object. Subclass it in Swift (or give a native class `__iter__`/`__next__`).
open class PyIterator: PyObject {
    public init(cls: PyClass = Builtins.iterator) { super.init(pyClass: cls) }
    /// The next value, or nil when exhausted.
    open func next() throws -> Value? { nil }
}

/// An iterator driven by a Swift closure.
public final class ClosureIterator: PyIterator {
    let step: () throws -> Value?
    public init(_ step: @escaping () throws -> Value?) { self.step = step; super.init() }
    /// An iterator shown as another class (`zip`, `map`, ...); `cls` should derive from `Builtins.iterator`.
    public init(cls: PyClass, _ step: @escaping () throws -> Value?) { self.step = step; super.init(cls: cls) }
    public override func next() throws -> Value? { try step() }
}

final class ListIterator: PyIterator {
    let list: PyList
    @exclusivity(unchecked) var index = 0
    init(_ list: PyList) { self.list = list; super.init() }
    override func next() throws -> Value? {
        guard index < list.items.count else { return nil }
        index += 1
        return list.items[index - 1]
    }
}

final class ArrayIterator: PyIterator {
    let items: [Value]
    @exclusivity(unchecked) var index = 0
    init(_ items: [Value]) { self.items = items; super.init() }
    override func next() throws -> Value? {
        guard index < items.count else { return nil }
        index += 1
        return items[index - 1]
    }
}

final class RangeIterator: PyIterator {
    @exclusivity(unchecked) var current: Int
    @exclusivity(unchecked) var remaining: Int
    let step: Int
    init(_ r: PyRange) { current = r.start; remaining = r.count; step = r.step; super.init() }
    override func next() throws -> Value? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        let v = current
        current &+= step
        return .int(v)
    }
}

/// Wraps an object implementing `__next__` (StopIteration ends it).
final class ProtocolIterator: PyIterator {
    let target: Value
    let nextMethod: Value
    init(_ target: Value, _ nextMethod: Value) { self.target = target; self.nextMethod = nextMethod; super.init() }
    override func next() throws -> Value? {
        do { return try Runtime.callUnbound(nextMethod, target, []) } catch let e as PyException where e.matches(.stopIteration) {
            return nil
        }
    }
}

/// Iterates via `__getitem__` with 0, 1, 2... until IndexError (the old sequence protocol).
final class GetItemIterator: PyIterator {
    let target: Value
    var index = 0
    init(_ target: Value) { self.target = target; super.init() }
    override func next() throws -> Value? {
        do {
            let v = try Runtime.getItem(target, .int(index))
            index += 1
            return v
        } catch let e as PyException where e.matches(.indexError) || e.matches(.stopIteration) {
            return nil
        }
    }
}

extension Runtime {
    /// `iter(v)`.
    public static func makeIterator(_ v: Value) throws -> PyIterator {
        switch v {
        case .str(let s): return ArrayIterator(s.map { .str(String($0)) })
        case .object(let o):
            if let it = o as? PyIterator { return it }
            if let l = o as? PyList { return ListIterator(l) }
            if let t = o as? PyTuple { return ArrayIterator(t.items) }
            if let r = o as? PyRange { return RangeIterator(r) }
            if let d = o as? PyDict { return ArrayIterator(d.keys) }
            if let s = o as? PySet { return ArrayIterator(s.iterationOrder) }
            if let view = o as? DictView { return ArrayIterator(view.snapshot()) }
            if let c = o as? PyClass, let hooks = c.classHooks { return try makeIterator(try callMethod(.object(hooks), "iter", [v])) }
            if let f = o.pyClass.lookup("__iter__") {
                let it = try callUnbound(f, v, [])
                if let pit = it.as(PyIterator.self) { return pit }
                if let n = it.pyClass.lookup("__next__") { return ProtocolIterator(it, n) }
                throw PyException.make(.typeError, "iter() returned non-iterator of type '\(it.typeName)'")
            }
            if o.pyClass.lookup("__getitem__") != nil { return GetItemIterator(v) }
        default: break
        }
        throw PyException.make(.typeError, "'\(v.typeName)' object is not iterable")
    }

    /// All values of an iterable, with fast paths for builtin containers.
    public static func iterateToArray(_ v: Value) throws -> [Value] {
        if case .object(let o) = v {
            if let l = o as? PyList { return l.items }
            if let t = o as? PyTuple { return t.items }
            if let r = o as? PyRange {
                _ = try checkedRepeat(r.count, 1)
                return (0..<r.count).map { .int(r.element($0)) }
            }
        }
        let it = try makeIterator(v)
        var out: [Value] = []
        while let x = try it.next() {
            try Interrupts.check()
            out.append(x)
        }
        return out
    }

    /// Calls `body` for every element of an iterable.
    @inline(__always)
    public static func forEach(_ v: Value, _ body: (Value) throws -> Void) throws {
        if case .object(let o) = v {
            if let l = o as? PyList {
                var i = 0
                while i < l.items.count { try body(l.items[i]); i += 1 }
                return
            }
            if let t = o as? PyTuple { for x in t.items { try body(x) }; return }
        }
        let it = try makeIterator(v)
        while let x = try it.next() { try body(x) }
    }

    /// `next(it)` for any iterator value (nil when exhausted).
    public static func nextValue(_ it: Value) throws -> Value? {
        if let pit = it.as(PyIterator.self) { return try pit.next() }
        if let n = it.pyClass.lookup("__next__") {
            do { return try callUnbound(n, it, []) } catch let e as PyException where e.matches(.stopIteration) { return nil }
        }
        throw PyException.make(.typeError, "'\(it.typeName)' object is not an iterator")
    }
}
