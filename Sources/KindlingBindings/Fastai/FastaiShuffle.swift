import KindlingLanguage
import KindlingTraining

/// The index orders fastai's `DataLoader` produces: `random.Random.sample`
/// of the indices with a generator reseeded each pass (`DataLoader.randomize`
/// and `shuffle_fn`), so a `random.seed` gives fastai's batches.
enum FastaiShuffle {
    /// `random.randint(0, 2**32 - 1)` on the script's global `random`, as fastai's loader seeds itself.
    static func seedFromPythonRandom() throws -> Int {
        guard let interp = Interpreter.current else { return 0 }
        let random = try interp.importModule("random")
        guard let randint = random["randint"] else { return 0 }
        return try Runtime.call(randint, [.int(0), .int(Int(UInt32.max))]).asInt()
    }

    /// `rng.sample(range(n), n)` (CPython's pool algorithm, which `k == n` always takes).
    static func sample(_ rng: MersenneTwister, _ n: Int) -> [Int] {
        var pool = Array(0..<n)
        var result = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let j = rng.below(n - i)
            result[i] = pool[j]
            pool[j] = pool[n - i - 1]
        }
        return result
    }

    /// The batches of one pass over `order`.
    static func chunks(_ order: [Int], _ sampler: BatchSampler) -> [[Int]] {
        stride(from: 0, to: order.count, by: sampler.batchSize).compactMap { start in
            let end = min(start + sampler.batchSize, order.count)
            return end - start < sampler.batchSize && sampler.dropLast ? nil : Array(order[start..<end])
        }
    }
}
