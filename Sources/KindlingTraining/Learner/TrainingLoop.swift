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
    private var smooth = SmoothedLoss()

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
    /// hyper-parameters before every training batch.
    public func fit(epochs: Int, lr: Double?, schedule: HyperSchedule? = nil) throws {
        if let lr { optimizer.lr = lr }
        recorder.reset()
        recorder.metricNames = columns
        smooth.reset()
        reporter.beginFit(columns: columns)
        let total = max(1, epochs * train.count)
        var iteration = 0
        for epoch in 0..<max(0, epochs) {
            let start = FitReporter.now()
            try setTraining(true)
            reporter.beginPhase(total: train.count, label: "")
            let next = try train.makeIterator()
            var done = 0
            while let batch = try next() {
                if let schedule {
                    let pos = Double(iteration) / Double(total)
                    optimizer.lr = schedule.lr(pos)
                    if let mom = schedule.mom { optimizer.mom = mom(pos) }
                }
                let value = try trainStep(batch)
                smooth.add(value)
                recorder.losses.append(smooth.value ?? value)
                recorder.lrs.append(optimizer.lr)
                iteration += 1
                done += 1
                reporter.batchDone(done, loss: smooth.value)
                if shouldStop() {
                    reporter.endPhase()
                    try? setTraining(false)
                    throw TrainingInterrupted()
                }
            }
            reporter.endPhase()
            recorder.iters.append(iteration)
            let validValues = try validate(showProgress: true)
            let row = [smooth.value] + validValues
            recorder.values.append(row)
            let elapsed = FitReporter.now() - start
            reporter.row(["\(epoch)"] + row.map(ResultsTable.formatValue) + [ResultsTable.formatTime(elapsed)])
        }
    }

    /// One optimisation step; returns the batch loss.
    func trainStep(_ batch: Batch) throws -> Double {
        let pred = try forward(batch.x)
        let l = try loss(pred, batch.y)
        try l.backward()
        try optimizer.step()
        try optimizer.zeroGrad(setToNone: false)
        return try Self.number(l)
    }

    /// `[valid_loss, metrics...]` over `source` (the validation set by
    /// default), batch-size-weighted; nils when there is no data.
    public func validate(source: BatchSource? = nil, showProgress: Bool = false) throws -> [Double?] {
        guard let data = source ?? valid else { return [nil] + metrics.map { _ in nil } }
        try setTraining(false)
        defer { try? setTraining(true) }
        var lossAvg = WeightedAverage()
        var metricAvgs = Array(repeating: WeightedAverage(), count: metrics.count)
        if showProgress { reporter.beginPhase(total: data.count, label: "") }
        defer { if showProgress { reporter.endPhase() } }
        try GradMode.withNoGrad {
            let next = try data.makeIterator()
            var done = 0
            while let batch = try next() {
                let pred = try forward(batch.x)
                let bs = Self.batchSize(batch)
                lossAvg.add(try Self.number(try loss(pred, batch.y)), weight: bs)
                for (i, m) in metrics.enumerated() {
                    metricAvgs[i].add(try Self.number(try m.compute(pred, batch.y)), weight: bs)
                }
                done += 1
                if showProgress { reporter.batchDone(done, loss: nil) }
                if shouldStop() { throw TrainingInterrupted() }
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
