import KindlingEngine

/// fastai's `TrainEvalCallback`: resets the counters at `before_fit`, switches the model
/// between training and evaluation at each phase, and counts training batches.
final class TrainEvalCallback: FitCallback {
    let order = -10

    func handle(_ event: FitEvent, _ loop: TrainingLoop) throws {
        let s = loop.state
        switch event {
        case .beforeFit:
            s.epoch = 0
            s.loss = Tensor(scalar: .float(0))
            s.trainIteration = 0
            s.fractionTrained = 0
        case .beforeTrain:
            s.fractionTrained = Double(s.epoch) / Double(max(1, s.epochCount))
            try loop.setTraining(true)
            s.isTraining = true
        case .beforeValidate:
            try loop.setTraining(false)
            s.isTraining = false
        case .afterBatch where s.isTraining:
            s.fractionTrained += 1 / Double(max(1, s.iterationCount * s.epochCount))
            s.trainIteration += 1
        default: break
        }
    }
}

/// fastai's `Recorder`: the smoothed training loss and learning rate of every batch, the
/// batch-size-weighted validation loss and metrics, and per epoch the row of values
/// (without the phases a callback cancelled) that the results table prints.
final class RecorderCallback: FitCallback {
    let order = 50
    private var smooth = SmoothedLoss()
    private var validLoss = WeightedAverage()
    private var validMetrics: [WeightedAverage] = []
    private var log: [Double?] = []
    private var logEpoch = 0
    private var cancelTrain = false, cancelValid = false
    private var start = 0.0

    func handle(_ event: FitEvent, _ loop: TrainingLoop) throws {
        let s = loop.state
        switch event {
        case .beforeFit:
            loop.recorder.reset()
            loop.recorder.metricNames = loop.columns
            smooth.reset()
        case .beforeEpoch:
            cancelTrain = false
            cancelValid = false
            start = FitReporter.now()
            log = []
            logEpoch = s.epoch
        case .beforeValidate:
            validLoss.reset()
            validMetrics = loop.metrics.map { _ in WeightedAverage() }
        case .afterBatch:
            try batchDone(loop)
        case .afterTrain where !cancelTrain:
            log.append(smooth.value)
        case .afterValidate where !cancelValid:
            log.append(validLoss.value)
            log += validMetrics.map(\.value)
        case .afterCancelTrain: cancelTrain = true
        case .afterCancelValidate: cancelValid = true
        case .afterEpoch:
            s.finalRecord = log
            loop.recorder.values.append(log)
            loop.reporter.epochDone(logEpoch, values: log, seconds: FitReporter.now() - start)
            loop.recorder.iters.append(smooth.count)
        default: break
        }
    }

    /// fastai's `Recorder.after_batch`: the metrics take the batch's loss and prediction
    /// as they stand (a cancelled batch counts the previous ones, as in fastai).
    private func batchDone(_ loop: TrainingLoop) throws {
        let s = loop.state
        if s.isTraining {
            if !cancelTrain, let l = s.loss { smooth.add(try TrainingLoop.number(l)) }
            loop.recorder.lrs.append(loop.optimizer.lr)
            loop.recorder.losses.append(smooth.value ?? .nan)
        } else if !cancelValid, let y = s.y {
            let bs = y.shape.first ?? s.x?.shape.first ?? 1
            if let l = s.loss { validLoss.add(try TrainingLoop.number(l), weight: bs) }
            if let pred = s.pred {
                for (i, m) in loop.metrics.enumerated() where i < validMetrics.count {
                    validMetrics[i].add(try TrainingLoop.number(try m.compute(pred, y)), weight: bs)
                }
            }
        }
    }
}

/// fastai's `ProgressCallback`: the table's header, and a progress bar over each phase.
final class ProgressCallback: FitCallback {
    let order = 60

    func handle(_ event: FitEvent, _ loop: TrainingLoop) throws {
        switch event {
        case .beforeFit: loop.reporter.beginFit(columns: loop.columns)
        case .beforeTrain, .beforeValidate: loop.reporter.beginPhase(total: loop.phaseSource?.count ?? 0, label: "")
        case .afterBatch:
            loop.reporter.batchDone(loop.state.iteration + 1, loss: loop.state.isTraining ? loop.recorder.losses.last : nil)
        case .afterTrain, .afterValidate: loop.reporter.endPhase()
        default: break
        }
    }
}

/// fastai's `ParamScheduler`: before every training batch, the learning rate (and
/// momentum) for the fraction of training done.
final class ScheduleCallback: FitCallback {
    let order = 60
    let schedule: HyperSchedule
    init(_ schedule: HyperSchedule) { self.schedule = schedule }

    func handle(_ event: FitEvent, _ loop: TrainingLoop) throws {
        guard event == .beforeBatch, loop.state.isTraining else { return }
        let pos = loop.state.fractionTrained
        loop.optimizer.lr = schedule.lr(pos)
        if let mom = schedule.mom { loop.optimizer.mom = mom(pos) }
    }
}

/// fastai's `SkipToEpoch` (`fit(start_epoch=)`): cancels every epoch before `start`.
final class SkipToEpochCallback: FitCallback {
    let order = 70
    let start: Int
    init(_ start: Int) { self.start = start }

    func handle(_ event: FitEvent, _ loop: TrainingLoop) throws {
        if event == .beforeEpoch, loop.state.epoch < start { throw CancelFit(.epoch) }
    }
}
