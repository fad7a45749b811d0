/// The MT19937 Mersenne Twister (Matsumoto & Nishimura's reference `mt19937ar.c`): state,
/// seeding, twist and tempering, shared by the three libraries that draw from it. Each
/// library keeps its own conversions on top: torch's CPU generator (`init(seed:)`),
/// numpy's legacy `RandomState` (`init(seed:)`) and CPython's `random` (`init(key:)`).
public struct MT19937 {
    @usableFromInline static let size = 624
    @usableFromInline var state: [UInt32]
    @usableFromInline var index: Int

    /// `init_genrand(seed)`.
    public init(seed: UInt32) {
        var s = [UInt32](repeating: 0, count: MT19937.size)
        s[0] = seed
        for i in 1..<MT19937.size {
            s[i] = 1_812_433_253 &* (s[i - 1] ^ (s[i - 1] >> 30)) &+ UInt32(i)
        }
        state = s
        index = MT19937.size
    }

    /// `init_by_array(key)`; an empty key is read as `[0]`, as CPython does.
    public init(key: [UInt32]) {
        self.init(seed: 19_650_218)
        let key = key.isEmpty ? [0] : key
        let n = MT19937.size
        var i = 1, j = 0
        var k = max(n, key.count)
        while k > 0 {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(truncatingIfNeeded: j)
            i += 1; j += 1
            if i >= n { state[0] = state[n - 1]; i = 1 }
            if j >= key.count { j = 0 }
            k -= 1
        }
        k = n - 1
        while k > 0 {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= n { state[0] = state[n - 1]; i = 1 }
            k -= 1
        }
        state[0] = 0x8000_0000
        index = n
    }

    /// The next tempered 32-bit output (`genrand_int32`).
    @inlinable
    public mutating func nextUInt32() -> UInt32 {
        if index >= MT19937.size { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// Regenerates all 624 words of state.
    @usableFromInline
    mutating func twist() {
        let n = MT19937.size
        for i in 0..<n {
            let y = (state[i] & 0x8000_0000) | (state[(i + 1) % n] & 0x7fff_ffff)
            var v = state[(i + 397) % n] ^ (y >> 1)
            if y & 1 != 0 { v ^= 0x9908_b0df }
            state[i] = v
        }
        index = 0
    }
}
