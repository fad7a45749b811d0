import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// A `DataLoader` (fastai's, and torch.utils.data's with torch's defaults):
/// batches of a dataset in order or shuffled anew each pass, collated.
/// Lists of tensors or of tuples of tensors are gathered in Swift
/// (`TensorColumns`), without the interpreter.
final class DataLoaderObject: PyObject {
    let dataset: Value
    let sampler: BatchSampler
    /// The dataset as tensor columns when every item is a tensor or a tuple
    /// of tensors (snapshot at creation).
    let columns: TensorColumns?
    /// Items are single tensors (batches are a tensor, not a tuple).
    let singleTensor: Bool
    let torchStyle: Bool
    /// fastai's `self.rng`: a `random.Random` seeded from Python's global
    /// `random` when the loader is made, reseeded from itself each pass.
    var passRNG: MersenneTwister
    /// torch's `DataLoader(generator=g)`: the base seed and the shuffle are drawn from `g`
    /// (its sampler permutes with `g` itself) instead of the global generator.
    var generator: RandomGenerator?

    init(dataset: Value, batchSize: Int, shuffle: Bool, dropLast: Bool, torchStyle: Bool, pyClass: PyClass) throws {
        self.dataset = dataset
        let count = try Runtime.length(dataset)
        self.sampler = BatchSampler(count: count, batchSize: batchSize, shuffle: shuffle, dropLast: dropLast)
        self.torchStyle = torchStyle
        var single = false
        var cols: TensorColumns? = nil
        if let td = dataset.as(TensorDatasetObject.self) {
            if count > 0 { cols = TensorColumns(columns: try td.rowViews()) }
        } else if let list = dataset.as(PyList.self) ?? dataset.as(LObject.self)?.list, !list.items.isEmpty {
            if list.items.allSatisfy({ $0.tensorValue != nil }) {
                single = true
                cols = TensorColumns(columns: [list.items.compactMap { $0.tensorValue }])
            } else {
                var rows: [[Tensor]] = []
                rows.reserveCapacity(list.items.count)
                for item in list.items {
                    guard let t = item.as(PyTuple.self) else { rows = []; break }
                    let tensors = t.items.compactMap { $0.tensorValue }
                    guard tensors.count == t.items.count else { rows = []; break }
                    rows.append(tensors)
                }
                cols = rows.isEmpty ? nil : TensorColumns(rows: rows)
            }
        }
        self.columns = cols
        self.singleTensor = single
        passRNG = MersenneTwister(seed: torchStyle ? 0 : try FastaiShuffle.seedFromPythonRandom())
        super.init(pyClass: pyClass)
    }

    var batchCount: Int { sampler.batchCount }

    /// The index batches of a new pass (a shuffle seed drawn from the engine's
    /// generator, so `torch.manual_seed` fixes the order).
    func newPass() -> [[Int]] {
        passRNG = MersenneTwister(seed: passRNG.below(1 << 32))
        let order = sampler.shuffle ? FastaiShuffle.sample(passRNG, sampler.count) : Array(0..<sampler.count)
        // fastai iterates a torch DataLoader underneath, which draws its base seed.
        _ = RandomGenerator.global.nextInt64Seed()
        return FastaiShuffle.chunks(order, sampler)
    }

    /// The collated batch at `indices`; `next` (the batch that follows in
    /// this pass) starts being copied ahead.
    func batch(_ indices: [Int], next: [Int]? = nil) throws -> Value {
        if let columns {
            let tensors = try columns.batch(indices, next: next)
            if singleTensor { return .tensor(tensors[0]) }
            let items = tensors.map { Value.tensor($0) }
            return torchStyle ? .object(PyList(items)) : .object(PyTuple(items))
        }
        let samples = try indices.map { i -> Value in
            if let r = dataset.as(PyRange.self) { return .int(r.element(i)) }
            return try Runtime.getItem(dataset, .int(i))
        }
        return try Collate.collate(samples, tuplesAsLists: torchStyle)
    }

    /// A Python iterator over one pass. torch's loader draws from the global
    /// generator as PyTorch's does: the iterator's base seed when it is made,
    /// then (shuffling) the sampler's seed at the first batch, which seeds the
    /// `randperm` giving the order.
    func makeIterator() -> PyIterator {
        guard torchStyle else { return iterator(over: newPass()) }
        _ = (generator ?? RandomGenerator.global).nextInt64Seed()
        var batches: [[Int]]? = nil
        var i = 0
        return ClosureIterator { [self] in
            if batches == nil { batches = torchPass() }
            guard let batches, i < batches.count else { return nil }
            i += 1
            return try batch(batches[i - 1], next: i < batches.count ? batches[i] : nil)
        }
    }

    /// One pass of torch's `RandomSampler`/`SequentialSampler` in `BatchSampler`s.
    func torchPass() -> [[Int]] {
        var order = Array(0..<sampler.count)
        if let generator, sampler.shuffle {
            order = generator.permutation(sampler.count)
            // RandomSampler's generator then draws the (empty) remainder `randperm(n)[:0]`
            // when the pass exhausts it; drawn here up front.
            _ = generator.permutation(sampler.count)
        } else if sampler.shuffle {
            order = RandomGenerator(seed: RandomGenerator.global.nextInt64Seed()).permutation(sampler.count)
        }
        return FastaiShuffle.chunks(order, sampler)
    }

    private func iterator(over batches: [[Int]]) -> PyIterator {
        var i = 0
        return ClosureIterator { [self] in
            guard i < batches.count else { return nil }
            i += 1
            return try batch(batches[i - 1], next: i < batches.count ? batches[i] : nil)
        }
    }

    /// The same batches for the Swift training loop: `(x, y)` tensors.
    var batchSource: BatchSource {
        BatchSource(count: batchCount) { [self] in
            let batches = newPass()
            var i = 0
            return {
                guard i < batches.count else { return nil }
                i += 1
                let indices = batches[i - 1], next = i < batches.count ? batches[i] : nil
                if let columns = self.columns, !self.singleTensor, columns.columns.count == 2 {
                    let t = try columns.batch(indices, next: next)
                    return Batch(x: t[0], y: t[1])
                }
                return try DataLoaderObject.splitBatch(try self.batch(indices, next: next))
            }
        }
    }

    /// A collated batch as `(x, y)`: fastai's `n_inp = 1`.
    static func splitBatch(_ v: Value) throws -> Batch {
        var items: [Value] = []
        if let t = v.as(PyTuple.self) { items = t.items } else if let l = v.as(PyList.self) { items = l.items }
        guard items.count == 2, let x = items[0].tensorValue, let y = items[1].tensorValue else {
            throw pyError(.valueError,
                "Learner needs batches of (input, target) tensors; this DataLoader yields \(v.typeName) batches")
        }
        return Batch(x: x, y: y)
    }
}
