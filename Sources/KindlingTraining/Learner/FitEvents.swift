import KindlingEngine

/// fastai's callback events, named as its `Callback` methods are.
public enum FitEvent: String, CaseIterable, Sendable {
    case beforeFit = "before_fit", beforeEpoch = "before_epoch", beforeTrain = "before_train"
    case beforeBatch = "before_batch", afterPred = "after_pred", afterLoss = "after_loss"
    case beforeBackward = "before_backward", afterBackward = "after_backward"
    case beforeStep = "before_step", afterStep = "after_step", afterBatch = "after_batch"
    case afterTrain = "after_train", beforeValidate = "before_validate", afterValidate = "after_validate"
    case afterEpoch = "after_epoch", afterFit = "after_fit"
    case afterCancelFit = "after_cancel_fit", afterCancelEpoch = "after_cancel_epoch"
    case afterCancelTrain = "after_cancel_train", afterCancelValidate = "after_cancel_validate"
    case afterCancelBatch = "after_cancel_batch", afterCancelBackward = "after_cancel_backward"
    case afterCancelStep = "after_cancel_step"
}

/// fastai's `CancelFitException`, `CancelEpochException`, ...: a callback throws one to
/// end that part of the fit early; `after_cancel_<phase>` then `after_<phase>` still run.
public struct CancelFit: Error, Equatable, Sendable {
    public enum Phase: String, CaseIterable, Sendable {
        case fit = "Fit", epoch = "Epoch", train = "Train", validate = "Valid", batch = "Batch"
        case backward = "Backward", step = "Step"
    }
    public let phase: Phase
    public init(_ phase: Phase) { self.phase = phase }
}

/// What a fit shows its callbacks, as fastai's Learner attributes (`learn.epoch`,
/// `learn.iter`, `learn.xb`, `learn.pred`, `learn.loss`, ...). Callbacks may replace
/// `pred` and `loss` (after `after_pred` / `after_loss`) as fastai's may.
public final class FitState {
    public internal(set) var epoch = 0
    public internal(set) var epochCount = 0
    public internal(set) var iteration = 0
    public internal(set) var iterationCount = 0
    public internal(set) var isTraining = false
    /// Training batches done in this fit (`train_iter`).
    public internal(set) var trainIteration = 0
    /// `pct_train`: the fraction of the fit's training batches done.
    public internal(set) var fractionTrained = 0.0
    public var x: Tensor?
    public var y: Tensor?
    public var pred: Tensor?
    public var loss: Tensor?

    public init() {}
}

/// A fastai callback: receives every event with the loop, whose `state` it may read and change.
public protocol FitCallback: AnyObject {
    func handle(_ event: FitEvent, _ loop: TrainingLoop) throws
}

extension TrainingLoop {
    /// Sends `event` to the callbacks in order.
    func send(_ event: FitEvent) throws {
        for cb in callbacks { try cb.handle(event, self) }
    }

    /// fastai's `_with_events`: `before`, the body, `after_cancel` if a callback cancelled
    /// this phase, then `after` in every case except another phase's cancellation.
    /// `whenDone` runs just before `after`, as fastai's own early callbacks do (TrainEvalCallback).
    func withEvents(_ phase: CancelFit.Phase, _ before: FitEvent, _ cancelled: FitEvent, _ after: FitEvent,
                    whenDone: () -> Void = {}, _ body: () throws -> Void) throws {
        do {
            try send(before)
            try body()
        } catch let c as CancelFit where c.phase == phase {
            try send(cancelled)
        }
        whenDone()
        try send(after)
    }
}
