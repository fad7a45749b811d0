/// How an `AVX2GemmPlan` computes its product.
public enum AVX2GemmMethod: Sendable, Equatable {
    /// 6 x 16 tiles reading op(B)'s rows in place (needs op(B) = B, n >= 16).
    case broadcast
    /// 6 x 16 tiles over a zero-padded copy of op(B) in 16-column panels.
    case packedBroadcast
    /// 3 x 3 tiles of dot products along k (needs op(A) = A, op(B) = B^T).
    case dot
}

/// One single-precision product C = alpha * op(A) * op(B) + beta * C on
/// row-major buffers (the contract of BLAS sgemm, without TT: op(A) and
/// op(B) may not both be transposed), prepared for the AVX2 + FMA kernels.
///
/// Create it on one thread, then `run` disjoint blocks of C, from any threads
/// at once, until every block is done; the plan owns the packed copy of op(B)
/// (when its method needs one) and frees it on deinit. The caller must have
/// checked that the CPU runs AVX2 and FMA, and must keep the buffers alive.
public final class AVX2GemmPlan: @unchecked Sendable {
    /// Depth of the k blocks of the broadcast methods: a 16-column strip of
    /// op(B) over 256 rows is 16 KiB, half an L1 data cache.
    static let blockDepth = 256
    /// NT products at least this deep use dot products (no packing; faster
    /// than the packed tiles at 256x784 @ (30x784)^T too: 95 against 78 GFLOP/s).
    static let dotMinimumDepth = 64
    static let panelWidth = 16

    public let m: Int, n: Int, k: Int
    public let method: AVX2GemmMethod
    let alpha: Float, beta: Float
    /// op(A)[i, p] = a[i * ars + p * acs].
    let a: UnsafePointer<Float>, ars: Int, acs: Int, lda: Int
    let b: UnsafePointer<Float>, ldb: Int
    let c: UnsafeMutablePointer<Float>, ldc: Int
    /// op(B) as panels of 16 columns: panel q at packed + q * k * 16, row p of it 16 floats.
    private let packed: UnsafeMutablePointer<Float>?

    /// The plan, or nil for shapes these kernels do not take: both operands
    /// transposed, an empty product (m, n or k zero), or a `method` that does
    /// not fit the layout. `method` nil picks one from the shape.
    public init?(transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                 alpha: Float, a: UnsafePointer<Float>, lda: Int,
                 b: UnsafePointer<Float>, ldb: Int,
                 beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int,
                 method requested: AVX2GemmMethod? = nil) {
        guard m > 0, n > 0, k > 0, !(transA && transB) else { return nil }
        let chosen: AVX2GemmMethod
        if let requested {
            switch requested {
            case .broadcast: guard !transB, n >= AVX2GemmPlan.panelWidth else { return nil }
            case .dot: guard transB else { return nil }
            case .packedBroadcast: break
            }
            chosen = requested
        } else if transB {
            chosen = k >= AVX2GemmPlan.dotMinimumDepth ? .dot : .packedBroadcast
        } else {
            chosen = n >= AVX2GemmPlan.panelWidth ? .broadcast : .packedBroadcast
        }
        self.m = m; self.n = n; self.k = k
        self.method = chosen
        self.alpha = alpha; self.beta = beta
        self.a = a; self.lda = lda
        self.ars = transA ? 1 : lda
        self.acs = transA ? lda : 1
        self.b = b; self.ldb = ldb
        self.c = c; self.ldc = ldc
        self.packed = chosen == .packedBroadcast
            ? AVX2GemmPlan.pack(transB: transB, n: n, k: k, b: b, ldb: ldb) : nil
    }

    deinit { packed?.deallocate() }

    /// Computes rows `rows` x columns `cols` of C (ranges inside 0..<m, 0..<n;
    /// anything outside is clamped away).
    @inline(never)
    public func run(rows: Range<Int>, cols: Range<Int>) {
        let rows = rows.clamped(to: 0..<m), cols = cols.clamped(to: 0..<n)
        guard !rows.isEmpty, !cols.isEmpty else { return }
        switch method {
        case .dot: runDot(rows: rows, cols: cols)
        case .broadcast, .packedBroadcast: runBroadcast(rows: rows, cols: cols)
        }
    }

    private func runDot(rows: Range<Int>, cols: Range<Int>) {
        var i = rows.lowerBound
        while i < rows.upperBound {
            let tileRows = min(3, rows.upperBound - i)
            var j = cols.lowerBound
            while j < cols.upperBound {
                let tileCols = min(3, cols.upperBound - j)
                AVX2MicroKernels.dot3x3(k: k, a: a + i * lda, lda: lda, rows: tileRows,
                                        bt: b + j * ldb, ldb: ldb, cols: tileCols,
                                        alpha: alpha, beta: beta, c: c + i * ldc + j, ldc: ldc)
                j += 3
            }
            i += 3
        }
    }

    /// Row blocks of C: 120 rows x 16 columns of C and 120 x 256 of op(A)
    /// stay in L2 across the k blocks.
    static let rowBlock = 120

    private func runBroadcast(rows: Range<Int>, cols: Range<Int>) {
        var i0 = rows.lowerBound
        while i0 < rows.upperBound {
            let i1 = min(i0 + AVX2GemmPlan.rowBlock, rows.upperBound)
            var p0 = 0
            while p0 < k {
                let depth = min(AVX2GemmPlan.blockDepth, k - p0)
                broadcastBlock(rows: i0..<i1, cols: cols, p0: p0, depth: depth, beta: p0 == 0 ? beta : 1)
                p0 += depth
            }
            i0 = i1
        }
    }

    /// Rows x cols of C from the k block p0 ..< p0 + depth.
    private func broadcastBlock(rows: Range<Int>, cols: Range<Int>, p0: Int, depth: Int, beta blockBeta: Float) {
        let width = AVX2GemmPlan.panelWidth
        var j = cols.lowerBound
        while j < cols.upperBound {
            // The 16 columns computed start at `start`; lanes first..<end are stored.
            let start: Int, strip: UnsafePointer<Float>, stripLd: Int
            if let packed {
                start = j - j % width
                strip = UnsafePointer(packed + (start / width) * k * width + p0 * width)
                stripLd = width
            } else {
                // In place: a last partial strip slides left to stay inside B.
                start = max(0, min(j, cols.upperBound - width))
                strip = b + p0 * ldb + start
                stripLd = ldb
            }
            let end = min(start + width, cols.upperBound)
            // A strip that slid left recomputes columns this run already
            // wrote (or will write) with the very same arithmetic: when C is
            // only written (beta 0, one k block) all 16 lanes may be stored
            // as vectors instead of lane by lane.
            let firstLane = packed == nil && beta == 0 && k <= AVX2GemmPlan.blockDepth
                && start >= cols.lowerBound ? 0 : j - start
            var i = rows.lowerBound
            while i < rows.upperBound {
                AVX2MicroKernels.broadcast6x16(
                    k: depth, a: a + i * ars + p0 * acs, ars: ars, acs: acs,
                    rows: min(6, rows.upperBound - i), b: strip, ldb: stripLd,
                    alpha: alpha, beta: blockBeta, c: c + i * ldc + start, ldc: ldc,
                    firstLane: firstLane, endLane: end - start)
                i += 6
            }
            j = end
        }
    }

    /// op(B) (k x n) copied into zero-padded panels of 16 columns.
    private static func pack(transB: Bool, n: Int, k: Int, b: UnsafePointer<Float>, ldb: Int)
        -> UnsafeMutablePointer<Float> {
        let width = panelWidth
        let panels = (n + width - 1) / width
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: panels * k * width)
        for q in 0..<panels {
            let panel = buffer + q * k * width
            let j0 = q * width, count = min(width, n - j0)
            if count < width {
                panel.initialize(repeating: 0, count: k * width)
            }
            if transB {
                // op(B)[p, j] = B[j, p]: each source row fills one column of the panel.
                for jj in 0..<count {
                    let source = b + (j0 + jj) * ldb
                    var target = panel + jj
                    for p in 0..<k {
                        target.pointee = source[p]
                        target += width
                    }
                }
            } else {
                for p in 0..<k {
                    (panel + p * width).update(from: b + p * ldb + j0, count: count)
                }
            }
        }
        return buffer
    }
}
