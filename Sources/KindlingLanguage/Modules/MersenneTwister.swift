/// MT19937 seeded the way CPython's `random.seed(int)` seeds it, so `random()` streams match.
public final class MersenneTwister {
    private var mt = [UInt32](repeating: 0, count: 624)
    private var index = 625
    var gaussNext: Double?

    public init(seed: Int = 0) { self.seed(seed) }

    func initGenrand(_ s: UInt32) {
        mt[0] = s
        for i in 1..<624 { mt[i] = 1812433253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i) }
        index = 624
    }

    /// CPython's init_by_array.
    func initByArray(_ key: [UInt32]) {
        initGenrand(19650218)
        var i = 1, j = 0
        var k = max(624, key.count)
        while k > 0 {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1664525)) &+ key[j] &+ UInt32(j)
            i += 1; j += 1
            if i >= 624 { mt[0] = mt[623]; i = 1 }
            if j >= key.count { j = 0 }
            k -= 1
        }
        k = 623
        while k > 0 {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1566083941)) &- UInt32(i)
            i += 1
            if i >= 624 { mt[0] = mt[623]; i = 1 }
            k -= 1
        }
        mt[0] = 0x80000000
        index = 624
    }

    /// `random.seed(n)`: the absolute value split into 32-bit words, least significant first.
    public func seed(_ n: Int) {
        var m = n.magnitude
        var key: [UInt32] = []
        repeat { key.append(UInt32(truncatingIfNeeded: m)); m >>= 32 } while m > 0
        initByArray(key)
        gaussNext = nil
    }

    public func nextUInt32() -> UInt32 {
        if index >= 624 {
            for i in 0..<624 {
                let y = (mt[i] & 0x80000000) | (mt[(i + 1) % 624] & 0x7fffffff)
                var v = mt[(i + 397) % 624] ^ (y >> 1)
                if y & 1 == 1 { v ^= 0x9908b0df }
                mt[i] = v
            }
            index = 0
        }
        var y = mt[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        y ^= y >> 18
        return y
    }

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
