/// CPython's `abc`: `ABC` and `abstractmethod`. A class deriving from `ABC` cannot be
/// instantiated while any abstract method (or abstract property) is left unoverridden.
enum AbcModule {
    static func make() -> PyModule {
        let m = PyModule(name: "abc")
        m.isPartialLibrary = true
        let abc = PyClass(native: "ABC", module: "abc")
        abc.checksAbstractMethods = true
        m.add(abc)
        m.define("abstractmethod") { a in
            let f = try a[0]
            guard case .object(let o) = f else { return f }
            if o.attributes == nil, let w = o as? MethodWrapper, let inner = w.function.object {
                if inner.attributes == nil { inner.attributes = AttributeDict() }
                inner.attributes?["__isabstractmethod__"] = .bool(true)
                return f
            }
            if o.attributes == nil { o.attributes = AttributeDict() }
            o.attributes?["__isabstractmethod__"] = .bool(true)
            return f
        }
        return m
    }

    /// The names of `cls`'s methods that are still abstract, sorted as CPython lists them.
    static func abstractMethods(of cls: PyClass) -> [String] {
        var names = Set<String>()
        for c in cls.mro { for k in c.dict.keys { names.insert(k) } }
        return names.filter { n in cls.lookup(n).map(isAbstract) ?? false }.sorted()
    }

    static func isAbstract(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        if let p = o as? PyProperty { return [p.getter, p.setter].contains { $0.map(isAbstract) ?? false } }
        if let w = o as? MethodWrapper { return isAbstract(w.function) }
        if case .bool(true)? = o.attributes?["__isabstractmethod__"] { return true }
        return false
    }

    /// Raised by `cls()` for a class with abstract methods left.
    static func checkInstantiable(_ cls: PyClass) throws {
        let missing = abstractMethods(of: cls)
        guard !missing.isEmpty else { return }
        throw PyException.make(.typeError, "Can't instantiate abstract class \(cls.name) with abstract method"
            + (missing.count == 1 ? " " : "s ") + missing.joined(separator: ", "))
    }
}
