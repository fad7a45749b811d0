import Foundation
import KindlingEngine

/// `torch.optim.lr_scheduler`'s schedulers on one optimizer (one parameter group), with
/// PyTorch's recursive ("chainable") formulas so the floats of the learning-rate sequence are
/// PyTorch's. Making a scheduler performs its initial step (epoch 0), as PyTorch does.
public final class LRScheduler {
    public enum Kind {
        case step(stepSize: Int, gamma: Double)
        case multiStep(milestones: [Int: Int], gamma: Double)
        case exponential(gamma: Double)
        case lambda((Int) throws -> Double)
        case cosineAnnealing(tMax: Int, etaMin: Double)
        case oneCycle(OneCyclePlan)
    }

    /// Python's `ZeroDivisionError: integer modulo by zero`, which PyTorch's formulas raise
    /// for a zero `step_size` or `T_max` once stepped.
    public struct ZeroModulo: Error {}

    public let optimizer: Optimizer
    public let kind: Kind
    public let baseLR: Double
    public private(set) var lastEpoch = -1
    public private(set) var stepCount = 0
    public private(set) var lastLR: Double

    public init(_ optimizer: Optimizer, _ kind: Kind) throws {
        self.optimizer = optimizer
        self.kind = kind
        if case .oneCycle(let plan) = kind {
            optimizer.lr = plan.initialLR
            if plan.cycleMomentum { optimizer.mom = plan.maxMomentum }
        }
        baseLR = optimizer.lr
        lastLR = optimizer.lr
        try step()
    }

    /// `scheduler.step()`: the next epoch's learning rate, set on the optimizer.
    public func step() throws {
        stepCount += 1
        lastEpoch += 1
        let lr = try nextLR()
        optimizer.lr = lr
        lastLR = lr
    }

    private func nextLR() throws -> Double {
        let lr = optimizer.lr, epoch = lastEpoch
        switch kind {
        case .step(let size, let gamma):
            if epoch == 0 { return lr }
            guard size != 0 else { throw LRScheduler.ZeroModulo() }
            return epoch % size != 0 ? lr : lr * gamma
        case .multiStep(let milestones, let gamma):
            guard let count = milestones[epoch] else { return lr }
            return lr * pow(gamma, Double(count))
        case .exponential(let gamma):
            return epoch == 0 ? lr : lr * gamma
        case .lambda(let f):
            return baseLR * (try f(epoch))
        case .cosineAnnealing(let tMax, let etaMin):
            let t = Double(tMax)
            if epoch == 0 { return lr }
            if stepCount == 1 && epoch > 0 {
                return etaMin + (baseLR - etaMin) * (1 + cos(Double(epoch) * Double.pi / t)) / 2
            }
            guard tMax != 0 else { throw LRScheduler.ZeroModulo() }
            if (epoch - 1 - tMax) % (2 * tMax) == 0 {
                return lr + (baseLR - etaMin) * (1 - cos(Double.pi / t)) / 2
            }
            return (1 + cos(Double.pi * Double(epoch) / t)) / (1 + cos(Double.pi * Double(epoch - 1) / t)) * (lr - etaMin) + etaMin
        case .oneCycle(let plan):
            let (newLR, momentum) = try plan.values(at: epoch)
            if let momentum { optimizer.mom = momentum }
            return newLR
        }
    }
}

/// OneCycleLR's phases: warm-up from `max_lr/div_factor` to `max_lr` over `pct_start` of the
/// steps, then annealing to `initial/final_div_factor` (or three phases), by cosine or line,
/// with momentum cycled the other way.
public struct OneCyclePlan {
    public let totalSteps: Int
    public let initialLR: Double, maxLR: Double, minLR: Double
    public let baseMomentum: Double, maxMomentum: Double
    public let cycleMomentum: Bool
    public let cosine: Bool
    let phases: [(end: Double, startLR: Double, endLR: Double, startMom: Double, endMom: Double)]

    public init(maxLR: Double, totalSteps: Int, pctStart: Double = 0.3, cosine: Bool = true, cycleMomentum: Bool = true,
                baseMomentum: Double = 0.85, maxMomentum: Double = 0.95, divFactor: Double = 25,
                finalDivFactor: Double = 1e4, threePhase: Bool = false) {
        self.totalSteps = totalSteps
        self.maxLR = maxLR
        initialLR = maxLR / divFactor
        minLR = initialLR / finalDivFactor
        self.baseMomentum = baseMomentum
        self.maxMomentum = maxMomentum
        self.cycleMomentum = cycleMomentum
        self.cosine = cosine
        let total = Double(totalSteps)
        if threePhase {
            phases = [(pctStart * total - 1, initialLR, maxLR, maxMomentum, baseMomentum),
                      (2 * pctStart * total - 2, maxLR, initialLR, baseMomentum, maxMomentum),
                      (total - 1, initialLR, minLR, maxMomentum, maxMomentum)]
        } else {
            phases = [(pctStart * total - 1, initialLR, maxLR, maxMomentum, baseMomentum),
                      (total - 1, maxLR, minLR, baseMomentum, maxMomentum)]
        }
    }

    func anneal(_ start: Double, _ end: Double, _ pct: Double) -> Double {
        cosine ? end + (start - end) / 2.0 * (cos(Double.pi * pct) + 1) : (end - start) * pct + start
    }

    /// The learning rate (and momentum when cycled) at `step`.
    func values(at step: Int) throws -> (Double, Double?) {
        if step > totalSteps {
            throw TensorError(.valueError, "Tried to step \(step) times. The specified number of total steps is \(totalSteps)")
        }
        var start = 0.0
        for (i, phase) in phases.enumerated() {
            if Double(step) <= phase.end || i == phases.count - 1 {
                let pct = (Double(step) - start) / (phase.end - start)
                return (anneal(phase.startLR, phase.endLR, pct), cycleMomentum ? anneal(phase.startMom, phase.endMom, pct) : nil)
            }
            start = phase.end
        }
        return (minLR, nil)
    }
}
