/// The Swift half of `dataclasses`: a class's own namespace (its `__annotations__` in source
/// order, its own attributes) and attribute stores that bypass a frozen class's `__setattr__`.
enum DataclassNatives {
    static func install(_ m: PyModule) {
        func cls(_ a: Arguments) throws -> PyClass {
            guard let c = try a[0].as(PyClass.self) else { throw PyException.make(.typeError, "expected a class") }
            return c
        }
        m.define("_own_annotations") { a in
            if let d = try cls(a).dict["__annotations__"], d.as(PyDict.self) != nil { return d }
            return .object(PyDict())
        }
        m.define("_own_attribute") { a in try cls(a).dict[try a[1].asString()] ?? (try a[2]) }
        m.define("_delete_own_attribute") { a in try cls(a).setAttribute(try a[1].asString(), nil); return .none }
        m.define("_own_items") { a in
            .object(PyList(try cls(a).dict.items.map { .object(PyTuple([.str($0.0), $0.1])) }))
        }
        m.define("_own_keys") { a in .object(try PySet(try cls(a).dict.keys.map { .str($0) })) }
        m.define("_set_instance_attribute") { a in
            guard let o = try a[0].object else { return .none }
            if o.attributes == nil { o.attributes = AttributeDict() }
            o.attributes?[try a[1].asString()] = try a[2]
            return .none
        }
    }
}
