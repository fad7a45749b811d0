/// The first half of every subscript, as PyTorch's `applySlicing` does it:
/// ints select, slices slice, None unsqueezes and `...` skips dims, giving a
/// view of the tensor; index tensors and masks are set aside, one per dim of
/// that view, for the advanced (copying) half.
struct SlicedIndex {
    /// The view after the basic items (shares storage; views record autograd).
    var view: Tensor
    /// For each dim of `view`: the index tensor (int64) or mask (bool) applied
    /// there, or nil. Empty when there is no advanced index.
    var tensorIndices: [Tensor?]

    var hasAdvancedIndex: Bool { tensorIndices.contains { $0 != nil } }
}

extension Tensor {
    /// Applies the basic items of `items` (PyTorch's applySlicing).
    func applySlicing(_ items: [TensorIndex]) throws -> SlicedIndex {
        let specified = items.reduce(0) { $0 + $1.consumedDims }
        if specified > dim {
            throw TensorError(.indexError, "too many indices for tensor of dimension \(dim)")
        }
        if items.filter({ if case .ellipsis = $0 { return true } else { return false } }).count > 1 {
            throw TensorError(.indexError, "an index can only have a single ellipsis ('...')")
        }
        var result = self
        var tensorIndices: [Tensor?] = []
        var current = 0   // dim of `result` the next item applies to
        var realDim = 0   // dim of `self` the next item applies to (for messages)

        func record(_ index: Tensor) {
            while tensorIndices.count < current { tensorIndices.append(nil) }
            tensorIndices.append(index)
            current += 1
        }

        for item in items {
            switch item {
            case .int(let i):
                result = try result.selectIndex(dim: current, index: i, realDim: realDim)
                realDim += 1
            case .slice(let start, let stop, let step):
                result = try result.sliceIndex(dim: current, start: start, stop: stop, step: step ?? 1)
                current += 1
                realDim += 1
            case .none:
                result = try result.unsqueeze(current)
                current += 1
            case .ellipsis:
                current += dim - specified
                realDim += dim - specified
            case .tensor(let t):
                switch (t.dtype, t.dim) {
                case (.int64, 0), (.int32, 0):
                    // A 0-dim integer tensor indexes like an int.
                    let i = Int(truncatingIfNeeded: Int64.fromScalar(t.scalar(atLogical: 0)))
                    result = try result.selectIndex(dim: current, index: i, realDim: realDim)
                    realDim += 1
                case (.bool, 0):
                    // x[True] adds a dim of size 1 and keeps it; x[False] keeps none of it.
                    result = try result.unsqueeze(current)
                    let keep = t.storage.bools[t.storageOffset]
                    record(try Tensor(shape: [keep ? 1 : 0], ints: keep ? [0] : []))
                case (.float32, _), (.float64, _):
                    throw TensorError(.indexError, "tensors used as indices must be long, int, byte or bool tensors")
                default:
                    record(t)
                    let consumed = t.dtype == .bool ? t.dim : 1
                    current += consumed - 1
                    realDim += consumed
                }
            }
        }
        if !tensorIndices.isEmpty {
            while tensorIndices.count < result.dim { tensorIndices.append(nil) }
        }
        return SlicedIndex(view: result, tensorIndices: tensorIndices)
    }

    /// `select` with PyTorch's indexing messages (dims counted in the original tensor).
    func selectIndex(dim d: Int, index: Int, realDim: Int) throws -> Tensor {
        if dim == 0 {
            throw TensorError(.indexError,
                "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
        }
        let size = shape[d]
        if index < -size || index >= size {
            throw TensorError(.indexError, "index \(index) is out of bounds for dimension \(realDim) with size \(size)")
        }
        return try select(dim: d, index: index)
    }

    /// `slice`, skipped when it keeps everything and says so exactly (`0:size`),
    /// as PyTorch's slice optimisation does.
    private func sliceIndex(dim d: Int, start: Int?, stop: Int?, step: Int) throws -> Tensor {
        try TensorIndex.checkStep(step)
        let size = shape[d]
        if (start ?? 0) == 0 && stop == size && step == 1 { return self }
        // A step past the size keeps at most one element: clamp it so the
        // length and stride arithmetic cannot overflow (x[::2**62]).
        return try slice(dim: d, start: start, end: stop, step: Swift.min(step, Swift.max(size, 1)))
    }
}
