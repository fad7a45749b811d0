/// An inline cache at one `obj.name` site: "instances of this class keep `name` in their own
/// attribute dict" (no property or `__setattr__` override on the class), valid while no class
/// dict has changed since. Hits cost one dictionary lookup instead of a walk of the MRO.
final class AttributeCache {
    @exclusivity(unchecked) var classID: ObjectIdentifier?
    @exclusivity(unchecked) var version = -1

    @inline(__always)
    func hit(_ po: PyObject) -> Bool {
        guard let cls = po.classStorage, ObjectIdentifier(cls) == classID else { return false }
        return version == PyClass.versionPointer.pointee
    }

    static func isPlainInstance(_ po: PyObject) -> Bool {
        po.attributes != nil && !(po is PyModule || po is PyClass || po is SuperObject)
    }

    /// Loads through the full protocol, remembering the class when the fast path is valid for it.
    func load(_ v: Value, _ name: String) throws -> Value {
        if case .object(let po) = v, AttributeCache.isPlainInstance(po) {
            let cls = po.pyClass
            let classAttr = cls.lookup(name)
            if classAttr?.as(PyProperty.self) == nil {
                classID = ObjectIdentifier(cls)
                version = PyClass.versionPointer.pointee
            }
        }
        return try Runtime.getAttribute(v, name)
    }

    /// Stores through the full protocol, remembering the class when the fast path is valid for it.
    func store(_ target: Value, _ name: String, _ value: Value) throws {
        if case .object(let po) = target, AttributeCache.isPlainInstance(po) {
            let cls = po.pyClass
            let setattr = cls.lookup("__setattr__")
            if (setattr == nil || Runtime.isObjectSetattr(setattr ?? .none)) && cls.lookup(name)?.as(PyProperty.self) == nil {
                classID = ObjectIdentifier(cls)
                version = PyClass.versionPointer.pointee
            }
        }
        try Runtime.setAttribute(target, name, value)
    }
}
