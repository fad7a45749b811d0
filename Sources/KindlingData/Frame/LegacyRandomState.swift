import Foundation
import KindlingRandomCore

/// numpy's legacy `np.random.RandomState(seed)`: the MT19937 stream and the integer sampling
/// that `permutation`/`choice` use, so `DataFrame.sample(random_state=seed)` picks exactly
/// the rows pandas picks.
public struct LegacyRandomState {
    private var core: MT19937
    /// The second normal of the last polar Box-Muller pair (`legacy_gauss` caches it).
    private var cachedGauss: Double?

    /// `RandomState(seed)` for 0 <= seed < 2**32 (numpy's `init_genrand`).
    public init(seed: UInt32) {
        core = MT19937(seed: seed)
    }

    /// Validates a Python seed like numpy does.
    public init(pythonSeed: Int64) throws {
        guard pythonSeed >= 0 && pythonSeed <= Int64(UInt32.max) else {
            throw DataError.value("Seed must be between 0 and 2**32 - 1")
        }
        self.init(seed: UInt32(pythonSeed))
    }

    /// `np.random.seed(seed)`: re-seeds and forgets the cached normal.
    public mutating func reseed(_ seed: UInt32) {
        core = MT19937(seed: seed)
        cachedGauss = nil
    }

    /// `random_sample()`: 53 random bits as a double in [0, 1) (`mt19937_next_double`).
    public mutating func nextDouble() -> Double {
        let a = Double(nextUInt32() >> 5), b = Double(nextUInt32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// `standard_normal()`: the legacy polar Box-Muller method, which yields normals in pairs and
    /// keeps the second for the next call.
    public mutating func nextGauss() -> Double {
        if let g = cachedGauss {
            cachedGauss = nil
            return g
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2 * nextDouble() - 1
            x2 = 2 * nextDouble() - 1
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1 || r2 == 0
        let f = (-2 * log(r2) / r2).squareRoot()
        cachedGauss = f * x1
        return f * x2
    }

    /// `randint(low, high)` for int64 (high exclusive, low < high).
    public mutating func randomInteger(low: Int64, high: Int64) -> Int64 {
        let range = UInt64(bitPattern: high &- low &- 1)
        return low &+ Int64(bitPattern: interval(range))
    }

    /// The next 32 random bits (`mt19937_next32`).
    public mutating func nextUInt32() -> UInt32 { core.nextUInt32() }

    public mutating func nextUInt64() -> UInt64 {
        let hi = UInt64(nextUInt32())
        return (hi << 32) | UInt64(nextUInt32())
    }

    /// numpy's `random_interval(max)`: uniform in 0...max by masked rejection sampling.
    public mutating func interval(_ max: UInt64) -> UInt64 {
        if max == 0 { return 0 }
        var mask = max
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4
        mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32
        if max <= 0xffff_ffff {
            while true {
                let v = UInt64(nextUInt32()) & mask
                if v <= max { return v }
            }
        }
        while true {
            let v = nextUInt64() & mask
            if v <= max { return v }
        }
    }

    /// `RandomState.permutation(n)`: Fisher-Yates from the end, as numpy's legacy `shuffle`.
    public mutating func permutation(_ n: Int) -> [Int] {
        var a = Array(0..<max(n, 0))
        var i = a.count - 1
        while i >= 1 {
            let j = Int(interval(UInt64(i)))
            a.swapAt(i, j)
            i -= 1
        }
        return a
    }

    /// `RandomState.choice(n, size, replace=False)`, which numpy computes as `permutation(n)[:size]`.
    public mutating func choiceWithoutReplacement(_ n: Int, size: Int) -> [Int] {
        Array(permutation(n).prefix(size))
    }

    /// `RandomState.choice(n, size, replace=True)`: `randint(0, n, size)` through the legacy bounded sampler.
    public mutating func choiceWithReplacement(_ n: Int, size: Int) -> [Int] {
        (0..<size).map { _ in Int(legacyBounded(UInt64(n - 1))) }
    }

    /// numpy's legacy `randint` for int64 (`_rand_int64` with `use_masked=True`): masked rejection,
    /// 32-bit draws when the range fits.
    mutating func legacyBounded(_ rng: UInt64) -> UInt64 { interval(rng) }
}
