#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KindlingRandomCore

/// Saving and restoring a generator in the byte layout of PyTorch's `CPUGeneratorImplState`
/// (what `torch.get_rng_state()` returns), so states move between the two as bytes.
///
/// Layout (little-endian, 5056 bytes): initial seed (u64), `left` (i32, draws until the next
/// twist plus one), `seeded` (i32), `next` (u64, index of the next word), the 624 words as u64,
/// the cached double normal as `normal_x`/`normal_y`/`normal_rho` (f64) with `normal_is_valid`
/// (i32) and padding, then a cached float normal (f32) and its flag (u8), padded to 8 bytes.
extension RandomGenerator {
    public static let stateByteCount = 5056

    /// The generator's state as PyTorch 2.15 lays it out.
    public func stateBytes() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(Self.stateByteCount)
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        put(initialSeed)
        let position = core.position
        // ATen counts down `left` to the next twist; a fresh seed has left = 1 and next = 0.
        put(Int32(MT19937.wordCount + 1 - position))
        put(Int32(1))
        put(UInt64(position == MT19937.wordCount && isFreshlySeeded ? 0 : position))
        for w in core.words { put(UInt64(w)) }
        put(UInt64(0))                                   // normal_x
        put((cachedNormal ?? 0).bitPattern)              // normal_y
        put(UInt64(0))                                   // normal_rho
        put(Int32(cachedNormal == nil ? 0 : 1))          // normal_is_valid
        put(Int32(0))                                    // padding
        put(Float(0).bitPattern)                         // next_float_normal_sample
        out.append(0)                                    // is_next_float_normal_sample_valid
        out.append(contentsOf: [0, 0, 0])
        return out
    }

    /// True right after seeding (no draw since): ATen then stores next = 0.
    var isFreshlySeeded: Bool { core.position == MT19937.wordCount && core.words == MT19937(seed: UInt32(truncatingIfNeeded: initialSeed)).words }

    /// Restores a state `stateBytes()` (or PyTorch's `get_rng_state()`) produced.
    public func restore(stateBytes bytes: [UInt8]) throws {
        guard bytes.count == Self.stateByteCount else {
            throw TensorError(.runtimeError,
                "Expected a CPUGeneratorImplState of size \(Self.stateByteCount) but found the input RNG state size to be \(bytes.count)")
        }
        func read<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T {
            var v: T = 0
            withUnsafeMutableBytes(of: &v) { raw in
                for i in 0..<MemoryLayout<T>.size { raw[i] = bytes[offset + i] }
            }
            return T(littleEndian: v)
        }
        let left = Int(read(8, Int32.self))
        guard left >= 1 && left <= MT19937.wordCount else {
            throw TensorError(.runtimeError, "The invalid state of the generator: left must be between 1 and 624, got \(left)")
        }
        let wordsStart = 24
        var words = [UInt32](repeating: 0, count: MT19937.wordCount)
        for i in 0..<MT19937.wordCount {
            words[i] = UInt32(truncatingIfNeeded: read(wordsStart + 8 * i, UInt64.self))
        }
        let normalStart = wordsStart + 8 * MT19937.wordCount
        let normalValid = read(normalStart + 24, Int32.self) != 0
        initialSeed = read(0, UInt64.self)
        var restored = MT19937(seed: 0)
        restored.words = words
        restored.position = MT19937.wordCount + 1 - left
        core = restored
        cachedNormal = normalValid ? Double(bitPattern: read(normalStart + 8, UInt64.self)) : nil
    }

    /// `torch.seed()` / `Generator.seed()`: reseeds from the system's entropy and returns the
    /// seed. ATen draws 64 bits; this draws 63 so the seed stays a Python int Kindling can hold.
    public func seedNondeterministically() -> UInt64 {
        var rng = SystemRandomNumberGenerator()
        let seed = rng.next() & ((1 << 63) - 1)
        reseed(seed)
        return seed
    }
}
