/// Operations on values that the compiled code and native code share: calls, attributes,
/// operators, conversions. Everything Python-visible goes through here.
public enum Runtime {
    /// Calls any callable value with positional and keyword arguments.
    public static func call(_ callee: Value, _ args: [Value], _ kwargs: [(String, Value)] = []) throws -> Value {
        guard case .object(let o) = callee else {
            throw PyException.make(.typeError, "'\(callee.typeName)' object is not callable")
        }
        if let f = o as? PyFunction { return try f.invoke(args, kwargs) }
        if let n = o as? NativeFunction { return try n.body(Arguments(args, keywords: kwargs, functionName: n.name)) }
        if let m = o as? BoundMethod { return try call(m.function, [m.receiver] + args, kwargs) }
        if let c = o as? PyClass {
            if let hooks = c.classHooks { return try callMethod(.object(hooks), "call", [callee] + args, kwargs) }
            return try instantiate(c, args, kwargs)
        }
        if let w = o as? MethodWrapper { return try call(w.function, args, kwargs) }
        if let f = o.pyClass.lookup("__call__") { return try call(f, [callee] + args, kwargs) }
        throw PyException.make(.typeError, "'\(callee.typeName)' object is not callable")
    }

    /// Calls `obj.name(*args)` looking the method up on the class (special-method protocol).
    @inline(__always)
    public static func callMethod(_ obj: Value, _ name: String, _ args: [Value], _ kwargs: [(String, Value)] = []) throws -> Value {
        let m = try getAttribute(obj, name)
        return try call(m, args, kwargs)
    }

    /// Calls a special method looked up on the class, or returns nil if the class has none.
    public static func callSpecialIfPresent(_ obj: Value, _ name: String, _ args: [Value]) throws -> Value? {
        guard let f = obj.pyClass.lookup(name) else { return nil }
        return try callUnbound(f, obj, args)
    }

    /// Calls a class attribute as a method of `receiver` without allocating a bound method.
    @inline(__always)
    static func callUnbound(_ f: Value, _ receiver: Value, _ args: [Value], _ kwargs: [(String, Value)] = []) throws -> Value {
        if case .object(let o) = f {
            if let fn = o as? PyFunction { return try fn.invoke([receiver] + args, kwargs) }
            if let n = o as? NativeFunction {
                return try n.body(Arguments([receiver] + args, keywords: kwargs, functionName: n.name))
            }
            if let w = o as? MethodWrapper {
                switch w.kind {
                case .staticMethod: return try call(w.function, args, kwargs)
                case .classMethod: return try call(w.function, [.object(receiver.pyClass)] + args, kwargs)
                }
            }
            if let p = o as? PyProperty { return try call(try p.get(receiver), args, kwargs) }
        }
        return try call(f, args, kwargs)
    }

    /// `cls(*args, **kwargs)`.
    public static func instantiate(_ cls: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        if let ctor = cls.constructor {
            return try ctor(Arguments(args, keywords: kwargs, functionName: cls.name))
        }
        if cls === Builtins.type && args.count == 1 && kwargs.isEmpty { return .object(args[0].pyClass) }
        if cls.checksAbstractMethods { try AbcModule.checkInstantiable(cls) }
        let obj: PyObject
        if let make = cls.instanceFactory { obj = make(cls) } else { obj = PyObject(pyClass: cls, hasAttributes: true) }
        obj.pyClass = cls
        if obj.attributes == nil && !cls.isNative { obj.attributes = AttributeDict() }
        let value = Value.object(obj)
        if let initializer = cls.lookup("__init__"), !isObjectInit(initializer) {
            if kwargs.isEmpty, case .object(let io) = initializer, let fn = io as? PyFunction,
               fn.code.simpleSignature, fn.code.positionalCount == args.count + 1 {
                let frame = fn.makeFrame()
                frame.slots[0] = value
                for i in 0..<args.count { frame.slots[i + 1] = args[i] }
                let r = try fn.run(frame)
                if !r.isNone { throw PyException.make(.typeError, "__init__() should return None, not '\(r.typeName)'") }
                return value
            }
            let r = try callUnbound(initializer, value, args, kwargs)
            if !r.isNone {
                throw PyException.make(.typeError, "__init__() should return None, not '\(r.typeName)'")
            }
        } else if !args.isEmpty || !kwargs.isEmpty {
            throw PyException.make(.typeError, "\(cls.name)() takes no arguments")
        }
        return value
    }

    static let objectInit: PyObject? = Builtins.object.dict["__init__"]?.object
    static let objectSetattr: PyObject? = Builtins.object.dict["__setattr__"]?.object

    static func isObjectInit(_ v: Value) -> Bool {
        if case .object(let o) = v { return o === objectInit }
        return false
    }

    /// `callable(v)`.
    public static func isCallable(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        return o is PyFunction || o is NativeFunction || o is BoundMethod || o is PyClass
            || o.pyClass.lookup("__call__") != nil
    }
}
