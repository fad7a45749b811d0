import Foundation

/// Tick positions and labels for one axis, in the spirit of matplotlib's `MaxNLocator` and `ScalarFormatter`.
public enum Ticks {
    /// "Nice" tick values (steps of 1, 2, 2.5 or 5 times a power of ten) inside `low...high`,
    /// at most `maxCount` of them.
    public static func values(low: Double, high: Double, maxCount: Int) -> [Double] {
        guard low.isFinite, high.isFinite, high > low, maxCount >= 1 else { return low.isFinite ? [low] : [] }
        let step = niceStep(span: high - low, maxCount: maxCount)
        guard step > 0, step.isFinite else { return [] }
        var ticks: [Double] = []
        var k = (low / step).rounded(.up)
        while k * step <= high + step * 1e-9 && ticks.count <= maxCount + 1 {
            let value = k * step
            ticks.append(abs(value) < step * 1e-9 ? 0 : value)
            k += 1
        }
        return ticks
    }

    /// The tick step for a span so that no more than `maxCount` ticks fit.
    public static func niceStep(span: Double, maxCount: Int) -> Double {
        let raw = span / Double(max(1, maxCount))
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for multiple in [1.0, 2.0, 2.5, 5.0, 10.0] where multiple * magnitude >= raw * (1 - 1e-9) {
            return multiple * magnitude
        }
        return 10 * magnitude
    }

    /// Labels for ticks with the fewest decimals that tell them apart (`0.0 0.5 1.0`, `0 5 10`).
    public static func labels(for ticks: [Double]) -> [String] {
        guard ticks.count >= 1 else { return [] }
        let step = ticks.count > 1 ? abs(ticks[1] - ticks[0]) : max(abs(ticks[0]), 1)
        let largest = ticks.map { abs($0) }.max() ?? 0
        if largest >= 1e6 || (largest > 0 && largest < 1e-4) {
            return ticks.map { String(format: "%.1e", $0) }
        }
        var decimals = 0
        while decimals < 8 {
            let scaled = step * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { break }
            decimals += 1
        }
        // matplotlib shows 0.0, 0.5, 1.0 with one decimal when any tick needs it; integers stay bare.
        return ticks.map { value in
            let text = String(format: "%.\(decimals)f", value)
            return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
        }
    }

    /// Data limits with matplotlib's 5% margins; a flat range is widened so it has some height.
    public static func paddedLimits(_ values: [Double], margin: Double = 0.05) -> ClosedRange<Double> {
        let finite = values.filter { $0.isFinite }
        guard let low = finite.min(), let high = finite.max() else { return -0.055...0.055 }
        if low == high {
            let pad = low == 0 ? 0.055 : abs(low) * 0.055
            return (low - pad)...(high + pad)
        }
        let pad = (high - low) * margin
        return (low - pad)...(high + pad)
    }
}
