/// Ops that write elements into a copy of a tensor: `scatter`,
/// `scatter_add`, `index_add`, `masked_fill`, each also in place (`_`), with
/// PyTorch's checks, messages and gradient node names.
extension Tensor {
    /// What a scatter writes: a source tensor or one value.
    public enum ScatterSource {
        case tensor(Tensor)
        case value(Scalar)
    }

    /// `scatter(dim, index, src|value)`: `out[index[i][j]][j] = src[i][j]` (for dim 0).
    public func scatter(dim d: Int, index: Tensor, _ source: ScatterSource, accumulate: Bool = false) throws -> Tensor {
        let (targets, src, sourcePositions) = try scatterPlan(dim: d, index: index, source)
        let name: String
        switch source {
        case .tensor: name = accumulate ? "ScatterAddBackward0" : "ScatterBackward0"
        case .value: name = "ScatterBackward1"
        }
        return try scatterPositions(src, targets: targets, sourcePositions: sourcePositions, accumulate: accumulate,
                                    gradName: name)
    }

    /// `scatter_(dim, index, src|value)` / `scatter_add_`.
    @discardableResult
    public func scatter_(dim d: Int, index: Tensor, _ source: ScatterSource, accumulate: Bool = false) throws -> Tensor {
        _ = try scatterPlan(dim: d, index: index, source)  // checks before any write
        return try replaceInPlace { try $0.scatter(dim: d, index: index, source, accumulate: accumulate) }
    }

    private func scatterPlan(dim d: Int, index: Tensor, _ source: ScatterSource) throws -> ([Int], Tensor, [Int]) {
        let w = try Shape.wrapDim(d, rank: dim)
        guard index.dtype.isIntegral else { throw TensorError.runtime("scatter(): Expected dtype int32/int64 for index") }
        let selfShape = dim == 0 ? [1] : shape
        let indexShape = index.dim == 0 ? [1] : index.shape
        guard selfShape.count == indexShape.count else {
            throw TensorError.runtime("Index tensor must have the same number of dimensions as self tensor")
        }
        let tooBigForSelf = (0..<selfShape.count).contains { $0 != w && indexShape[$0] > selfShape[$0] }
        switch source {
        case .tensor(let src):
            guard src.dtype == dtype else { throw TensorError.runtime("scatter(): Expected self.dtype to be equal to src.dtype") }
            let srcShape = src.dim == 0 ? [1] : src.shape
            guard srcShape.count == indexShape.count else {
                throw TensorError.runtime("Index tensor must have the same number of dimensions as src tensor")
            }
            if tooBigForSelf || (0..<srcShape.count).contains(where: { indexShape[$0] > srcShape[$0] }) {
                throw TensorError.runtime("Expected index \(Shape.describe(index.shape)) to be no larger than self \(Shape.describe(shape)) apart from dimension \(w) and to be no larger size than src \(Shape.describe(src.shape))")
            }
            let targets = try IndexWalk.alongDim(indexShape, index, into: selfShape, dim: w)
            return (targets, src, IndexWalk.positions(of: indexShape, in: srcShape))
        case .value(let v):
            if tooBigForSelf {
                throw TensorError.runtime("Expected index \(Shape.describe(index.shape)) to be no larger than self \(Shape.describe(shape)) apart from dimension \(w)")
            }
            let targets = try IndexWalk.alongDim(indexShape, index, into: selfShape, dim: w)
            return (targets, try Tensor.scalarTensor(v, dtype), [Int](repeating: 0, count: targets.count))
        }
    }

    /// `index_add(dim, index, source, alpha=1)`: adds slices of `source` at the slices `index` names.
    public func indexAdd(dim d: Int, index: Tensor, source: Tensor, alpha: Scalar = .int(1)) throws -> Tensor {
        let w = try Shape.wrapDim(d, rank: dim)
        guard index.dtype.isIntegral else {
            throw TensorError.runtime("index_add_(): Expected dtype int32/int64 for index but got: \(index.dtype.kernelName)")
        }
        guard index.dim <= 1 else { throw TensorError.index("index_add_(): Index is supposed to be a vector") }
        guard source.dtype == dtype else {
            throw TensorError.runtime("index_add_(): self (\(dtype.kernelName)) and source (\(source.dtype.kernelName)) must have the same scalar type")
        }
        let selfShape = dim == 0 ? [1] : shape
        let srcShape = source.dim == 0 ? [1] : source.shape
        var expected = selfShape
        expected[w] = srcShape.count == selfShape.count ? srcShape[w] : -1
        guard srcShape == expected else {
            throw TensorError.runtime("source tensor shape must match self tensor shape, excluding the specified dimension. Got self.shape = \(Shape.describe(shape)) source.shape = \(Shape.describe(source.shape))")
        }
        let picks = try index.int64Values()
        guard picks.count == srcShape[w] else {
            throw TensorError.runtime("index_add_(): Number of indices (\(picks.count)) should be equal to source.size(dim): (\(srcShape[w])), for dim: \(w)")
        }
        let (outer, size, inner) = PositionKernels.layout(selfShape, w)
        var targets: [Int] = []
        targets.reserveCapacity(source.numel)
        for o in 0..<outer {
            for p in picks {
                guard p >= 0 && p < Int64(size) else {
                    throw TensorError.runtime("index \(p) is out of bounds for dimension \(w) with size \(size)")
                }
                let base = (o * size + Int(p)) * inner
                for j in 0..<inner { targets.append(base + j) }
            }
        }
        var src = source
        if alpha != .int(1) { src = try Tensor.binary(.mul, .tensor(source), .scalar(alpha)) }
        return try scatterPositions(src, targets: targets, sourcePositions: Array(0..<targets.count), accumulate: true,
                                    gradName: "IndexAddBackward0")
    }

    /// `index_add_(dim, index, source, alpha=1)`.
    @discardableResult
    public func indexAdd_(dim d: Int, index: Tensor, source: Tensor, alpha: Scalar = .int(1)) throws -> Tensor {
        try replaceInPlace { try $0.indexAdd(dim: d, index: index, source: source, alpha: alpha) }
    }

    /// `masked_fill(mask, value)`: value where the (broadcast) mask is true.
    /// A tensor value must be 0-d; its gradient sums the filled positions'.
    public func maskedFill(_ mask: Tensor, _ value: ScatterSource) throws -> Tensor {
        guard mask.dtype == .bool else {
            throw TensorError.runtime("masked_fill_ only supports boolean masks, but got mask with dtype \(mask.dtype.cTypeName)")
        }
        let source: Tensor, name: String
        switch value {
        case .value(let v):
            source = try Tensor.scalarTensor(v, dtype)
            name = "MaskedFillBackward0"
        case .tensor(let t):
            guard t.dim == 0 else {
                throw TensorError.runtime("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with \(t.dim) dimension(s).")
            }
            source = t
            name = "MaskedFillBackward1"
        }
        let full = try Shape.broadcast(mask.shape, shape)
        let base = full == shape ? self : try expand(full)
        let targets = try mask.expand(full).truePositions()
        return try base.scatterPositions(source, targets: targets, sourcePositions: [Int](repeating: 0, count: targets.count),
                                         accumulate: false, gradName: name)
    }

    /// `masked_fill_(mask, value)`: the mask must broadcast to self's shape.
    @discardableResult
    public func maskedFill_(_ mask: Tensor, _ value: ScatterSource) throws -> Tensor {
        let full = try Shape.broadcast(shape, mask.shape)
        if full != shape {
            throw TensorError.runtime("output with shape \(Shape.describe(shape)) doesn't match the broadcast shape \(Shape.describe(full))")
        }
        return try replaceInPlace { try $0.maskedFill(mask, value) }
    }
}

extension DType {
    /// The C type name PyTorch's masked_fill message uses ("long int", "float").
    var cTypeName: String {
        switch self {
        case .float32: return "float"
        case .float64: return "double"
        case .int32: return "int"
        case .int64: return "long int"
        case .bool: return "bool"
        }
    }
}
