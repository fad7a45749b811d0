import KindlingKernelsAVX2

/// Kindling's AVX2 + FMA product kernels (target KindlingKernelsAVX2), run
/// on one thread or split between the caller and `GemmWorker`. Used for the
/// skinny and small products of the lessons' training steps, where they beat
/// single-threaded OpenBLAS (and its threads, which slow such shapes down).
enum VectorGemm {
    /// Whether this CPU runs the kernels (AVX2 and FMA, enabled by the OS).
    static let available: Bool = CPUFeatures.current.avx2 && CPUFeatures.current.fma

    /// Products with at least this many multiply-adds are split in two.
    /// Below, the handoff and the other core's cache misses on operands that
    /// sit in the caller's cache eat the gain (the batch-size-5 products,
    /// 118K multiply-adds, about 3 us, stay on one core).
    static let splitMinimum = 1 << 18
    /// Products this large (multiply-adds) with every side at least
    /// `blasMinimumSide` long go to BLAS, whose packing and cache blocking
    /// pay off there.
    static let blasMinimumProduct = 1 << 26
    static let blasMinimumSide = 128

    /// Whether `.automatic` gives this product to these kernels: skinny and
    /// mid-size ones (from `splitMinimum` multiply-adds, where both cores
    /// help) and A @ B with a long k. Measured single-threaded, OpenBLAS's
    /// small-matrix path wins below that (the batch-size-5 products:
    /// 5x784 @ (30x784)^T at 80 against 68 GFLOP/s, (5x30)^T @ 5x784 at 68
    /// against 51), and its packing pays off on large square-ish products.
    /// Without a BLAS library the kernels take every shape they can.
    static func suits(transA: Bool, transB: Bool, m: Int, n: Int, k: Int) -> Bool {
        guard available, !(transA && transB), m > 0, n > 0, k > 0 else { return false }
        guard BLASLibrary.shared != nil else { return true }
        let multiplyAdds = Double(m) * Double(n) * Double(k)
        if multiplyAdds >= Double(blasMinimumProduct) && min(m, n, k) >= blasMinimumSide { return false }
        return multiplyAdds >= Double(splitMinimum) || (!transA && !transB && k >= longDepth)
    }

    /// A @ B products at least this deep run faster here at any size
    /// (5x784 @ 784x30: 62 against 41 GFLOP/s).
    static let longDepth = 256

    /// Multiply-adds per part when a product is split in more than two.
    static let partSize = 1 << 19

    /// The parts `.automatic` splits this product into: 2, or up to 8 for
    /// large ones, so the thread with the operands in its cache (the caller)
    /// takes more of them than the one that must fetch them.
    static func automaticParts(m: Int, n: Int, k: Int) -> Int {
        let multiplyAdds = Double(m) * Double(n) * Double(k)
        guard Gemm.vectorThreadsEnabled, multiplyAdds >= Double(splitMinimum) else { return 1 }
        return Int(min(8, max(2, multiplyAdds / Double(partSize))))
    }

    /// Runs the product in `parts` parts (1: on the caller only); false (and
    /// nothing written) when the kernels cannot take it.
    static func sgemm(parts: Int, method: AVX2GemmMethod? = nil,
                      transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                      alpha: Float, a: UnsafePointer<Float>, lda: Int,
                      b: UnsafePointer<Float>, ldb: Int,
                      beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) -> Bool {
        guard available, let plan = AVX2GemmPlan(transA: transA, transB: transB, m: m, n: n, k: k,
                                                 alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                                                 beta: beta, c: c, ldc: ldc, method: method) else {
            return false
        }
        // Split the longer side of C: rows in 6-row tiles, columns in 16-column strips.
        let splitRows = m >= n
        let unit = splitRows ? 6 : 16
        let units = ((splitRows ? m : n) + unit - 1) / unit
        let count = min(max(parts, 1), units)
        if count <= 1 {
            plan.run(rows: 0..<m, cols: 0..<n)
            return true
        }
        let body: (Int) -> Void = { part in
            let first = units * part / count * unit, last = units * (part + 1) / count * unit
            if splitRows {
                plan.run(rows: first..<last, cols: 0..<n)
            } else {
                plan.run(rows: 0..<m, cols: first..<last)
            }
        }
        if #available(macOS 15.0, *) {
            GemmWorker.shared.run(parts: count, body)
        } else {
            for part in 0..<count { body(part) }
        }
        return true
    }
}

extension Gemm {
    /// Counters of the product worker thread since start-up, e.g.
    /// "jobs 940, worker parts 900, wake-ups 3, cooldowns 0" (diagnostics).
    public static var workerStatistics: String {
        guard #available(macOS 15.0, *) else { return "no worker thread" }
        let s = GemmWorker.shared
        return "jobs \(s.jobCount.load(ordering: .relaxed)), worker parts \(s.workerParts.load(ordering: .relaxed)), "
            + "wake-ups \(s.wakeups.load(ordering: .relaxed)), cooldowns \(s.cooldowns.load(ordering: .relaxed))"
    }
}

extension Gemm {
    /// The worker's counters: jobs posted to it and parts it ran.
    public static var workerCounters: (jobs: Int, workerParts: Int) {
        guard #available(macOS 15.0, *) else { return (0, 0) }
        let s = GemmWorker.shared
        return (s.jobCount.load(ordering: .relaxed), s.workerParts.load(ordering: .relaxed))
    }
}

extension VectorKernelMethod {
    var avx2Method: AVX2GemmMethod? {
        switch self {
        case .automatic: return nil
        case .broadcast: return .broadcast
        case .packedBroadcast: return .packedBroadcast
        case .dot: return .dot
        }
    }
}
