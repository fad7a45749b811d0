/// fastai's `AvgSmoothLoss`: an exponentially weighted average of the batch
/// losses (beta 0.98), debiased, as the `train_loss` column shows it.
public struct SmoothedLoss: Sendable {
    public let beta: Double
    public private(set) var count = 0
    /// fastai keeps the average in a float32 tensor, so it is computed in Float here.
    private var val: Float = 0

    public init(beta: Double = 0.98) { self.beta = beta }

    public mutating func reset() { count = 0; val = 0 }

    public mutating func add(_ loss: Double) {
        count += 1
        // torch.lerp(loss, val, beta) in float32: for a weight >= 0.5, end - (end - start) * (1 - weight),
        // one fused multiply-add as ATen's kernel compiles.
        let w = Float(beta), start = Float(loss)
        val = val.addingProduct(-(val - start), 1 - w)
    }

    /// nil before the first batch; `val / (1 - beta**count)` in float32, as fastai's tensor division.
    public var value: Double? {
        count == 0 ? nil : Double(val / Float(1 - pow(beta, Double(count))))
    }
}

/// fastai's `AvgLoss` / `AvgMetric`: a mean weighted by batch size. fastai's total
/// becomes a float32 tensor at the first batch (`0. + loss * bs`), so it sums in Float.
public struct WeightedAverage: Sendable {
    private var total: Float = 0
    private var count = 0

    public init() {}

    public mutating func reset() { total = 0; count = 0 }

    public mutating func add(_ value: Double, weight: Int) {
        total += Float(value) * Float(weight)
        count += weight
    }

    /// nil when nothing was added.
    public var value: Double? { count == 0 ? nil : Double(total / Float(count)) }
}

import Foundation
