/// PyTorch's CPU float sum (`cascade_sum` in ATen's SumKernel.cpp) for one
/// contiguous run, so that sums and means print PyTorch's digits: float
/// accumulators, eight-lane vectors (the AVX2 kernel PyTorch also runs on
/// AVX-512 machines), four vectors in flight, and partial sums cascaded
/// through four levels. PyTorch splits runs longer than its grain size
/// (32768) across threads; those keep Kindling's Double sum.
enum CascadeSum {
    static let lanes = 8
    static let grainSize = 32_768

    /// The sum of `p[0..<n]` as PyTorch computes it (`n <= grainSize`).
    static func sum(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        if n < lanes { return shortRowSum(p, n) }
        let vectors = n / lanes
        let acc = rowSum(p, vectors)
        var total: Float = 0
        for k in (vectors * lanes)..<n { total += p[k] }
        for k in 0..<lanes { total += acc[k] }
        return total
    }

    /// `row_sum` with scalar loads for fewer than eight floats: four lanes
    /// (one row at most, so no cascade), the rest added to lane 0, then folded.
    private static func shortRowSum(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        var lane: (Float, Float, Float, Float) = (0, 0, 0, 0)
        var i = 0
        if n >= 4 { lane = (0 + p[0], 0 + p[1], 0 + p[2], 0 + p[3]); i = 4 }
        while i < n { lane.0 += p[i]; i += 1 }
        return ((lane.0 + lane.1) + lane.2) + lane.3
    }

    /// `row_sum` over `count` eight-float vectors: `multi_row_sum` over rows of
    /// four vectors, leftover vectors into column 0, the columns folded.
    private static func rowSum(_ p: UnsafePointer<Float>, _ count: Int) -> SIMD8<Float> {
        let base = UnsafeRawPointer(p)
        let stride = lanes * MemoryLayout<Float>.stride
        @inline(__always) func load(_ vector: Int) -> SIMD8<Float> {
            base.loadUnaligned(fromByteOffset: vector * stride, as: SIMD8<Float>.self)
        }
        let rows = count / 4
        let levels = 4
        let levelPower = Swift.max(4, ceilLog2(rows) / levels)
        let levelStep = 1 << levelPower
        let levelMask = levelStep - 1
        return withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: levels * 4) { acc in
            for j in 0..<(levels * 4) { acc[j] = SIMD8() }
            var i = 0
            while i + levelStep <= rows {
                for _ in 0..<levelStep {
                    for k in 0..<4 { acc[k] += load(i * 4 + k) }
                    i += 1
                }
                for j in 1..<levels {
                    for k in 0..<4 {
                        acc[j * 4 + k] += acc[(j - 1) * 4 + k]
                        acc[(j - 1) * 4 + k] = SIMD8()
                    }
                    if i & (levelMask << (j * levelPower)) != 0 { break }
                }
            }
            while i < rows {
                for k in 0..<4 { acc[k] += load(i * 4 + k) }
                i += 1
            }
            for j in 1..<levels {
                for k in 0..<4 { acc[k] += acc[j * 4 + k] }
            }
            for v in (rows * 4)..<count { acc[0] += load(v) }
            var folded = acc[0]
            for k in 1..<4 { folded += acc[k] }
            return folded
        }
    }

    /// ATen's `CeilLog2` (0 for 0 and 1).
    private static func ceilLog2(_ x: Int) -> Int {
        x <= 1 ? 0 : Int.bitWidth - (x - 1).leadingZeroBitCount
    }
}
