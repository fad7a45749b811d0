import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// An optimizer as scripts see it (`torch.optim.SGD`, fastai's `Optimizer`).
final class OptimizerObject: PyObject {
    let optimizer: Optimizer
    /// fastai's optimizers zero grads in place; torch's set them to None by default.
    let zeroToNoneByDefault: Bool

    /// The one `param_groups` list scripts see (the same object on every access, as PyTorch's),
    /// and the hyper-parameter values last published into its dict.
    private var groups: PyList?
    private var published: [String: Double] = [:]

    init(_ optimizer: Optimizer, pyClass: PyClass, zeroToNoneByDefault: Bool) {
        self.optimizer = optimizer
        self.zeroToNoneByDefault = zeroToNoneByDefault
        super.init(pyClass: pyClass)
    }

    /// `optimizer.param_groups`: values a script wrote into the group dict (`g['lr'] = x`, the
    /// usual hand-made schedule) are taken into the optimizer first, then the dict shows the
    /// optimizer's current values (a scheduler may have changed them).
    func paramGroups() throws -> PyList {
        try takeGroupWrites()
        let list = groups ?? PyList([.object(PyDict())])
        groups = list
        guard let d = list.items.first?.as(PyDict.self) else { return list }
        if d.get("params") == nil { d.set("params", .object(PyList(optimizer.params.map { .tensor($0) }))) }
        for (k, x) in optimizer.hypers {
            d.set(k, .float(x))
            published[k] = x
        }
        return list
    }

    /// Applies what a script changed in the group dict since it was last published: `lr`, and
    /// the momentum (`momentum`, or `betas`' first value) where the optimizer has one; other
    /// changes are refused rather than silently ignored. Called before every step.
    func takeGroupWrites() throws {
        guard let d = groups?.items.first?.as(PyDict.self) else { return }
        for (key, last) in published.sorted(by: { $0.key < $1.key }) {
            guard let v = d.get(key), case let x = try v.asDouble(), x != last else { continue }
            switch key {
            case "lr": optimizer.lr = x
            case "momentum" where optimizer.mom != nil, "mom" where optimizer.mom != nil: optimizer.mom = x
            default: throw notSupported("changing param_groups[0]['\(key)'] of \(pyClass.name)")
            }
            published[key] = x
        }
    }
}

enum OptimModule {
    /// The tensors of a `params` argument: a list, tuple or generator of
    /// tensors (or of Modules' parameters via `model.parameters()`).
    static func parameterList(_ v: Value, function: String) throws -> [Tensor] {
        let items = try Runtime.iterateToArray(v)
        if items.isEmpty { throw pyError(.valueError, "optimizer got an empty parameter list") }
        return try items.map { item in
            guard let t = item.tensorValue else {
                throw pyError(.typeError, "optimizer can only optimize Tensors, but one of the params is \(item.typeName)")
            }
            return t
        }
    }

    static func optimizerClass(_ name: String, module: String) -> PyClass {
        let c = PyClass(native: name, module: module)
        let zeroSig = Signature(parsing: ["self", "set_to_none=None"])
        c.define("step") { args in
            guard let o = args.positional.first?.as(OptimizerObject.self) else { throw pyError(.typeError, "step() needs an optimizer") }
            if args.count > 1, !(try args[1]).isNone { throw notSupported("optimizer.step(closure)") }
            try o.takeGroupWrites()
            try o.optimizer.step()
            return .none
        }
        c.define("zero_grad") { args in
            guard let o = args.positional.first?.as(OptimizerObject.self) else { throw pyError(.typeError, "zero_grad() needs an optimizer") }
            let b = try args.bind(zeroSig)
            let toNone = b["set_to_none"].isNone ? o.zeroToNoneByDefault : try b.bool("set_to_none")
            try o.optimizer.zeroGrad(setToNone: toNone)
            return .none
        }
        c.defineProperty("hypers", get: { v in
            guard let o = v.as(OptimizerObject.self) else { return .none }
            let d = PyDict()
            for (k, x) in o.optimizer.hypers { d.set(k, .float(x)) }
            return .object(PyList([.object(d)]))
        })
        c.defineProperty("param_groups", get: { v in
            guard let o = v.as(OptimizerObject.self) else { return .none }
            return .object(try o.paramGroups())
        })
        c.defineProperty("lr", get: { v in .float(v.as(OptimizerObject.self)?.optimizer.lr ?? 0) },
                         set: { v, new in v.as(OptimizerObject.self)?.optimizer.lr = try new.asDouble() })
        c.define("__repr__") { args in
            guard let o = args.positional.first?.as(OptimizerObject.self) else { return .str(name) }
            let lines = o.optimizer.hypers.map { "    \($0.0): \($0.1)" }.joined(separator: "\n")
            return .str("\(name) (\nParameter Group 0\n\(lines)\n)")
        }
        return c
    }

    static let torchSGDClass: PyClass = {
        let c = optimizerClass("SGD", module: "torch.optim.sgd")
        let sig = Signature(parsing: ["params", "lr=0.001", "momentum=0", "dampening=0", "weight_decay=0", "nesterov=False"])
        c.constructor = { args in
            let b = try args.bind(sig)
            let opt = try TorchSGD(params: try parameterList(b["params"], function: "SGD"), lr: try b.double("lr"),
                                   momentum: try b.double("momentum"), dampening: try b.double("dampening"),
                                   weightDecay: try b.double("weight_decay"), nesterov: try b.bool("nesterov"))
            return .object(OptimizerObject(opt, pyClass: torchSGDClass, zeroToNoneByDefault: true))
        }
        return c
    }()

    static let torchAdamClass: PyClass = {
        let c = optimizerClass("Adam", module: "torch.optim.adam")
        let sig = Signature(parsing: ["params", "lr=0.001", "betas=None", "eps=1e-08", "weight_decay=0", "amsgrad=False"])
        c.constructor = { args in
            let b = try args.bind(sig)
            if try b.bool("amsgrad") { throw notSupported("Adam(amsgrad=True)") }
            let betas = b["betas"].isNone ? [0.9, 0.999] : try Runtime.iterateToArray(b["betas"]).map { try $0.asDouble() }
            guard betas.count == 2 else { throw pyError(.valueError, "betas must be a pair") }
            let opt = try TorchAdam(params: try parameterList(b["params"], function: "Adam"), lr: try b.double("lr"),
                                    betas: (betas[0], betas[1]), eps: try b.double("eps"),
                                    weightDecay: try b.double("weight_decay"))
            return .object(OptimizerObject(opt, pyClass: torchAdamClass, zeroToNoneByDefault: true))
        }
        return c
    }()

    static func make() -> PyModule {
        let m = PyModule(name: "torch.optim")
        m["SGD"] = .object(torchSGDClass)
        m["Adam"] = .object(torchAdamClass)
        m["AdamW"] = .object(torchAdamWClass)
        m["RMSprop"] = .object(torchRMSpropClass)
        m["Adagrad"] = .object(torchAdagradClass)
        return m
    }

    /// fastai's `Optimizer` class (what `SGD(...)` / `Adam(...)` return).
    static let fastaiOptimizerClass = optimizerClass("Optimizer", module: "fastai.optimizer")

    /// fastai's `SGD(params, lr, mom=0., wd=0., decouple_wd=True)` function.
    static let fastaiSGD: Value = {
        let sig = Signature(parsing: ["params", "lr", "mom=0.0", "wd=0.0", "decouple_wd=True"])
        return .object(NativeFunction(name: "SGD") { args in
            let b = try args.bind(sig)
            let opt = FastaiSGD(params: try parameterList(b["params"], function: "SGD"), lr: try b.double("lr"),
                                mom: try b.double("mom"), wd: try b.double("wd"), decoupleWD: try b.bool("decouple_wd"))
            return .object(OptimizerObject(opt, pyClass: fastaiOptimizerClass, zeroToNoneByDefault: false))
        })
    }()

    /// fastai's `Adam(params, lr, mom=0.9, sqr_mom=0.99, eps=1e-5, wd=0.01, decouple_wd=True)`.
    static let fastaiAdam: Value = {
        let sig = Signature(parsing: ["params", "lr", "mom=0.9", "sqr_mom=0.99", "eps=1e-05", "wd=0.01", "decouple_wd=True"])
        return .object(NativeFunction(name: "Adam") { args in
            let b = try args.bind(sig)
            let opt = FastaiAdam(params: try parameterList(b["params"], function: "Adam"), lr: try b.double("lr"),
                                 mom: try b.double("mom"), sqrMom: try b.double("sqr_mom"), eps: try b.double("eps"),
                                 wd: try b.double("wd"), decoupleWD: try b.bool("decouple_wd"))
            return .object(OptimizerObject(opt, pyClass: fastaiOptimizerClass, zeroToNoneByDefault: false))
        })
    }()
}
