import KindlingEngine

/// One matrix product shape as the lesson uses it: C[m x n] = op(A) @ op(B).
struct MatmulCase {
    var label: String
    var m: Int, n: Int, k: Int
    var transA = false, transB = false
}

/// GFLOP/s of each product shape through each path.
enum MatmulBench {
    static let cases: [MatmulCase] = [
        MatmulCase(label: "5x784 @ 784x30 (forward, batch 5)", m: 5, n: 30, k: 784),
        MatmulCase(label: "5x30 @ 30x10 (forward, batch 5)", m: 5, n: 10, k: 30),
        MatmulCase(label: "5x784 @ (30x784)^T (Linear forward)", m: 5, n: 30, k: 784, transB: true),
        MatmulCase(label: "(5x784)^T @ 5x30 (weight grad)", m: 784, n: 30, k: 5, transA: true),
        MatmulCase(label: "5x30 @ (784x30)^T (input grad)", m: 5, n: 784, k: 30, transB: true),
        MatmulCase(label: "(5x30)^T @ 5x784 (Linear weight grad)", m: 30, n: 784, k: 5, transA: true),
        MatmulCase(label: "5x10 @ (30x10)^T (input grad)", m: 5, n: 30, k: 10, transB: true),
        MatmulCase(label: "256x784 @ (30x784)^T (Linear forward)", m: 256, n: 30, k: 784, transB: true),
        MatmulCase(label: "(256x30)^T @ 256x784 (Linear weight grad)", m: 30, n: 784, k: 256, transA: true),
        MatmulCase(label: "256x30 @ (10x30)^T (Linear forward)", m: 256, n: 10, k: 30, transB: true),
        MatmulCase(label: "(256x10)^T @ 256x30 (Linear weight grad)", m: 10, n: 30, k: 256, transA: true),
        MatmulCase(label: "256x10 @ 10x30 (input grad)", m: 256, n: 30, k: 10),
        MatmulCase(label: "256x30 @ (1x30)^T (Linear forward)", m: 256, n: 1, k: 30, transB: true),
        MatmulCase(label: "(784x256) @ 256x30 (x.t() @ g)", m: 784, n: 30, k: 256, transA: true),
        MatmulCase(label: "64x784 @ 784x30", m: 64, n: 30, k: 784),
        MatmulCase(label: "256x784 @ 784x30", m: 256, n: 30, k: 784),
        MatmulCase(label: "33600x784 @ 784x30", m: 33600, n: 30, k: 784),
        MatmulCase(label: "(33600x784)^T @ 33600x30 (grad)", m: 784, n: 30, k: 33600, transA: true),
        MatmulCase(label: "1024x1024 @ 1024x1024", m: 1024, n: 1024, k: 1024),
    ]

    static func run() {
        let loadStart = now()
        let backend = Gemm.backendDescription
        let loadMs = (now() - loadStart) * 1000
        print("Matrix products (GFLOP/s; time per product for the automatic path)")
        print("backend: \(backend); loaded in \(format(loadMs)) ms; load average \(loadAverage())")
        print("single-threaded columns use thread CPU time, threaded ones wall time")
        var table = Table(["shape", "auto time", "auto threads", "auto", "own kernel", "BLAS 1 thread", "BLAS 2 threads",
                                     "AVX2 1 thread", "AVX2 2 threads"])
        for item in cases {
            let big = Double(item.m) * Double(item.n) * Double(item.k) > 1e9
            let roundSeconds = big ? 0.3 : 0.05
            let automaticThreads = Gemm.automaticThreads(transA: item.transA, transB: item.transB,
                                                         m: item.m, n: item.n, k: item.k)
            let a = randomBuffer(item.m * item.k)
            let b = randomBuffer(item.k * item.n)
            let c = UnsafeMutablePointer<Float>.allocate(capacity: item.m * item.n)
            defer { a.deallocate(); b.deallocate(); c.deallocate() }
            func time(_ path: GemmPath) -> Double {
                // Single-threaded paths are timed on the thread's CPU clock (robust
                // to other processes); threaded ones need the wall clock.
                let threads: Int
                switch path {
                case .ownKernel: threads = 1
                case .blas(let count): threads = count ?? 1
                case .vectorKernel(let parts, _): threads = parts
                case .automatic: threads = automaticThreads
                }
                return secondsPerCall(roundSeconds: roundSeconds, clock: threads > 1 ? .wall : .threadCPU) {
                    Gemm.sgemm(path: path, transA: item.transA, transB: item.transB,
                               m: item.m, n: item.n, k: item.k, alpha: 1,
                               a: a, lda: item.transA ? item.m : item.k,
                               b: b, ldb: item.transB ? item.k : item.n,
                               beta: 0, c: c, ldc: item.n)
                }
            }
            let flops = 2 * Double(item.m) * Double(item.n) * Double(item.k)
            func gflops(_ seconds: Double) -> String { format(flops / seconds / 1e9) }
            let auto = time(.automatic)
            let own = time(.ownKernel)
            let one = time(.blas(threads: 1))
            let two = time(.blas(threads: 2))
            let vector1 = time(.vectorKernel(parts: 1))
            let vector2 = time(.vectorKernel(parts: 2))
            table.add([item.label, formatDuration(auto), "\(automaticThreads)",
                       gflops(auto), gflops(own), gflops(one), gflops(two), gflops(vector1), gflops(vector2)])
        }
        print(table.render())
    }

    static func randomBuffer(_ count: Int) -> UnsafeMutablePointer<Float> {
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
        var state: UInt32 = 12345
        for index in 0..<count {
            state = state &* 1_664_525 &+ 1_013_904_223
            buffer[index] = Float(state >> 8) / Float(1 << 24) - 0.5
        }
        return buffer
    }
}

/// "8.7 us", "40.1 ms".
func formatDuration(_ seconds: Double) -> String {
    if seconds < 1e-3 { return format(seconds * 1e6) + " us" }
    if seconds < 1 { return format(seconds * 1e3) + " ms" }
    return format(seconds) + " s"
}
