import KindlingEngine

/// GFLOP/s of each AVX2 kernel method on the matrix product shapes
/// (`kindling-bench methods`), wall time (best of 100 short rounds, so a
/// loaded machine still shows the uncontended speed) so one and two
/// threads compare fairly; meaningful only on an idle machine.
enum KernelMethodBench {
    static func run() {
        print("AVX2 kernel methods (GFLOP/s; load average \(loadAverage()))")
        let methods: [(String, VectorKernelMethod)] = [
            ("broadcast", .broadcast), ("packed", .packedBroadcast), ("dot", .dot),
        ]
        var table = Table(["shape"] + methods.flatMap { ["\($0.0) 1", "\($0.0) 2"] })
        for item in MatmulBench.cases where Double(item.m) * Double(item.n) * Double(item.k) < 1e8 {
            let a = MatmulBench.randomBuffer(item.m * item.k)
            let b = MatmulBench.randomBuffer(item.k * item.n)
            let c = UnsafeMutablePointer<Float>.allocate(capacity: item.m * item.n)
            defer { a.deallocate(); b.deallocate(); c.deallocate() }
            let flops = 2 * Double(item.m) * Double(item.n) * Double(item.k)
            var row = [item.label]
            for (_, method) in methods {
                let fits: Bool
                switch method {
                case .broadcast: fits = !item.transB && item.n >= 16
                case .dot: fits = item.transB && !item.transA
                default: fits = !(item.transA && item.transB)
                }
                for parts in [1, 2] {
                    guard fits else { row.append("-"); continue }
                    let seconds = secondsPerCall(rounds: 100, roundSeconds: 0.001, clock: .wall) {
                        Gemm.sgemm(path: .vectorKernel(parts: parts, method: method),
                                   transA: item.transA, transB: item.transB,
                                   m: item.m, n: item.n, k: item.k, alpha: 1,
                                   a: a, lda: item.transA ? item.m : item.k,
                                   b: b, ldb: item.transB ? item.k : item.n,
                                   beta: 0, c: c, ldc: item.n)
                    }
                    row.append(format(flops / seconds / 1e9))
                }
            }
            table.add(row)
        }
        print(table.render())
        print("worker: \(Gemm.workerStatistics)")
    }
}

/// `kindling-bench split`: the lesson's products on one and on two threads
/// (in the automatic path's number of parts, at least 2),
/// one second each, wall time per call and the worker's counters (how often
/// the second thread really took its half).
enum SplitBench {
    static func run() {
        print("Products split over two threads (wall time per call; load average \(loadAverage()))")
        var table = Table(["shape", "1 thread", "2 threads", "speed-up", "worker took"])
        for item in MatmulBench.cases where [5, 30, 256, 784].contains(item.m) && item.k > 5 || item.k == 5 && item.m == 30 {
            let a = MatmulBench.randomBuffer(item.m * item.k)
            let b = MatmulBench.randomBuffer(item.k * item.n)
            let c = UnsafeMutablePointer<Float>.allocate(capacity: item.m * item.n)
            defer { a.deallocate(); b.deallocate(); c.deallocate() }
            func time(_ parts: Int) -> Double {
                secondsPerCall(rounds: 20, roundSeconds: 0.02, clock: .wall) {
                    Gemm.sgemm(path: .vectorKernel(parts: parts), transA: item.transA, transB: item.transB,
                               m: item.m, n: item.n, k: item.k, alpha: 1,
                               a: a, lda: item.transA ? item.m : item.k,
                               b: b, ldb: item.transB ? item.k : item.n, beta: 0, c: c, ldc: item.n)
                }
            }
            let one = time(1)
            let before = Gemm.workerCounters
            let two = time(max(2, Gemm.automaticThreads(transA: item.transA, transB: item.transB,
                                                        m: item.m, n: item.n, k: item.k)))
            let after = Gemm.workerCounters
            let jobs = after.jobs - before.jobs, taken = after.workerParts - before.workerParts
            table.add([item.label, formatDuration(one), formatDuration(two), format(one / two, decimals: 2) + "x",
                       jobs == 0 ? "-" : "\(taken * 100 / jobs)% of jobs"])
        }
        print(table.render())
        print("worker: \(Gemm.workerStatistics)")
    }
}
