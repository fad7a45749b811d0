/// `index_fill` and `index_copy` (and their in-place forms): whole slices
/// along a dim, named by an index vector, set to a value or copied from a source.
extension Tensor {
    /// `index_fill(dim, index, value)`: slices `index` along `dim` set to `value`
    /// (a number, or a 0-d tensor whose gradient sums the filled positions').
    public func indexFill(dim d: Int, index: Tensor, _ value: ScatterSource) throws -> Tensor {
        let w = try Shape.wrapDim(d, rank: dim)
        guard index.dtype == .int64 else { throw TensorError.index("index_fill_(): Expected dtype int64 for index.") }
        guard index.dim <= 1 else { throw TensorError.runtime("Index has to be a vector/scalar") }
        let source: Tensor, name: String
        switch value {
        case .value(let v): source = try Tensor.scalarTensor(v, dtype); name = "IndexFillBackward0"
        case .tensor(let t):
            guard t.dim == 0 else {
                throw TensorError.runtime("index_fill_ only supports a 0-dimensional value tensor, but got tensor with \(t.dim) dimension(s).")
            }
            source = t
            name = "IndexFillBackward1"
        }
        let targets = try sliceTargets(w, try index.int64Values(), wrapNegative: true) { p, size in
            TensorError.index("index \(p) is out of bounds for dimension \(w) with size \(size)")
        }
        return try scatterPositions(source, targets: targets, sourcePositions: [Int](repeating: 0, count: targets.count),
                                    accumulate: false, gradName: name)
    }

    /// `index_fill_(dim, index, value)`.
    @discardableResult
    public func indexFill_(dim d: Int, index: Tensor, _ value: ScatterSource) throws -> Tensor {
        try replaceInPlace { try $0.indexFill(dim: d, index: index, value) }
    }

    /// `index_copy(dim, index, source)`: slice i of `source` copied to slice `index[i]`.
    public func indexCopy(dim d: Int, index: Tensor, source: Tensor) throws -> Tensor {
        let w = try Shape.wrapDim(d, rank: dim)
        guard index.dtype == .int64 else {
            throw TensorError.runtime("index_copy_(): Expected a long tensor for index, but got \(index.dtype.kernelName)")
        }
        guard index.dim <= 1 else { throw TensorError.index("index_copy_(): Index should have dimension 1 or 0 (got \(index.dim))") }
        let selfShape = dim == 0 ? [1] : shape, srcShape = source.dim == 0 ? [1] : source.shape
        let srcSize = w < srcShape.count ? srcShape[w] : 1
        guard index.numel == srcSize else {
            throw TensorError.index("index_copy_(): Number of indices (\(index.numel)) should be equal to source.size(dim) (\(srcSize))")
        }
        var selfSlice = selfShape, srcSlice = srcShape
        selfSlice.remove(at: w)
        if w < srcSlice.count { srcSlice.remove(at: w) }
        guard selfSlice == srcSlice else {
            func describe(_ s: [Int]) -> String { s.map(String.init).joined(separator: " ") }
            throw TensorError.runtime("index_copy_(): Source/destination tensor must have same slice shapes. Destination slice shape: \(describe(selfSlice)) at dimension \(w) and source slice shape: \(describe(srcSlice)) at dimension 0.")
        }
        guard source.dtype == dtype else {
            throw TensorError.runtime("index_copy_(): self and source expected to have the same dtype, but got (self) \(dtype.kernelName) and (source) \(source.dtype.kernelName)")
        }
        let targets = try sliceTargets(w, try index.int64Values(), wrapNegative: false) { p, size in
            TensorError.index("index_copy_(): index \(p) is out of bounds for dimension \(w) with size \(size)")
        }
        return try scatterPositions(source, targets: targets, sourcePositions: Array(0..<targets.count), accumulate: false,
                                    gradName: "IndexCopyBackward0")
    }

    /// `index_copy_(dim, index, source)`.
    @discardableResult
    public func indexCopy_(dim d: Int, index: Tensor, source: Tensor) throws -> Tensor {
        try replaceInPlace { try $0.indexCopy(dim: d, index: index, source: source) }
    }

    /// Row-major positions of the slices `picks` names along dim `w`, in
    /// (outer, pick, inner) order; `outOfRange` builds the error for a bad pick.
    func sliceTargets(_ w: Int, _ picks: [Int64], wrapNegative: Bool,
                      outOfRange: (Int64, Int) -> TensorError) throws -> [Int] {
        let (outer, size, inner) = PositionKernels.layout(dim == 0 ? [1] : shape, w)
        var targets: [Int] = []
        targets.reserveCapacity(outer * picks.count * inner)
        for o in 0..<outer {
            for p in picks {
                let low: Int64 = wrapNegative ? -Int64(size) : 0
                guard p >= low && p < Int64(size) else { throw outOfRange(p, size) }
                let base = (o * size + Int(p < 0 ? p + Int64(size) : p)) * inner
                for j in 0..<inner { targets.append(base + j) }
            }
        }
        return targets
    }
}
