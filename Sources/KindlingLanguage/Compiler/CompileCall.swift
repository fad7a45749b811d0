extension Compiler {
    func compileCall(_ callee: Expr, _ args: [Argument]) throws -> ExprCode {
        var positional: [ExprCode] = []
        var simple = true
        for a in args { if case .positional(let e) = a { positional.append(try compileExpr(e)) } else { simple = false } }
        if case .name("super") = callee.kind, args.isEmpty { return try compileZeroArgSuper() }
        if !simple { return try compileGeneralCall(callee, args) }
        let argc = positional.count
        if case .attribute(let objExpr, let name) = callee.kind {
            let obj = try compileExpr(objExpr)
            return { f in
                let o = try obj(f)
                return try Compiler.callMethod(o, name, positional, f)
            }
        }
        let fn = try compileExpr(callee)
        return { f in
            let c = try fn(f)
            if case .object(let o) = c {
                if let pf = o as? PyFunction, pf.code.simpleSignature, pf.code.positionalCount == argc {
                    let frame = pf.makeFrame()
                    for i in 0..<argc { frame.slots[i] = try positional[i](f) }
                    return try pf.run(frame)
                }
                if let nf = o as? NativeFunction {
                    var vals: [Value] = []
                    vals.reserveCapacity(argc)
                    for p in positional { vals.append(try p(f)) }
                    return try nf.body(Arguments(vals, functionName: nf.name))
                }
            }
            var vals: [Value] = []
            vals.reserveCapacity(argc)
            for p in positional { vals.append(try p(f)) }
            return try Runtime.call(c, vals)
        }
    }

    /// `obj.name(args...)` without allocating a bound method when the attribute is a plain method.
    @inline(__always)
    static func callMethod(_ o: Value, _ name: String, _ positional: [ExprCode], _ f: Frame) throws -> Value {
        if case .object(let po) = o, po is PyModule || po is PyClass || po is SuperObject || po.attributes?[name] != nil {
            let m = try Runtime.getAttribute(o, name)
            return try Runtime.call(m, try positional.map { try $0(f) })
        }
        if let ca = o.pyClass.lookup(name), case .object(let fo) = ca {
            if let pf = fo as? PyFunction {
                if pf.code.simpleSignature && pf.code.positionalCount == positional.count + 1 {
                    let frame = pf.makeFrame()
                    frame.slots[0] = o
                    for i in 0..<positional.count { frame.slots[i + 1] = try positional[i](f) }
                    return try pf.run(frame)
                }
                return try pf.invoke([o] + positional.map { try $0(f) }, [])
            }
            if let nf = fo as? NativeFunction {
                var vals: [Value] = [o]
                vals.reserveCapacity(positional.count + 1)
                for p in positional { vals.append(try p(f)) }
                return try nf.body(Arguments(vals, functionName: nf.name))
            }
        }
        let m = try Runtime.getAttribute(o, name)
        return try Runtime.call(m, try positional.map { try $0(f) })
    }

    /// Calls with keywords, `*args` or `**kwargs`.
    func compileGeneralCall(_ callee: Expr, _ args: [Argument]) throws -> ExprCode {
        enum Part { case pos(ExprCode), kw(String, ExprCode), star(ExprCode), starstar(ExprCode) }
        let parts: [Part] = try args.map {
            switch $0 {
            case .positional(let e): return .pos(try compileExpr(e))
            case .keyword(let n, let e): return .kw(n, try compileExpr(e))
            case .unpackPositional(let e): return .star(try compileExpr(e))
            case .unpackKeyword(let e): return .starstar(try compileExpr(e))
            }
        }
        let fn = try compileExpr(callee)
        return { f in
            let c = try fn(f)
            var pos: [Value] = []
            var kws: [(String, Value)] = []
            for p in parts {
                switch p {
                case .pos(let e): pos.append(try e(f))
                case .kw(let n, let e): kws.append((n, try e(f)))
                case .star(let e): pos += try Runtime.iterateToArray(try e(f))
                case .starstar(let e):
                    let m = try e(f)
                    guard let d = m.as(PyDict.self) else {
                        throw PyException.make(.typeError, "argument after ** must be a mapping, not \(m.typeName)")
                    }
                    for (k, v) in d.pairs {
                        guard case .str(let key) = k else { throw PyException.make(.typeError, "keywords must be strings") }
                        if kws.contains(where: { $0.0 == key }) {
                            throw PyException.make(.typeError, "got multiple values for keyword argument '\(key)'")
                        }
                        kws.append((key, v))
                    }
                }
            }
            return try Runtime.call(c, pos, kws)
        }
    }

    /// `super()` inside a method: the defining class and the first argument of the frame.
    func compileZeroArgSuper() throws -> ExprCode {
        guard scope.kind == .function, let firstParam = scope.parameters.first else {
            return { _ in throw PyException.make(.runtimeError, "super(): no arguments") }
        }
        let selfLoad = compileLoad(firstParam)
        return { f in
            guard let cls = f.function?.definingClass else {
                throw PyException.make(.runtimeError, "super(): __class__ cell not found")
            }
            return .object(SuperObject(cls, try selfLoad(f)))
        }
    }
}

/// `super()`: attribute lookup starting after `start` in the MRO of the receiver's class.
public final class SuperObject: PyObject {
    let start: PyClass
    let receiver: Value
    init(_ start: PyClass, _ receiver: Value) {
        self.start = start
        self.receiver = receiver
        super.init(pyClass: Builtins.superType)
    }

    func lookup(_ name: String) throws -> Value? {
        let cls = receiver.as(PyClass.self) ?? receiver.pyClass
        let mro = cls.mro
        guard let i = mro.firstIndex(where: { $0 === start }) else { return nil }
        for c in mro[(i + 1)...] {
            if let v = c.dict[name] {
                if case .object(let o) = v, let p = o as? PyProperty { return try p.get(receiver) }
                if receiver.as(PyClass.self) != nil {
                    if case .object(let o) = v, let w = o as? MethodWrapper, w.kind == .classMethod {
                        return .object(BoundMethod(receiver, w.function))
                    }
                    return v
                }
                return Runtime.bind(v, to: receiver, cls: cls)
            }
        }
        return nil
    }
}
