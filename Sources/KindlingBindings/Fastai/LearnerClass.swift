import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// The `Learner` class scripts see, and its `Recorder`.
enum LearnerClass {
    static func selfLearner(_ args: Arguments) throws -> LearnerObject {
        guard let l = args.positional.first?.as(LearnerObject.self) else { throw pyError(.typeError, "expected a Learner") }
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
            if b["loss_func"].isNone { throw pyError(.attributeError, "Could not infer loss function from the data, please pass a loss function.") }
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
            try l.sendAfterCreate(l.callbacks)
            return .none
        }
        let fitSig = Signature(parsing: ["self", "n_epoch", "lr=None", "wd=None", "cbs=None", "reset_opt=False", "start_epoch=0"])
        c.define("fit") { args in
            let l = try selfLearner(args)
            let b = try args.bind(fitSig)
            if try b.bool("reset_opt") { l.opt = nil }
            try l.fit(epochs: try b.int("n_epoch"), lr: try b.optionalDouble("lr"), wd: try b.optionalDouble("wd"),
                      startEpoch: try b.int("start_epoch"), callbacks: try l.scriptCallbacks(b["cbs"]))
            return .none
        }
        let cycleSig = Signature(parsing: ["self", "n_epoch", "lr_max=None", "div=25.0", "div_final=100000.0", "pct_start=0.25",
                                           "wd=None", "moms=None", "cbs=None", "reset_opt=False", "start_epoch=0"])
        c.define("fit_one_cycle") { args in
            let l = try selfLearner(args)
            let b = try args.bind(cycleSig)
            if try b.bool("reset_opt") { l.opt = nil }
            let cycleMoms = b["moms"].isNone ? l.moms : try moms(b["moms"])
            let lrMax = try lrValue(b["lr_max"]) ?? l.lr
            let (epochs, div, divFinal, pct) = (try b.int("n_epoch"), try b.double("div"), try b.double("div_final"), try b.double("pct_start"))
            let wd = try b.optionalDouble("wd") ?? l.wd, start = try b.int("start_epoch")
            try l.withLoop(callbacks: try l.scriptCallbacks(b["cbs"])) {
                try $0.fitOneCycle(epochs: epochs, lrMax: lrMax, div: div, divFinal: divFinal, pctStart: pct, moms: cycleMoms,
                                   wd: wd, startEpoch: start)
            }
            return .none
        }
        let tuneSig = Signature(parsing: ["self", "epochs", "base_lr=0.002", "freeze_epochs=1", "lr_mult=100", "pct_start=0.3",
                                          "div=5.0", "**kwargs"])
        c.define("fine_tune") { args in
            let l = try selfLearner(args)
            let b = try args.bind(tuneSig)
            // fine_tune hands **kwargs to both fit_one_cycle calls: Kindling takes wd, moms, cbs and start_epoch.
            var wd = l.wd, tuneMoms = l.moms, extra: [ScriptCallback] = [], start = 0
            for (key, value) in b.varkw {
                switch key {
                case "wd": if !value.isNone { wd = try value.asDouble() }
                case "moms": if !value.isNone { tuneMoms = try moms(value) }
                case "start_epoch": start = try value.asInt()
                case "cbs": extra = try l.scriptCallbacks(value)
                default: throw notSupported("fine_tune(\(key)=...)")
                }
            }
            let (epochs, base, freeze) = (try b.int("epochs"), try b.double("base_lr"), try b.int("freeze_epochs"))
            let (pct, div) = (try b.double("pct_start"), try b.double("div"))
            try l.withLoop(callbacks: extra) {
                try $0.fineTune(epochs: epochs, baseLR: base, freezeEpochs: freeze, pctStart: pct, div: div, moms: tuneMoms, wd: wd,
                                startEpoch: start)
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
                guard let t = try Runtime.call(act, [.tensor(p)]).tensorValue else { throw pyError(.typeError, "act must return a Tensor") }
                return t
            }
            let (p, t) = try l.withLoop { try $0.predictions(source: source, activation: activation) }
            var out: [Value] = [.tensor(p), .tensor(t)]
            if try b.bool("with_decoded") { out.append(.tensor(try p.argmax(dim: -1))) }
            return .object(PyTuple(out))
        }
        c.define("predict") { args in
            let l = try selfLearner(args)
            guard args.count == 2, let x = (try args[1]).tensorValue else { throw pyError(.typeError, "predict(item) needs a tensor item") }
            let activation = lossActivation(l)
            let (decoded, probs) = try l.withLoop { try $0.predict(x, activation: activation) }
            return .object(PyTuple([.tensor(decoded), .tensor(decoded), .tensor(probs)]))
        }
        c.define("no_logging") { args in .object(LearnerSwitch(try selfLearner(args), \.logging)) }
        c.define("no_bar") { args in .object(LearnerSwitch(try selfLearner(args), \.showsBar)) }
        c.define("add_cb") { args in
            let l = try selfLearner(args)
            guard args.count == 2 else { throw pyError(.typeError, "add_cb() takes one callback") }
            let added = try l.scriptCallbacks(try args[1])
            l.callbacks += added
            try l.sendAfterCreate(added)
            return .object(l)
        }
        c.define("remove_cb") { args in
            let l = try selfLearner(args)
            guard args.count == 2 else { throw pyError(.typeError, "remove_cb() takes one callback") }
            let target = try args[1]
            // A class removes every callback of that class, an instance only itself.
            let gone = l.callbacks.filter { cb in
                if let cls = target.as(PyClass.self) { return cb.object.as(PyObject.self)?.pyClass.isSubclass(of: cls) ?? false }
                return cb.object.as(PyObject.self) === target.as(PyObject.self)
            }
            for cb in gone { l.detach(cb) }
            l.callbacks.removeAll { cb in gone.contains { $0 === cb } }
            return .object(l)
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

    /// `moms=(0.95, 0.85, 0.95)`: the three momentums of one-cycle training.
    static func moms(_ v: Value) throws -> (Double, Double, Double) {
        let items = try Runtime.iterateToArray(v)
        guard items.count == 3 else { throw pyError(.valueError, "moms must hold 3 values, got \(items.count)") }
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
            guard let t = try Runtime.call(act, [.tensor(p)]).tensorValue else { throw pyError(.typeError, "activation must return a Tensor") }
            return t
        }
    }
}

/// The context managers `learn.no_logging()` and `learn.no_bar()` return: a Learner
/// setting switched off inside the `with` block.
final class LearnerSwitch: PyObject {
    let learner: LearnerObject
    let setting: ReferenceWritableKeyPath<LearnerObject, Bool>
    var previous = true
    init(_ l: LearnerObject, _ setting: ReferenceWritableKeyPath<LearnerObject, Bool>) {
        learner = l
        self.setting = setting
        super.init(pyClass: LearnerSwitch.cls)
    }

    static let cls: PyClass = {
        let c = PyClass(native: "_GeneratorContextManager", module: "contextlib")
        c.define("__enter__") { args in
            guard let n = args.positional.first?.as(LearnerSwitch.self) else { return .none }
            n.previous = n.learner[keyPath: n.setting]
            n.learner[keyPath: n.setting] = false
            return .object(n.learner)
        }
        c.define("__exit__") { args in
            if let n = args.positional.first?.as(LearnerSwitch.self) { n.learner[keyPath: n.setting] = n.previous }
            return .bool(false)
        }
        return c
    }()
}
