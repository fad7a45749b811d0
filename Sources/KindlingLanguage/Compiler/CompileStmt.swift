extension Compiler {
    func compileStatement(_ s: Stmt) throws -> StmtCode {
        switch s.kind {
        case .expression(let e):
            let c = try compileExpr(e)
            return { f in _ = try c(f); return .normal }
        case .assign(let targets, let value): return try compileAssign(targets, value)
        case .augmentedAssign(let target, let op, let value): return try compileAugmented(target, op, value)
        case .annotatedAssign(let target, let annotation, let value, let simple):
            if inClassBody && simple, case .name(let name) = target.kind {
                return try compileClassAnnotation(name, annotation, value.map { try compileAssign([target], $0) })
            }
            guard let v = value else { return { _ in .normal } }
            return try compileAssign([target], v)
        case .ifElse(let test, let body, let orElse):
            let t = try compileCondition(test), b = try compileBlock(body)
            if orElse.isEmpty { return { f in try t(f) ? try b(f) : .normal } }
            let o = try compileBlock(orElse)
            return { f in try t(f) ? try b(f) : try o(f) }
        case .forLoop(let target, let iterable, let body, let orElse):
            return try compileFor(target, iterable, body, orElse)
        case .whileLoop(let test, let body, let orElse):
            let t = try compileCondition(test), b = try compileBlock(body)
            let o: StmtCode? = orElse.isEmpty ? nil : try compileBlock(orElse)
            let interruptFlag = Interrupts.flag
            return { f in
                while try t(f) {
                    if interruptFlag.pointee != 0 { try Interrupts.check() }
                    switch try b(f) {
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    default: break
                    }
                }
                return try o?(f) ?? .normal
            }
        case .breakLoop: return { _ in .breakLoop }
        case .continueLoop: return { _ in .continueLoop }
        case .pass: return { _ in .normal }
        case .returnValue(let e):
            guard let e = e else { return { f in f.returnValue = .none; return .returned } }
            let c = try compileExpr(e)
            return { f in f.returnValue = try c(f); return .returned }
        case .functionDef(let def):
            let make = try compileFunction(name: def.name, parameters: def.parameters,
                                           key: ScopeKey(range: s.range, tag: ScopeAnalysis.functionTag),
                                           body: def.body, doc: def.docstring)
            return try compileDecorated(make, def.decorators, store: compileStoreName(def.name))
        case .classDef(let def): return try compileClass(def, s.range)
        case .importModules(let aliases): return try compileImport(aliases)
        case .importFrom(let module, let names): return try compileImportFrom(module, names)
        case .importStar(let module): return try compileImportStar(module)
        case .with(let items, let body): return try compileWith(items, body)
        case .tryExcept(let body, let handlers, let orElse, let finalBody):
            return try compileTry(body, handlers, orElse, finalBody)
        case .raise(let exc, let cause): return try compileRaise(exc, cause)
        case .assert(let test, let message):
            let t = try compileCondition(test)
            let m = try message.map(compileExpr)
            return { f in
                if try t(f) { return .normal }
                let args = try m.map { [try $0(f)] } ?? []
                throw PyException.make(Builtins.exc(.assertionError), args: args)
            }
        case .delete(let targets):
            let codes = try targets.map(compileDelete)
            return { f in for c in codes { _ = try c(f) }; return .normal }
        case .global, .nonlocal: return { _ in .normal }
        }
    }

    /// Applies decorators bottom-up, then stores the result.
    func compileDecorated(_ make: @escaping ExprCode, _ decorators: [Expr],
                          store: @escaping (Frame, Value) throws -> Void) throws -> StmtCode {
        let decos = try decorators.map(compileExpr)
        if decos.isEmpty { return { f in try store(f, try make(f)); return .normal } }
        return { f in
            let ds = try decos.map { try $0(f) }
            var v = try make(f)
            for d in ds.reversed() { v = try Runtime.call(d, [v]) }
            try store(f, v)
            return .normal
        }
    }

    func compileFor(_ target: Expr, _ iterable: Expr, _ body: [Stmt], _ orElse: [Stmt]) throws -> StmtCode {
        let b = try compileBlock(body)
        let o: StmtCode? = orElse.isEmpty ? nil : try compileBlock(orElse)
        let interruptFlag = Interrupts.flag
        // `for i in range(...)` over a fast local: a plain Swift loop.
        if let slot = fastSlot(target), case .call(let callee, let args) = iterable.kind, case .name("range") = callee.kind,
           (1...3).contains(args.count), args.allSatisfy({ if case .positional = $0 { return true }; return false }),
           case .global(let cell, let builtin) = resolve("range") {
            let argCodes = try args.map { try compileExpr($0.value) }
            let generic = try compileExpr(iterable)
            let store = try compileStore(target)
            return { f in
                guard cell.value == nil, case .object(let r)? = builtin.value, r === Builtins.range else {
                    return try Compiler.runFor(try generic(f), f, store, b, o)
                }
                var bounds: [Int] = []
                for a in argCodes { bounds.append(try a(f).asInt()) }
                let start = bounds.count == 1 ? 0 : bounds[0]
                let stop = bounds.count == 1 ? bounds[0] : bounds[1]
                let step = bounds.count == 3 ? bounds[2] : 1
                if step == 0 { throw PyException.make(.valueError, "range() arg 3 must not be zero") }
                var i = start
                while step > 0 ? i < stop : i > stop {
                    if interruptFlag.pointee != 0 { try Interrupts.check() }
                    f.slots[slot] = .int(i)
                    switch try b(f) {
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    default: break
                    }
                    let (n, overflow) = i.addingReportingOverflow(step)
                    if overflow { break }
                    i = n
                }
                return try o?(f) ?? .normal
            }
        }
        let it = try compileExpr(iterable)
        let store = try compileStore(target)
        return { f in try Compiler.runFor(try it(f), f, store, b, o) }
    }

    static func runFor(_ iterable: Value, _ f: Frame, _ store: (Frame, Value) throws -> Void,
                       _ body: StmtCode, _ orElse: StmtCode?) throws -> Completion {
        let interruptFlag = Interrupts.flag
        if case .object(let o) = iterable, let l = o as? PyList {
            var i = 0
            while i < l.items.count {
                if interruptFlag.pointee != 0 { try Interrupts.check() }
                try store(f, l.items[i])
                i += 1
                switch try body(f) {
                case .breakLoop: return .normal
                case .returned: return .returned
                default: break
                }
            }
            return try orElse?(f) ?? .normal
        }
        let iterator = try Runtime.makeIterator(iterable)
        while let v = try iterator.next() {
            if interruptFlag.pointee != 0 { try Interrupts.check() }
            try store(f, v)
            switch try body(f) {
            case .breakLoop: return .normal
            case .returned: return .returned
            default: break
            }
        }
        return try orElse?(f) ?? .normal
    }
}
