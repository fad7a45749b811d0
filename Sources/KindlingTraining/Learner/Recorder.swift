/// What fastai's `Recorder` keeps while fitting.
public struct Recorder: Sendable {
    /// The smoothed training loss after every batch (`recorder.losses`).
    public var losses: [Double] = []
    /// The learning rate of every training batch (`recorder.lrs`).
    public var lrs: [Double] = []
    /// Per epoch: `[train_loss, valid_loss, metrics...]` (`recorder.values`).
    public var values: [[Double?]] = []
    /// The batch count at the end of each epoch (`recorder.iters`).
    public var iters: [Int] = []
    /// Column names: `epoch, train_loss, valid_loss, <metrics>, time`.
    public var metricNames: [String] = []

    public init() {}

    mutating func reset() {
        losses = []
        lrs = []
        values = []
        iters = []
    }
}

/// A learning-rate (and momentum) schedule over the fraction of training done.
public struct HyperSchedule {
    public var lr: (Double) -> Double
    public var mom: ((Double) -> Double)?

    public init(lr: @escaping (Double) -> Double, mom: ((Double) -> Double)? = nil) {
        self.lr = lr
        self.mom = mom
    }

    /// fastai's `fit_one_cycle` schedules: cosine warm-up to `lrMax` then
    /// annealing; momentum 0.95 -> 0.85 -> 0.95.
    public static func oneCycle(lrMax: Double, div: Double = 25, divFinal: Double = 1e5, pctStart: Double = 0.25,
                                moms: (Double, Double, Double) = (0.95, 0.85, 0.95)) -> HyperSchedule {
        let lr = CombinedCosine.oneCycle(lrMax: lrMax, div: div, divFinal: divFinal, pctStart: pctStart)
        let mom = CombinedCosine(pct: pctStart, start: moms.0, middle: moms.1, end: moms.2)
        return HyperSchedule(lr: { lr($0) }, mom: { mom($0) })
    }
}

/// Raised by the loop when `shouldStop` asked it to stop (Ctrl-C): the
/// current batch was finished and the model is intact.
public struct TrainingInterrupted: Error {
    public init() {}
}
