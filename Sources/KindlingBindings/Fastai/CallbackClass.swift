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
            guard args.count == 2 else { throw pyError("TypeError", "__getattr__ expected 1 argument") }
            let me = try args[0], name = try args[1].asString()
            let learn = try Runtime.lookupAttribute(me, "learn") ?? .none
            if name.hasPrefix("__") || learn.isNone {
                throw pyError("AttributeError", "'\(me.typeName)' object has no attribute '\(name)'")
            }
            return try Runtime.getAttribute(learn, name)
        }
        c.define("__repr__") { args in .str((try args[0]).typeName) }
        return c
    }()

    /// `CancelFitException`, `CancelEpochException`, `CancelTrainException`, `CancelValidException`,
    /// `CancelBatchException`, `CancelBackwardException`, `CancelStepException`.
    static let cancelExceptions: [(CancelFit.Phase, PyClass)] = CancelFit.Phase.allCases.map { phase in
        let c = PyClass(native: "Cancel\(phase.rawValue)Exception", base: Builtins.exceptionClasses["Exception"], module: "fastai.callback.core")
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
/// Learner's attributes are brought up to date; afterwards a replaced `learn.pred` or
/// `learn.loss` is taken back, as fastai's loop reads them from the Learner.
final class ScriptCallback: FitCallback {
    let object: Value
    unowned let learner: LearnerObject
    /// Events that run on training or validation batches only (`run_train` / `run_valid`).
    static let innerLoop: Set<FitEvent> = [.beforeBatch, .afterPred, .afterLoss, .beforeBackward, .afterBackward,
                                           .beforeStep, .afterStep, .afterCancelBatch, .afterBatch]

    init(_ object: Value, learner: LearnerObject) {
        self.object = object
        self.learner = learner
    }

    /// The callback's `order` (fastai sorts callbacks by it).
    var order: Int { (try? (try Runtime.lookupAttribute(object, "order"))?.asInt()) ?? 0 }

    func handle(_ event: FitEvent, _ loop: TrainingLoop) throws {
        guard let method = try Runtime.lookupAttribute(object, event.rawValue), !method.isNone else { return }
        let training = loop.state.isTraining
        func flag(_ name: String) throws -> Bool { try (try Runtime.lookupAttribute(object, name) ?? .bool(true)).isTruthy() }
        guard try flag("run") else { return }
        if Self.innerLoop.contains(event), !(training ? try flag("run_train") : try flag("run_valid")) { return }
        learner.publish(loop.state)
        do {
            _ = try Runtime.call(method, [])
        } catch let e as PyException {
            if let phase = CallbackClass.cancelledPhase(e) { throw CancelFit(phase) }
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
    /// `training`, `train_iter`, `pct_train`, `xb`, `yb`, `pred`, `loss`.
    func publish(_ state: FitState) {
        guard let attrs = attributes else { return }
        attrs["epoch"] = .int(state.epoch)
        attrs["n_epoch"] = .int(state.epochCount)
        attrs["iter"] = .int(state.iteration)
        attrs["n_iter"] = .int(state.iterationCount)
        attrs["training"] = .bool(state.isTraining)
        attrs["train_iter"] = .int(state.trainIteration)
        attrs["pct_train"] = .float(state.fractionTrained)
        attrs["xb"] = state.x.map { .object(PyTuple([.tensor($0)])) } ?? .none
        attrs["yb"] = state.y.map { .object(PyTuple([.tensor($0)])) } ?? .none
        attrs["pred"] = state.pred.map { .tensor($0) } ?? .none
        attrs["loss"] = state.loss.map { .tensor($0) } ?? .none
        published = (state.pred, state.loss)
    }

    /// A `learn.pred` or `learn.loss` a callback replaced goes back into the loop.
    func takeBack(into state: FitState) {
        guard let attrs = attributes else { return }
        if let p = attrs["pred"]?.tensorValue, p !== published.pred { state.pred = p }
        if let l = attrs["loss"]?.tensorValue, l !== published.loss { state.loss = l }
    }

    /// Wraps `cbs=` values (one callback, a class to instantiate, or a list of them) and
    /// sets their `learn`.
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
            try Runtime.setAttribute(cb, "learn", .object(self))
            return ScriptCallback(cb, learner: self)
        }
    }
}
