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
    var smooth = SmoothedLoss()

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

    /// `fit(n_epoch, lr)`, or with a schedule (`fit_one_cycle`) setting the
    /// hyper-parameters before every training batch. Callbacks receive fastai's events
    /// around every fit, epoch, phase, batch, backward pass and step.
    public func fit(epochs: Int, lr: Double?, schedule: HyperSchedule? = nil) throws {
        if let lr { optimizer.lr = lr }
        recorder.reset()
        recorder.metricNames = columns
        smooth.reset()
        state.epochCount = epochs
        state.trainIteration = 0
        state.pred = nil
        state.loss = nil
        state.fractionTrained = 0
        let total = max(1, epochs * train.count)
        try withEvents(.fit, .beforeFit, .afterCancelFit, .afterFit) {
            reporter.beginFit(columns: columns)
            for epoch in 0..<max(0, epochs) {
                state.epoch = epoch
                let start = FitReporter.now()
                var validValues: [Double?] = [nil] + metrics.map { _ in nil }
                try withEvents(.epoch, .beforeEpoch, .afterCancelEpoch, .afterEpoch) {
                    try setTraining(true)
                    state.isTraining = true
                    try withEvents(.train, .beforeTrain, .afterCancelTrain, .afterTrain) {
                        try trainBatches(schedule: schedule, total: total)
                    }
                    validValues = try validationPhase(source: valid, showProgress: true)
                }
                recorder.iters.append(state.trainIteration)
                let row = [smooth.value] + validValues
                recorder.values.append(row)
                let elapsed = FitReporter.now() - start
                reporter.row(["\(epoch)"] + row.map(ResultsTable.formatValue) + [ResultsTable.formatTime(elapsed)])
            }
        }
    }

    /// One pass over the training batches.
    private func trainBatches(schedule: HyperSchedule?, total: Int) throws {
        reporter.beginPhase(total: train.count, label: "")
        state.iterationCount = train.count
        let next = try train.makeIterator()
        let state = self.state
        let countBatch = {
            state.trainIteration += 1
            state.fractionTrained = Double(state.trainIteration) / Double(total)
        }
        var done = 0
        while let batch = try next() {
            state.iteration = done
            state.x = batch.x
            state.y = batch.y
            try withEvents(.batch, .beforeBatch, .afterCancelBatch, .afterBatch, whenDone: countBatch) {
                if let schedule {
                    let pos = Double(state.trainIteration) / Double(total)
                    optimizer.lr = schedule.lr(pos)
                    if let mom = schedule.mom { optimizer.mom = mom(pos) }
                }
                try oneBatch()
            }
            if let l = state.loss {
                let value = try Self.number(l)
                smooth.add(value)
                recorder.losses.append(smooth.value ?? value)
                recorder.lrs.append(optimizer.lr)
            }
            done += 1
            reporter.batchDone(done, loss: smooth.value)
            if shouldStop() {
                reporter.endPhase()
                try? setTraining(false)
                throw TrainingInterrupted()
            }
        }
        reporter.endPhase()
    }

    /// fastai's `_do_one_batch`: forward, loss, and when training backward and step.
    private func oneBatch() throws {
        guard let x = state.x, let y = state.y else { return }
        state.pred = try forward(x)
        try send(.afterPred)
        guard let pred = state.pred else { return }
        state.loss = try loss(pred, y)
        try send(.afterLoss)
        guard state.isTraining, let l = state.loss else { return }
        try withEvents(.backward, .beforeBackward, .afterCancelBackward, .afterBackward) { try l.backward() }
        try withEvents(.step, .beforeStep, .afterCancelStep, .afterStep) { try optimizer.step() }
        try optimizer.zeroGrad(setToNone: false)
    }

    /// `[valid_loss, metrics...]` over `source` (the validation set by default),
    /// batch-size-weighted; nils when there is no data. As fastai's `validate`, the
    /// callbacks see it as a one-epoch fit of validation only.
    public func validate(source: BatchSource? = nil, showProgress: Bool = false) throws -> [Double?] {
        try send(.beforeFit)
        try send(.beforeEpoch)
        let values = try validationPhase(source: source ?? valid, showProgress: showProgress)
        try send(.afterEpoch)
        try send(.afterFit)
        return values
    }

    /// fastai's `_do_epoch_validate`: every batch of `source` under no_grad, in eval mode.
    private func validationPhase(source: BatchSource?, showProgress: Bool) throws -> [Double?] {
        guard let data = source else { return [nil] + metrics.map { _ in nil } }
        try setTraining(false)
        state.isTraining = false
        defer { try? setTraining(true) }
        var lossAvg = WeightedAverage()
        var metricAvgs = Array(repeating: WeightedAverage(), count: metrics.count)
        if showProgress { reporter.beginPhase(total: data.count, label: "") }
        defer { if showProgress { reporter.endPhase() } }
        try GradMode.withNoGrad {
            try withEvents(.validate, .beforeValidate, .afterCancelValidate, .afterValidate) {
                state.iterationCount = data.count
                let next = try data.makeIterator()
                var done = 0
                while let batch = try next() {
                    state.iteration = done
                    state.x = batch.x
                    state.y = batch.y
                    try withEvents(.batch, .beforeBatch, .afterCancelBatch, .afterBatch) { try oneBatch() }
                    if let pred = state.pred, let l = state.loss {
                        let bs = Self.batchSize(batch)
                        lossAvg.add(try Self.number(l), weight: bs)
                        for (i, m) in metrics.enumerated() {
                            metricAvgs[i].add(try Self.number(try m.compute(pred, batch.y)), weight: bs)
                        }
                    }
                    done += 1
                    if showProgress { reporter.batchDone(done, loss: nil) }
                    if shouldStop() { throw TrainingInterrupted() }
                }
            }
        }
        return [lossAvg.value] + metricAvgs.map(\.value)
    }

    /// `get_preds`: all predictions (through `activation`) and targets of `source`.
    public func predictions(source: BatchSource? = nil,
                            activation: ((Tensor) throws -> Tensor)? = nil) throws -> (Tensor, Tensor) {
        guard let data = source ?? valid else {
            throw TensorError(.valueError, "get_preds needs a DataLoader: this Learner has no validation set")
        }
        try setTraining(false)
        defer { try? setTraining(true) }
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

    /// fastai's `find_bs`: the targets' first dimension (the inputs' if 0-d).
    static func batchSize(_ b: Batch) -> Int {
        if let n = b.y.shape.first { return n }
        return b.x.shape.first ?? 1
    }

    /// A loss or metric as a Double (its mean when not a single value).
    static func number(_ t: Tensor) throws -> Double {
        if t.numel == 1 { return try t.item().doubleValue }
        return try t.to(.float32).mean().item().doubleValue
    }
}
