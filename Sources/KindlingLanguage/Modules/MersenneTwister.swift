import KindlingRandomCore

/// MT19937 (KindlingRandomCore) seeded the way CPython's `random.seed(int)` seeds it, so `random()` streams match.
public final class MersenneTwister {
    private var core = MT19937(seed: 0)
    var gaussNext: Double?

    public init(seed: Int = 0) { self.seed(seed) }

    /// `random.seed(n)`: the absolute value split into 32-bit words, least significant first.
    public func seed(_ n: Int) {
        var m = n.magnitude
        var key: [UInt32] = []
        repeat { key.append(UInt32(truncatingIfNeeded: m)); m >>= 32 } while m > 0
        core = MT19937(key: key)
        gaussNext = nil
    }

    public func nextUInt32() -> UInt32 { core.nextUInt32() }

    /// `random.random()`: 53-bit float in [0, 1).
    public func random() -> Double {
        let a = Double(nextUInt32() >> 5), b = Double(nextUInt32() >> 6)
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `getrandbits(k)` for k <= 64.
    public func bits(_ k: Int) -> UInt64 {
        if k <= 32 { return UInt64(nextUInt32() >> (32 - UInt32(k))) }
        let low = UInt64(nextUInt32())
        let high = UInt64(nextUInt32() >> (64 - UInt32(k)))
        return low | (high << 32)
    }

    /// `_randbelow(n)` by rejection sampling on `n.bit_length()` bits.
    public func below(_ n: Int) -> Int {
        if n <= 0 { return 0 }
        let k = Int.bitWidth - n.leadingZeroBitCount
        var r = Int(bits(k))
        while r >= n { r = Int(bits(k)) }
        return r
    }
}
