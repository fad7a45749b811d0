extension Builtins {
    /// `generator`'s methods, for generator functions and generator expressions alike.
    static func installGeneratorMethods() {
        let g = generator
        g.define("__iter__") { a in try a[0] }
        g.define("__next__") { a in
            if let gen = try a[0].as(PyGenerator.self) { return try gen.send(.none) }
            guard let it = try a[0].as(PyIterator.self) else { throw PyException.make(.typeError, "not an iterator") }
            if let v = try it.next() { return v }
            throw PyException.make(stopIteration, args: [])
        }
        g.define("send") { a in
            let value = try a[1]
            if let gen = try a[0].as(PyGenerator.self) { return try gen.send(value) }
            guard let it = try a[0].as(PyIterator.self) else { throw PyException.make(.typeError, "not a generator") }
            // A generator expression ignores what is sent, as CPython's does.
            if let v = try it.next() { return v }
            throw PyException.make(stopIteration, args: [])
        }
        g.define("throw") { a in
            guard !a.positional.isEmpty, a.positional.count <= 4 else {
                throw PyException.make(.typeError, "throw expected at least 1 argument, got \(max(0, a.positional.count - 1))")
            }
            let raised: PyException
            let first = try a[1]
            if a.positional.count > 2, let cls = first.as(PyClass.self), cls.isSubclass(of: baseException) {
                let value = a.positional[2]
                if value.as(PyBaseException.self) != nil { raised = try Compiler.makeException(value) }
                else { raised = try Compiler.makeException(try Runtime.instantiate(cls, value.isNone ? [] : [value], [])) }
            } else {
                raised = try Compiler.makeException(first)
            }
            if let gen = try a[0].as(PyGenerator.self) { return try gen.throwIn(raised) }
            if let genexpr = try a[0].as(GeneratorExpression.self) { genexpr.finished = true }
            throw raised
        }
        g.define("close") { a in
            if let gen = try a[0].as(PyGenerator.self) { try gen.close() }
            if let genexpr = try a[0].as(GeneratorExpression.self) { genexpr.finished = true }
            return .none
        }
        g.defineProperty("gi_running") { v in .bool(v.as(PyGenerator.self)?.isRunning ?? false) }
        g.defineProperty("gi_suspended") { v in .bool(v.as(PyGenerator.self)?.isSuspended ?? false) }
    }
}
