/// Hand-written single-precision product kernels for small shapes, where the
/// call and packing overhead of BLAS dominates (the lesson's batch-size-5
/// products such as 5x784 @ 784x30), and for the fallback when no BLAS loads.
///
/// All kernels write `C = alpha * acc + beta * C` (C is not read when beta == 0,
/// as BLAS does) and accumulate in registers over the whole `k` they are given.
enum SmallGemmKernels {
    typealias Vector = SIMD8<Float>

    // MARK: broadcast kernel (B rows contiguous)

    /// C[i,j] = alpha * sum_p A[i*ars + p*acs] * B[p*ldb + j] + beta * C[i*ldc + j].
    /// A is read one element at a time (any strides, so transposed A is free);
    /// B is read along its rows eight floats at a time. Tiles are 4 rows by 8
    /// columns (eight independent accumulators keep the adders busy); a last
    /// partial row tile repeats its last row, a last partial column chunk
    /// overlaps the previous one, and outputs narrower than 8 read a padded copy.
    static func broadcast(m: Int, n: Int, k: Int, alpha: Float,
                          a: UnsafePointer<Float>, ars: Int, acs: Int,
                          b: UnsafePointer<Float>, ldb: Int,
                          beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        if n < 8 {
            // Copy op(B) into k x 8 zero-padded rows so every load stays in bounds.
            let padded = UnsafeMutablePointer<Float>.allocate(capacity: k * 8)
            defer { padded.deallocate() }
            padded.initialize(repeating: 0, count: k * 8)
            for p in 0..<k {
                for j in 0..<n { padded[p * 8 + j] = b[p * ldb + j] }
            }
            broadcastTiles(m: m, n: n, k: k, alpha: alpha, a: a, ars: ars, acs: acs,
                           b: padded, ldb: 8, beta: beta, c: c, ldc: ldc)
        } else {
            broadcastTiles(m: m, n: n, k: k, alpha: alpha, a: a, ars: ars, acs: acs,
                           b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
        }
    }

    /// `broadcast` when every 8-float load from a row of B at a column below
    /// max(n, 8) - 8 + 8 is in bounds.
    private static func broadcastTiles(m: Int, n: Int, k: Int, alpha: Float,
                                       a: UnsafePointer<Float>, ars: Int, acs: Int,
                                       b: UnsafePointer<Float>, ldb: Int,
                                       beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        var i = 0
        while i < m {
            let rows = min(4, m - i)
            let a0 = a + i * ars
            let a1 = rows > 1 ? a0 + ars : a0
            let a2 = rows > 2 ? a0 + 2 * ars : a1
            let a3 = rows > 3 ? a0 + 3 * ars : a2
            var done = 0
            while done < n {
                // The chunk starts at `done`, or earlier so it ends at max(n, 8).
                let start = min(done, max(n, 8) - 8)
                var c0 = Vector(), c1 = Vector(), c2 = Vector(), c3 = Vector()
                var pb = UnsafeRawPointer(b + start)
                var offset = 0
                for _ in 0..<k {
                    let bv = pb.loadUnaligned(as: Vector.self)
                    c0 += Vector(repeating: a0[offset]) * bv
                    c1 += Vector(repeating: a1[offset]) * bv
                    c2 += Vector(repeating: a2[offset]) * bv
                    c3 += Vector(repeating: a3[offset]) * bv
                    offset &+= acs
                    pb += ldb &* 4
                }
                let firstLane = done - start, endLane = min(8, n - start)
                let row = c + i * ldc + start
                store(c0, lanes: firstLane, endLane, alpha, beta, row)
                if rows > 1 { store(c1, lanes: firstLane, endLane, alpha, beta, row + ldc) }
                if rows > 2 { store(c2, lanes: firstLane, endLane, alpha, beta, row + 2 * ldc) }
                if rows > 3 { store(c3, lanes: firstLane, endLane, alpha, beta, row + 3 * ldc) }
                done = start + 8
            }
            i += 4
        }
    }

    // MARK: dot kernel (A rows and B^T rows contiguous)

    /// C[i,j] = alpha * dot(A[i*lda ..< +k], Bt[j*ldb ..< +k]) + beta * C[i*ldc + j]:
    /// the product A @ Bt^T with both operands read along k in vectors.
    static func dot(m: Int, n: Int, k: Int, alpha: Float,
                    a: UnsafePointer<Float>, lda: Int, bt: UnsafePointer<Float>, ldb: Int,
                    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        var i = 0
        while i < m {
            let twoRows = i + 1 < m
            let ra0 = a + i * lda, ra1 = twoRows ? ra0 + lda : ra0
            var j = 0
            while j < n {
                let twoCols = j + 1 < n
                let rb0 = bt + j * ldb, rb1 = twoCols ? rb0 + ldb : rb0
                let (d00, d01, d10, d11) = dot2x2(k: k, ra0, ra1, rb0, rb1)
                let row0 = c + i * ldc + j
                storeScalar(d00, alpha, beta, row0)
                if twoCols { storeScalar(d01, alpha, beta, row0 + 1) }
                if twoRows {
                    storeScalar(d10, alpha, beta, row0 + ldc)
                    if twoCols { storeScalar(d11, alpha, beta, row0 + ldc + 1) }
                }
                j += 2
            }
            i += 2
        }
    }

    /// The four dot products of two A rows with two B rows, each of length k.
    @inline(__always)
    private static func dot2x2(k: Int, _ a0: UnsafePointer<Float>, _ a1: UnsafePointer<Float>,
                               _ b0: UnsafePointer<Float>, _ b1: UnsafePointer<Float>)
        -> (Float, Float, Float, Float) {
        var v00 = Vector(), v01 = Vector(), v10 = Vector(), v11 = Vector()
        let pa0 = UnsafeRawPointer(a0), pa1 = UnsafeRawPointer(a1)
        let pb0 = UnsafeRawPointer(b0), pb1 = UnsafeRawPointer(b1)
        var p = 0
        while p + 8 <= k {
            let byteOffset = p &* 4
            let x0 = pa0.loadUnaligned(fromByteOffset: byteOffset, as: Vector.self)
            let x1 = pa1.loadUnaligned(fromByteOffset: byteOffset, as: Vector.self)
            let y0 = pb0.loadUnaligned(fromByteOffset: byteOffset, as: Vector.self)
            let y1 = pb1.loadUnaligned(fromByteOffset: byteOffset, as: Vector.self)
            v00 += x0 * y0
            v01 += x0 * y1
            v10 += x1 * y0
            v11 += x1 * y1
            p += 8
        }
        var s00 = v00.sum(), s01 = v01.sum(), s10 = v10.sum(), s11 = v11.sum()
        while p < k {
            s00 += a0[p] * b0[p]
            s01 += a0[p] * b1[p]
            s10 += a1[p] * b0[p]
            s11 += a1[p] * b1[p]
            p += 1
        }
        return (s00, s01, s10, s11)
    }

    // MARK: stores

    /// Writes lanes firstLane..<endLane of alpha * acc + beta * C to c[lane].
    @inline(__always)
    private static func store(_ acc: Vector, lanes firstLane: Int, _ endLane: Int,
                              _ alpha: Float, _ beta: Float, _ c: UnsafeMutablePointer<Float>) {
        if firstLane == 0 && endLane == 8 {
            let raw = UnsafeMutableRawPointer(c)
            var result = acc * alpha
            if beta != 0 { result += UnsafeRawPointer(raw).loadUnaligned(as: Vector.self) * beta }
            raw.storeBytes(of: result, as: Vector.self)
        } else {
            for lane in firstLane..<endLane { storeScalar(acc[lane], alpha, beta, c + lane) }
        }
    }

    @inline(__always)
    private static func storeScalar(_ acc: Float, _ alpha: Float, _ beta: Float,
                                    _ c: UnsafeMutablePointer<Float>) {
        c.pointee = beta == 0 ? alpha * acc : alpha * acc + beta * c.pointee
    }
}
