import KindlingEngine

/// Microseconds per call of small tensor ops: the per-op overhead that
/// dominates the lesson's batch-size-5 training.
enum OpBench {
    /// Runs the cases whose name contains one of `filters` (all when empty).
    static func run(filters: [String] = []) throws {
        RandomGenerator.manualSeed(0)
        let a = try Tensor.randn([5, 30]), b = try Tensor.randn([5, 30]), bias = try Tensor.randn([30])
        let x = try Tensor.randn([5, 784])
        let w = try Tensor.randn([30, 784]).requiresGrad_()
        let w1 = try Tensor.randn([784, 30]).requiresGrad_()
        let b1 = try Tensor.zeros([30]).requiresGrad_()
        let logits = try Tensor.randn([5, 10])
        let data = try Tensor.randn([6000, 784])
        let batch = try Tensor(shape: [64], ints: (0..<64).map { Int64(($0 * 937) % 6000) })
        let mask = try Tensor.binary(.gt, .tensor(a), .scalar(.float(0)))

        let cases: [(String, () throws -> Void)] = [
            ("add 5x30 + 5x30", { _ = try Tensor.binary(.add, .tensor(a), .tensor(b)) }),
            ("add 5x30 + bias 30 (broadcast)", { _ = try Tensor.binary(.add, .tensor(a), .tensor(bias)) }),
            ("mul 5x30 * scalar", { _ = try Tensor.binary(.mul, .tensor(a), .scalar(.float(2))) }),
            ("sum 5x30", { _ = try a.sum() }),
            ("relu 5x30", { _ = try a.relu() }),
            ("x[0] (select view)", { _ = try a.index([.int(0)]) }),
            ("x[mask] 5x30", { _ = try a.index([.tensor(mask)]) }),
            ("x[idx] 64 rows of 6000x784", { _ = try data.index([.tensor(batch)]) }),
            ("cat 2 x 5x30", { _ = try Tensor.cat([a, b]) }),
            ("softmax 5x10", { _ = try logits.softmax(dim: 1) }),
            ("log_softmax 5x10", { _ = try logits.logSoftmax(dim: 1) }),
            ("matmul 5x784 @ 784x30", { _ = try x.matmul(w1.detach()) }),
            ("Linear fwd+bwd: x @ w.t() + b, sum", {
                let y = try Tensor.binary(.add, .tensor(try x.matmul(try w.t())), .tensor(b1))
                try y.sum().backward()
                w.grad = nil
                b1.grad = nil
            }),
            ("lesson step fwd+bwd: (x@w1+b1).relu().mean()", {
                let y = try Tensor.binary(.add, .tensor(try x.matmul(w1)), .tensor(b1)).relu()
                try y.mean().backward()
                w1.grad = nil
                b1.grad = nil
            }),
        ]
        print("\nPer-op time on small tensors (microseconds of thread CPU time per call, best of 3 rounds; load average \(loadAverage()))")
        var table = Table(["op", "us/op"])
        for (name, body) in cases where filters.isEmpty || filters.contains(where: { name.contains($0) }) {
            var failure: Error? = nil
            let seconds = secondsPerCall(roundSeconds: 0.05) {
                do { try body() } catch { failure = error }
            }
            if let failure { throw failure }
            table.add([name, format(seconds * 1e6, decimals: 2)])
        }
        print(table.render())
    }
}
