/// The order in which a DataLoader visits its dataset: indices cut into
/// batches, shuffled anew on every pass when asked (fastai's DataLoader).
public struct BatchSampler: Sendable {
    public let count: Int
    public let batchSize: Int
    public let shuffle: Bool
    public let dropLast: Bool

    public init(count: Int, batchSize: Int, shuffle: Bool, dropLast: Bool) {
        self.count = max(0, count)
        self.batchSize = max(1, batchSize)
        self.shuffle = shuffle
        self.dropLast = dropLast
    }

    /// `len(dl)`: the number of batches per pass.
    public var batchCount: Int {
        dropLast ? count / batchSize : (count + batchSize - 1) / batchSize
    }

    /// The batches of one pass. `seed` drives the shuffle (drawn from the
    /// engine's generator by the caller, so `manual_seed` fixes the order).
    public func batches(seed: UInt64) -> [[Int]] {
        var order = Array(0..<count)
        if shuffle {
            var rng = SplitMix64(seed: seed)
            // Fisher-Yates.
            if count > 1 {
                for i in stride(from: count - 1, to: 0, by: -1) {
                    let j = Int(rng.next() % UInt64(i + 1))
                    order.swapAt(i, j)
                }
            }
        }
        var result: [[Int]] = []
        result.reserveCapacity(batchCount)
        var start = 0
        while start < count {
            let end = min(start + batchSize, count)
            if end - start < batchSize && dropLast { break }
            result.append(Array(order[start..<end]))
            start = end
        }
        return result
    }
}

/// A small, fast, well-mixed generator for shuffling (Steele et al.).
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
