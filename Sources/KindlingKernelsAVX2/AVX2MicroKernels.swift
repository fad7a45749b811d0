/// Register-blocked micro-kernels compiled for AVX2 + FMA (this target's
/// flags): every `SIMD8<Float>` is one ymm register and `addingProduct` one
/// vfmadd. Callers must have checked the CPU (see `AVX2Gemm`).
///
/// Each kernel computes one tile of C = alpha * acc + beta * C (C not read
/// when beta == 0). A tile shorter than the kernel repeats its last row or
/// column in the arithmetic and stores only the valid part.
enum AVX2MicroKernels {
    typealias Vector = SIMD8<Float>

    /// Up to 6 rows x 16 columns: C[r, firstLane..<endLane] from
    /// sum_p A[r*ars + p*acs] * B[p*ldb + 0..<16] (B rows read 16 floats at a
    /// time, A broadcast one element at a time). 12 accumulators, 2 B
    /// vectors and a broadcast: 15 of the 16 ymm registers.
    @inline(__always)
    static func broadcast6x16(k: Int, a: UnsafePointer<Float>, ars: Int, acs: Int, rows: Int,
                              b: UnsafePointer<Float>, ldb: Int, alpha: Float, beta: Float,
                              c: UnsafeMutablePointer<Float>, ldc: Int, firstLane: Int, endLane: Int) {
        let a0 = a
        let a1 = rows > 1 ? a0 + ars : a0
        let a2 = rows > 2 ? a1 + ars : a1
        let a3 = rows > 3 ? a2 + ars : a2
        let a4 = rows > 4 ? a3 + ars : a3
        let a5 = rows > 5 ? a4 + ars : a4
        var c00 = Vector(), c01 = Vector(), c10 = Vector(), c11 = Vector()
        var c20 = Vector(), c21 = Vector(), c30 = Vector(), c31 = Vector()
        var c40 = Vector(), c41 = Vector(), c50 = Vector(), c51 = Vector()
        var pb = UnsafeRawPointer(b)
        let bStep = ldb &* 4
        var offset = 0
        for _ in 0..<k {
            let b0 = pb.loadUnaligned(as: Vector.self)
            let b1 = pb.loadUnaligned(fromByteOffset: 32, as: Vector.self)
            var x = Vector(repeating: a0[offset])
            c00 = c00.addingProduct(x, b0); c01 = c01.addingProduct(x, b1)
            x = Vector(repeating: a1[offset])
            c10 = c10.addingProduct(x, b0); c11 = c11.addingProduct(x, b1)
            x = Vector(repeating: a2[offset])
            c20 = c20.addingProduct(x, b0); c21 = c21.addingProduct(x, b1)
            x = Vector(repeating: a3[offset])
            c30 = c30.addingProduct(x, b0); c31 = c31.addingProduct(x, b1)
            x = Vector(repeating: a4[offset])
            c40 = c40.addingProduct(x, b0); c41 = c41.addingProduct(x, b1)
            x = Vector(repeating: a5[offset])
            c50 = c50.addingProduct(x, b0); c51 = c51.addingProduct(x, b1)
            offset &+= acs
            pb += bStep
        }
        store16(c00, c01, firstLane, endLane, alpha, beta, c)
        if rows > 1 { store16(c10, c11, firstLane, endLane, alpha, beta, c + ldc) }
        if rows > 2 { store16(c20, c21, firstLane, endLane, alpha, beta, c + 2 * ldc) }
        if rows > 3 { store16(c30, c31, firstLane, endLane, alpha, beta, c + 3 * ldc) }
        if rows > 4 { store16(c40, c41, firstLane, endLane, alpha, beta, c + 4 * ldc) }
        if rows > 5 { store16(c50, c51, firstLane, endLane, alpha, beta, c + 5 * ldc) }
    }

    /// Up to 3 rows x 3 columns of dot products: C[r, j] from
    /// dot(A[r*lda ..< +k], Bt[j*ldb ..< +k]), both read along k in vectors
    /// (no packing: the product A @ Bt^T with Bt stored row-major). Nine
    /// accumulators, three Bt vectors and one A vector: 13 ymm registers.
    @inline(__always)
    static func dot3x3(k: Int, a: UnsafePointer<Float>, lda: Int, rows: Int,
                       bt: UnsafePointer<Float>, ldb: Int, cols: Int, alpha: Float, beta: Float,
                       c: UnsafeMutablePointer<Float>, ldc: Int) {
        let a0 = a
        let a1 = rows > 1 ? a0 + lda : a0
        let a2 = rows > 2 ? a1 + lda : a1
        let b0 = bt
        let b1 = cols > 1 ? b0 + ldb : b0
        let b2 = cols > 2 ? b1 + ldb : b1
        var s00 = Vector(), s01 = Vector(), s02 = Vector()
        var s10 = Vector(), s11 = Vector(), s12 = Vector()
        var s20 = Vector(), s21 = Vector(), s22 = Vector()
        let pa0 = UnsafeRawPointer(a0), pa1 = UnsafeRawPointer(a1), pa2 = UnsafeRawPointer(a2)
        let pb0 = UnsafeRawPointer(b0), pb1 = UnsafeRawPointer(b1), pb2 = UnsafeRawPointer(b2)
        var p = 0
        while p &+ 8 <= k {
            let byteOffset = p &* 4
            let y0 = pb0.loadUnaligned(fromByteOffset: byteOffset, as: Vector.self)
            let y1 = pb1.loadUnaligned(fromByteOffset: byteOffset, as: Vector.self)
            let y2 = pb2.loadUnaligned(fromByteOffset: byteOffset, as: Vector.self)
            var x = pa0.loadUnaligned(fromByteOffset: byteOffset, as: Vector.self)
            s00 = s00.addingProduct(x, y0); s01 = s01.addingProduct(x, y1); s02 = s02.addingProduct(x, y2)
            x = pa1.loadUnaligned(fromByteOffset: byteOffset, as: Vector.self)
            s10 = s10.addingProduct(x, y0); s11 = s11.addingProduct(x, y1); s12 = s12.addingProduct(x, y2)
            x = pa2.loadUnaligned(fromByteOffset: byteOffset, as: Vector.self)
            s20 = s20.addingProduct(x, y0); s21 = s21.addingProduct(x, y1); s22 = s22.addingProduct(x, y2)
            p &+= 8
        }
        var r0 = (horizontalSum(s00), horizontalSum(s01), horizontalSum(s02))
        var r1 = (horizontalSum(s10), horizontalSum(s11), horizontalSum(s12))
        var r2 = (horizontalSum(s20), horizontalSum(s21), horizontalSum(s22))
        while p < k {
            let x0 = a0[p], x1 = a1[p], x2 = a2[p]
            let y0 = b0[p], y1 = b1[p], y2 = b2[p]
            r0.0 += x0 * y0; r0.1 += x0 * y1; r0.2 += x0 * y2
            r1.0 += x1 * y0; r1.1 += x1 * y1; r1.2 += x1 * y2
            r2.0 += x2 * y0; r2.1 += x2 * y1; r2.2 += x2 * y2
            p &+= 1
        }
        store3(r0, cols, alpha, beta, c)
        if rows > 1 { store3(r1, cols, alpha, beta, c + ldc) }
        if rows > 2 { store3(r2, cols, alpha, beta, c + 2 * ldc) }
    }

    /// The sum of the eight lanes as a tree (three dependent adds, where
    /// `SIMD.sum()` adds lane after lane).
    @inline(__always)
    static func horizontalSum(_ v: Vector) -> Float {
        let four = v.lowHalf + v.highHalf
        let two = four.lowHalf + four.highHalf
        return two[0] + two[1]
    }

    // MARK: stores

    /// Lanes firstLane..<endLane of the 16 values (v0, v1) to c[lane].
    @inline(__always)
    private static func store16(_ v0: Vector, _ v1: Vector, _ firstLane: Int, _ endLane: Int,
                                _ alpha: Float, _ beta: Float, _ c: UnsafeMutablePointer<Float>) {
        if firstLane == 0 && endLane == 16 {
            let raw = UnsafeMutableRawPointer(c)
            if alpha == 1 && beta == 0 {
                raw.storeBytes(of: v0, as: Vector.self)
                raw.storeBytes(of: v1, toByteOffset: 32, as: Vector.self)
                return
            }
            var r0 = v0 * alpha, r1 = v1 * alpha
            if beta != 0 {
                r0 = r0.addingProduct(UnsafeRawPointer(raw).loadUnaligned(as: Vector.self), Vector(repeating: beta))
                r1 = r1.addingProduct(UnsafeRawPointer(raw).loadUnaligned(fromByteOffset: 32, as: Vector.self),
                                      Vector(repeating: beta))
            }
            raw.storeBytes(of: r0, as: Vector.self)
            raw.storeBytes(of: r1, toByteOffset: 32, as: Vector.self)
            return
        }
        var lane = firstLane
        while lane < endLane {
            let value = lane < 8 ? v0[lane] : v1[lane &- 8]
            storeScalar(value, alpha, beta, c + lane)
            lane &+= 1
        }
    }

    @inline(__always)
    private static func store3(_ r: (Float, Float, Float), _ cols: Int,
                               _ alpha: Float, _ beta: Float, _ c: UnsafeMutablePointer<Float>) {
        storeScalar(r.0, alpha, beta, c)
        if cols > 1 { storeScalar(r.1, alpha, beta, c + 1) }
        if cols > 2 { storeScalar(r.2, alpha, beta, c + 2) }
    }

    @inline(__always)
    static func storeScalar(_ acc: Float, _ alpha: Float, _ beta: Float, _ c: UnsafeMutablePointer<Float>) {
        c.pointee = beta == 0 ? alpha * acc : alpha * acc + beta * c.pointee
    }
}
