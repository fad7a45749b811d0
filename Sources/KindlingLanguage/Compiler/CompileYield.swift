extension Compiler {
    /// The body of a generator function: calling the function makes a generator object over the
    /// prepared frame instead of running it (the call path itself is unchanged).
    static func generatorBody(_ body: @escaping StmtCode, name: String, qualifiedName: String, filename: String) -> StmtCode {
        return { call in
            // The body gets its own frame: the call's frame holds the generator as its return
            // value, and a frame holding its own generator would never be freed.
            let f = Frame(code: call.code, globals: call.globals, builtins: call.builtins)
            for i in 0..<call.slotCount { f.slots[i] = call.slots[i] }
            f.cells = call.cells
            f.function = call.function
            let generator = PyGenerator(name: name, qualifiedName: qualifiedName) { coroutine in
                f.coroutine = coroutine
                defer { f.coroutine = nil }
                do {
                    _ = try body(f)
                } catch {
                    let e = PyException.wrap(error)
                    e.exception.traceback.append(TraceEntry(filename: filename, line: e.pendingLine ?? 0, function: name))
                    e.pendingLine = nil
                    // PEP 479: a StopIteration leaking out of a generator body is a bug, not the end.
                    if e.matches(.stopIteration) {
                        let r = PyException.make(.runtimeError, "generator raised StopIteration")
                        r.exception.cause = e.exception
                        r.exception.context = e.exception
                        r.exception.suppressContext = true
                        throw r
                    }
                    throw e
                }
                return f.returnValue
            }
            call.returnValue = .object(generator)
            return .returned
        }
    }

    func compileYield(_ value: Expr?) throws -> ExprCode {
        let v = try value.map(compileExpr)
        return { f in
            let x = try v?(f) ?? .none
            guard let coroutine = f.coroutine else { throw PyException.make(.systemError, "'yield' outside a running generator") }
            return try coroutine.suspend(yielding: x)
        }
    }

    func compileYieldFrom(_ source: Expr) throws -> ExprCode {
        let s = try compileExpr(source)
        return { f in
            let iterable = try s(f)
            guard let coroutine = f.coroutine else { throw PyException.make(.systemError, "'yield from' outside a running generator") }
            return try Compiler.delegate(to: iterable, coroutine)
        }
    }

    /// `yield from`: values, `send`s, `throw`s and `close` pass through to a sub-generator; the
    /// result is its return value. Other iterators are simply drained (None for the result).
    static func delegate(to iterable: Value, _ coroutine: GeneratorCoroutine) throws -> Value {
        let iterator = try Runtime.makeIterator(iterable)
        if let g = iterator as? PyGenerator {
            var message: GeneratorResume = .value(.none)
            while true {
                switch try g.resume(message) {
                case .returned(let v): return v
                case .raised(let e): throw e
                case .yielded(let v):
                    do {
                        message = .value(try coroutine.suspend(yielding: v))
                    } catch let e as PyException {
                        if e.matches(.generatorExit) { try g.close(); throw e }
                        message = .raise(e)
                    }
                }
            }
        }
        while let v = try iterator.next() {
            let sent = try coroutine.suspend(yielding: v)
            if !sent.isNone {
                throw PyException.make(.attributeError, "'\(iterator.pyClass.name)' object has no attribute 'send'")
            }
        }
        return .none
    }
}

extension Compiler {
    /// `name: annotation [= value]` in a class body: CPython assigns the value, then records the
    /// evaluated annotation in the class's `__annotations__` (what `dataclasses` reads).
    func compileClassAnnotation(_ name: String, _ annotation: Expr, _ assign: StmtCode?) throws -> StmtCode {
        let evaluate = try compileExpr(annotation)
        return { f in
            if let assign { _ = try assign(f) }
            let value = try evaluate(f)
            guard let ns = f.classNamespace else { return .normal }
            let annotations: PyDict
            if let existing = ns["__annotations__"]?.as(PyDict.self) { annotations = existing } else {
                annotations = PyDict()
                ns["__annotations__"] = .object(annotations)
            }
            annotations.set(name, value)
            return .normal
        }
    }
}
