import KindlingEngine
import KindlingLanguage

/// `Module.state_dict()` and `Module.load_state_dict()` with PyTorch's
/// behaviour: an `OrderedDict` of dotted parameter names to detached tensors
/// sharing the parameters' storage, and loading that copies values in place
/// under no_grad, with PyTorch's messages for missing and unexpected keys and
/// shape mismatches. Kindling modules have parameters only (no buffers).
/// Saving to disk is `TorchSerialization`'s job.
enum StateDict {
    /// `collections.OrderedDict`, as state dicts are typed: a dict printed
    /// as `OrderedDict([('weight', tensor(...)), ...])`.
    static let orderedDict: PyClass = {
        let c = PyClass(native: "OrderedDict", base: Builtins.dict, module: "collections")
        c.define("__repr__") { args in
            guard let d = args.positional.first?.as(PyDict.self) else { return .str("OrderedDict()") }
            if d.count == 0 { return .str("OrderedDict()") }
            let pairs = try d.pairs.map { try Runtime.repr(.object(PyTuple([$0.0, $0.1]))) }
            return .str("OrderedDict([" + pairs.joined(separator: ", ") + "])")
        }
        // The views print as `odict_keys([...])`, `odict_values([...])`, `odict_items([...])`.
        for (method, view) in [("keys", odictKeys), ("values", odictValues), ("items", odictItems)] {
            c.define(method) { args in
                guard let self_ = args.positional.first, let dictMethod = Builtins.dict.lookup(method) else {
                    throw pyError(.typeError, "descriptor '\(method)' of 'collections.OrderedDict' object needs an argument")
                }
                let result = try Runtime.call(dictMethod, [self_])
                result.object?.pyClass = view
                return result
            }
        }
        return c
    }()

    static let odictKeys = PyClass(native: "odict_keys", base: Builtins.dictKeys, module: "collections")
    static let odictValues = PyClass(native: "odict_values", base: Builtins.dictValues, module: "collections")
    static let odictItems = PyClass(native: "odict_items", base: Builtins.dictItems, module: "collections")

    /// PyTorch's `_IncompatibleKeys` named tuple, with its special repr when
    /// every key matched.
    static let incompatibleKeys: PyClass = {
        let c = PyClass(native: "_IncompatibleKeys", base: Builtins.tuple, module: "torch.nn.modules.module")
        c.define("__repr__") { args in
            guard let t = args.positional.first?.as(PyTuple.self), t.items.count == 2 else { return .str("_IncompatibleKeys()") }
            if try !t.items[0].isTruthy() && !t.items[1].isTruthy() { return .str("<All keys matched successfully>") }
            return .str("_IncompatibleKeys(missing_keys=\(try Runtime.repr(t.items[0])), unexpected_keys=\(try Runtime.repr(t.items[1])))")
        }
        c.defineProperty("missing_keys", get: { v in v.as(PyTuple.self)?.items.first ?? .none })
        c.defineProperty("unexpected_keys", get: { v in v.as(PyTuple.self)?.items.last ?? .none })
        return c
    }()

    static func install(_ c: PyClass) {
        let stateSig = Signature(parsing: ["self", "*args", "destination=None", "prefix=''", "keep_vars=False"])
        c.define("state_dict") { args in
            let b = try args.bind(stateSig)
            if !b.varargs.isEmpty || !b["destination"].isNone { throw notSupported("state_dict(destination=...)") }
            let m = try ModuleClass.selfModule(args)
            return .object(try stateDict(m, prefix: try b.string("prefix"), keepVars: try b.bool("keep_vars")))
        }
        let loadSig = Signature(parsing: ["self", "state_dict", "strict=True", "assign=False"])
        c.define("load_state_dict") { args in
            let b = try args.bind(loadSig)
            if try b.bool("assign") { throw notSupported("load_state_dict(assign=True)") }
            return try load(try ModuleClass.selfModule(args), b["state_dict"], strict: try b.bool("strict"))
        }
    }

    static func stateDict(_ m: ModuleObject, prefix: String, keepVars: Bool) throws -> PyDict {
        let d = PyDict()
        d.pyClass = orderedDict
        for (name, p) in m.namedParameters(prefix: prefix) {
            d.set(name, keepVars ? .object(p) : .tensor(p.tensor.detach()))
        }
        return d
    }

    /// Copies `source`'s tensors into the parameters of the same names.
    static func load(_ m: ModuleObject, _ source: Value, strict: Bool) throws -> Value {
        guard let d = source.as(PyDict.self) else {
            throw pyError(.typeError, "Expected state_dict to be dict-like, got <class '\(source.typeName)'>.")
        }
        let params = m.namedParameters()
        let names = Set(params.map(\.0))
        var errors: [String] = []
        var missing: [String] = []
        var copies: [(Tensor, Tensor)] = []
        for (name, p) in params {
            guard let value = d.get(name) else { missing.append(name); continue }
            guard let src = value.tensorValue else {
                errors.append("While copying the parameter named \"\(name)\", expected torch.Tensor or Tensor-like object from checkpoint but received <class '\(value.typeName)'>")
                continue
            }
            if src.shape != p.tensor.shape {
                errors.append("size mismatch for \(name): copying a param with shape \(TensorFormatter.sizeRepr(src.shape)) from checkpoint, the shape in current model is \(TensorFormatter.sizeRepr(p.tensor.shape)).")
                continue
            }
            copies.append((p.tensor, src))
        }
        let unexpected = d.keys.compactMap { k -> String? in
            guard case .str(let s) = k else { return nil }
            return names.contains(s) ? nil : s
        }
        if strict {
            if !unexpected.isEmpty { errors.insert("Unexpected key(s) in state_dict: \(quoted(unexpected)). ", at: 0) }
            if !missing.isEmpty { errors.insert("Missing key(s) in state_dict: \(quoted(missing)). ", at: 0) }
        }
        if !errors.isEmpty {
            throw pyError(.runtimeError, "Error(s) in loading state_dict for \(m.pyClass.name):\n\t" + errors.joined(separator: "\n\t"))
        }
        try GradMode.withNoGrad {
            for (dst, src) in copies { _ = try dst.copy_(src) }
        }
        let result = PyTuple([.object(PyList(missing.map { .str($0) })), .object(PyList(unexpected.map { .str($0) }))])
        result.pyClass = incompatibleKeys
        return .object(result)
    }

    static func quoted(_ names: [String]) -> String { names.map { "\"\($0)\"" }.joined(separator: ", ") }
}
