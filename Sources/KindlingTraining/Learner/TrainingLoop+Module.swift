import KindlingEngine

extension TrainingLoop {
    /// A loop training a Swift `Module` with a `LossFunction`, as fastai's
    /// `Learner(dls, model, loss_func=..., metrics=...)` does, without the interpreter.
    public convenience init(model: Module, loss: LossFunction, metrics: [NamedMetric] = [], optimizer: Optimizer,
                            train: BatchSource, valid: BatchSource?, reporter: FitReporter) {
        self.init(forward: { try model.forward($0) }, loss: { try loss($0, $1) }, metrics: metrics,
                  optimizer: optimizer, train: train, valid: valid, reporter: reporter)
        setTraining = { model.train($0) }
    }
}

extension BatchSource {
    /// Batches of rows of `x` and `y` (first dims equal), `batchSize` at a time, in order or
    /// reshuffled each pass from a generator seeded with `seed`.
    public static func rows(of x: Tensor, _ y: Tensor, batchSize: Int, shuffle: Bool = false, seed: UInt64 = 0) throws -> BatchSource {
        guard x.shape.first == y.shape.first, let n = x.shape.first else {
            throw TensorError(.valueError, "x and y need the same number of rows")
        }
        let sampler = BatchSampler(count: n, batchSize: batchSize, shuffle: shuffle, dropLast: false)
        var pass: UInt64 = 0
        return BatchSource(count: sampler.batchCount) {
            pass += 1
            var batches = sampler.batches(seed: seed &+ pass)[...]
            return {
                guard let rows = batches.popFirst() else { return nil }
                let index = try Tensor(shape: [rows.count], ints: rows.map { Int64($0) })
                return Batch(x: try x.index([.tensor(index)]), y: try y.index([.tensor(index)]))
            }
        }
    }
}
