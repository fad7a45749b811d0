import Foundation
import KindlingEngine

/// One batch: inputs and targets.
public struct Batch {
    public var x: Tensor
    public var y: Tensor
    public init(x: Tensor, y: Tensor) { self.x = x; self.y = y }
}

/// A restartable source of batches (a DataLoader): `count` batches per pass,
/// `makeIterator()` starts a pass (reshuffling if it shuffles).
public struct BatchSource {
    public let count: Int
    public let makeIterator: () throws -> () throws -> Batch?

    public init(count: Int, makeIterator: @escaping () throws -> () throws -> Batch?) {
        self.count = count
        self.makeIterator = makeIterator
    }
}

/// A metric column: `(preds, targets) -> 0-d tensor`, averaged weighted by batch size.
public struct NamedMetric {
    public let name: String
    public let compute: (Tensor, Tensor) throws -> Tensor
    public init(name: String, compute: @escaping (Tensor, Tensor) throws -> Tensor) {
        self.name = name
        self.compute = compute
    }
}

/// fastai's `Learner` training loop in Swift, over closures, so a native model
/// and loss train without the interpreter and a Python one through it.
public final class TrainingLoop {
    public var forward: (Tensor) throws -> Tensor
    public var loss: (Tensor, Tensor) throws -> Tensor
    public var metrics: [NamedMetric]
    public var optimizer: Optimizer
    public var train: BatchSource
    public var valid: BatchSource?
    /// `model.train()` / `model.eval()`.
    public var setTraining: (Bool) throws -> Void = { _ in }
    /// Polled after every batch; true stops the fit (`TrainingInterrupted`).
    public var shouldStop: () -> Bool = { false }
    public var recorder = Recorder()
    public let reporter: FitReporter
    /// fastai's callbacks, in the order they receive each event.
    public var callbacks: [FitCallback] = []
    /// What the callbacks see of the fit in progress.
    public let state = FitState()
    /// The fit's callbacks in the order they run (the script's and the loop's own).
    var active: [FitCallback] = []
    /// The batches of the phase in progress (fastai's `learn.dl`).
    var phaseSource: BatchSource?

    public init(forward: @escaping (Tensor) throws -> Tensor, loss: @escaping (Tensor, Tensor) throws -> Tensor,
                metrics: [NamedMetric], optimizer: Optimizer, train: BatchSource, valid: BatchSource?,
                reporter: FitReporter) {
        self.forward = forward
        self.loss = loss
        self.metrics = metrics
        self.optimizer = optimizer
        self.train = train
        self.valid = valid
        self.reporter = reporter
    }

    /// The table's columns: `epoch, train_loss, valid_loss, <metrics>, time`.
    public var columns: [String] { ["epoch", "train_loss", "valid_loss"] + metrics.map(\.name) + ["time"] }

    /// `fit(n_epoch, lr, start_epoch)`, or with a schedule (`fit_one_cycle`) setting the
    /// hyper-parameters before every training batch. The loop runs as fastai's: every
    /// phase sends its events to the callbacks (the script's and the loop's own
    /// recorder, progress and mode switching), which may cancel it; epochs before
    /// `startEpoch` are cancelled as fastai's `SkipToEpoch` does.
    public func fit(epochs: Int, lr: Double?, schedule: HyperSchedule? = nil, startEpoch: Int = 0) throws {
        if let lr { optimizer.lr = lr }
        state.epochCount = epochs
        let tail: [FitCallback] = (schedule.map { [ScheduleCallback($0)] } ?? [])
            + (startEpoch != 0 ? [SkipToEpochCallback(startEpoch)] : [])
        try withCallbacks([TrainEvalCallback(), RecorderCallback(), ProgressCallback()], after: tail) {
            try withEvents(.fit, .beforeFit, .afterCancelFit, .afterFit, final: endCleanup) {
                for epoch in 0..<max(0, epochs) {
                    state.epoch = epoch
                    try withEvents(.epoch, .beforeEpoch, .afterCancelEpoch, .afterEpoch) {
                        phaseSource = train
                        try withEvents(.train, .beforeTrain, .afterCancelTrain, .afterTrain) { try allBatches(train) }
                        try validationPhase(valid)
                    }
                }
            }
        }
    }

    /// `validate(dl=)`: `[valid_loss, metrics...]` over `source` (the validation set by
    /// default), batch-size-weighted; nils when there is no data. As fastai's, the callbacks
    /// see a one-epoch fit of validation only, and the recorder keeps that epoch alone.
    public func validate(source: BatchSource? = nil) throws -> [Double?] {
        // fastai validates under `no_logging()`.
        let logging = reporter.enabled
        reporter.enabled = false
        defer { reporter.enabled = logging }
        try withCallbacks([TrainEvalCallback(), RecorderCallback()]) {
            try send(.beforeFit)
            try send(.beforeEpoch)
            try validationPhase(source ?? valid)
            try send(.afterEpoch)
            try send(.afterFit)
        }
        return state.finalRecord
    }

    /// fastai's `_do_epoch_validate`: every batch of `source` under no_grad.
    private func validationPhase(_ source: BatchSource?) throws {
        phaseSource = source
        try GradMode.withNoGrad {
            try withEvents(.validate, .beforeValidate, .afterCancelValidate, .afterValidate) { try allBatches(source) }
        }
    }

    /// fastai's `all_batches`: one pass over `source` (none without data), polling `shouldStop`.
    private func allBatches(_ source: BatchSource?) throws {
        state.iterationCount = source?.count ?? 0
        guard let source else { return }
        let next = try source.makeIterator()
        var i = 0
        while let batch = try next() {
            state.iteration = i
            state.x = batch.x
            state.y = batch.y
            try withEvents(.batch, .beforeBatch, .afterCancelBatch, .afterBatch) { try oneBatch() }
            i += 1
            if shouldStop() { throw TrainingInterrupted() }
        }
    }

    /// fastai's `_do_one_batch`: forward, loss, and when training backward and step.
    private func oneBatch() throws {
        guard let x = state.x else { return }
        state.pred = try forward(x)
        try send(.afterPred)
        if let pred = state.pred, let y = state.y {
            let l = try loss(pred, y)
            state.lossGrad = l
            state.loss = l
        }
        try send(.afterLoss)
        guard state.isTraining, let l = state.lossGrad else { return }
        try withEvents(.backward, .beforeBackward, .afterCancelBackward, .afterBackward) { try l.backward() }
        try withEvents(.step, .beforeStep, .afterCancelStep, .afterStep) { try optimizer.step() }
        try optimizer.zeroGrad(setToNone: false)
    }

    /// fastai's `_end_cleanup`: the fit's batch, prediction and loss are let go.
    private func endCleanup() {
        state.x = nil
        state.y = nil
        state.pred = nil
        state.loss = nil
        state.lossGrad = nil
        phaseSource = nil
    }

    /// `get_preds`: all predictions (through `activation`) and targets of `source`.
    public func predictions(source: BatchSource? = nil,
                            activation: ((Tensor) throws -> Tensor)? = nil) throws -> (Tensor, Tensor) {
        guard let data = source ?? valid else {
            throw TensorError(.valueError, "get_preds needs a DataLoader: this Learner has no validation set")
        }
        try setTraining(false)
        return try GradMode.withNoGrad {
            var preds: [Tensor] = []
            var targets: [Tensor] = []
            let next = try data.makeIterator()
            while let batch = try next() {
                var p = try forward(batch.x)
                if let activation { p = try activation(p) }
                preds.append(p.detach())
                targets.append(batch.y)
                if shouldStop() { throw TrainingInterrupted() }
            }
            guard !preds.isEmpty else {
                throw TensorError(.valueError, "get_preds: the DataLoader yielded no batches")
            }
            return (try Tensor.cat(preds, dim: 0), try Tensor.cat(targets, dim: 0))
        }
    }

    /// A loss or metric as a Double (its mean when not a single value).
    static func number(_ t: Tensor) throws -> Double {
        if t.numel == 1 { return try t.item().doubleValue }
        return try t.to(.float32).mean().item().doubleValue
    }
}
