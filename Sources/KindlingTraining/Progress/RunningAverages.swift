/// fastai's `AvgSmoothLoss`: an exponentially weighted average of the batch
/// losses (beta 0.98), debiased, as the `train_loss` column shows it.
public struct SmoothedLoss: Sendable {
    public let beta: Double
    private var count = 0
    private var val = 0.0

    public init(beta: Double = 0.98) { self.beta = beta }

    public mutating func reset() { count = 0; val = 0 }

    public mutating func add(_ loss: Double) {
        count += 1
        // torch.lerp(loss, val, beta) == loss + beta * (val - loss)
        val = loss + beta * (val - loss)
    }

    /// nil before the first batch.
    public var value: Double? {
        count == 0 ? nil : val / (1 - pow(beta, Double(count)))
    }
}

/// fastai's `AvgLoss` / `AvgMetric`: a mean weighted by batch size.
public struct WeightedAverage: Sendable {
    private var total = 0.0
    private var count = 0

    public init() {}

    public mutating func reset() { total = 0; count = 0 }

    public mutating func add(_ value: Double, weight: Int) {
        total += value * Double(weight)
        count += weight
    }

    /// nil when nothing was added.
    public var value: Double? { count == 0 ? nil : total / Double(count) }
}

import Foundation
