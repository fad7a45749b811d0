/// Reading with a subscript: `x[items]` (PyTorch's `__getitem__`).
extension Tensor {
    /// `x[items]`: basic items (ints, slices, None, ...) give a view; index
    /// tensors and masks then gather a copy (IndexBackward0), following NumPy's
    /// rules for where the indexed dims go.
    ///
    ///     x.index([.int(0)])                       // x[0]
    ///     x.index([.all, .slice(start: 1, stop: nil, step: 2)])  // x[:, 1::2]
    ///     x.index([.tensor(mask)])                 // x[mask]
    public func index(_ items: [TensorIndex]) throws -> Tensor {
        if items.count == 1 {
            // PyTorch's single-item fast paths (a lone slice is never skipped).
            switch items[0] {
            case .none: return try unsqueeze(0)
            case .ellipsis: return aliasView()
            case .int(let i):
                if dim == 0 { throw Tensor.zeroDimIndexError }
                return try selectIndex(dim: 0, index: i, realDim: 0)
            case .slice(let start, let stop, let step):
                if dim == 0 { throw TensorError(.indexError, "slice() cannot be applied to a 0-dim tensor.") }
                let size = shape[0], step = step ?? 1
                try TensorIndex.checkStep(step)
                return try slice(dim: 0, start: start, end: stop, step: Swift.min(step, Swift.max(size, 1)))
            case .tensor: break
            }
        }
        let sliced = try applySlicing(items)
        if !sliced.hasAdvancedIndex {
            return sliced.view === self ? aliasView() : sliced.view
        }
        return try sliced.view.gather(sliced.tensorIndices)
    }

    static let zeroDimIndexError = TensorError(.indexError,
        "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")

    /// A new view of all of this tensor (`x[...]`, AliasBackward0).
    func aliasView() -> Tensor {
        makeView(shape, strides, storageOffset, .alias)
    }

    /// `at::index`: the elements picked by `indices` (one per dim, nil where
    /// not indexed), as a new contiguous tensor.
    func gather(_ indices: [Tensor?]) throws -> Tensor {
        let plan = try AdvancedIndexPlan(sourceShape: shape, indices: indices)
        let out = try Tensor.empty(plan.resultShape, dtype)
        switch dtype {
        case .float32: IndexKernels.gather(Float.self, plan, from: self, into: out)
        case .float64: IndexKernels.gather(Double.self, plan, from: self, into: out)
        case .int32: IndexKernels.gather(Int32.self, plan, from: self, into: out)
        case .int64: IndexKernels.gather(Int64.self, plan, from: self, into: out)
        case .bool: IndexKernels.gather(Bool.self, plan, from: self, into: out)
        }
        if Tensor.needsGrad(self) {
            out.attach(.index(plan, sourceShape: shape), [self])
        }
        return out
    }
}

/// The loops behind advanced indexing.
enum IndexKernels {
    /// Copies the planned elements of `source` into the contiguous `out`.
    static func gather<T>(_: T.Type, _ plan: AdvancedIndexPlan, from source: Tensor, into out: Tensor) {
        let (outer, index, inner) = plan.offsets(strides: source.strides)
        let src = source.storage.pointer(T.self) + source.storageOffset
        var dst = out.storage.pointer(T.self) + out.storageOffset
        let run = contiguousRun(inner)
        for o in outer {
            for b in index {
                let base = o &+ b
                if let run {
                    dst.update(from: src + base + run, count: inner.count)
                    dst += inner.count
                } else {
                    for j in inner {
                        dst.pointee = src[base &+ j]
                        dst += 1
                    }
                }
            }
        }
    }

    /// Writes the contiguous `values` (shaped as the plan's result) to the
    /// planned elements of `target` (any layout). Repeated indices: last wins.
    static func scatter<T>(_: T.Type, _ plan: AdvancedIndexPlan, values: Tensor, into target: Tensor) {
        let (outer, index, inner) = plan.offsets(strides: target.strides)
        let dst = target.storage.pointer(T.self) + target.storageOffset
        var src = values.storage.pointer(T.self) + values.storageOffset
        for o in outer {
            for b in index {
                let base = o &+ b
                for j in inner {
                    dst[base &+ j] = src.pointee
                    src += 1
                }
            }
        }
    }

    /// IndexBackward0: a zero tensor of `shape` with `grad` added at the planned
    /// elements (repeated indices accumulate).
    static func scatterAdd(_ grad: Tensor, _ plan: AdvancedIndexPlan, shape: [Int]) throws -> Tensor {
        let dtype = grad.dtype.floatResult
        let g = try grad.values(as: dtype)
        let result = try Tensor.zeros(shape, dtype: dtype)
        if dtype == .float64 {
            scatterAdd(g, plan, into: result, Double.self)
        } else {
            scatterAdd(g, plan, into: result, Float.self)
        }
        return result
    }

    private static func scatterAdd<T: FloatElement>(_ g: Tensor, _ plan: AdvancedIndexPlan, into result: Tensor, _: T.Type) {
        let (outer, index, inner) = plan.offsets(strides: Shape.contiguousStrides(result.shape))
        let dst = result.basePointer(T.self)
        var src = g.basePointer(T.self)
        for o in outer {
            for b in index {
                let base = o &+ b
                for j in inner {
                    dst[base &+ j] += src.pointee
                    src += 1
                }
            }
        }
    }

    /// The first offset when `offsets` is a run of consecutive elements.
    private static func contiguousRun(_ offsets: [Int]) -> Int? {
        guard let first = offsets.first else { return 0 }
        for (k, o) in offsets.enumerated() where o != first + k { return nil }
        return first
    }
}
