import Foundation

extension Builtins {
    static func installObjectMethods() {
        let o = object
        o.define("__init__") { _ in .none }
        o.define("__repr__") { a in .str(Runtime.defaultRepr(try a[0].object ?? PyObject(pyClass: object))) }
        o.define("__str__") { a in .str(try Runtime.repr(try a[0])) }
        o.define("__setattr__") { a in
            guard case .object(let obj) = try a[0] else { throw PyException.make(.typeError, "can't set attributes of built-in type") }
            try Runtime.genericSetAttribute(obj, try a[1].asString(), try a[2])
            return .none
        }
        o.define("__format__") { a in
            let spec = try a[1].asString()
            if !spec.isEmpty { throw PyException.make(.typeError, "unsupported format string passed to \(try a[0].typeName).__format__") }
            return .str(try Runtime.str(try a[0]))
        }
        o.constructor = { a in
            try a.expectNone()
            return .object(PyObject(pyClass: object))
        }
        type.constructor = { a in
            if a.positional.count == 1 { return .object(a.positional[0].pyClass) }
            throw PyException.make(.notImplementedError, "type() with three arguments is not supported by Kindling")
        }
        range.constructor = { a in
            let ints = try a.positional.map { try $0.asInt() }
            if !a.keywords.isEmpty { throw PyException.make(.typeError, "range() takes no keyword arguments") }
            switch ints.count {
            case 1: return .object(PyRange(0, ints[0], 1))
            case 2: return .object(PyRange(ints[0], ints[1], 1))
            case 3:
                if ints[2] == 0 { throw PyException.make(.valueError, "range() arg 3 must not be zero") }
                return .object(PyRange(ints[0], ints[1], ints[2]))
            default:
                throw PyException.make(.typeError, ints.isEmpty ? "range expected at least 1 argument, got 0" : "range expected at most 3 arguments, got \(ints.count)")
            }
        }
        range.defineProperty("start") { v in .int(v.as(PyRange.self)?.start ?? 0) }
        range.defineProperty("stop") { v in .int(v.as(PyRange.self)?.stop ?? 0) }
        range.defineProperty("step") { v in .int(v.as(PyRange.self)?.step ?? 1) }
        range.define("index") { a in
            let r = try a.selfObject(PyRange.self)
            let x = try a[1].asInt()
            guard try Runtime.contains(.object(r), .int(x)) else { throw PyException.make(.valueError, "\(x) is not in range") }
            let distance = r.step > 0 ? UInt(bitPattern: x) &- UInt(bitPattern: r.start) : UInt(bitPattern: r.start) &- UInt(bitPattern: x)
            return .int(Int(distance / r.step.magnitude))
        }
        range.define("count") { a in
            .int(try Runtime.contains(try a[0], try a[1]) ? 1 : 0)
        }
        slice.constructor = { a in
            switch a.positional.count {
            case 1: return .object(PySlice(.none, a.positional[0], .none))
            case 2: return .object(PySlice(a.positional[0], a.positional[1], .none))
            case 3: return .object(PySlice(a.positional[0], a.positional[1], a.positional[2]))
            default: throw PyException.make(.typeError, "slice expected at least 1 argument, got 0")
            }
        }
        slice.defineProperty("start") { v in v.as(PySlice.self)?.start ?? .none }
        slice.defineProperty("stop") { v in v.as(PySlice.self)?.stop ?? .none }
        slice.defineProperty("step") { v in v.as(PySlice.self)?.step ?? .none }
        slice.define("indices") { a in
            let (s, e, st) = try a.selfObject(PySlice.self).indices(try a[1].asInt())
            return .object(PyTuple([.int(s), .int(e), .int(st)]))
        }
        property.constructor = { a in
            let b = try a.bind(["fget=None", "fset=None", "fdel=None", "doc=None"])
            return .object(PyProperty(getter: b["fget"].isNone ? nil : b["fget"], setter: b["fset"].isNone ? nil : b["fset"]))
        }
        property.define("setter") { a in
            let p = try a.selfObject(PyProperty.self)
            return .object(PyProperty(getter: p.getter, setter: try a[1]))
        }
        property.define("getter") { a in
            let p = try a.selfObject(PyProperty.self)
            return .object(PyProperty(getter: try a[1], setter: p.setter))
        }
        staticmethod.constructor = { a in .object(MethodWrapper(.staticMethod, try a[0])) }
        classmethod.constructor = { a in .object(MethodWrapper(.classMethod, try a[0])) }
        superType.constructor = { a in
            guard a.positional.count == 2, let cls = a.positional[0].as(PyClass.self) else {
                throw PyException.make(.runtimeError, "super(): no arguments")
            }
            return .object(SuperObject(cls, a.positional[1]))
        }
        iterator.define("__iter__") { a in try a[0] }
        iterator.define("__next__") { a in
            guard let it = try a[0].as(PyIterator.self) else { throw PyException.make(.typeError, "not an iterator") }
            if let v = try it.next() { return v }
            throw PyException.make(stopIteration, args: [])
        }
        installGeneratorMethods()
        for view in [dictKeys, dictValues, dictItems] {
            view.define("__iter__") { a in .object(try Runtime.makeIterator(try a[0])) }
            view.define("__len__") { a in .int(try Runtime.length(try a[0])) }
            view.define("__contains__") { a in
                guard let v = try a[0].as(DictView.self) else { return .bool(false) }
                return .bool(try v.snapshot().contains { try Runtime.valuesEqual($0, try a[1]) })
            }
        }
    }

    static func installExceptionMethods() {
        let b = baseException
        b.define("__init__") { a in
            guard let e = try a[0].as(PyBaseException.self) else { return .none }
            e.args = Array(a.positional.dropFirst())
            return .none
        }
        b.define("__str__") { a in .str(try a[0].as(PyBaseException.self)?.argsMessage ?? "") }
        b.define("__repr__") { a in .str(Runtime.defaultRepr(try a[0].object ?? PyObject(pyClass: object))) }
        b.defineProperty("args", get: { v in .object(PyTuple(v.as(PyBaseException.self)?.args ?? [])) },
                         set: { v, x in v.as(PyBaseException.self)?.args = try Runtime.iterateToArray(x) })
        b.defineProperty("__cause__") { v in v.as(PyBaseException.self)?.cause.map { .object($0) } ?? .none }
        b.defineProperty("__context__") { v in v.as(PyBaseException.self)?.context.map { .object($0) } ?? .none }
        b.define("with_traceback") { a in try a[0] }
        exc(.stopIteration).defineProperty("value") { v in v.as(PyBaseException.self)?.args.first ?? .none }
        exc(.systemExit).defineProperty("code") { v in
            guard let e = v.as(PyBaseException.self) else { return .none }
            return e.args.count == 1 ? e.args[0] : e.args.isEmpty ? .none : .object(PyTuple(e.args))
        }
    }
}
