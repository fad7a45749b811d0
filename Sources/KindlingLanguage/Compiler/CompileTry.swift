extension Compiler {
    func compileWith(_ items: [WithItem], _ body: [Stmt]) throws -> StmtCode {
        guard let item = items.first else { return try compileBlock(body) }
        let inner = items.count > 1 ? try compileWith(Array(items.dropFirst()), body) : try compileBlock(body)
        let ctx = try compileExpr(item.context)
        let store = try item.target.map(compileStore)
        return { f in
            let manager = try ctx(f)
            let cls = manager.pyClass
            guard let enter = cls.lookup("__enter__"), let exit = cls.lookup("__exit__") else {
                throw PyException.make(.typeError, "'\(manager.typeName)' object does not support the context manager protocol")
            }
            let entered = try Runtime.callUnbound(enter, manager, [])
            let completion: Completion
            do {
                try store?(f, entered)
                completion = try inner(f)
            } catch {
                let e = PyException.wrap(error)
                let suppress = try Runtime.callUnbound(exit, manager, [.object(e.exception.pyClass), .object(e.exception), .none])
                if try suppress.isTruthy() { return .normal }
                throw e
            }
            _ = try Runtime.callUnbound(exit, manager, [.none, .none, .none])
            return completion
        }
    }

    func compileTry(_ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt], _ finalBody: [Stmt]) throws -> StmtCode {
        let b = try compileBlock(body)
        let compiledHandlers: [(ExprCode?, ((Frame, Value) throws -> Void)?, StmtCode?, StmtCode)] = try handlers.map { h in
            (try h.type.map(compileExpr), h.name.map(compileStoreName), h.name.map(compileDeleteName), try compileBlock(h.body))
        }
        let o: StmtCode? = orElse.isEmpty ? nil : try compileBlock(orElse)
        let fin: StmtCode? = finalBody.isEmpty ? nil : try compileBlock(finalBody)
        let filename = self.filename
        let protected: StmtCode = compiledHandlers.isEmpty ? b : { f in
            let e: PyException
            do {
                let c = try b(f)
                if c != .normal { return c }
                return try o?(f) ?? .normal
            } catch {
                e = PyException.wrap(error)
            }
            for (typeCode, store, unbind, handlerBody) in compiledHandlers {
                if let tc = typeCode, !(try Compiler.exceptionMatches(e, try tc(f))) { continue }
                // The catching frame's line belongs to the caught exception's traceback (shown for chains).
                if let line = e.pendingLine {
                    e.exception.traceback.append(TraceEntry(filename: filename, line: line, function: f.code.name))
                    e.pendingLine = nil
                }
                let saved = f.handling
                f.handling = e
                defer { f.handling = saved }
                try store?(f, .object(e.exception))
                let c: Completion
                do { c = try handlerBody(f) } catch {
                    let inner = PyException.wrap(error)
                    if inner !== e && inner.exception.context == nil && inner.exception !== e.exception {
                        inner.exception.context = e.exception
                    }
                    if let u = unbind { _ = try? u(f) }
                    throw inner
                }
                if let u = unbind { _ = try? u(f) }
                return c
            }
            throw e
        }
        guard let finally = fin else { return protected }
        return { f in
            let c: Completion
            do { c = try protected(f) } catch {
                let fc = try finally(f)
                if fc != .normal { return fc }
                throw error
            }
            let fc = try finally(f)
            return fc != .normal ? fc : c
        }
    }

    static func exceptionMatches(_ e: PyException, _ spec: Value) throws -> Bool {
        if let c = spec.as(PyClass.self) {
            guard c.isSubclass(of: Builtins.baseException) else {
                throw PyException.make(.typeError, "catching classes that do not inherit from BaseException is not allowed")
            }
            return e.exception.pyClass.isSubclass(of: c)
        }
        if let t = spec.as(PyTuple.self) {
            for x in t.items where try exceptionMatches(e, x) { return true }
            return false
        }
        throw PyException.make(.typeError, "catching classes that do not inherit from BaseException is not allowed")
    }

    func compileRaise(_ exc: Expr?, _ cause: Expr?) throws -> StmtCode {
        guard let exc = exc else {
            return { f in
                if let e = f.handling { throw e }
                throw PyException.make(.runtimeError, "No active exception to reraise")
            }
        }
        let x = try compileExpr(exc)
        let c = try cause.map(compileExpr)
        return { f in
            let e = try Compiler.makeException(try x(f))
            if let c = c {
                let cv = try c(f)
                if cv.isNone { e.exception.suppressContext = true } else {
                    e.exception.cause = try Compiler.makeException(cv).exception
                    e.exception.suppressContext = true
                }
            }
            if let h = f.handling, h.exception !== e.exception, e.exception.context == nil { e.exception.context = h.exception }
            throw e
        }
    }

    /// `raise X`: a class is instantiated, an instance used as is.
    static func makeException(_ v: Value) throws -> PyException {
        if let c = v.as(PyClass.self), c.isSubclass(of: Builtins.baseException) {
            let inst = try Runtime.instantiate(c, [], [])
            if let e = inst.as(PyBaseException.self) { return PyException(e) }
        }
        if let e = v.as(PyBaseException.self) { return PyException(e) }
        throw PyException.make(.typeError, "exceptions must derive from BaseException")
    }
}
