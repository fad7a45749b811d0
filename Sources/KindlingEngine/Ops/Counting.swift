/// Ops that count or locate values: `unique` (sorted; each NaN its own
/// value, as PyTorch keeps them), `bincount`, `searchsorted`.
extension Tensor {
    /// `torch.unique(input, return_inverse, return_counts)` over all elements:
    /// sorted distinct values, each input element's index among them, and counts.
    public func unique() throws -> (values: Tensor, inverse: Tensor, counts: Tensor) {
        let flat = try reshape([numel]).detach()
        let lines = try SortLines(flat, dim: 0)
        return try groupRuns(flat, lines, order: lines.orders(descending: false, keep: numel)[0], gradName: "Unique2Backward0")
    }

    /// The runs of equal elements met in `order` (positions in `flat`): the first of each
    /// run, each element's run index (shaped like self) and the run lengths. Shared by
    /// `unique` (sorted order) and `unique_consecutive` (the elements' own order).
    func groupRuns(_ flat: Tensor, _ lines: SortLines, order: [Int], gradName: String) throws
        -> (values: Tensor, inverse: Tensor, counts: Tensor) {
        var picks: [Int] = [], counts: [Int64] = []
        let inverse = try Tensor.empty(shape, .int64)
        let pi = inverse.basePointer(Int64.self)
        for (r, i) in order.enumerated() {
            if r == 0 || !lines.equal(i, order[r - 1]) {
                picks.append(i)
                counts.append(0)
            }
            counts[counts.count - 1] += 1
            pi[i] = Int64(picks.count - 1)
        }
        let values = try PositionKernels.take(flat, picks, shape: [picks.count])
        if dtype.isFloatingPoint && Tensor.needsGrad(self) {
            values.attach(.notDifferentiable(name: gradName, shapes: [shape]), [self])
        }
        let countTensor = try Tensor.empty([counts.count], .int64)
        countTensor.basePointer(Int64.self).update(from: counts, count: counts.count)
        return (values, inverse, countTensor)
    }

    /// `torch.bincount(input, weights=None, minlength=0)`: occurrences of each
    /// value of a 1-d non-negative integer tensor (summed weights when given).
    public func bincount(weights: Tensor? = nil, minlength: Int = 0) throws -> Tensor {
        guard dtype.isIntegral else { throw TensorError(.notImplementedError, "\"bincount_cpu\" not implemented for '\(dtype.kernelName)'") }
        guard minlength >= 0 else { throw TensorError.runtime("minlength should be >= 0") }
        let values = try int64Values()
        guard dim == 1, !values.contains(where: { $0 < 0 }) else {
            throw TensorError.runtime("bincount only supports 1-d non-negative integral inputs.")
        }
        if let w = weights, w.dim != 1 || w.numel != numel {
            throw TensorError.runtime("weights should be 1-d and have the same length as input")
        }
        let bins = Swift.max(minlength, Int(values.max().map { $0 + 1 } ?? 0))
        guard let w = weights else {
            let out = try Tensor.zeros([bins], dtype: .int64)
            let po = out.basePointer(Int64.self)
            for v in values { po[Int(v)] += 1 }
            return out
        }
        // Float weights keep their dtype; integer and bool weights count in double, as PyTorch.
        let outType: DType = w.dtype == .float32 ? .float32 : .float64
        let out = try Tensor.zeros([bins], dtype: .float64)
        let ws = try w.values(as: .float64)
        let po = out.basePointer(Double.self), pw = ws.basePointer(Double.self)
        for (k, v) in values.enumerated() { po[Int(v)] += pw[k] }
        return try out.converted(to: outType)
    }

    /// `torch.searchsorted(sorted_sequence, values, right=False)`: for each
    /// value, the insertion index into its row of the (sorted) boundaries.
    public static func searchsorted(_ boundaries: Tensor, _ values: Tensor, right: Bool, int32: Bool) throws -> Tensor {
        let rowShape = Array(boundaries.shape.dropLast())
        if boundaries.dim > 1 && (values.dim != boundaries.dim || Array(values.shape.dropLast()) != rowShape) {
            throw TensorError.runtime("torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor \(Shape.describe(boundaries.shape)) and input value tensor \(Shape.describe(values.shape))")
        }
        guard boundaries.dim >= 1 else {
            throw TensorError.runtime("torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 dimension")
        }
        let b = try SortLines(boundaries, dim: boundaries.dim - 1)
        let v = try SortLines(values, dim: Swift.max(values.dim - 1, 0))
        let n = boundaries.shape[boundaries.dim - 1]
        let perRow = values.dim == 0 ? 1 : values.shape[values.dim - 1]
        let out = try Tensor.empty(values.shape, int32 ? .int32 : .int64)
        func key(_ l: SortLines, _ p: Int) -> Double { l.floatKeys.map { $0[p] } ?? Double(l.intKeys?[p] ?? 0) }
        for k in 0..<values.numel {
            let row = boundaries.dim == 1 ? 0 : k / Swift.max(perRow, 1)
            let x = key(v, k)
            // PyTorch's lower/upper bound: move right unless bd[mid] >= x (> x for right),
            // so NaN values land at the end and NaN boundaries count as smaller.
            var lo = 0, hi = n
            while lo < hi {
                let mid = (lo + hi) / 2
                let y = key(b, row * n + mid)
                let goRight = right ? !(y > x) : !(y >= x)
                if goRight { lo = mid + 1 } else { hi = mid }
            }
            if int32 { out.basePointer(Int32.self)[k] = Int32(lo) } else { out.basePointer(Int64.self)[k] = Int64(lo) }
        }
        return out
    }
}
