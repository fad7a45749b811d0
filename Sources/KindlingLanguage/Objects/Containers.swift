/// `list`: a mutable array of values.
public final class PyList: PyObject {
    @exclusivity(unchecked) public var items: [Value]
    public init(_ items: [Value] = []) {
        self.items = items
        super.init(pyClass: Builtins.list)
    }
}

/// `tuple`: an immutable array of values.
public final class PyTuple: PyObject {
    /// Set after creation only by native constructors of tuple subclasses (`namedtuple`).
    @exclusivity(unchecked) public internal(set) var items: [Value]
    public init(_ items: [Value]) {
        self.items = items
        super.init(pyClass: Builtins.tuple)
    }
    public static let empty = PyTuple([])
}

/// `dict`: insertion-ordered, keyed by Python equality.
public final class PyDict: PyObject {
    public private(set) var keys: [Value] = []
    public private(set) var values: [Value] = []
    private var index: [HashKey: Int] = [:]

    public init() { super.init(pyClass: Builtins.dict) }

    public convenience init(_ pairs: [(Value, Value)]) throws {
        self.init()
        for (k, v) in pairs { try set(k, v) }
    }

    public var count: Int { keys.count }

    public func get(_ key: Value) throws -> Value? {
        guard let i = index[try HashKey(key)] else { return nil }
        return values[i]
    }

    public func get(_ key: String) -> Value? {
        guard let i = index[.str(key)] else { return nil }
        return values[i]
    }

    public func set(_ key: Value, _ value: Value) throws {
        let k = try HashKey(key)
        if let i = index[k] { values[i] = value; return }
        index[k] = keys.count
        keys.append(key)
        values.append(value)
    }

    public func set(_ key: String, _ value: Value) {
        let k = HashKey.str(key)
        if let i = index[k] { values[i] = value; return }
        index[k] = keys.count
        keys.append(.str(key))
        values.append(value)
    }

    public func contains(_ key: Value) throws -> Bool { index[try HashKey(key)] != nil }

    /// Removes a key, returning its value (nil if absent).
    @discardableResult
    public func remove(_ key: Value) throws -> Value? {
        guard let i = index.removeValue(forKey: try HashKey(key)) else { return nil }
        let v = values[i]
        keys.remove(at: i)
        values.remove(at: i)
        if i < keys.count { for (k, j) in index where j > i { index[k] = j - 1 } }
        return v
    }

    public func removeAll() { keys.removeAll(); values.removeAll(); index.removeAll() }

    public var pairs: [(Value, Value)] { Array(zip(keys, values)) }
}

/// `set` / `frozenset`: insertion-ordered here (CPython's order is hash-based).
public final class PySet: PyObject {
    public private(set) var items: [Value] = []
    private var index: [HashKey: Int] = [:]
    public let isFrozen: Bool

    public init(frozen: Bool = false) {
        isFrozen = frozen
        super.init(pyClass: frozen ? Builtins.frozenset : Builtins.set)
    }

    public convenience init(_ values: [Value], frozen: Bool = false) throws {
        self.init(frozen: frozen)
        for v in values { try add(v) }
    }

    public var count: Int { items.count }
    public func contains(_ v: Value) throws -> Bool { index[try HashKey(v)] != nil }

    public func add(_ v: Value) throws {
        let k = try HashKey(v)
        if index[k] != nil { return }
        index[k] = items.count
        items.append(v)
    }

    @discardableResult
    public func remove(_ v: Value) throws -> Bool {
        guard let i = index.removeValue(forKey: try HashKey(v)) else { return false }
        items.remove(at: i)
        if i < items.count { for (k, j) in index where j > i { index[k] = j - 1 } }
        return true
    }

    public func removeAll() { items.removeAll(); index.removeAll() }

    func keyOrderSorted() -> [HashKey] {
        index.keys.sorted { $0.hashValue < $1.hashValue }
    }
}

/// `range(start, stop, step)`.
public final class PyRange: PyObject {
    public let start: Int, stop: Int, step: Int
    public init(_ start: Int, _ stop: Int, _ step: Int) {
        self.start = start; self.stop = stop; self.step = step
        super.init(pyClass: Builtins.range)
    }
    /// Number of elements, computed in unsigned arithmetic so extreme bounds cannot overflow
    /// (clamped to Int.max).
    public var count: Int {
        let distance: UInt, stride: UInt
        if step > 0 {
            guard start < stop else { return 0 }
            distance = UInt(bitPattern: stop) &- UInt(bitPattern: start)
            stride = UInt(step)
        } else {
            guard start > stop else { return 0 }
            distance = UInt(bitPattern: start) &- UInt(bitPattern: stop)
            stride = step.magnitude
        }
        let n = (distance - 1) / stride + 1
        return n > UInt(Int.max) ? Int.max : Int(n)
    }
    public func element(_ i: Int) -> Int { start &+ i &* step }
}

/// `slice(start, stop, step)`.
public final class PySlice: PyObject {
    public let start: Value, stop: Value, step: Value
    public init(_ start: Value, _ stop: Value, _ step: Value) {
        self.start = start; self.stop = stop; self.step = step
        super.init(pyClass: Builtins.slice)
    }

    /// Python's `slice.indices(length)`: clamped start, stop and step.
    public func indices(_ length: Int) throws -> (start: Int, stop: Int, step: Int) {
        let st = step.isNone ? 1 : try step.asInt()
        if st == 0 { throw PyException.make(.valueError, "slice step cannot be zero") }
        let lower = st < 0 ? -1 : 0
        let upper = st < 0 ? length - 1 : length
        func clamp(_ v: Value, _ dflt: Int) throws -> Int {
            if v.isNone { return dflt }
            var i = try v.asInt()
            if i < 0 { i += length; if i < lower { i = lower } } else if i > upper { i = upper }
            return i
        }
        let s = try clamp(start, st < 0 ? upper : lower)
        let e = try clamp(stop, st < 0 ? lower : upper)
        return (s, e, st)
    }

    /// The positions a slice selects in a sequence of `length` items.
    public func positions(_ length: Int) throws -> [Int] {
        let (s, e, st) = try indices(length)
        var out: [Int] = []
        var i = s
        if st > 0 { while i < e { out.append(i); i += st } } else { while i > e { out.append(i); i += st } }
        return out
    }
}

/// The `NotImplemented` and `Ellipsis` singletons.
public final class PySingleton: PyObject {
    public let name: String
    init(_ name: String, _ cls: PyClass) { self.name = name; super.init(pyClass: cls) }
}
