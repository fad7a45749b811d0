import Foundation

/// fastai's cosine annealing, `sched_cos(start, end, pos)`: from `start` at
/// `pos == 0` to `end` at `pos == 1` along half a cosine wave.
public func cosineAnneal(from start: Double, to end: Double, at pos: Double) -> Double {
    start + (1 + cos(Double.pi * (1 - pos))) * (end - start) / 2
}

/// fastai's `combined_cos(pct, start, middle, end)`: cosine from `start` to
/// `middle` over the first `pct` of training, then from `middle` to `end`.
public struct CombinedCosine: Sendable, Equatable {
    public var pct: Double
    public var start: Double
    public var middle: Double
    public var end: Double

    public init(pct: Double, start: Double, middle: Double, end: Double) {
        self.pct = pct
        self.start = start
        self.middle = middle
        self.end = end
    }

    /// The value at `pos`, the fraction of training done (0 ..< 1).
    public func callAsFunction(_ pos: Double) -> Double {
        // combine_scheds: the phase is the last boundary at or before pos.
        if pos < pct || pct >= 1 {
            return cosineAnneal(from: start, to: middle, at: pct > 0 ? pos / pct : 1)
        }
        return cosineAnneal(from: middle, to: end, at: (pos - pct) / (1 - pct))
    }

    /// The learning-rate schedule of `fit_one_cycle(lr_max, div, div_final, pct_start)`.
    public static func oneCycle(lrMax: Double, div: Double = 25, divFinal: Double = 1e5,
                                pctStart: Double = 0.25) -> CombinedCosine {
        CombinedCosine(pct: pctStart, start: lrMax / div, middle: lrMax, end: lrMax / divFinal)
    }
}
