import KindlingEngine
import KindlingLanguage

/// `torch.nn.Module`: a native class user classes subclass. Attribute
/// assignment registers Parameters and Modules in order; `__call__` runs
/// `forward`; the rest mirrors PyTorch's API and repr.
enum ModuleClass {
    static let module: PyClass = {
        let c = PyClass(native: "Module", module: "torch.nn.modules.module")
        c.factory = { cls in ModuleObject(pyClass: cls) }
        installCore(c)
        installTraversal(c)
        installState(c)
        StateDict.install(c)
        return c
    }()

    static func selfModule(_ args: Arguments) throws -> ModuleObject {
        try args.receiver(ModuleObject.self, described: "a 'Module'")
    }

    static func isParameter(_ v: Value) -> TensorObject? {
        guard let t = v.as(TensorObject.self), t.pyClass.isSubclass(of: TorchTypes.parameter) else { return nil }
        return t
    }

    static func installCore(_ c: PyClass) {
        c.define("__init__") { args in
            _ = try selfModule(args)
            if args.count > 1 || !args.keywords.isEmpty {
                let extra = args.keywords.first.map { "'\($0.0)'" } ?? "positional arguments"
                throw pyError(.typeError, "Module.__init__() got an unexpected keyword argument \(extra)")
            }
            return .none
        }
        c.define("__setattr__") { args in
            let m = try selfModule(args)
            let name = try args[1].asString()
            let value = try args[2]
            try setAttribute(m, name, value)
            return .none
        }
        c.define("__getattr__") { args in
            let m = try selfModule(args)
            let name = try args[1].asString()
            if let p = m.parameter(named: name) { return p.map { .object($0) } ?? .none }
            if let sub = m.child(named: name) { return sub.map { .object($0) } ?? .none }
            throw pyError(.attributeError, "'\(m.pyClass.name)' object has no attribute '\(name)'")
        }
        c.define("__delattr__") { args in
            let m = try selfModule(args)
            let name = try args[1].asString()
            if let i = m.parameters.firstIndex(where: { $0.name == name }) { m.parameters.remove(at: i); return .none }
            if let i = m.children.firstIndex(where: { $0.name == name }) { m.children.remove(at: i); return .none }
            if let attrs = m.attributes, attrs[name] != nil { attrs[name] = nil; return .none }
            throw pyError(.attributeError, "'\(m.pyClass.name)' object has no attribute '\(name)'")
        }
        c.define("__call__") { args in
            let m = try selfModule(args)
            if m.runsNatively, args.count == 2, args.keywords.isEmpty, let x = (try args[1]).tensorValue,
               let y = try m.nativeForward(x) {
                return .tensor(y)
            }
            let forward = try Runtime.getAttribute(.object(m), "forward")
            return try Runtime.call(forward, Array(args.positional.dropFirst()), args.keywords)
        }
        c.define("forward") { args in
            let m = try selfModule(args)
            throw pyError(.notImplementedError, "Module [\(m.pyClass.name)] is missing the required \"forward\" function")
        }
        c.define("extra_repr") { _ in .str("") }
        c.define("__repr__") { args in .str(try repr(try selfModule(args))) }
        c.define("__dir__") { args in
            let m = try selfModule(args)
            var names = Set(Runtime.directory(.object(m)))
            names.formUnion(m.parameters.map(\.name))
            names.formUnion(m.children.map(\.name))
            return .object(PyList(names.sorted().map { .str($0) }))
        }
    }

    /// `module.name = value` with PyTorch's registration rules.
    static func setAttribute(_ m: ModuleObject, _ name: String, _ value: Value) throws {
        if let p = isParameter(value) {
            m.children.removeAll { $0.name == name }
            m.attributes?[name] = nil
            m.setParameter(name, p)
            return
        }
        if let sub = value.as(ModuleObject.self) {
            m.parameters.removeAll { $0.name == name }
            m.attributes?[name] = nil
            m.setChild(name, sub)
            return
        }
        if m.parameter(named: name) != nil {
            guard value.isNone else {
                throw pyError(.typeError, "cannot assign '\(typeString(value))' as parameter '\(name)' (torch.nn.Parameter or None expected)")
            }
            m.setParameter(name, nil)
            return
        }
        if m.child(named: name) != nil {
            guard value.isNone else {
                throw pyError(.typeError, "cannot assign '\(typeString(value))' as child module '\(name)' (torch.nn.Module or None expected)")
            }
            m.setChild(name, nil)
            return
        }
        if name == "training" { m.training = try value.isTruthy(); return }
        try Runtime.genericSetAttribute(m, name, value)
    }

    static func typeString(_ v: Value) -> String {
        if let t = v.tensorValue { return t.dtype.legacyTypeName }
        return v.typeName
    }

    /// PyTorch's `Module.__repr__`: `Name(extra)` or a block of children.
    static func repr(_ m: ModuleObject) throws -> String {
        let extra = try Runtime.callMethod(.object(m), "extra_repr", []).asString()
        let extraLines = extra.isEmpty ? [] : extra.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var childLines: [String] = []
        for (name, child) in m.children {
            let text = try child.map { try Runtime.repr(.object($0)) } ?? "None"
            let indented = text.split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated().map { $0.offset == 0 ? String($0.element) : "  " + $0.element }.joined(separator: "\n")
            childLines.append("(\(name)): " + indented)
        }
        let lines = extraLines + childLines
        var s = m.pyClass.name + "("
        if !lines.isEmpty {
            if extraLines.count == 1 && childLines.isEmpty { s += extraLines[0] }
            else { s += "\n  " + lines.joined(separator: "\n  ") + "\n" }
        }
        return s + ")"
    }

    static func installTraversal(_ c: PyClass) {
        let recurseSig = Signature(parsing: ["self", "recurse=True"])
        c.define("parameters") { args in
            let b = try args.bind(recurseSig)
            let m = try selfModule(args)
            let items = m.namedParameters(recurse: try b.bool("recurse")).map { Value.object($0.1) }
            return .object(iterator(items))
        }
        let namedSig = Signature(parsing: ["self", "prefix=''", "recurse=True", "remove_duplicate=True"])
        c.define("named_parameters") { args in
            let b = try args.bind(namedSig)
            let m = try selfModule(args)
            var prefix = try b.string("prefix")
            if !prefix.isEmpty { prefix += "." }
            let items = m.namedParameters(prefix: prefix, recurse: try b.bool("recurse"))
                .map { Value.object(PyTuple([.str($0.0), .object($0.1)])) }
            return .object(iterator(items))
        }
        c.define("children") { args in
            .object(iterator(try selfModule(args).children.compactMap { $0.module.map { .object($0) } }))
        }
        c.define("named_children") { args in
            .object(iterator(try selfModule(args).children.compactMap { n, m in
                m.map { .object(PyTuple([.str(n), .object($0)])) }
            }))
        }
        c.define("modules") { args in
            .object(iterator(try selfModule(args).namedModules().map { .object($0.1) }))
        }
        c.define("named_modules") { args in
            .object(iterator(try selfModule(args).namedModules().map { .object(PyTuple([.str($0.0), .object($0.1)])) }))
        }
    }

    /// A generator-like iterator over a snapshot (PyTorch's generators).
    static func iterator(_ items: [Value]) -> PyIterator {
        var i = 0
        return ClosureIterator {
            guard i < items.count else { return nil }
            i += 1
            return items[i - 1]
        }
    }

    static func installState(_ c: PyClass) {
        c.defineProperty("training", get: { v in .bool(v.as(ModuleObject.self)?.training ?? true) },
                         set: { v, new in v.as(ModuleObject.self)?.training = try new.isTruthy() })
        let trainSig = Signature(parsing: ["self", "mode=True"])
        c.define("train") { args in
            let b = try args.bind(trainSig)
            guard case .bool(let mode) = b["mode"] else { throw pyError(.valueError, "training mode is expected to be boolean") }
            try selfModule(args).setTraining(mode)
            return args.positional[0]
        }
        c.define("eval") { args in
            try selfModule(args).setTraining(false)
            return args.positional[0]
        }
        let zeroSig = Signature(parsing: ["self", "set_to_none=True"])
        c.define("zero_grad") { args in
            let b = try args.bind(zeroSig)
            let toNone = try b.bool("set_to_none")
            for (_, p) in try selfModule(args).namedParameters() {
                guard let g = p.tensor.grad else { continue }
                if toNone { p.tensor.grad = nil } else { _ = try g.detach().zero_() }
            }
            return .none
        }
        let rgSig = Signature(parsing: ["self", "requires_grad=True"])
        c.define("requires_grad_") { args in
            let b = try args.bind(rgSig)
            let on = try b.bool("requires_grad")
            for (_, p) in try selfModule(args).namedParameters() { _ = try p.tensor.requiresGrad_(on) }
            return args.positional[0]
        }
        for name in ["cpu", "cuda"] {
            c.define(name) { args in _ = try selfModule(args); return args.positional[0] }
        }
        // `float()` / `double()` / `to(dtype)`: floating parameters change dtype in place, as PyTorch's `_apply`.
        for (name, dtype) in [("float", DType.float32), ("double", .float64)] {
            c.define(name) { args in
                try castParameters(try selfModule(args), to: dtype)
                return args.positional[0]
            }
        }
        c.define("to") { args in
            let m = try selfModule(args)
            for v in args.positional.dropFirst() + args.keywords.filter({ $0.0 == "dtype" }).map(\.1) {
                if let d = v.as(DTypeObject.self) {
                    guard d.dtype.isFloatingPoint else {
                        throw pyError(.typeError, "nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=\(d.dtype)")
                    }
                    try castParameters(m, to: d.dtype)
                }
            }
            return args.positional[0]
        }
        c.define("add_module") { args in
            let m = try selfModule(args)
            let value = try args[2]
            guard value.isNone || value.as(ModuleObject.self) != nil else {
                throw pyError(.typeError, "\(value.typeName) is not a Module subclass")
            }
            m.setChild(try args[1].asString(), value.as(ModuleObject.self))
            return .none
        }
        c.define("register_parameter") { args in
            let m = try selfModule(args)
            let value = try args[2]
            guard value.isNone || isParameter(value) != nil else {
                throw pyError(.typeError, "cannot assign '\(typeString(value))' object to parameter '\(try args[1].asString())' (torch.nn.Parameter or None required)")
            }
            m.setParameter(try args[1].asString(), isParameter(value))
            return .none
        }
    }
}

extension ModuleClass {
    /// Converts every floating-point parameter (and its gradient) of `m` and its children to `dtype`.
    static func castParameters(_ m: ModuleObject, to dtype: DType) throws {
        for (_, p) in m.namedParameters() where p.tensor.dtype.isFloatingPoint && p.tensor.dtype != dtype {
            p.tensor.data = try p.tensor.detach().to(dtype)
            if let g = p.tensor.grad { p.tensor.grad = try g.to(dtype) }
        }
    }
}
