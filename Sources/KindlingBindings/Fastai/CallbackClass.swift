import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// fastai's `Callback` base class and its `Cancel*Exception`s. A script subclasses
/// `Callback`, defines the events it wants (`before_fit`, `after_batch`, ...) and passes
/// instances as `cbs=`; inside them `self.learn` is the Learner and any other attribute
/// not found on the callback is read from it (`self.epoch`), as fastai's `GetAttr` does.
enum CallbackClass {
    static let callback: PyClass = {
        let c = PyClass(native: "Callback", module: "fastai.callback.core")
        for (name, value) in [("order", Value.int(0)), ("learn", .none), ("run", .bool(true)),
                              ("run_train", .bool(true)), ("run_valid", .bool(true))] {
            c.setAttribute(name, value)
        }
        c.define("__getattr__") { args in
            guard args.count == 2 else { throw pyError(.typeError, "__getattr__ expected 1 argument") }
            let me = try args[0], name = try args[1].asString()
            let learn = try Runtime.lookupAttribute(me, "learn") ?? Value.none
            if name.hasPrefix("__") || learn.isNone {
                throw pyError(.attributeError, "'\(me.typeName)' object has no attribute '\(name)'")
            }
            return try Runtime.getAttribute(learn, name)
        }
        c.define("__repr__") { args in .str((try args[0]).typeName) }
        c.defineProperty("name", get: { v in .str(attributeName(v.typeName)) })
        return c
    }()

    /// `CancelFitException`, `CancelEpochException`, `CancelTrainException`, `CancelValidException`,
    /// `CancelBatchException`, `CancelBackwardException`, `CancelStepException`.
    static let cancelExceptions: [(CancelFit.Phase, PyClass)] = CancelFit.Phase.allCases.map { phase in
        let c = PyClass(native: "Cancel\(phase.rawValue)Exception", base: Builtins.exc(.exception), module: "fastai.callback.core")
        c.factory = { cls in PyBaseException(cls, args: []) }
        return (phase, c)
    }

    /// The phase a raised `Cancel*Exception` ends, or nil for any other exception.
    static func cancelledPhase(_ e: PyException) -> CancelFit.Phase? {
        cancelExceptions.first { e.exception.pyClass.isSubclass(of: $0.1) }?.0
    }

    /// Installs the classes in a fastai namespace.
    static func install(into m: PyModule) {
        m["Callback"] = .object(callback)
        for (_, c) in cancelExceptions { m[c.name] = .object(c) }
    }
}

/// A script's callback seen by the training loop: before each event it calls, the
/// Learner's attributes are brought up to date; afterwards a replaced `learn.xb`, `yb`,
/// `pred`, `loss` or `loss_grad` is taken back, as fastai's loop reads them from the Learner.
final class ScriptCallback: FitCallback {
    let object: Value
    unowned let learner: LearnerObject
    /// The callback's `order`, read when the fit starts (fastai sorts callbacks by it).
    let order: Int

    init(_ object: Value, learner: LearnerObject) {
        self.object = object
        self.learner = learner
        order = (try? (try Runtime.lookupAttribute(object, "order"))?.asInt()) ?? 0
    }

    func handle(_ event: FitEvent, _ loop: TrainingLoop) throws {
        // fastai's Callback.__call__: `run` off skips every event until after_fit turns it back on.
        defer { if event == .afterFit { try? Runtime.setAttribute(object, "run", .bool(true)) } }
        guard let method = try Runtime.lookupAttribute(object, event.rawValue), !method.isNone else { return }
        func flag(_ name: String) throws -> Bool { try (try Runtime.lookupAttribute(object, name) ?? .bool(true)).isTruthy() }
        guard try flag("run") else { return }
        if event.isInnerLoop {
            let training = loop.state.isTraining
            guard training ? try flag("run_train") : try flag("run_valid") else { return }
        }
        learner.publish(loop.state)
        do {
            _ = try Runtime.call(method, [])
        } catch let e as PyException {
            if let phase = CallbackClass.cancelledPhase(e) { throw CancelFit(phase, underlying: e) }
            // fastai names the callback and the event in the message.
            let name = object.typeName
            let original = e.exception.args.first.map { (try? Runtime.str($0)) ?? "" } ?? ""
            e.exception.args = [.str("Exception occured in `\(name)` when calling event `\(event.rawValue)`:\n\t\(original)")]
            throw e
        }
        learner.takeBack(into: loop.state)
    }
}

extension LearnerObject {
    /// fastai's Learner attributes for callbacks: `epoch`, `n_epoch`, `iter`, `n_iter`,
    /// `training`, `train_iter`, `pct_train`, `xb`, `yb`, `pred`, `loss`, `loss_grad`,
    /// `smooth_loss`, `final_record`.
    func publish(_ state: FitState) {
        guard let attrs = attributes else { return }
        func batch(_ t: Tensor?) -> Value { .object(PyTuple([t.map { .tensor($0) } ?? Value.none])) }
        func tensor(_ t: Tensor?) -> Value { t.map { .tensor($0) } ?? Value.none }
        attrs["epoch"] = .int(state.epoch)
        attrs["n_epoch"] = .int(state.epochCount)
        attrs["iter"] = .int(state.iteration)
        attrs["n_iter"] = .int(state.iterationCount)
        attrs["training"] = .bool(state.isTraining)
        attrs["train_iter"] = .int(state.trainIteration)
        attrs["pct_train"] = .float(state.fractionTrained)
        attrs["xb"] = batch(state.x)
        attrs["yb"] = batch(state.y)
        attrs["pred"] = tensor(state.pred)
        attrs["loss"] = tensor(state.loss)
        attrs["loss_grad"] = tensor(state.lossGrad)
        if let smooth = recorder.losses.last { attrs["smooth_loss"] = .tensor(Tensor(scalar: .float(Double(Float(smooth))))) }
        attrs["final_record"] = .object(PyList(state.finalRecord.map { $0.map { .float(Double(Float($0))) } ?? Value.none }))
        published = Published(x: state.x, y: state.y, pred: state.pred, loss: state.loss, lossGrad: state.lossGrad)
    }

    /// A `learn.xb`, `yb`, `pred`, `loss` or `loss_grad` a callback replaced goes back into the loop.
    func takeBack(into state: FitState) {
        guard let attrs = attributes else { return }
        func first(_ v: Value?) -> Tensor? { v?.as(PyTuple.self)?.items.first?.tensorValue ?? v?.as(PyList.self)?.items.first?.tensorValue }
        if let x = first(attrs["xb"]), x !== published.x { state.x = x }
        if let y = first(attrs["yb"]), y !== published.y { state.y = y }
        if let p = attrs["pred"]?.tensorValue, p !== published.pred { state.pred = p }
        if let l = attrs["loss"]?.tensorValue, l !== published.loss { state.loss = l }
        if let g = attrs["loss_grad"]?.tensorValue, g !== published.lossGrad { state.lossGrad = g }
    }

    /// Wraps `cbs=` values (one callback, a class to instantiate, or a list of them) and
    /// attaches them (`add_cbs`).
    func scriptCallbacks(_ value: Value) throws -> [ScriptCallback] {
        if value.isNone { return [] }
        let items: [Value] = value.as(PyList.self) != nil || value.as(PyTuple.self) != nil || value.as(LObject.self) != nil
            ? try Runtime.iterateToArray(value) : [value]
        return try items.map { item in
            var cb = item
            if let cls = item.as(PyClass.self) { cb = try Runtime.call(.object(cls), []) }
            guard let cls = cb.as(PyObject.self)?.pyClass, cls.isSubclass(of: CallbackClass.callback) else {
                throw notSupported("a callback that is not a fastai Callback subclass (\(cb.typeName))")
            }
            try attach(cb)
            return ScriptCallback(cb, learner: self)
        }
    }

    /// fastai's `after_create` event, sent to callbacks as they join the Learner.
    func sendAfterCreate(_ cbs: [ScriptCallback]) throws {
        for cb in cbs {
            guard let method = try Runtime.lookupAttribute(cb.object, "after_create"), !method.isNone else { continue }
            _ = try Runtime.call(method, [])
        }
    }

    /// fastai's `add_cb`: the callback's `learn` is this Learner, which shows it as `learn.<cb.name>`.
    func attach(_ cb: Value) throws {
        try Runtime.setAttribute(cb, "learn", .object(self))
        attributes?[CallbackClass.attributeName(cb.typeName)] = cb
    }

    /// fastai's `remove_cb`: the reverse of `attach`.
    func detach(_ cb: ScriptCallback) {
        try? Runtime.setAttribute(cb.object, "learn", .none)
        attributes?[CallbackClass.attributeName(cb.object.typeName)] = nil
    }
}

extension CallbackClass {
    /// fastai's `Callback.name`: the class name without a trailing `Callback`, in snake case
    /// (`ShowGraphCallback` -> `show_graph`).
    static func attributeName(_ className: String) -> String {
        var base = className.hasSuffix("Callback") ? String(className.dropLast("Callback".count)) : className
        if base.isEmpty { base = "callback" }
        let chars = Array(base)
        var out = ""
        for (i, ch) in chars.enumerated() {
            if ch.isUppercase, i > 0 {
                let prev = chars[i - 1], next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                if prev.isLowercase || prev.isNumber || (next?.isLowercase ?? false) { out += "_" }
            }
            out += ch.lowercased()
        }
        return out
    }
}
