extension Compiler {
    /// List/set/dict comprehensions run in the current frame with their variables in hidden slots;
    /// generator expressions become lazy iterators over the same machinery.
    func compileComprehension(_ e: Expr) throws -> ExprCode {
        let clauses: [Comprehension]
        switch e.kind {
        case .listComprehension(_, let cs), .setComprehension(_, let cs), .generator(_, let cs), .dictComprehension(_, _, let cs):
            clauses = cs
        default: throw PyException.make(.systemError, "not a comprehension")
        }
        guard let first = clauses.first else { throw PyException.make(.syntaxError, "comprehension without for") }
        let firstIterable = try compileExpr(first.iterable)
        let interruptFlag = Interrupts.flag
        let map = analysis.renames[ScopeKey(range: e.range, tag: ScopeAnalysis.comprehensionTag)] ?? [:]
        renameStack.append(map)
        defer { renameStack.removeLast() }
        var compiled: [(iterable: ExprCode?, store: (Frame, Value) throws -> Void, conditions: [CondCode])] = []
        for (i, c) in clauses.enumerated() {
            compiled.append((i == 0 ? nil : try compileExpr(c.iterable), try compileStore(c.target), try c.conditions.map(compileCondition)))
        }
        // `emit` is called once per produced element; the loop nest is walked recursively.
        func nest(_ emit: @escaping (Frame) throws -> Void) -> (Frame, Value) throws -> Void {
            var runLevel: [(Frame, Value) throws -> Void] = Array(repeating: { _, _ in }, count: compiled.count)
            for level in stride(from: compiled.count - 1, through: 0, by: -1) {
                let clause = compiled[level]
                let inner: ((Frame, Value) throws -> Void)? = level + 1 < compiled.count ? runLevel[level + 1] : nil
                let nextIterable = level + 1 < compiled.count ? compiled[level + 1].iterable : nil
                runLevel[level] = { f, iterable in
                    try Runtime.forEach(iterable) { v in
                        if interruptFlag.pointee != 0 { try Interrupts.check() }
                        try clause.store(f, v)
                        for c in clause.conditions where !(try c(f)) { return }
                        if let inner = inner, let ni = nextIterable { try inner(f, try ni(f)) } else { try emit(f) }
                    }
                }
            }
            return runLevel[0]
        }
        // CPython 3.11 runs comprehensions as functions: their frames appear in tracebacks.
        let filename = self.filename, line = e.range.line
        func frame(_ name: String, _ body: @escaping ExprCode) -> ExprCode {
            return { f in
                do { return try body(f) } catch {
                    let pe = PyException.wrap(error)
                    pe.exception.traceback.append(TraceEntry(filename: filename, line: pe.pendingLine ?? line, function: name))
                    pe.pendingLine = line
                    throw pe
                }
            }
        }
        switch e.kind {
        case .listComprehension(let el, _):
            let element = try compileExpr(el)
            return frame("<listcomp>") { f in
                let out = PyList()
                let run = nest { f in out.items.append(try element(f)) }
                try run(f, try firstIterable(f))
                return .object(out)
            }
        case .setComprehension(let el, _):
            let element = try compileExpr(el)
            return frame("<setcomp>") { f in
                let out = PySet()
                let run = nest { f in try out.add(try element(f)) }
                try run(f, try firstIterable(f))
                return .object(out)
            }
        case .dictComprehension(let k, let v, _):
            let key = try compileExpr(k), value = try compileExpr(v)
            return frame("<dictcomp>") { f in
                let out = PyDict()
                let run = nest { f in let kk = try key(f); try out.set(kk, try value(f)) }
                try run(f, try firstIterable(f))
                return .object(out)
            }
        case .generator(let el, _):
            let element = try compileExpr(el)
            return { f in
                let g = GeneratorExpression(frame: f, first: try Runtime.makeIterator(try firstIterable(f)),
                                            clauses: compiled, element: element)
                g.location = (filename, line)
                return .object(g)
            }
        default: throw PyException.make(.systemError, "not a comprehension")
        }
    }
}

/// A lazy generator expression: a stack of iterators, one per `for` clause.
final class GeneratorExpression: PyIterator {
    typealias Clause = (iterable: ExprCode?, store: (Frame, Value) throws -> Void, conditions: [CondCode])
    let frame: Frame
    let clauses: [Clause]
    let element: ExprCode
    var iterators: [PyIterator]
    var finished = false
    var location: (String, Int) = ("", 0)

    init(frame: Frame, first: PyIterator, clauses: [Clause], element: @escaping ExprCode) {
        self.frame = frame
        self.clauses = clauses
        self.element = element
        self.iterators = [first]
        super.init(cls: Builtins.generator)
    }

    override func next() throws -> Value? {
        do { return try step() } catch {
            let pe = PyException.wrap(error)
            pe.exception.traceback.append(TraceEntry(filename: location.0, line: pe.pendingLine ?? location.1, function: "<genexpr>"))
            pe.pendingLine = nil
            finished = true
            throw pe
        }
    }

    private func step() throws -> Value? {
        if finished { return nil }
        let interruptFlag = Interrupts.flag
        while let top = iterators.last {
            if interruptFlag.pointee != 0 { try Interrupts.check() }
            let level = iterators.count - 1
            guard let v = try top.next() else {
                iterators.removeLast()
                continue
            }
            let clause = clauses[level]
            try clause.store(frame, v)
            var ok = true
            for c in clause.conditions where !(try c(frame)) { ok = false; break }
            if !ok { continue }
            if level + 1 < clauses.count, let it = clauses[level + 1].iterable {
                iterators.append(try Runtime.makeIterator(try it(frame)))
                continue
            }
            return try element(frame)
        }
        finished = true
        return nil
    }
}
