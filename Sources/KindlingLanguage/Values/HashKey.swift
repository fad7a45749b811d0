/// A dictionary/set key with Python's equality: `1 == 1.0 == True` share a key, strings by value,
/// tuples element-wise, other objects by identity.
public enum HashKey: Hashable {
    case none
    case int(Int)
    case float(Double)
    case str(String)
    case tuple([HashKey])
    case identity(ObjectIdentifier)
    /// An object whose class defines `__hash__` (and usually `__eq__`).
    case custom(CustomKey)

    /// The key for a value; TypeError "unhashable type: 'list'" for mutable containers.
    public init(_ v: Value) throws {
        switch v {
        case .none: self = .none
        case .bool(let b): self = .int(b ? 1 : 0)
        case .int(let i): self = .int(i)
        case .float(let d):
            if d == d.rounded(), abs(d) < 9.2e18 { self = .int(Int(d)) } else { self = .float(d) }
        case .str(let s): self = .str(s)
        case .object(let o):
            if let t = o as? PyTuple {
                self = .tuple(try t.items.map { try HashKey($0) })
            } else if let s = o as? PySet, s.isFrozen {
                self = .tuple(s.keyOrderSorted())
            } else if o is PyList || o is PyDict || o is PySet {
                throw PyException.make(.typeError, "unhashable type: '\(o.pyClass.name)'")
            } else if let h = o.pyClass.lookup("__hash__"), !Runtime.isObjectMethod(h, "__hash__") {
                if h.isNone { throw PyException.make(.typeError, "unhashable type: '\(o.pyClass.name)'") }
                self = .custom(CustomKey(v, hash: try Runtime.callUnbound(h, v, []).asInt()))
            } else {
                self = .identity(ObjectIdentifier(o))
            }
        }
    }

    /// A key hashed by the object's `__hash__` and compared with `==`.
    public final class CustomKey: Hashable {
        let value: Value
        let hash: Int
        init(_ value: Value, hash: Int) { self.value = value; self.hash = hash }
        public func hash(into h: inout Hasher) { h.combine(hash) }
        public static func == (a: CustomKey, b: CustomKey) -> Bool {
            a.hash == b.hash && ((try? Runtime.valuesEqual(a.value, b.value)) ?? false)
        }
    }

    /// Python's `hash()` for the value this key came from (ints hash to themselves, like CPython).
    public var pythonHash: Int {
        switch self {
        case .none: return 0x5F3759DF
        case .int(let i): return i == -1 ? -2 : i
        case .custom(let c): return c.hash
        default: return hashValue
        }
    }
}
