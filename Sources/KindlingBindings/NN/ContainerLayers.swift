import KindlingEngine
import KindlingLanguage

/// `nn.ModuleList`, `nn.ModuleDict` and `nn.ParameterList`: containers whose items are
/// registered as children (`"0"`, `"1"`, ... or the dict's keys) or parameters, so
/// `parameters()`, `named_parameters()`, `state_dict()` and the reprs are PyTorch's.
enum ContainerLayers {
    static var all: [PyClass] { [moduleList, moduleDict, parameterList] }

    static func module(_ v: Value) throws -> ModuleObject {
        guard let m = v.as(ModuleObject.self) else { throw pyError(.typeError, "\(v.typeName) is not a Module subclass") }
        return m
    }

    /// A list index as PyTorch's containers check it (negative from the end).
    static func position(_ key: Value, count: Int) throws -> Int {
        let i = try key.asInt()
        let j = i < 0 ? i + count : i
        guard j >= 0 && j < count else { throw pyError(.indexError, "index \(i) is out of range") }
        return j
    }

    /// Renames the children `"0"`, `"1"`, ... after an insertion or deletion.
    static func renumber(_ m: ModuleObject, _ modules: [ModuleObject?]) {
        m.children = modules.enumerated().map { (String($0.offset), $0.element) }
    }

    static let moduleList: PyClass = {
        let c = Layers.layerClass("ModuleList", module: "torch.nn.modules.container")
        c.define("__init__") { args in
            let b = try args.bind(["self", "modules=None"])
            let m = try ModuleClass.selfModule(args)
            if !b["modules"].isNone {
                for v in try Runtime.iterateToArray(b["modules"]) { m.setChild(String(m.children.count), try module(v)) }
            }
            return .none
        }
        c.define("__len__") { args in .int(try ModuleClass.selfModule(args).children.count) }
        c.define("__iter__") { args in
            .object(ModuleClass.iterator(try ModuleClass.selfModule(args).children.map { $0.module.map { .object($0) } ?? .none }))
        }
        c.define("__getitem__") { args in
            let m = try ModuleClass.selfModule(args)
            let key = try args[1]
            if let s = key.as(PySlice.self) {
                let out = ModuleObject(pyClass: m.pyClass)
                renumber(out, try s.positions(m.children.count).map { m.children[$0].module })
                return .object(out)
            }
            return m.children[try position(key, count: m.children.count)].module.map { .object($0) } ?? .none
        }
        c.define("__setitem__") { args in
            let m = try ModuleClass.selfModule(args)
            let i = try position(try args[1], count: m.children.count)
            m.children[i].module = try module(try args[2])
            return .none
        }
        c.define("__delitem__") { args in
            let m = try ModuleClass.selfModule(args)
            let key = try args[1]
            var modules = m.children.map(\.module)
            let doomed = Set(try key.as(PySlice.self)?.positions(modules.count) ?? [try position(key, count: modules.count)])
            modules = modules.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
            renumber(m, modules)
            return .none
        }
        c.define("append") { args in
            let m = try ModuleClass.selfModule(args)
            m.setChild(String(m.children.count), try module(try args[1]))
            return args.positional[0]
        }
        c.define("extend") { args in
            let m = try ModuleClass.selfModule(args)
            for v in try Runtime.iterateToArray(try args[1]) { m.setChild(String(m.children.count), try module(v)) }
            return args.positional[0]
        }
        c.define("insert") { args in
            let m = try ModuleClass.selfModule(args)
            var modules = m.children.map(\.module)
            var i = try (try args[1]).asInt()
            if i < 0 { i += modules.count }
            modules.insert(try module(try args[2]), at: min(max(i, 0), modules.count))
            renumber(m, modules)
            return .none
        }
        c.define("__add__") { args in
            let m = try ModuleClass.selfModule(args)
            guard let other = (try args[1]).as(ModuleObject.self), other.pyClass === m.pyClass else {
                throw pyError(.typeError, "unsupported operand type(s) for +: 'ModuleList' and '\((try args[1]).typeName)'")
            }
            let out = ModuleObject(pyClass: m.pyClass)
            renumber(out, m.children.map(\.module) + other.children.map(\.module))
            return .object(out)
        }
        c.define("__repr__") { args in .str(try listRepr(try ModuleClass.selfModule(args))) }
        return c
    }()

    /// ModuleList's repr, which folds runs of equal items into `(i-j): n x item`.
    static func listRepr(_ m: ModuleObject) throws -> String {
        let reprs = try m.children.map { try $0.module.map { try Runtime.repr(.object($0)) } ?? "None" }
        if reprs.isEmpty { return m.pyClass.name + "()" }
        var blocks: [(start: Int, end: Int, text: String)] = []
        for (i, r) in reprs.enumerated() {
            if let last = blocks.last, last.text == r { blocks[blocks.count - 1].end = i } else { blocks.append((i, i, r)) }
        }
        let lines = blocks.map { b -> String in
            let head = b.start == b.end ? "(\(b.start)): " : "(\(b.start)-\(b.end)): \(b.end - b.start + 1) x "
            return (head + b.text).split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated().map { $0.offset == 0 ? String($0.element) : "  " + $0.element }.joined(separator: "\n")
        }
        return m.pyClass.name + "(\n  " + lines.joined(separator: "\n  ") + "\n)"
    }

    static let moduleDict: PyClass = {
        let c = Layers.layerClass("ModuleDict", module: "torch.nn.modules.container")
        func update(_ m: ModuleObject, _ source: Value) throws {
            let pairs: [(Value, Value)]
            if let d = source.as(PyDict.self) { pairs = d.pairs } else {
                pairs = try Runtime.iterateToArray(source).enumerated().map { i, item in
                    let kv = try Runtime.iterateToArray(item)
                    guard kv.count == 2 else {
                        throw pyError(.valueError, "ModuleDict update sequence element #\(i) has length \(kv.count); 2 is required")
                    }
                    return (kv[0], kv[1])
                }
            }
            for (k, v) in pairs { m.setChild(try k.asString(), try module(v)) }
        }
        func key(_ m: ModuleObject, _ k: Value) throws -> Int {
            let name = try k.asString()
            guard let i = m.children.firstIndex(where: { $0.name == name }) else { throw pyError(.keyError, name) }
            return i
        }
        c.define("__init__") { args in
            let b = try args.bind(["self", "modules=None"])
            if !b["modules"].isNone { try update(try ModuleClass.selfModule(args), b["modules"]) }
            return .none
        }
        c.define("update") { args in try update(try ModuleClass.selfModule(args), try args[1]); return .none }
        c.define("__len__") { args in .int(try ModuleClass.selfModule(args).children.count) }
        c.define("__iter__") { args in .object(ModuleClass.iterator(try ModuleClass.selfModule(args).children.map { .str($0.name) })) }
        c.define("__contains__") { args in
            let name = try (try args[1]).asString()
            return .bool(try ModuleClass.selfModule(args).children.contains { $0.name == name })
        }
        c.define("__getitem__") { args in
            let m = try ModuleClass.selfModule(args)
            return m.children[try key(m, try args[1])].module.map { .object($0) } ?? .none
        }
        c.define("__setitem__") { args in
            try ModuleClass.selfModule(args).setChild(try (try args[1]).asString(), try module(try args[2]))
            return .none
        }
        c.define("__delitem__") { args in
            let m = try ModuleClass.selfModule(args)
            m.children.remove(at: try key(m, try args[1]))
            return .none
        }
        c.define("pop") { args in
            let m = try ModuleClass.selfModule(args)
            let i = try key(m, try args[1])
            let v = m.children.remove(at: i).module
            return v.map { .object($0) } ?? .none
        }
        c.define("clear") { args in try ModuleClass.selfModule(args).children.removeAll(); return .none }
        c.define("keys") { args in .object(PyList(try ModuleClass.selfModule(args).children.map { .str($0.name) })) }
        c.define("values") { args in
            .object(PyList(try ModuleClass.selfModule(args).children.map { $0.module.map { .object($0) } ?? .none }))
        }
        c.define("items") { args in
            .object(PyList(try ModuleClass.selfModule(args).children.map {
                .object(PyTuple([.str($0.name), $0.module.map { .object($0) } ?? .none]))
            }))
        }
        return c
    }()

    /// A tensor as a Parameter, as ParameterList stores items (Parameters stay themselves).
    static func parameter(_ v: Value) throws -> TensorObject {
        if let p = ModuleClass.isParameter(v) { return p }
        guard let t = v.tensorValue else { throw notSupported("ParameterList items that are not tensors (\(v.typeName))") }
        let data = t.detach()
        _ = try data.requiresGrad_(true)
        return TensorObject(data, pyClass: TorchTypes.parameter)
    }

    static let parameterList: PyClass = {
        let c = Layers.layerClass("ParameterList", module: "torch.nn.modules.container")
        func append(_ m: ModuleObject, _ v: Value) throws { m.setParameter(String(m.parameters.count), try parameter(v)) }
        c.define("__init__") { args in
            let b = try args.bind(["self", "values=None"])
            let m = try ModuleClass.selfModule(args)
            if !b["values"].isNone { for v in try Runtime.iterateToArray(b["values"]) { try append(m, v) } }
            return .none
        }
        c.define("append") { args in try append(try ModuleClass.selfModule(args), try args[1]); return args.positional[0] }
        c.define("extend") { args in
            let m = try ModuleClass.selfModule(args)
            for v in try Runtime.iterateToArray(try args[1]) { try append(m, v) }
            return args.positional[0]
        }
        c.define("__len__") { args in .int(try ModuleClass.selfModule(args).parameters.count) }
        c.define("__iter__") { args in
            .object(ModuleClass.iterator(try ModuleClass.selfModule(args).parameters.map { $0.value.map { .object($0) } ?? .none }))
        }
        c.define("__getitem__") { args in
            let m = try ModuleClass.selfModule(args)
            let key = try args[1]
            if let s = key.as(PySlice.self) {
                let out = ModuleObject(pyClass: m.pyClass)
                for i in try s.positions(m.parameters.count) { out.setParameter(String(out.parameters.count), m.parameters[i].value) }
                return .object(out)
            }
            return m.parameters[try position(key, count: m.parameters.count)].value.map { .object($0) } ?? .none
        }
        c.define("__setitem__") { args in
            let m = try ModuleClass.selfModule(args)
            let i = try position(try args[1], count: m.parameters.count)
            m.parameters[i].value = try parameter(try args[2])
            return .none
        }
        c.define("extra_repr") { args in
            let lines = try ModuleClass.selfModule(args).parameters.enumerated().map { i, p -> String in
                guard let t = p.value?.tensor else { return "  (\(i)): Object of type: NoneType" }
                return "  (\(i)): Parameter containing: [\(t.dtype) of size \(t.shape.map(String.init).joined(separator: "x"))]"
            }
            return .str(lines.joined(separator: "\n"))
        }
        return c
    }()
}
