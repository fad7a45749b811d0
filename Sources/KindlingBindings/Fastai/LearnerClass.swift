import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// The `Learner` class scripts see, and its `Recorder`.
enum LearnerClass {
    static func selfLearner(_ args: Arguments) throws -> LearnerObject {
        guard let l = args.positional.first?.as(LearnerObject.self) else { throw pyError("TypeError", "expected a Learner") }
        return l
    }

    static let learner: PyClass = {
        let c = PyClass(native: "Learner", module: "fastai.learner")
        c.factory = { cls in LearnerObject(pyClass: cls) }
        let initSig = Signature(parsing: ["self", "dls", "model", "loss_func=None", "opt_func=None", "lr=0.001", "splitter=None",
                                          "cbs=None", "metrics=None", "path=None", "model_dir='models'", "wd=None",
                                          "wd_bn_bias=False", "train_bn=True", "moms=None", "default_cbs=True"])
        c.define("__init__") { args in
            let l = try selfLearner(args)
            let b = try args.bind(initSig)
            l.dls = b["dls"]
            l.model = b["model"]
            if b["loss_func"].isNone { throw pyError("AttributeError", "Could not infer loss function from the data, please pass a loss function.") }
            l.lossFunc = b["loss_func"]
            l.optFunc = b["opt_func"].isNone ? FastaiModule.adam : b["opt_func"]
            l.lr = try b.double("lr")
            let m = b["metrics"]
            if m.isNone { l.metrics = [] }
            else if m.as(PyList.self) != nil || m.as(PyTuple.self) != nil { l.metrics = try Runtime.iterateToArray(m) }
            else { l.metrics = [m] }
            l.callbacks = try l.scriptCallbacks(b["cbs"])
            l.wd = try b.optionalDouble("wd")
            l.wdBnBias = try b.bool("wd_bn_bias")
            if !b["moms"].isNone { l.moms = try moms(b["moms"]) }
            return .none
        }
        let fitSig = Signature(parsing: ["self", "n_epoch", "lr=None", "wd=None", "cbs=None", "reset_opt=False", "start_epoch=0"])
        c.define("fit") { args in
            let l = try selfLearner(args)
            let b = try args.bind(fitSig)
            try refuseUnsupported(b, "fit")
            if try b.bool("reset_opt") { l.opt = nil }
            try l.fit(epochs: try b.int("n_epoch"), lr: try b.optionalDouble("lr"), wd: try b.optionalDouble("wd"),
                      callbacks: try l.scriptCallbacks(b["cbs"]))
            return .none
        }
        let cycleSig = Signature(parsing: ["self", "n_epoch", "lr_max=None", "div=25.0", "div_final=100000.0", "pct_start=0.25",
                                           "wd=None", "moms=None", "cbs=None", "reset_opt=False", "start_epoch=0"])
        c.define("fit_one_cycle") { args in
            let l = try selfLearner(args)
            let b = try args.bind(cycleSig)
            try refuseUnsupported(b, "fit_one_cycle")
            if try b.bool("reset_opt") { l.opt = nil }
            let cycleMoms = b["moms"].isNone ? l.moms : try moms(b["moms"])
            let lrMax = try lrValue(b["lr_max"]) ?? l.lr
            let (epochs, div, divFinal, pct) = (try b.int("n_epoch"), try b.double("div"), try b.double("div_final"), try b.double("pct_start"))
            let wd = try b.optionalDouble("wd") ?? l.wd
            try l.withLoop(callbacks: try l.scriptCallbacks(b["cbs"])) {
                try $0.fitOneCycle(epochs: epochs, lrMax: lrMax, div: div, divFinal: divFinal, pctStart: pct, moms: cycleMoms, wd: wd)
            }
            return .none
        }
        let tuneSig = Signature(parsing: ["self", "epochs", "base_lr=0.002", "freeze_epochs=1", "lr_mult=100", "pct_start=0.3",
                                          "div=5.0", "**kwargs"])
        c.define("fine_tune") { args in
            let l = try selfLearner(args)
            let b = try args.bind(tuneSig)
            // fine_tune hands **kwargs to both fit_one_cycle calls: Kindling takes wd and moms.
            var wd = l.wd, tuneMoms = l.moms, extra: [ScriptCallback] = []
            for (key, value) in b.varkw {
                switch key {
                case "wd": if !value.isNone { wd = try value.asDouble() }
                case "moms": if !value.isNone { tuneMoms = try moms(value) }
                case "start_epoch" where (try? value.asInt()) == 0: continue
                case "cbs": extra = try l.scriptCallbacks(value)
                default: throw notSupported("fine_tune(\(key)=...)")
                }
            }
            let (epochs, base, freeze) = (try b.int("epochs"), try b.double("base_lr"), try b.int("freeze_epochs"))
            let (pct, div) = (try b.double("pct_start"), try b.double("div"))
            try l.withLoop(callbacks: extra) {
                try $0.fineTune(epochs: epochs, baseLR: base, freezeEpochs: freeze, pctStart: pct, div: div, moms: tuneMoms, wd: wd)
            }
            return .none
        }
        let validateSig = Signature(parsing: ["self", "ds_idx=1", "dl=None", "cbs=None"])
        c.define("validate") { args in
            let l = try selfLearner(args)
            let b = try args.bind(validateSig)
            let source = try dataSource(l, b)
            let values = try l.withLoop(callbacks: try l.scriptCallbacks(b["cbs"])) { try $0.validate(source: source) }
            return .object(PyList(values.map { $0.map { .float($0) } ?? .none }))
        }
        let predsSig = Signature(parsing: ["self", "ds_idx=1", "dl=None", "with_input=False", "with_decoded=False",
                                           "with_loss=False", "act=None", "inner=False", "reorder=True", "cbs=None"])
        c.define("get_preds") { args in
            let l = try selfLearner(args)
            let b = try args.bind(predsSig)
            let source = try dataSource(l, b)
            let act = b["act"]
            let activation: ((Tensor) throws -> Tensor)? = act.isNone ? lossActivation(l) : { p in
                guard let t = try Runtime.call(act, [.tensor(p)]).tensorValue else { throw pyError("TypeError", "act must return a Tensor") }
                return t
            }
            let (p, t) = try l.withLoop { try $0.predictions(source: source, activation: activation) }
            var out: [Value] = [.tensor(p), .tensor(t)]
            if try b.bool("with_decoded") { out.append(.tensor(try p.argmax(dim: -1))) }
            return .object(PyTuple(out))
        }
        c.define("predict") { args in
            let l = try selfLearner(args)
            guard args.count == 2, let x = (try args[1]).tensorValue else { throw pyError("TypeError", "predict(item) needs a tensor item") }
            let activation = lossActivation(l)
            let (decoded, probs) = try l.withLoop { try $0.predict(x, activation: activation) }
            return .object(PyTuple([.tensor(decoded), .tensor(decoded), .tensor(probs)]))
        }
        c.define("no_logging") { args in
            let l = try selfLearner(args)
            return .object(NoLogging(l))
        }
        c.defineProperty("model", get: { v in v.as(LearnerObject.self)?.model ?? .none },
                         set: { v, new in v.as(LearnerObject.self)?.model = new; v.as(LearnerObject.self)?.opt = nil })
        c.defineProperty("dls", get: { v in v.as(LearnerObject.self)?.dls ?? .none },
                         set: { v, new in v.as(LearnerObject.self)?.dls = new })
        c.defineProperty("loss_func", get: { v in v.as(LearnerObject.self)?.lossFunc ?? .none },
                         set: { v, new in v.as(LearnerObject.self)?.lossFunc = new })
        c.defineProperty("opt_func", get: { v in v.as(LearnerObject.self)?.optFunc ?? .none })
        c.defineProperty("metrics", get: { v in .object(PyList(v.as(LearnerObject.self)?.metrics ?? [])) })
        c.defineProperty("lr", get: { v in .float(v.as(LearnerObject.self)?.lr ?? 0) },
                         set: { v, new in v.as(LearnerObject.self)?.lr = try new.asDouble() })
        c.defineProperty("opt", get: { v in (v.as(LearnerObject.self)?.opt).map { .object($0) } ?? .none },
                         set: { v, new in v.as(LearnerObject.self)?.opt = new.as(OptimizerObject.self) })
        c.defineProperty("recorder", get: { v in
            guard let l = v.as(LearnerObject.self) else { return .none }
            return .object(RecorderObject(l))
        })
        c.define("create_opt") { args in _ = try selfLearner(args).ensureOptimizer(); return .none }
        c.define("freeze") { _ in .none }
        c.define("unfreeze") { _ in .none }
        return c
    }()

    /// `start_epoch=` of `fit` / `fit_one_cycle` (fastai's resuming), which Kindling refuses rather than ignores.
    static func refuseUnsupported(_ b: BoundArguments, _ method: String) throws {
        if try b.int("start_epoch") != 0 { throw notSupported("Learner.\(method)(start_epoch=...)") }
    }

    /// `moms=(0.95, 0.85, 0.95)`: the three momentums of one-cycle training.
    static func moms(_ v: Value) throws -> (Double, Double, Double) {
        let items = try Runtime.iterateToArray(v)
        guard items.count == 3 else { throw pyError("ValueError", "moms must hold 3 values, got \(items.count)") }
        return (try items[0].asDouble(), try items[1].asDouble(), try items[2].asDouble())
    }

    /// `lr_max` as a number or `slice(lr)` / `slice(lo, hi)` (one parameter group: the top rate).
    static func lrValue(_ v: Value) throws -> Double? {
        if v.isNone { return nil }
        if let s = v.as(PySlice.self) { return s.stop.isNone ? nil : try s.stop.asDouble() }
        return try v.asDouble()
    }

    /// `dl=` or the loader at `ds_idx`.
    static func dataSource(_ l: LearnerObject, _ b: BoundArguments) throws -> BatchSource? {
        if let dl = b["dl"].as(DataLoaderObject.self) { return dl.batchSource }
        if !b["dl"].isNone { return try IterableBatches.source(b["dl"]) }
        return try l.loader(try b.int("ds_idx"))?.batchSource
    }

    /// fastai's `loss_func.activation`: fastai's own losses have one; torch's
    /// modules and plain functions have none (predictions stay raw).
    static func lossActivation(_ l: LearnerObject) -> ((Tensor) throws -> Tensor)? {
        guard let act = try? Runtime.lookupAttribute(l.lossFunc, "activation"), !act.isNone else { return nil }
        return { p in
            guard let t = try Runtime.call(act, [.tensor(p)]).tensorValue else { throw pyError("TypeError", "activation must return a Tensor") }
            return t
        }
    }
}

/// The context manager `learn.no_logging()` returns.
final class NoLogging: PyObject {
    let learner: LearnerObject
    var previous = true
    init(_ l: LearnerObject) { learner = l; super.init(pyClass: NoLogging.cls) }

    static let cls: PyClass = {
        let c = PyClass(native: "no_logging", module: "fastai.learner")
        c.define("__enter__") { args in
            guard let n = args.positional.first?.as(NoLogging.self) else { return .none }
            n.previous = n.learner.logging
            n.learner.logging = false
            return .object(n.learner)
        }
        c.define("__exit__") { args in
            if let n = args.positional.first?.as(NoLogging.self) { n.learner.logging = n.previous }
            return .bool(false)
        }
        return c
    }()
}
