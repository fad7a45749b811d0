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

    /// fastai's `_inner_loop`: the events a callback's `run_train` / `run_valid` switch off.
    public var isInnerLoop: Bool {
        switch self {
        case .beforeBatch, .afterPred, .afterLoss, .beforeBackward, .afterCancelBackward, .afterBackward,
             .beforeStep, .afterStep, .afterCancelBatch, .afterBatch: return true
        default: return false
        }
    }
}

/// fastai's `CancelFitException`, `CancelEpochException`, ...: a callback throws one to
/// end that part of the fit early; `after_cancel_<phase>` then `after_<phase>` still run.
/// `underlying` keeps the script's own exception, rethrown if nothing catches the cancellation.
public struct CancelFit: Error, @unchecked Sendable {
    public enum Phase: String, CaseIterable, Sendable {
        case fit = "Fit", epoch = "Epoch", train = "Train", validate = "Valid", batch = "Batch"
        case backward = "Backward", step = "Step"
    }
    public let phase: Phase
    public let underlying: Error?
    public init(_ phase: Phase, underlying: Error? = nil) {
        self.phase = phase
        self.underlying = underlying
    }
}

/// What a fit shows its callbacks, as fastai's Learner attributes (`learn.epoch`,
/// `learn.iter`, `learn.xb`, `learn.pred`, `learn.loss`, ...). Callbacks may replace
/// `pred` and `loss` (after `after_pred` / `after_loss`) as fastai's may; the backward
/// pass uses `lossGrad` (fastai's `loss_grad`), so a replaced `loss` changes only what is recorded.
public final class FitState {
    public internal(set) var epoch = 0
    public internal(set) var epochCount = 0
    public internal(set) var iteration = 0
    /// `n_iter`: the batches of the phase in progress (set when its first batch is drawn).
    public internal(set) var iterationCount = 0
    public internal(set) var isTraining = false
    /// Training batches done in this fit (`train_iter`).
    public internal(set) var trainIteration = 0
    /// `pct_train`: the fraction of the fit's training done.
    public internal(set) var fractionTrained = 0.0
    public var x: Tensor?
    public var y: Tensor?
    public var pred: Tensor?
    public var loss: Tensor?
    public var lossGrad: Tensor?
    /// `final_record`: the last epoch's recorded values (what `validate` returns).
    public internal(set) var finalRecord: [Double?] = []

    public init() {}
}

/// A fastai callback: receives every event with the loop, whose `state` it may read and change.
/// Callbacks run in increasing `order` (fastai's: the loop's own mode switching is -10, the
/// recorder 50, progress and schedules 60; a script's callback defaults to 0).
public protocol FitCallback: AnyObject {
    var order: Int { get }
    func handle(_ event: FitEvent, _ loop: TrainingLoop) throws
}

extension TrainingLoop {
    /// Sends `event` to the fit's callbacks in order.
    func send(_ event: FitEvent) throws {
        for cb in active { try cb.handle(event, self) }
    }

    /// fastai's `_with_events`: `before`, the body, `after_cancel` if a callback cancelled
    /// this phase, then `after` (unless another exception ends it), then `final`.
    func withEvents(_ phase: CancelFit.Phase, _ before: FitEvent, _ cancelled: FitEvent, _ after: FitEvent,
                    final: () -> Void = {}, _ body: () throws -> Void) throws {
        do {
            try send(before)
            try body()
        } catch let c as CancelFit where c.phase == phase {
            try send(cancelled)
        }
        try send(after)
        final()
    }

    /// Runs `body` with `callbacks` and the loop's own callbacks, sorted by order
    /// (stably: equal orders keep fastai's order of adding).
    func withCallbacks<T>(_ own: [FitCallback], after tail: [FitCallback] = [], _ body: () throws -> T) throws -> T {
        let all = own + callbacks + tail
        active = all.indices.sorted { (all[$0].order, $0) < (all[$1].order, $1) }.map { all[$0] }
        defer { active = [] }
        do {
            return try body()
        } catch {
            reporter.endPhase()
            throw error
        }
    }
}
