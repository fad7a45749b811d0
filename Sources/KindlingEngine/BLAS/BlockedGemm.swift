/// Kindling's own single-precision product on row-major buffers: the small
/// kernels run over cache-sized blocks of op(B). Used for tiny products (no
/// call overhead) and whenever BLAS cannot be loaded or cannot take the call.
enum BlockedGemm {
    /// Depth and width of the op(B) blocks: 256 x 256 floats = 256 KiB, an L2's share.
    static let blockDepth = 256
    static let blockWidth = 256
    /// Up to this many multiply-adds, B^T is read in place by the dot kernel
    /// instead of being packed.
    static let dotKernelLimit = 1 << 22

    /// Same contract as `Gemm.sgemm`.
    static func sgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                      alpha: Float, a: UnsafePointer<Float>, lda: Int,
                      b: UnsafePointer<Float>, ldb: Int,
                      beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        guard m > 0, n > 0 else { return }
        if k == 0 || alpha == 0 {
            scale(m: m, n: n, beta: beta, c: c, ldc: ldc)
            return
        }
        // Element (i, p) of op(A) is at a[i * ars + p * acs].
        let ars = transA ? 1 : lda, acs = transA ? lda : 1
        if transB && !transA && Double(m) * Double(n) * Double(k) <= Double(dotKernelLimit) {
            SmallGemmKernels.dot(m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, bt: b, ldb: ldb,
                                 beta: beta, c: c, ldc: ldc)
            return
        }
        if !transB && k <= blockDepth && n <= blockWidth * 4 {
            SmallGemmKernels.broadcast(m: m, n: n, k: k, alpha: alpha, a: a, ars: ars, acs: acs,
                                       b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
            return
        }
        let pack = transB ? UnsafeMutablePointer<Float>.allocate(capacity: blockDepth * blockWidth) : nil
        defer { pack?.deallocate() }
        var p0 = 0
        while p0 < k {
            let depth = min(blockDepth, k - p0)
            let blockBeta: Float = p0 == 0 ? beta : 1
            var j0 = 0
            while j0 < n {
                let width = min(blockWidth, n - j0)
                var block = b + p0 * ldb + j0
                var blockLd = ldb
                if let pack {
                    // op(B)[p, j] = B[j, p]: copy the block to row-major depth x width.
                    for j in 0..<width {
                        let source = b + (j0 + j) * ldb + p0
                        for p in 0..<depth { pack[p * width + j] = source[p] }
                    }
                    block = UnsafePointer(pack)
                    blockLd = width
                }
                SmallGemmKernels.broadcast(m: m, n: width, k: depth, alpha: alpha,
                                           a: a + p0 * acs, ars: ars, acs: acs,
                                           b: block, ldb: blockLd,
                                           beta: blockBeta, c: c + j0, ldc: ldc)
                j0 += width
            }
            p0 += depth
        }
    }

    /// C = beta * C (zeros when beta == 0, without reading C).
    static func scale(m: Int, n: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        for i in 0..<m {
            let row = c + i * ldc
            if beta == 0 {
                row.update(repeating: 0, count: n)
            } else if beta != 1 {
                for j in 0..<n { row[j] *= beta }
            }
        }
    }
}
