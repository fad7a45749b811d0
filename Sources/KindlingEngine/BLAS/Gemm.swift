#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which implementation computes a matrix product (for benchmarks and tests;
/// everything else uses `.automatic`).
public enum GemmPath: Sendable, Equatable {
    /// Kindling's choice: the AVX2 kernels for small and skinny products,
    /// otherwise BLAS with a thread count chosen from the shape (the baseline
    /// kernel below `Gemm.smallProductLimit` or without BLAS).
    case automatic
    /// Kindling's own kernels (small-matrix kernel, blocked for large shapes).
    case ownKernel
    /// BLAS with this many threads (nil: the shape-based choice); falls back to
    /// the own kernel when no BLAS library can be loaded.
    case blas(threads: Int?)
    /// Kindling's AVX2 + FMA kernels split in `parts` parts over the caller
    /// and a worker thread (1: caller only), with a chosen kernel method;
    /// falls back to `.ownKernel` on CPUs without AVX2 and FMA, for both
    /// operands transposed, and when `method` does not fit the layout.
    case vectorKernel(parts: Int, method: VectorKernelMethod = .automatic)
}

/// The kernel method of `GemmPath.vectorKernel` (see `AVX2GemmMethod`).
public enum VectorKernelMethod: Sendable, Equatable {
    case automatic, broadcast, packedBroadcast, dot
}

/// Single-precision matrix product C = alpha * op(A) * op(B) + beta * C on
/// row-major buffers, op(X) = X or its transpose. op(A) is m x k, op(B) is
/// k x n, C is m x n; `lda`, `ldb`, `ldc` are the row strides (in elements) of
/// the buffers as stored. When beta == 0, C is only written, never read.
///
/// On CPUs with AVX2 and FMA, skinny and mid-size products (a batch-256
/// training step's) run on Kindling's AVX2 kernels (`VectorGemm`), split over
/// both cores; tiny ones and large square-ish ones go to OpenBLAS, loaded
/// lazily (see `BLASLibrary`). Without AVX2, products go to OpenBLAS,
/// single-threaded for the skinny shapes its threads slow down. The baseline
/// kernel (SSE vectors, `BlockedGemm`) takes empty products, calls BLAS would
/// reject, and everything when no BLAS loads. For comparisons,
/// `KINDLING_GEMM=blas` in the environment turns the AVX2 kernels off and
/// `KINDLING_GEMM=single` keeps them on the calling thread.
public enum Gemm {
    /// Products with at most this many multiply-adds use the own kernel.
    static let smallProductLimit = 0
    /// Products with fewer multiply-adds than this, or with a side shorter than
    /// `minimumSideForThreads`, run BLAS single-threaded.
    static let threadedProductMinimum = 1 << 24
    static let minimumSideForThreads = 128

    public static func sgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                             alpha: Float, a: UnsafePointer<Float>, lda: Int,
                             b: UnsafePointer<Float>, ldb: Int,
                             beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        sgemm(path: .automatic, transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
              a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }

    /// `sgemm` through a chosen implementation (benchmarks and tests).
    public static func sgemm(path: GemmPath, transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                             alpha: Float, a: UnsafePointer<Float>, lda: Int,
                             b: UnsafePointer<Float>, ldb: Int,
                             beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        guard m > 0, n > 0 else { return }
        let multiplyAdds = Double(m) * Double(n) * Double(k)
        var threads: Int? = nil
        switch path {
        case .ownKernel:
            break
        case .vectorKernel(let parts, let method):
            if alpha != 0, VectorGemm.sgemm(parts: parts, method: method.avx2Method,
                                            transA: transA, transB: transB, m: m, n: n, k: k,
                                            alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                                            beta: beta, c: c, ldc: ldc) { return }
        case .automatic:
            if vectorKernelsEnabled, alpha != 0, VectorGemm.suits(transA: transA, transB: transB, m: m, n: n, k: k),
               VectorGemm.sgemm(parts: VectorGemm.automaticParts(m: m, n: n, k: k),
                                transA: transA, transB: transB, m: m, n: n, k: k,
                                alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                                beta: beta, c: c, ldc: ldc) { return }
            if multiplyAdds > Double(smallProductLimit) { threads = threadCount(m: m, n: n, k: k) }
        case .blas(let requested):
            threads = requested ?? threadCount(m: m, n: n, k: k)
        }
        if let threads, let blas = BLASLibrary.shared,
           blasAccepts(transA: transA, transB: transB, m: m, n: n, k: k, lda: lda, ldb: ldb, ldc: ldc) {
            blas.setThreads(threads)
            blas.sgemm(BLASLibrary.rowMajor,
                       transA ? BLASLibrary.trans : BLASLibrary.noTrans,
                       transB ? BLASLibrary.trans : BLASLibrary.noTrans,
                       Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb),
                       beta, c, Int32(ldc))
            return
        }
        BlockedGemm.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                          a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }

    /// False when `KINDLING_GEMM=blas` turns the AVX2 kernels off.
    static let vectorKernelsEnabled: Bool = environment("KINDLING_GEMM") != "blas"
    /// False when `KINDLING_GEMM=single` keeps the AVX2 kernels on one thread.
    static let vectorThreadsEnabled: Bool = environment("KINDLING_GEMM") != "single"

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The threads `.automatic` uses for this shape (1 when it stays in
    /// the baseline kernel); for the AVX2 kernels, the parts it splits the
    /// product into (run on 2 threads).
    public static func automaticThreads(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int) -> Int {
        if vectorKernelsEnabled && VectorGemm.suits(transA: transA, transB: transB, m: m, n: n, k: k) {
            return VectorGemm.automaticParts(m: m, n: n, k: k)
        }
        if Double(m) * Double(n) * Double(k) <= Double(smallProductLimit) || BLASLibrary.shared == nil { return 1 }
        return threadCount(m: m, n: n, k: k)
    }

    /// One thread for skinny or modest products (OpenBLAS's threads cost more
    /// than they give there: 33600x784 @ 784x30 took 150 ms on 2 threads, 40 on 1).
    static func threadCount(m: Int, n: Int, k: Int) -> Int {
        let multiplyAdds = Double(m) * Double(n) * Double(k)
        if multiplyAdds < Double(threadedProductMinimum) { return 1 }
        if min(m, n, k) < minimumSideForThreads { return 1 }
        return BLASLibrary.shared?.maxThreads ?? 1
    }

    /// BLAS takes 32-bit sizes and rejects (with a message on stderr) leading
    /// dimensions shorter than a row; such calls stay in the own kernel.
    static func blasAccepts(transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                                    lda: Int, ldb: Int, ldc: Int) -> Bool {
        let limit = Int(Int32.max)
        guard k > 0, m <= limit, n <= limit, k <= limit,
              lda <= limit, ldb <= limit, ldc <= limit else { return false }
        return lda >= max(1, transA ? m : k) && ldb >= max(1, transB ? k : n) && ldc >= max(1, n)
    }

    /// Where large products go, e.g. "OpenBLAS core SkylakeX, up to 2 threads
    /// (libopenblas.so.0)"; loads the library if it is not loaded yet.
    public static var backendDescription: String {
        let vector = vectorKernelsEnabled && VectorGemm.available
            ? "AVX2 kernels on 2 threads for small and skinny products; " : ""
        return vector + blasDescription
    }

    private static var blasDescription: String {
        guard let blas = BLASLibrary.shared else { return "Kindling's own kernel (no BLAS library found)" }
        let core = blas.coreName.isEmpty ? "" : " core \(blas.coreName),"
        return "BLAS\(core) up to \(blas.maxThreads) thread\(blas.maxThreads == 1 ? "" : "s") (\(blas.path))"
    }
}
