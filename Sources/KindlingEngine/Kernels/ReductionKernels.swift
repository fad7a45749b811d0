/// Reductions run on a row-major block layout [outer][r][inner]: the reduced
/// elements of output (o, i) are x[(o*r + k)*inner + i] for k in 0..<r.
struct ReductionLayout {
    let source: Tensor      // contiguous
    let outer: Int
    let r: Int
    let inner: Int
    let outShape: [Int]
    let dims: [Int]         // reduced dims, sorted

    /// Plans a reduction of `x` over `dims` (nil or empty = all dims).
    static func make(_ x: Tensor, dims: [Int]?, keepdim: Bool) throws -> ReductionLayout {
        let rank = x.dim
        var reduced = [Bool](repeating: false, count: Swift.max(rank, 1))
        var sorted: [Int] = []
        if let dims = dims, !dims.isEmpty {
            for d in dims {
                let w = try Shape.wrapDim(d, rank: rank)
                if reduced[w] { throw TensorError(.runtimeError, "dim \(w) appears multiple times in the list of dims") }
                reduced[w] = true
            }
            sorted = (0..<rank).filter { reduced[$0] }
        } else {
            sorted = Array(0..<rank)
            for i in 0..<rank { reduced[i] = true }
        }
        var outShape: [Int] = []
        for i in 0..<rank {
            if reduced[i] { if keepdim { outShape.append(1) } } else { outShape.append(x.shape[i]) }
        }
        if rank == 0 {
            return ReductionLayout(source: x, outer: 1, r: 1, inner: 1, outShape: [], dims: [])
        }
        let isBlock = sorted.isEmpty || (sorted.last ?? 0) - (sorted.first ?? 0) + 1 == sorted.count
        if isBlock, let first = sorted.first, let last = sorted.last {
            let src = try x.contiguousValues()
            let outer = Shape.product(Array(x.shape[0..<first]))
            let r = Shape.product(Array(x.shape[first...last]))
            let inner = Shape.product(Array(x.shape[(last + 1)...]))
            return ReductionLayout(source: src, outer: outer, r: r, inner: inner, outShape: outShape, dims: sorted)
        }
        // Non-adjacent dims: move reduced dims last and copy.
        let kept = (0..<rank).filter { !reduced[$0] }
        let perm = kept + sorted
        let permuted = Tensor(storage: x.storage, shape: perm.map { x.shape[$0] },
                              strides: perm.map { x.strides[$0] }, offset: x.storageOffset)
        let src = try permuted.contiguousValues()
        let outer = Shape.product(kept.map { x.shape[$0] })
        let r = Shape.product(sorted.map { x.shape[$0] })
        return ReductionLayout(source: src, outer: outer, r: r, inner: 1, outShape: outShape, dims: sorted)
    }

    var outCount: Int { outer * inner }
}

enum ReduceKernel {
    /// Float sums (`mean` divides them by `r`). Contiguous runs up to PyTorch's
    /// grain size sum exactly as PyTorch does (`CascadeSum`); the rest sum in
    /// Double (close to PyTorch's cascaded float sums).
    static func sumFloat(_ l: ReductionLayout, _ out: UnsafeMutablePointer<Float>, mean: Bool = false) {
        let x = l.source.basePointer(Float.self)
        let r = l.r, inner = l.inner
        let scale = mean ? 1 / Double(r) : 1
        if inner == 1 && r <= CascadeSum.grainSize {
            for o in 0..<l.outer {
                let s = CascadeSum.sum(x + o * r, r)
                out[o] = mean ? s / Float(r) : s
            }
            return
        }
        if inner == 1 {
            for o in 0..<l.outer {
                let p = x + o * r
                // Eight Double lanes: vectorised and more accurate than a float chain.
                var lanes = SIMD8<Double>()
                var k = 0
                while k + 8 <= r {
                    let v = UnsafeRawPointer(p + k).loadUnaligned(as: SIMD8<Float>.self)
                    lanes += SIMD8<Double>(Double(v[0]), Double(v[1]), Double(v[2]), Double(v[3]),
                                           Double(v[4]), Double(v[5]), Double(v[6]), Double(v[7]))
                    k += 8
                }
                var acc = lanes.sum()
                while k < r { acc += Double(p[k]); k += 1 }
                out[o] = Float(acc * scale)
            }
            return
        }
        var acc = [Double](repeating: 0, count: inner)
        acc.withUnsafeMutableBufferPointer { a in
            for o in 0..<l.outer {
                for i in 0..<inner { a[i] = 0 }
                for k in 0..<r {
                    let p = x + (o * r + k) * inner
                    for i in 0..<inner { a[i] += Double(p[i]) }
                }
                for i in 0..<inner { out[o * inner + i] = Float(a[i] * scale) }
            }
        }
    }

    /// Sums of float64 values (pairwise over each reduced row, so long rows keep
    /// their precision), divided by `divisor` for means.
    static func sumDouble(_ l: ReductionLayout, _ out: UnsafeMutablePointer<Double>, divisor: Double = 1) {
        let x = l.source.basePointer(Double.self)
        let r = l.r, inner = l.inner
        var row = [Double](repeating: 0, count: r)
        for o in 0..<l.outer {
            for i in 0..<inner {
                for k in 0..<r { row[k] = x[(o * r + k) * inner + i] }
                let total = row.withUnsafeBufferPointer { pairwiseSum($0.baseAddress, 0, r) }
                out[o * inner + i] = divisor == 1 ? total : total / divisor
            }
        }
    }

    private static func pairwiseSum(_ p: UnsafePointer<Double>?, _ start: Int, _ count: Int) -> Double {
        guard let p else { return 0 }
        if count <= 8 {
            var s = 0.0
            for k in start..<(start + count) { s += p[k] }
            return s
        }
        let half = count / 2
        return pairwiseSum(p, start, half) + pairwiseSum(p, start + half, count - half)
    }

    /// Variance (or standard deviation) in Double, two passes, per output element.
    static func variance<T: FloatElement>(_ l: ReductionLayout, correction: Int, std: Bool, _ po: UnsafeMutablePointer<T>) {
        let x = l.source.basePointer(T.self)
        let r = l.r, inner = l.inner
        let denominator = Swift.max(Double(r) - Double(correction), 0)
        for o in 0..<l.outer {
            for i in 0..<inner {
                var s = 0.0
                for k in 0..<r { s += Double(x[(o * r + k) * inner + i]) }
                let m = s / Double(r)
                var ss = 0.0
                for k in 0..<r { let d = Double(x[(o * r + k) * inner + i]) - m; ss += d * d }
                let v = ss / denominator
                po[o * inner + i] = T(std ? v.squareRoot() : v)
            }
        }
    }

    /// Running sums along the reduced block, accumulated in Double.
    static func cumulativeSum<T: FloatElement>(_ l: ReductionLayout, _ po: UnsafeMutablePointer<T>) {
        let x = l.source.basePointer(T.self)
        let r = l.r, inner = l.inner
        for o in 0..<l.outer {
            for i in 0..<inner {
                var acc = 0.0
                for k in 0..<r { let j = (o * r + k) * inner + i; acc += Double(x[j]); po[j] = T(acc) }
            }
        }
    }

    @inline(__always)
    static func fold<T: TensorElement, A>(_ l: ReductionLayout, _ out: UnsafeMutablePointer<A>, _ initial: A, _ f: (A, T) -> A) {
        let x = l.source.basePointer(T.self)
        let r = l.r, inner = l.inner
        for o in 0..<l.outer {
            for i in 0..<inner {
                var acc = initial
                var p = x + o * r * inner + i
                for _ in 0..<r { acc = f(acc, p.pointee); p += inner }
                out[o * inner + i] = acc
            }
        }
    }

    /// Max or min with the position (0..<r) of the first extreme; NaN wins.
    @inline(__always)
    static func extremum<T: NumericElement>(_ l: ReductionLayout, isMax: Bool, _: T.Type,
                                           _ values: UnsafeMutablePointer<T>, _ indices: UnsafeMutablePointer<Int64>?) {
        let x = l.source.basePointer(T.self)
        let r = l.r, inner = l.inner
        for o in 0..<l.outer {
            for i in 0..<inner {
                var p = x + o * r * inner + i
                var best = p.pointee
                var bestK = 0
                if !best.isNaNElement {
                    for k in 1..<Swift.max(r, 1) {
                        p += inner
                        let v = p.pointee
                        if v.isNaNElement { best = v; bestK = k; break }
                        if isMax ? (v > best) : (v < best) { best = v; bestK = k }
                    }
                }
                values[o * inner + i] = best
                indices?[o * inner + i] = Int64(bestK)
            }
        }
    }

}

/// Small whole-tensor scans used by kernels' argument checks.
enum Reduce {
    static func containsZero(_ t: Tensor) throws -> Bool {
        let c = try t.converted(to: .int64).contiguousValues()
        let p = c.basePointer(Int64.self)
        for i in 0..<c.numel where p[i] == 0 { return true }
        return false
    }

    static func containsNegative(_ t: Tensor) throws -> Bool {
        let c = try t.converted(to: .int64).contiguousValues()
        let p = c.basePointer(Int64.self)
        for i in 0..<c.numel where p[i] < 0 { return true }
        return false
    }
}
