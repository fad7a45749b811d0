/// float64 matrix products: OpenBLAS's `cblas_dgemm` (loaded with `sgemm` by
/// `BLASLibrary`) when available, else a portable blocked loop. float64 is not
/// on the lessons' hot paths, so it does not use the AVX2 float kernels.
extension Gemm {
    /// C[m,n] = alpha * op(A)[m,k] * op(B)[k,n] + beta * C, row-major.
    public static func dgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                             alpha: Double, a: UnsafePointer<Double>, lda: Int,
                             b: UnsafePointer<Double>, ldb: Int,
                             beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int, useBLAS: Bool = true) {
        guard m > 0, n > 0 else { return }
        if useBLAS, let blas = BLASLibrary.shared, let dgemm = blas.dgemm,
           blasAccepts(transA: transA, transB: transB, m: m, n: n, k: k, lda: lda, ldb: ldb, ldc: ldc) {
            blas.setThreads(threadCount(m: m, n: n, k: k))
            dgemm(BLASLibrary.rowMajor,
                  transA ? BLASLibrary.trans : BLASLibrary.noTrans,
                  transB ? BLASLibrary.trans : BLASLibrary.noTrans,
                  Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb),
                  beta, c, Int32(ldc))
            return
        }
        portableDgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                      a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }

    /// The fallback: one output row at a time, streaming rows of B (i-p-j order).
    static func portableDgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                              alpha: Double, a: UnsafePointer<Double>, lda: Int,
                              b: UnsafePointer<Double>, ldb: Int,
                              beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int) {
        var row = [Double](repeating: 0, count: n)
        row.withUnsafeMutableBufferPointer { acc in
            for i in 0..<m {
                for j in 0..<n { acc[j] = 0 }
                for p in 0..<k {
                    let av = transA ? a[p * lda + i] : a[i * lda + p]
                    if transB {
                        for j in 0..<n { acc[j] += av * b[j * ldb + p] }
                    } else {
                        let bRow = b + p * ldb
                        for j in 0..<n { acc[j] += av * bRow[j] }
                    }
                }
                let cRow = c + i * ldc
                for j in 0..<n { cRow[j] = alpha * acc[j] + (beta == 0 ? 0 : beta * cRow[j]) }
            }
        }
    }
}
