/// A Python value. Ints, floats, bools and None are unboxed (no reference counting on the hot path);
/// strings are Swift strings; everything else is a heap object (`PyObject` or a subclass).
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case object(PyObject)

    /// The Python class of the value (`type(v)`).
    public var pyClass: PyClass {
        switch self {
        case .none: return Builtins.noneType
        case .bool: return Builtins.bool
        case .int: return Builtins.int
        case .float: return Builtins.float
        case .str: return Builtins.str
        case .object(let o): return o.pyClass
        }
    }

    /// The class name as Python shows it in messages (`'int'`, `'Tensor'`).
    public var typeName: String { pyClass.name }

    /// The heap object, if the value is one.
    @inlinable public var object: PyObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The heap object downcast to a Swift type (e.g. `v.as(PyList.self)`).
    @inlinable public func `as`<T: PyObject>(_ type: T.Type) -> T? {
        if case .object(let o) = self { return o as? T }
        return nil
    }

    public var isNone: Bool { if case .none = self { return true }; return false }

    /// Identity as Python's `is` sees it (value types compare by value, objects by reference).
    public func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern && !a.isNaN  // unboxed: a NaN is never 'the same object'
        case (.str(let a), .str(let b)): return a == b
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }
}

extension Value: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral {
    public init(integerLiteral v: Int) { self = .int(v) }
    public init(floatLiteral v: Double) { self = .float(v) }
    public init(stringLiteral v: String) { self = .str(v) }
    public init(booleanLiteral v: Bool) { self = .bool(v) }
}

// MARK: - Conversions used by native code (throwing CPython's TypeErrors)

extension Value {
    /// An int (bools count, as in Python); objects with `__index__` are asked.
    public func asInt(_ what: String = "value") throws -> Int {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object:
            if let r = try Runtime.callSpecialIfPresent(self, "__index__", []) {
                if case .int(let i) = r { return i }
            }
        default: break
        }
        throw PyException.make(.typeError, "'\(typeName)' object cannot be interpreted as an integer")
    }

    /// A float from an int, bool or float (or an object with `__float__`).
    public func asDouble() throws -> Double {
        switch self {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .object:
            if let r = try Runtime.callSpecialIfPresent(self, "__float__", []) {
                if case .float(let d) = r { return d }
            }
        default: break
        }
        throw PyException.make(.typeError, "must be real number, not \(typeName)")
    }

    /// The string payload, or a TypeError.
    public func asString() throws -> String {
        if case .str(let s) = self { return s }
        throw PyException.make(.typeError, "expected str, not \(typeName)")
    }

    /// Python truthiness (`bool(v)`), calling `__bool__` / `__len__` on objects.
    public func isTruthy() throws -> Bool {
        switch self {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .object(let o): return try Runtime.objectTruth(o)
        }
    }
}
