/// Base class of every heap value: user instances, containers, functions, classes, modules and the
/// native objects of the bindings (tensors, modules of a network, data frames...).
/// Subclass it in Swift to carry a payload; give the native `PyClass` a `factory` that makes one.
open class PyObject {
    /// nil only for class objects, whose class is `type`.
    @exclusivity(unchecked) @usableFromInline internal var classStorage: PyClass?
    /// Instance attributes (`obj.__dict__`); nil for objects that have none (ranges, lists...).
    @exclusivity(unchecked) public var attributes: AttributeDict?

    /// The Python class (`type(obj)`); user subclasses of native classes set it to the user class.
    @inlinable public var pyClass: PyClass {
        get { classStorage ?? Builtins.type }
        set { classStorage = newValue }
    }

    public init(pyClass: PyClass, hasAttributes: Bool = false) {
        self.classStorage = pyClass
        self.attributes = hasAttributes ? AttributeDict() : nil
    }

    /// For class objects only (their class is `type`, which may not exist yet while bootstrapping).
    internal init(classObject: ()) {
        self.classStorage = nil
        self.attributes = nil
    }
}

/// An insertion-ordered string-keyed dictionary used for instance, class and module attributes.
public final class AttributeDict {
    @exclusivity(unchecked) public private(set) var keys: [String] = []
    @exclusivity(unchecked) private var storage: [String: Value] = [:]

    public init() {}

    public subscript(name: String) -> Value? {
        get { storage[name] }
        set {
            if let v = newValue {
                if storage.updateValue(v, forKey: name) == nil { keys.append(name) }
            } else if storage.removeValue(forKey: name) != nil {
                if let i = keys.firstIndex(of: name) { keys.remove(at: i) }
            }
        }
    }

    public var count: Int { keys.count }
    public var items: [(String, Value)] { keys.compactMap { k in storage[k].map { (k, $0) } } }
    public func contains(_ name: String) -> Bool { storage[name] != nil }
}

/// A Python class, for user classes and native classes alike. Attribute lookup follows the C3 MRO.
public final class PyClass: PyObject {
    public let name: String
    /// Module name shown in `repr` (`<class '__main__.Net'>`); builtins have "builtins".
    public var moduleName: String
    public private(set) var bases: [PyClass]
    public private(set) var mro: [PyClass] = []
    public let dict = AttributeDict()
    /// Makes a fresh instance for `cls(...)`; the nearest one along the MRO is used, so a user class
    /// deriving from a native class gets the native Swift object (with an attribute dict added).
    public var factory: ((PyClass) -> PyObject)?
    /// For value-like builtin types (int, str, list, range...): builds the value directly, bypassing
    /// `__init__`. Only used when this exact class is called.
    public var constructor: ((Arguments) throws -> Value)?
    /// True for classes defined from Swift.
    public let isNative: Bool
    /// True for `abc.ABC` and the classes deriving from it: instantiating one first checks that
    /// no abstract method is left (CPython's `__abstractmethods__`).
    public var checksAbstractMethods = false
    /// Class-level behaviour a metaclass would give (`enum`'s classes: `Color(1)`, `list(Color)`,
    /// `Color['RED']`, `len`, `in`, the class's repr, refusing to reassign members, turning the
    /// class body's values into members once the class exists): an object whose methods `call`,
    /// `iter`, `len`, `contains`, `getitem`, `repr`, `setattr` and `created` take the class first.
    /// Inherited by subclasses.
    public var classHooks: PyObject?
    /// Cached lookups along the MRO, invalidated whenever any class dict changes.
    @exclusivity(unchecked) private var cache: [String: Value?] = [:]
    @exclusivity(unchecked) private var cacheVersion = -1
    /// Bumped on every class-dict change (a pointer: read on hot paths without exclusivity checks).
    static let versionPointer: UnsafeMutablePointer<Int> = {
        let p = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()
    static var globalVersion: Int { versionPointer.pointee }

    /// Creates a class. Throws TypeError if the bases admit no consistent MRO.
    public init(name: String, bases: [PyClass], module: String = "builtins", native: Bool = true) throws {
        self.name = name
        self.moduleName = module
        self.bases = bases
        self.isNative = native
        let tail = try PyClass.c3Tail(bases)
        super.init(classObject: ())
        self.mro = [self] + tail
        checksAbstractMethods = bases.contains { $0.checksAbstractMethods }
        classHooks = bases.lazy.compactMap { $0.classHooks }.first
        PyClass.versionPointer.pointee &+= 1
    }

    /// A native class with a single base (default `object`).
    public init(native name: String, base: PyClass? = nil, module: String = "builtins") {
        self.name = name
        self.moduleName = module
        self.isNative = true
        let b = base ?? Builtins.object
        bases = [b]
        super.init(classObject: ())
        self.mro = [self] + b.mro
    }

    /// `object` itself.
    internal init(root: ()) {
        name = "object"; moduleName = "builtins"; isNative = true; bases = []
        super.init(classObject: ())
        mro = [self]
    }

    /// Looks an attribute up along the MRO (class attributes only).
    public func lookup(_ attr: String) -> Value? {
        if cacheVersion != PyClass.globalVersion { cache.removeAll(keepingCapacity: true); cacheVersion = PyClass.globalVersion }
        if let hit = cache[attr] { return hit }
        var found: Value? = nil
        for c in mro { if let v = c.dict[attr] { found = v; break } }
        cache[attr] = found
        return found
    }

    /// Sets a class attribute (invalidates lookup caches).
    public func setAttribute(_ attr: String, _ value: Value?) {
        dict[attr] = value
        PyClass.versionPointer.pointee &+= 1
    }

    /// Defines a native method: `self` arrives as the first positional argument.
    public func define(_ method: String, _ body: @escaping (Arguments) throws -> Value) {
        setAttribute(method, .object(NativeFunction(name: method, qualifier: name, body)))
    }

    /// Defines a native property (`t.shape`), optionally settable (`t.grad = None`).
    public func defineProperty(_ attr: String, get: @escaping (Value) throws -> Value,
                               set: ((Value, Value) throws -> Void)? = nil) {
        setAttribute(attr, .object(PyProperty(name: attr, nativeGet: get, nativeSet: set)))
    }

    /// `issubclass(self, other)`.
    public func isSubclass(of other: PyClass) -> Bool { mro.contains { $0 === other } }

    /// The nearest factory along the MRO.
    var instanceFactory: ((PyClass) -> PyObject)? {
        for c in mro { if let f = c.factory { return f } }
        return nil
    }

    /// C3 linearisation, as CPython computes `__mro__` (without the class itself at the head).
    static func c3Tail(_ bases: [PyClass]) throws -> [PyClass] {
        var sequences = bases.map { $0.mro } + [bases]
        var result: [PyClass] = []
        while true {
            sequences = sequences.filter { !$0.isEmpty }
            if sequences.isEmpty { return result }
            var candidate: PyClass? = nil
            for seq in sequences {
                let head = seq[0]
                let inTail = sequences.contains { s in s.dropFirst().contains { $0 === head } }
                if !inTail { candidate = head; break }
            }
            guard let next = candidate else {
                let names = bases.map { $0.name }.joined(separator: ", ")
                throw PyException.make(.typeError,
                    "Cannot create a consistent method resolution order (MRO) for bases \(names)")
            }
            result.append(next)
            sequences = sequences.map { seq in seq.first === next ? Array(seq.dropFirst()) : seq }
        }
    }
}
