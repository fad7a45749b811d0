/// Ops that return views sharing storage with their input, exactly where
/// PyTorch's do: view/reshape, transposes, (un)squeeze, expand, select, slice.
extension Tensor {
    /// A view of this tensor's storage with the given geometry, recording `op`.
    @inline(__always)
    func makeView(_ shape: [Int], _ strides: [Int], _ offset: Int, _ op: @autoclosure () -> BackwardOp) -> Tensor {
        let v = Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
        v.viewBase = viewBase ?? self
        if Tensor.needsGrad(self) { v.attach(op(), [self]) }
        return v
    }

    /// Resolves a single -1 in `sizes` against `numel` (PyTorch's infer_size).
    static func inferShape(_ sizes: [Int], numel: Int) throws -> [Int] {
        var product = 1
        var inferred: Int? = nil
        for (d, s) in sizes.enumerated() {
            if s == -1 {
                if inferred != nil { throw TensorError(.runtimeError, "only one dimension can be inferred") }
                inferred = d
            } else if s < 0 {
                throw TensorError(.runtimeError, "invalid shape dimension \(s)")
            } else {
                let (p, overflow) = product.multipliedReportingOverflow(by: s)
                if overflow { throw TensorError(.runtimeError, "shape '\(Shape.describe(sizes))' is invalid for input of size \(numel)") }
                product = p
            }
        }
        if let d = inferred {
            if product == 0 {
                throw TensorError(.runtimeError,
                    "cannot reshape tensor of 0 elements into shape \(Shape.describe(sizes)) because the unspecified dimension size -1 can be any value and is ambiguous")
            }
            if numel % product == 0 {
                var out = sizes
                out[d] = numel / product
                return out
            }
        } else if product == numel {
            return sizes
        }
        throw TensorError(.runtimeError, "shape '\(Shape.describe(sizes))' is invalid for input of size \(numel)")
    }

    /// Strides viewing (oldShape, oldStrides) as newShape without copying, or nil
    /// (PyTorch's computeStride).
    static func viewStrides(_ oldShape: [Int], _ oldStrides: [Int], _ newShape: [Int]) -> [Int]? {
        if oldShape.isEmpty { return [Int](repeating: 1, count: newShape.count) }
        let numel = Shape.product(oldShape)
        if numel == 0 { return oldShape == newShape ? oldStrides : Shape.contiguousStrides(newShape) }
        var newStrides = [Int](repeating: 0, count: newShape.count)
        var viewD = newShape.count - 1
        var chunkBase = oldStrides[oldStrides.count - 1]
        var tensorNumel = 1, viewNumel = 1
        var tensorD = oldShape.count - 1
        while tensorD >= 0 {
            tensorNumel *= oldShape[tensorD]
            if tensorD == 0 || (oldShape[tensorD - 1] != 1 && oldStrides[tensorD - 1] != tensorNumel * chunkBase) {
                while viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1) {
                    newStrides[viewD] = viewNumel * chunkBase
                    viewNumel *= newShape[viewD]
                    viewD -= 1
                }
                if viewNumel != tensorNumel { return nil }
                if tensorD > 0 {
                    chunkBase = oldStrides[tensorD - 1]
                    tensorNumel = 1
                    viewNumel = 1
                }
            }
            tensorD -= 1
        }
        return viewD == -1 ? newStrides : nil
    }

    /// `view(*shape)` (one size may be -1). Never copies.
    public func view(_ sizes: [Int]) throws -> Tensor {
        let newShape = try Tensor.inferShape(sizes, numel: numel)
        guard let st = Tensor.viewStrides(shape, strides, newShape) else {
            throw TensorError(.runtimeError,
                "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.")
        }
        return makeView(newShape, st, storageOffset, .view(shape))
    }

    /// `reshape(*shape)`: a view when possible, else a copy.
    public func reshape(_ sizes: [Int]) throws -> Tensor {
        let newShape = try Tensor.inferShape(sizes, numel: numel)
        if let st = Tensor.viewStrides(shape, strides, newShape) {
            return makeView(newShape, st, storageOffset, .view(shape))
        }
        let copy = try CopyKernel.materialize(self, dtype: dtype)
        let out = Tensor(storage: copy.storage, shape: newShape, strides: Shape.contiguousStrides(newShape), offset: 0)
        if Tensor.needsGrad(self) { out.attach(.unsafeView(shape), [self]) }
        return out
    }

    /// `flatten(start_dim, end_dim)`.
    public func flatten(startDim: Int = 0, endDim: Int = -1) throws -> Tensor {
        if dim == 0 { return try reshape([1]) }
        let s = try Shape.wrapDim(startDim, rank: dim), e = try Shape.wrapDim(endDim, rank: dim)
        if s > e { throw TensorError(.runtimeError, "flatten() has invalid args: start_dim cannot come after end_dim") }
        if s == e { return self }
        var sizes = Array(shape[0..<s])
        sizes.append(Shape.product(Array(shape[s...e])))
        sizes.append(contentsOf: shape[(e + 1)...])
        return try reshape(sizes)
    }

    /// `transpose(d0, d1)` / `swapaxes`.
    public func transpose(_ d0: Int, _ d1: Int) throws -> Tensor {
        let a = try Shape.wrapDim(d0, rank: dim), b = try Shape.wrapDim(d1, rank: dim)
        if dim == 0 { return makeView(shape, strides, storageOffset, .transpose(0, 0)) }
        var sh = shape, st = strides
        sh.swapAt(a, b)
        st.swapAt(a, b)
        return makeView(sh, st, storageOffset, .transpose(a, b))
    }

    /// `t()`: transpose of a tensor with at most 2 dims.
    public func t() throws -> Tensor {
        if dim > 2 {
            throw TensorError(.runtimeError, "t() expects a tensor with <= 2 dimensions, but self is \(dim)D")
        }
        if dim < 2 { return makeView(shape, strides, storageOffset, .t) }
        return makeView([shape[1], shape[0]], [strides[1], strides[0]], storageOffset, .t)
    }

    /// `permute(*dims)`. (`.T` in PyTorch is permute with the dims reversed.)
    public func permute(_ dims: [Int]) throws -> Tensor {
        if dims.count != dim {
            throw TensorError(.runtimeError,
                "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = \(dim) is not equal to len(dims) = \(dims.count)")
        }
        var seen = [Bool](repeating: false, count: dim)
        var wrapped = [Int]()
        wrapped.reserveCapacity(dim)
        for d in dims {
            let w = try Shape.wrapDim(d, rank: dim)
            if seen[w] { throw TensorError(.runtimeError, "permute(): duplicate dims are not allowed.") }
            seen[w] = true
            wrapped.append(w)
        }
        return makeView(wrapped.map { shape[$0] }, wrapped.map { strides[$0] }, storageOffset, .permute(wrapped))
    }

    public func unsqueeze(_ d: Int) throws -> Tensor {
        let w = try Shape.wrapDim(d, rank: dim + 1)
        var sh = shape, st = strides
        let newStride = w < dim ? shape[w] * strides[w] : 1
        sh.insert(1, at: w)
        st.insert(newStride, at: w)
        return makeView(sh, st, storageOffset, .unsqueeze(w))
    }

    /// `squeeze()` (all size-1 dims) or `squeeze(dim)`.
    public func squeeze(_ d: Int? = nil) throws -> Tensor {
        if let d = d {
            if dim == 0 { _ = try Shape.wrapDim(d, rank: 0); return makeView(shape, strides, storageOffset, .squeezeDim(shape)) }
            let w = try Shape.wrapDim(d, rank: dim)
            var sh = shape, st = strides
            if sh[w] == 1 { sh.remove(at: w); st.remove(at: w) }
            return makeView(sh, st, storageOffset, .squeezeDim(shape))
        }
        var sh: [Int] = [], st: [Int] = []
        for i in 0..<dim where shape[i] != 1 { sh.append(shape[i]); st.append(strides[i]) }
        return makeView(sh, st, storageOffset, .squeezeAll(shape))
    }

    /// `expand(*sizes)` (-1 keeps a size); new leading dims allowed; no copy.
    public func expand(_ sizes: [Int]) throws -> Tensor {
        if sizes.count < dim {
            throw TensorError(.runtimeError,
                "expand(torch.\(dtype.kernelName)Tensor{\(Shape.describe(shape))}, size=\(Shape.describe(sizes))): the number of sizes provided (\(sizes.count)) must be greater or equal to the number of dimensions in the tensor (\(dim))")
        }
        let lead = sizes.count - dim
        var sh = [Int](repeating: 0, count: sizes.count), st = [Int](repeating: 0, count: sizes.count)
        for i in 0..<sizes.count {
            let target = sizes[i]
            if i < lead {
                if target < 0 {
                    throw TensorError(.runtimeError,
                        "The expanded size of the tensor (\(target)) isn't allowed in a leading, non-existing dimension \(i)")
                }
                sh[i] = target
                st[i] = 0
                continue
            }
            let size = shape[i - lead], stride = strides[i - lead]
            if target == -1 || target == size {
                sh[i] = size
                st[i] = stride
            } else if size == 1 && target >= 0 {
                sh[i] = target
                st[i] = 0
            } else {
                throw TensorError(.runtimeError,
                    "The expanded size of the tensor (\(target)) must match the existing size (\(size)) at non-singleton dimension \(i).  Target sizes: \(Shape.describe(sizes)).  Tensor sizes: \(Shape.describe(shape))")
            }
        }
        _ = try Shape.numel(sh)  // a view too large to index is refused up front
        return makeView(sh, st, storageOffset, .expand(shape))
    }

    /// `expand_as` / broadcasting to a shape.
    public func expand(as other: Tensor) throws -> Tensor { try expand(other.shape) }

    /// The shape two shapes broadcast to (`torch.broadcast_shapes` of two); RuntimeError if they cannot.
    public static func broadcastShape(_ a: [Int], _ b: [Int]) throws -> [Int] { try Shape.broadcast(a, b) }

    /// `select(dim, index)`: drops `dim`, keeping element `index` (negative ok).
    public func select(dim d: Int, index: Int) throws -> Tensor {
        try select(dim: d, index: index, unbind: false)
    }

    func select(dim d: Int, index: Int, unbind: Bool) throws -> Tensor {
        if dim == 0 { throw TensorError(.indexError, "select() cannot be applied to a 0-dim tensor.") }
        let w = try Shape.wrapDim(d, rank: dim)
        let size = shape[w]
        if index < -size || index >= size {
            throw TensorError(.indexError, "index \(index) is out of bounds for dimension \(w) with size \(size)")
        }
        let i = index < 0 ? index + size : index
        var sh = shape, st = strides
        sh.remove(at: w)
        st.remove(at: w)
        return makeView(sh, st, storageOffset + i * strides[w], unbind ? .unbindSelect(shape, w, i) : .select(shape, w, i))
    }

    /// Python-style slice `start:end:step` along `dim` (bounds clamped, step > 0).
    public func slice(dim d: Int, start: Int? = nil, end: Int? = nil, step: Int = 1) throws -> Tensor {
        if dim == 0 { throw TensorError(.indexError, "slice() cannot be applied to a 0-dim tensor.") }
        if step <= 0 { throw TensorError(.valueError, "step must be greater than zero") }
        let w = try Shape.wrapDim(d, rank: dim)
        let size = shape[w]
        func clampIndex(_ v: Int?, _ dflt: Int) -> Int {
            guard var x = v else { return dflt }
            if x < 0 { x += size }
            return Swift.min(Swift.max(x, 0), size)
        }
        let s = clampIndex(start, 0)
        let e = Swift.max(clampIndex(end, size), s)
        let len = e == s ? 0 : (e - s - 1) / step + 1
        var sh = shape, st = strides
        sh[w] = len
        // With one element the stride is irrelevant (and a huge step could overflow it).
        st[w] = len <= 1 ? strides[w] : strides[w] * step
        return makeView(sh, st, storageOffset + s * strides[w], .slice(shape, w, s, step))
    }

    /// `narrow(dim, start, length)`.
    public func narrow(dim d: Int, start: Int, length: Int) throws -> Tensor {
        if dim == 0 { throw TensorError(.runtimeError, "narrow() cannot be applied to a 0-dim tensor.") }
        let w = try Shape.wrapDim(d, rank: dim)
        let size = shape[w]
        if start < -size || start > size {
            throw TensorError(.indexError,
                "start out of range (expected to be in range of [\(-size), \(size)], but got \(start))")
        }
        let s = start < 0 ? start + size : start
        if length < 0 || length > size - s {
            throw TensorError(.runtimeError, "start (\(s)) + length (\(length)) exceeds dimension size (\(size)).")
        }
        return try slice(dim: w, start: s, end: s + length, step: 1)
    }

    /// Views of each element along dim 0 (iteration, `unbind(0)`); copies nothing.
    public func rows() throws -> [Tensor] {
        guard let n = shape.first else { throw TensorError(.typeError, "iteration over a 0-d tensor") }
        return try (0..<n).map { try row($0) }
    }

    /// Row `i` as Python iteration yields it (a view; UnbindBackward0 when tracked).
    public func row(_ i: Int) throws -> Tensor {
        if dim == 0 { throw TensorError(.typeError, "iteration over a 0-d tensor") }
        return try select(dim: 0, index: i, unbind: true)
    }

    /// `unbind(dim)`.
    public func unbind(_ d: Int = 0) throws -> [Tensor] {
        if dim == 0 { throw TensorError(.indexError, "Dimension specified as \(d) but tensor has no dimensions") }
        let w = try Shape.wrapDim(d, rank: dim)
        return try (0..<shape[w]).map { try select(dim: w, index: $0, unbind: true) }
    }

    /// A tensor sharing storage, cut from the graph (`detach()`). In-place
    /// writes through it are allowed, as in PyTorch (it is not a tracked view).
    public func detach() -> Tensor {
        alias()
    }

    /// PyTorch's `.data`: shares storage, never tracked. Setting it replaces
    /// this tensor's contents (shape may change).
    public var data: Tensor {
        get { alias() }
        set { setData(newValue) }
    }

    /// A copy with its own storage, contiguous (CloneBackward0).
    public func clone() throws -> Tensor {
        let out = try CopyKernel.materialize(self, dtype: dtype)
        if Tensor.needsGrad(self) { out.attach(.clone, [self]) }
        return out
    }

    /// Self when already contiguous, else a contiguous clone.
    public func contiguous() throws -> Tensor {
        isContiguous ? self : try clone()
    }

    /// `to(dtype)` / `.float()` / `.long()` / `.bool()`: self when the dtype matches.
    public func to(_ target: DType) throws -> Tensor {
        if target == dtype { return self }
        let out = try CopyKernel.materialize(self, dtype: target)
        if target.isFloatingPoint && Tensor.needsGrad(self) {
            let source = dtype
            out.attach(.toCopy(from: source), [self])
        }
        return out
    }
}
