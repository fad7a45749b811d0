import Foundation

extension Interpreter {
    /// Installs the builtin functions, classes and constants into `builtins`.
    func installBuiltinFunctions() {
        let ns = builtinsModule.namespace
        for c in [Builtins.object, Builtins.type, Builtins.int, Builtins.float, Builtins.bool, Builtins.str, Builtins.list,
                  Builtins.tuple, Builtins.dict, Builtins.set, Builtins.frozenset, Builtins.range, Builtins.slice,
                  Builtins.property, Builtins.staticmethod, Builtins.classmethod] {
            ns.set(c.name, .object(c))
        }
        ns.set("super", .object(Builtins.superType))
        for (name, cls) in Builtins.exceptionClasses { ns.set(name, .object(cls)) }
        ns.set("None", .none)
        ns.set("NotImplemented", Builtins.notImplemented)
        ns.set("Ellipsis", Builtins.ellipsis)
        ns.set("__name__", .str("builtins"))
        func def(_ name: String, _ body: @escaping (Arguments) throws -> Value) {
            ns.set(name, .object(NativeFunction(name: name, body)))
        }
        def("print") { [unowned self] a in
            let b = try a.bind(["*args", "sep=None", "end=None", "file=None", "flush=False"])
            let sep = b["sep"].isNone ? " " : try b.string("sep")
            let end = b["end"].isNone ? "\n" : try b.string("end")
            let text = try b.varargs.map { try Runtime.str($0) }.joined(separator: sep) + end
            let file = b["file"]
            if file.isNone { self.output(text); return .none }
            if let m = file.as(PyModule.self) ?? nil, m.name == "sys" {}
            _ = try Runtime.callMethod(file, "write", [.str(text)])
            return .none
        }
        def("repr") { a in .str(try Runtime.repr(try a[0])) }
        def("ascii") { a in .str(try Runtime.repr(try a[0])) }
        def("len") { a in .int(try Runtime.length(try a[0])) }
        def("abs") { a in
            let v = try a[0]
            switch v {
            case .int(let i):
                if i == Int.min { throw Arithmetic.overflow() }
                return .int(abs(i))
            case .float(let d): return .float(abs(d))
            case .bool(let b): return .int(b ? 1 : 0)
            default:
                if let r = try Runtime.callSpecialIfPresent(v, "__abs__", []) { return r }
                throw PyException.make(.typeError, "bad operand type for abs(): '\(v.typeName)'")
            }
        }
        def("round") { a in
            let b = try a.bind(["number", "ndigits=None"])
            let x = b["number"]
            if case .object = x { return try Runtime.callMethod(x, "__round__", b["ndigits"].isNone ? [] : [b["ndigits"]]) }
            if b["ndigits"].isNone {
                if case .int = x { return x }
                if case .bool(let v) = x { return .int(v ? 1 : 0) }
                return .int(try Builtins.floatToInt(try x.asDouble().rounded(.toNearestOrEven)))
            }
            let n = try b.int("ndigits")
            switch x {
            case .int(let i):
                if n >= 0 { return .int(i) }
                if n < -18 { return .int(0) }
                var p = 1
                for _ in 0..<(-n) { p *= 10 }
                let (q, r) = (try Arithmetic.floorDiv(i, p), try Arithmetic.mod(i, p))
                let twice = 2 * r
                let up = twice > p || (twice == p && q & 1 == 1)
                return .int(try Arithmetic.mul(up ? q + 1 : q, p))
            case .bool(let v): return .int(v ? 1 : 0)
            default: return .float(FloatFormat.round(try x.asDouble(), n))
            }
        }
        def("isinstance") { a in .bool(try Builtins.isInstance(try a[0], try a[1])) }
        def("issubclass") { a in
            guard let c = try a[0].as(PyClass.self) else { throw PyException.make(.typeError, "issubclass() arg 1 must be a class") }
            return .bool(try Builtins.classMatches(c, try a[1], "issubclass"))
        }
        def("hasattr") { a in .bool(try Runtime.hasAttribute(try a[0], try a[1].asString())) }
        def("getattr") { a in
            let name = try a[1].asString()
            if a.positional.count > 2 {
                do { return try Runtime.lookupAttribute(try a[0], name) ?? a.positional[2] } catch let e as PyException where e.matches(.attributeError) {
                    return a.positional[2]
                }
            }
            return try Runtime.getAttribute(try a[0], name)
        }
        def("setattr") { a in try Runtime.setAttribute(try a[0], try a[1].asString(), try a[2]); return .none }
        def("delattr") { a in try Runtime.deleteAttribute(try a[0], try a[1].asString()); return .none }
        def("callable") { a in .bool(Runtime.isCallable(try a[0])) }
        def("id") { a in
            let v = try a[0]
            if case .object(let o) = v { return .int(Runtime.identity(o)) }
            return .int(try HashKey(v).pythonHash)
        }
        def("hash") { a in .int(try Runtime.hash(try a[0])) }
        def("iter") { a in .object(try Runtime.makeIterator(try a[0])) }
        def("next") { a in
            if let g = try a[0].as(PyGenerator.self) {
                if let v = try g.next() { return v }
                if a.positional.count > 1 { _ = g.stopIteration(); return a.positional[1] }
                throw g.stopIteration()
            }
            if let v = try Runtime.nextValue(try a[0]) { return v }
            if a.positional.count > 1 { return a.positional[1] }
            throw PyException.make(Builtins.stopIteration, args: [])
        }
        def("chr") { a in
            let i = try a[0].asInt()
            guard i >= 0, i < 0x110000, let u = Unicode.Scalar(UInt32(i)) else { throw PyException.make(.valueError, "chr() arg not in range(0x110000)") }
            return .str(String(Character(u)))
        }
        def("ord") { a in
            let s = try a[0].asString()
            guard s.unicodeScalars.count == 1, let u = s.unicodeScalars.first else {
                throw PyException.make(.typeError, "ord() expected a character, but string of length \(s.unicodeScalars.count) found")
            }
            return .int(Int(u.value))
        }
        for (name, spec) in [("bin", "#b"), ("oct", "#o"), ("hex", "#x")] {
            def(name) { a in .str(try Runtime.format(.int(try a[0].asInt()), spec)) }
        }
        def("format") { a in .str(try Runtime.format(try a[0], a.positional.count > 1 ? try a[1].asString() : "")) }
        def("divmod") { a in
            let x = try a[0], y = try a[1]
            return .object(PyTuple([try Runtime.binary(.floorDivide, x, y), try Runtime.binary(.modulo, x, y)]))
        }
        def("pow") { a in
            let b = try a.bind(["base", "exp", "mod=None"])
            if b["mod"].isNone { return try Runtime.binary(.power, b["base"], b["exp"]) }
            return .int(try Builtins.modPow(try b.int("base"), try b.int("exp"), try b.int("mod")))
        }
        def("dir") { [unowned self] a in
            if a.positional.isEmpty { return .object(PyList(self.mainModule.namespace.names.sorted().map { .str($0) })) }
            return .object(PyList(Runtime.directory(try a[0]).map { .str($0) }))
        }
        def("vars") { [unowned self] a in
            if a.positional.isEmpty { return .object(try Runtime.moduleDict(self.mainModule)) }
            if let r = try Runtime.lookupAttribute(try a[0], "__dict__") { return r }
            throw PyException.make(.typeError, "vars() argument must have __dict__ attribute")
        }
        def("globals") { [unowned self] _ in .object(try Runtime.moduleDict(self.mainModule)) }
        def("locals") { [unowned self] _ in .object(try Runtime.moduleDict(self.mainModule)) }
        def("help") { [unowned self] a in
            self.output(Builtins.helpText(a.positional.first ?? .none))
            return .none
        }
        def("input") { [unowned self] a in
            if let reader = self.inputReader { return .str(try reader(try a.positional.first.map { try Runtime.str($0) } ?? "")) }
            if let p = a.positional.first { fputs(try Runtime.str(p), stdout); fflush(stdout) }
            guard let line = readLine() else { throw PyException.make(.eofError, "EOF when reading a line") }
            return .str(line)
        }
        for name in ["exit", "quit"] {
            def(name) { a in throw PyException.make(Builtins.exc(.systemExit), args: a.positional.isEmpty ? [] : [a.positional[0]]) }
        }
        def("open") { a in try TextFile.open(a) }
        def("exec") { _ in throw PyException.make(.notImplementedError, "exec() is not supported by Kindling") }
        def("eval") { _ in throw PyException.make(.notImplementedError, "eval() is not supported by Kindling") }
        installIterationBuiltins(def)
    }
}

extension Builtins {
    static func isInstance(_ v: Value, _ spec: Value) throws -> Bool {
        try classMatches(v.pyClass, spec, "isinstance")
    }

    static func classMatches(_ c: PyClass, _ spec: Value, _ fn: String) throws -> Bool {
        if let k = spec.as(PyClass.self) { return c.isSubclass(of: k) }
        if let t = spec.as(PyTuple.self) {
            for x in t.items where try classMatches(c, x, fn) { return true }
            return false
        }
        throw PyException.make(.typeError, "\(fn)() arg 2 must be a type, a tuple of types, or a union")
    }

    static func modPow(_ base: Int, _ exp: Int, _ mod: Int) throws -> Int {
        if mod == 0 { throw PyException.make(.valueError, "pow() 3rd argument cannot be 0") }
        if exp < 0 { throw PyException.make(.valueError, "base is not invertible for the given modulus") }
        var result = 1 % mod, b = try Arithmetic.mod(base, mod), e = exp
        let m = mod.magnitude
        while e > 0 {
            if e & 1 == 1 { result = Int(truncatingIfNeeded: m.dividingFullWidth(result.magnitude.multipliedFullWidth(by: b.magnitude)).remainder) }
            b = Int(truncatingIfNeeded: m.dividingFullWidth(b.magnitude.multipliedFullWidth(by: b.magnitude)).remainder)
            e >>= 1
        }
        return try Arithmetic.mod(result, mod)
    }

    static func helpText(_ v: Value) -> String {
        var out = ""
        if let f = v.as(PyFunction.self) {
            out = "Help on function \(f.name):\n\n\(f.name)(...)\n"
            if let d = f.doc { out += "    " + d + "\n" }
        } else if let f = v.as(NativeFunction.self) {
            out = "Help on built-in function \(f.name):\n\n\(f.name)(...)\n"
            if let d = f.doc { out += "    " + d + "\n" }
        } else if let c = v.as(PyClass.self) {
            out = "Help on class \(c.name):\n\nclass \(c.name)(" + c.bases.map(\.name).joined(separator: ", ") + ")\n"
            let methods = c.dict.keys.filter { !$0.hasPrefix("_") }.sorted()
            if !methods.isEmpty { out += "  Methods and attributes:\n" + methods.map { "    \($0)\n" }.joined() }
        } else if let m = v.as(PyModule.self) {
            out = "Help on module \(m.name):\n\nNAME\n    \(m.name)\n\nCONTENTS\n" + m.namespace.names.filter { !$0.hasPrefix("_") }.map { "    \($0)\n" }.joined()
        } else {
            out = "Help on \(v.typeName) object.\n"
        }
        return out
    }
}
