/// The Swift half of `copy`: a fresh object of the same class without running `__init__`, and
/// access to an instance's `__dict__` and container items. Objects carrying native state
/// (tensors, native layers...) without `__copy__`/`__deepcopy__` are refused clearly.
enum CopyNatives {
    static func install(_ m: PyModule) {
        m.define("_new_like") { a in
            let x = try a[0]
            guard case .object(let o) = x else { return x }
            let cls = o.pyClass
            let y: PyObject
            switch o {
            case let e as PyBaseException: y = PyBaseException(cls, args: e.args)
            case is PyDict: y = PyDict()
            case is PyList: y = PyList()
            case is PyTuple: y = PyTuple([])
            default:
                if type(of: o) != PyObject.self {
                    throw PyException.make(.notImplementedError, "copying '\(cls.name)' objects is not supported by Kindling")
                }
                y = PyObject(pyClass: cls, hasAttributes: true)
            }
            y.pyClass = cls
            if o.attributes != nil && y.attributes == nil { y.attributes = AttributeDict() }
            return .object(y)
        }
        m.define("_instance_state") { a in
            guard let attrs = try a[0].object?.attributes, attrs.count > 0 else { return .none }
            let d = PyDict()
            for (k, v) in attrs.items { d.set(k, v) }
            return .object(d)
        }
        m.define("_set_instance_attribute") { a in
            guard let o = try a[0].object else { return .none }
            if o.attributes == nil { o.attributes = AttributeDict() }
            o.attributes?[try a[1].asString()] = try a[2]
            return .none
        }
        m.define("_container_items") { a in
            guard let o = try a[0].object else { return .none }
            if let d = o as? PyDict { return .object(PyList(d.pairs.map { .object(PyTuple([$0.0, $0.1])) })) }
            if let l = o as? PyList { return .object(PyList(l.items)) }
            if let t = o as? PyTuple { return .object(PyList(t.items)) }
            return .none
        }
        m.define("_fill_container") { a in
            guard let o = try a[0].object else { return .none }
            let items = try Runtime.iterateToArray(try a[1])
            if let d = o as? PyDict {
                for pair in items {
                    let kv = try Runtime.iterateToArray(pair)
                    if kv.count == 2 { try d.set(kv[0], kv[1]) }
                }
            } else if let l = o as? PyList {
                l.items = items
            } else if let t = o as? PyTuple {
                t.items = items
            }
            return .none
        }
    }
}
