import Foundation
import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// Settings the REPL and notebook may change: whether fitting draws a
/// progress bar (a terminal) or prints only the results table.
public enum TrainingOutput {
    nonisolated(unsafe) public static var isTerminal: () -> Bool = { isatty(STDOUT_FILENO) != 0 }
}

/// fastai's `Learner`: the model, data, loss, metrics and optimizer, and the
/// Swift training loop that fits them.
final class LearnerObject: PyObject {
    var dls: Value = .none
    var model: Value = .none
    var lossFunc: Value = .none
    var metrics: [Value] = []
    var optFunc: Value = .none
    var lr: Double = 1e-3
    /// `Learner(wd=)`: the weight decay every fit sets unless given its own.
    var wd: Double?
    /// `Learner(wd_bn_bias=)`: whether biases are weight-decayed too (fastai: no).
    var wdBnBias = false
    /// `Learner(moms=)`: one-cycle's momentums.
    var moms: (Double, Double, Double) = (0.95, 0.85, 0.95)
    var opt: OptimizerObject?
    var recorder = Recorder()
    var logging = true
    /// `Learner(cbs=)`: the script's callbacks for every fit.
    var callbacks: [ScriptCallback] = []
    /// What `publish` last showed the callbacks (to notice what a callback replaced).
    struct Published { var x, y, pred, loss, lossGrad: Tensor? }
    var published = Published()
    /// False inside `no_bar()`.
    var showsBar = true

    init(pyClass: PyClass) { super.init(pyClass: pyClass, hasAttributes: true) }

    // MARK: - Pieces of the loop

    func loader(_ index: Int) throws -> DataLoaderObject? {
        let v = try Runtime.getItem(dls, .int(index))
        if v.isNone { return nil }
        guard let dl = v.as(DataLoaderObject.self) else {
            throw pyError(.typeError, "Learner needs DataLoaders of DataLoader objects, got \(v.typeName)")
        }
        return dl
    }

    func parameters() throws -> [Tensor] {
        if let m = model.as(ModuleObject.self) { return m.namedParameters().map { $0.1.tensor } }
        return try OptimModule.parameterList(try Runtime.callMethod(model, "parameters", []), function: "Learner")
    }

    func forward() -> (Tensor) throws -> Tensor {
        let model = self.model
        if let m = model.as(ModuleObject.self) { return { try m.callTensor($0) } }
        return { x in
            let r = try Runtime.call(model, [.tensor(x)])
            guard let t = r.tensorValue else { throw pyError(.typeError, "the model returned \(r.typeName), not a Tensor") }
            return t
        }
    }

    func loss() -> (Tensor, Tensor) throws -> Tensor {
        let f = lossFunc
        if let m = f.as(ModuleObject.self), m.runsNatively, case .loss = m.layer {
            return { try m.lossTensor($0, $1) }
        }
        return { p, y in
            let r = try Runtime.call(f, [.tensor(p), .tensor(y)])
            guard let t = r.tensorValue else { throw pyError(.typeError, "loss_func returned \(r.typeName), not a Tensor") }
            return t
        }
    }

    func namedMetrics() -> [NamedMetric] {
        metrics.map { v in
            if v.isIdentical(to: FastaiModule.accuracy) { return NamedMetric(name: "accuracy") { try Metrics.accuracy($0, $1) } }
            if v.isIdentical(to: FastaiModule.errorRate) { return NamedMetric(name: "error_rate") { try Metrics.errorRate($0, $1) } }
            var name = v.typeName
            if let n = try? Runtime.getAttribute(v, "__name__"), case .str(let s) = n { name = s }
            return NamedMetric(name: name) { p, y in
                let r = try Runtime.call(v, [.tensor(p), .tensor(y)])
                if let t = r.tensorValue { return t }
                return Tensor(scalar: .float(Double(Float(try r.asDouble()))), dtype: .float32)
            }
        }
    }

    /// fastai's `create_opt`: `opt_func(params, lr=self.lr)`, once.
    func ensureOptimizer() throws -> OptimizerObject {
        if let opt { return opt }
        let r = try Runtime.call(optFunc, [.object(PyList(try parameters().map { .tensor($0) }))], [("lr", .float(lr))])
        guard let o = r.as(OptimizerObject.self) else {
            throw notSupported("an opt_func returning \(r.typeName) (use SGD or Adam)")
        }
        if !wdBnBias, let fastai = o.optimizer as? FastaiOptimizer, let m = model.as(ModuleObject.self) {
            fastai.exemptFromDecay(m.namedParameters().filter { $0.0.split(separator: ".").last == "bias" }.map { $0.1.tensor })
        }
        opt = o
        return o
    }

    func makeLoop(extraCallbacks: [ScriptCallback] = []) throws -> TrainingLoop {
        guard let train = try loader(0) else { throw pyError(.valueError, "Learner has no training DataLoader") }
        let valid = try (Runtime.length(dls) > 1) ? loader(1) : nil
        let interp = Interpreter.current
        let reporter = FitReporter(isTerminal: TrainingOutput.isTerminal()) { s in
            if let interp { interp.output(s) } else { fputs(s, stdout) }
        }
        reporter.enabled = logging
        reporter.showsBar = showsBar
        let loop = TrainingLoop(forward: forward(), loss: loss(), metrics: namedMetrics(),
                                optimizer: try ensureOptimizer().optimizer, train: train.batchSource,
                                valid: valid?.batchSource, reporter: reporter)
        let model = self.model
        loop.setTraining = { on in
            if let m = model.as(ModuleObject.self) { m.setTraining(on) }
            else if try Runtime.hasAttribute(model, on ? "train" : "eval") { _ = try Runtime.callMethod(model, on ? "train" : "eval", []) }
        }
        loop.shouldStop = { Interrupts.isPending }
        loop.recorder = recorder
        loop.callbacks = callbacks + extraCallbacks
        return loop
    }

    /// Runs `body` on a fresh loop, keeping the recorder and the Learner's attributes
    /// (`learn.epoch`, `learn.loss`, ...), turning Ctrl-C into KeyboardInterrupt and an
    /// uncaught `Cancel*Exception` back into the script's exception.
    func withLoop<T>(callbacks extra: [ScriptCallback] = [], _ body: (TrainingLoop) throws -> T) throws -> T {
        let loop = try makeLoop(extraCallbacks: extra)
        defer {
            recorder = loop.recorder
            publish(loop.state)
            // A fit's own `cbs=` last that fit (fastai's `added_cbs`).
            for cb in extra { detach(cb) }
        }
        do {
            return try body(loop)
        } catch is TrainingInterrupted {
            try Interrupts.check()
            throw PyException.make(.keyboardInterrupt, "")
        } catch let c as CancelFit {
            throw c.underlying ?? PyException.make(.runtimeError, "Cancel\(c.phase.rawValue)Exception outside its phase")
        }
    }

    /// `fit(n_epoch, lr, wd)`: `wd` (or the Learner's) becomes the optimizer's weight decay.
    func fit(epochs: Int, lr: Double?, wd: Double?, startEpoch: Int = 0, callbacks extra: [ScriptCallback] = []) throws {
        try withLoop(callbacks: extra) { loop in
            if let wd = wd ?? self.wd { try loop.setWeightDecay(wd) }
            try loop.fit(epochs: epochs, lr: lr, startEpoch: startEpoch)
        }
    }
}
