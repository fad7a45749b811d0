import KindlingData
import KindlingLanguage

/// `np.random.choice(..., p=...)` as NumPy's legacy `RandomState.choice` samples: the
/// probabilities' running sum, normalised by its last value, searched (side='right') with one
/// uniform double per draw; without replacement, rounds of draws zero the probabilities already
/// taken and keep each round's first occurrences in the order they came.
enum NumpyChoice {
    /// The checked probabilities (1-D, `count` long, non-negative, summing to 1 within NumPy's tolerance).
    static func probabilities(_ value: Value, count: Int) throws -> [Double] {
        let a = try NumpyConvert.array(value, dtype: nil)
        guard a.ndim == 1 else { throw pyError(.valueError, "'p' must be 1-dimensional") }
        guard a.count == count else { throw pyError(.valueError, "'a' and 'p' must have same size") }
        let p = a.doubleValues
        // NumPy compares a Kahan sum against 1 with tolerance sqrt(eps) of float64 (float32's when p is float32).
        var sum = 0.0, carry = 0.0
        for x in p { let y = x - carry; let t = sum + y; carry = (t - sum) - y; sum = t }
        if sum.isNaN { throw pyError(.valueError, "probabilities contain NaN") }
        if p.contains(where: { $0 < 0 }) { throw pyError(.valueError, "probabilities are not non-negative") }
        let tolerance = a.elementType == .float32 ? Double(Float.ulpOfOne).squareRoot() : Double.ulpOfOne.squareRoot()
        if abs(sum - 1) > tolerance { throw pyError(.valueError, "probabilities do not sum to 1") }
        return p
    }

    /// `size` draws with replacement.
    static func withReplacement(_ p: [Double], size: Int, state: inout LegacyRandomState) -> [Int] {
        let cdf = normalisedCumulative(p)
        return (0..<size).map { _ in searchRight(cdf, state.nextDouble()) }
    }

    /// `size` distinct draws.
    static func withoutReplacement(_ probabilities: [Double], size: Int, state: inout LegacyRandomState) throws -> [Int] {
        if probabilities.filter({ $0 > 0 }).count < size {
            throw pyError(.valueError, "Fewer non-zero entries in p than size")
        }
        var p = probabilities
        var found: [Int] = []
        while found.count < size {
            let draws = (0..<(size - found.count)).map { _ in state.nextDouble() }
            for i in found { p[i] = 0 }
            let cdf = normalisedCumulative(p)
            var seen = Set<Int>()
            for x in draws {
                let i = searchRight(cdf, x)
                if seen.insert(i).inserted { found.append(i) }
            }
        }
        return found
    }

    /// `cumsum(p) / cumsum(p)[-1]`, summed left to right as `np.cumsum` does.
    private static func normalisedCumulative(_ p: [Double]) -> [Double] {
        var cdf = [Double](repeating: 0, count: p.count)
        var acc = 0.0
        for (i, x) in p.enumerated() { acc += x; cdf[i] = acc }
        guard let last = cdf.last else { return cdf }
        return cdf.map { $0 / last }
    }

    /// The first index whose value exceeds `x` (`searchsorted(x, side='right')`).
    private static func searchRight(_ cdf: [Double], _ x: Double) -> Int {
        var lo = 0, hi = cdf.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cdf[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
