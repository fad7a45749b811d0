/// Running ops along one dim: `cumprod` (CumprodBackward0, exact with zeros
/// in the input) and `cummax`/`cummin` (values and the index each came from).
extension Tensor {
    /// `cumprod(dim)`; integer and bool tensors accumulate in int64, floats in double.
    public func cumprod(dim d: Int) throws -> Tensor {
        let w = try Shape.wrapDim(d, rank: dim)
        let src = try (dtype.isFloatingPoint ? self : try converted(to: .int64)).contiguousValues()
        let (outer, size, inner) = PositionKernels.layout(shape, w)
        let out = try Tensor.empty(shape, src.dtype)
        switch src.dtype {
        case .float32: CumulativeKernels.product(src, out, outer, size, inner, Float.self)
        case .float64: CumulativeKernels.product(src, out, outer, size, inner, Double.self)
        default:
            let x = src.basePointer(Int64.self), po = out.basePointer(Int64.self)
            for o in 0..<outer {
                for j in 0..<inner {
                    var acc: Int64 = 1
                    for k in 0..<size { let p = (o * size + k) * inner + j; acc = acc &* x[p]; po[p] = acc }
                }
            }
        }
        if dtype.isFloatingPoint && Tensor.needsGrad(self) { out.attach(.cumprod(x: SavedTensor(self), dim: w), [self]) }
        return out
    }

    /// `cummax(dim)` / `cummin(dim)`: running extremum and the index it was
    /// found at (a later equal element or NaN takes over, as in PyTorch).
    public func cumulativeExtremum(dim d: Int, isMax: Bool) throws -> (values: Tensor, indices: Tensor) {
        let w = try Shape.wrapDim(d, rank: dim)
        let lines = try SortLines(self, dim: w)
        let indices = try Tensor.empty(shape, .int64)
        let pi = indices.basePointer(Int64.self)
        var positions = [Int](repeating: 0, count: numel)
        for o in 0..<lines.outer {
            for j in 0..<lines.inner {
                var best = 0
                for k in 0..<lines.size {
                    let p = lines.position(o, j, k), b = lines.position(o, j, best)
                    if k > 0 {
                        let takes: Bool
                        if let keys = lines.floatKeys {
                            let x = keys[p], m = keys[b]
                            takes = x.isNaN || (!m.isNaN && (isMax ? x >= m : x <= m))
                        } else if let keys = lines.intKeys {
                            takes = isMax ? keys[p] >= keys[b] : keys[p] <= keys[b]
                        } else { takes = false }
                        if takes { best = k }
                    }
                    positions[p] = lines.position(o, j, best)
                    pi[p] = Int64(best)
                }
            }
        }
        let values = try takePositions(positions, shape: shape, gradName: isMax ? "CummaxBackward0" : "CumminBackward0")
        return (values, indices)
    }
}

enum CumulativeKernels {
    static func product<T: FloatElement>(_ src: Tensor, _ out: Tensor, _ outer: Int, _ size: Int, _ inner: Int, _: T.Type) {
        let x = src.basePointer(T.self), po = out.basePointer(T.self)
        for o in 0..<outer {
            for j in 0..<inner {
                var acc = 1.0
                for k in 0..<size { let p = (o * size + k) * inner + j; acc *= Double(x[p]); po[p] = T(acc) }
            }
        }
    }

    /// The gradient of `cumprod`: for each x[k], the sum over j >= k of
    /// g[j] * prod(x[i] for i <= j, i != k), computed per line in O(n) and
    /// exact when the line holds zeros (no division by them).
    static func cumprodGradient(_ g: Tensor, _ x: Tensor, dim: Int) throws -> Tensor {
        let xs = try x.values(as: .float64), gs = try g.values(as: .float64)
        let out = try Tensor.empty(x.shape, .float64)
        let px = xs.basePointer(Double.self), pg = gs.basePointer(Double.self), po = out.basePointer(Double.self)
        let (outer, size, inner) = PositionKernels.layout(x.shape, dim)
        for o in 0..<outer {
            for j in 0..<inner {
                @inline(__always) func at(_ k: Int) -> Int { (o * size + k) * inner + j }
                var firstZero = size
                for k in 0..<size where px[at(k)] == 0 { firstZero = k; break }
                // Before the first zero: suffix sums of g * cumprod, divided by x[k].
                var prefix = [Double](repeating: 1, count: size + 1)
                for k in 0..<size { prefix[k + 1] = prefix[k] * px[at(k)] }
                var suffix = 0.0
                var k = size - 1
                while k >= 0 {
                    if k < firstZero { suffix += pg[at(k)] * prefix[k + 1] }
                    k -= 1
                }
                var running = 0.0
                for k in 0..<firstZero {
                    po[at(k)] = (suffix - running) / px[at(k)]
                    running += pg[at(k)] * prefix[k + 1]
                }
                guard firstZero < size else { continue }
                // At the first zero: products that skip it; after it every product holds it.
                var p = prefix[firstZero], acc = 0.0
                for k in firstZero..<size {
                    if k > firstZero { p *= px[at(k)] }
                    acc += pg[at(k)] * p
                }
                po[at(firstZero)] = acc
                for k in (firstZero + 1)..<size { po[at(k)] = 0 }
            }
        }
        return try out.converted(to: g.dtype)
    }
}
