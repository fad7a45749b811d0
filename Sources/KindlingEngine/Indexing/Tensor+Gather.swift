/// Selection ops that copy elements out of a tensor: `gather`,
/// `index_select`, `take`, `masked_select`, `nonzero`, with PyTorch's checks
/// and messages and a gradient that adds back into the selected positions.
extension Tensor {
    /// `gather(dim, index)`: `out[i][j] = self[index[i][j]][j]` (for dim 0).
    public func gather(dim d: Int, index: Tensor) throws -> Tensor {
        let w = try Shape.wrapDim(d, rank: dim)
        guard index.dtype.isIntegral else { throw TensorError.runtime("gather(): Expected dtype int32/int64 for index") }
        let selfShape = dim == 0 ? [1] : shape
        let indexShape = index.dim == 0 ? [1] : index.shape
        guard selfShape.count == indexShape.count else {
            throw TensorError.runtime("Index tensor must have the same number of dimensions as input tensor")
        }
        for k in 0..<selfShape.count where k != w && indexShape[k] > selfShape[k] {
            throw TensorError.runtime("Size does not match at dimension \(k) expected index \(Shape.describe(index.shape)) to be no larger than self \(Shape.describe(shape)) apart from dimension \(w)")
        }
        let targets = try IndexWalk.alongDim(indexShape, index, into: selfShape, dim: w)
        return try takePositions(targets, shape: index.shape, gradName: "GatherBackward0")
    }

    /// `index_select(dim, index)`: whole slices along `dim`, in `index`'s order.
    public func indexSelect(dim d: Int, index: Tensor) throws -> Tensor {
        let w = try Shape.wrapDim(d, rank: dim)
        guard index.dtype.isIntegral else {
            throw TensorError.runtime("index_select(): Expected dtype int32 or int64 for index")
        }
        guard index.dim <= 1 else { throw TensorError.index("index_select(): Index is supposed to be a vector") }
        let picks = try index.int64Values()
        let selfShape = dim == 0 ? [1] : shape
        let (outer, size, inner) = PositionKernels.layout(selfShape, w)
        var positions: [Int] = []
        positions.reserveCapacity(outer * picks.count * inner)
        for o in 0..<outer {
            for p in picks {
                guard p >= 0 && p < Int64(size) else { throw TensorError.index("index out of range in self") }
                let base = (o * size + Int(p)) * inner
                for j in 0..<inner { positions.append(base + j) }
            }
        }
        var outShape = shape
        if dim > 0 { outShape[w] = picks.count }
        return try takePositions(positions, shape: outShape, gradName: "IndexSelectBackward0")
    }

    /// `take(index)`: elements of the flattened tensor (negative counts from the end).
    public func take(_ index: Tensor) throws -> Tensor {
        guard index.dtype == .int64 else {
            throw TensorError.runtime("take(): Expected a long tensor for index, but got \(index.dtype.kernelName)")
        }
        let n = numel
        if n == 0 && index.numel > 0 { throw TensorError.index("take(): tried to take from an empty tensor") }
        let positions = try index.int64Values().map { v -> Int in
            guard v >= -Int64(n) && v < Int64(n) else {
                throw TensorError.index("out of range: tried to access index \(v) on a tensor of \(n) elements.")
            }
            return Int(v < 0 ? v + Int64(n) : v)
        }
        return try takePositions(positions, shape: index.shape, gradName: "TakeBackward0")
    }

    /// `masked_select(mask)`: the elements where the broadcast mask is true, as a 1-d tensor.
    public func maskedSelect(_ mask: Tensor) throws -> Tensor {
        guard mask.dtype == .bool else { throw TensorError.runtime("masked_select: expected BoolTensor for mask") }
        let full = try Shape.broadcast(mask.shape, shape)
        let source = full == shape ? self : try expand(full)
        let positions = try mask.expand(full).truePositions()
        return try source.takePositions(positions, shape: [positions.count], gradName: "MaskedSelectBackward0")
    }

    /// `nonzero()`: the int64 coordinates of the nonzero elements, one row each.
    public func nonzero() throws -> Tensor {
        let rank = dim
        let positions = try truePositions()
        let out = try Tensor.empty([positions.count, rank], .int64)
        let po = out.basePointer(Int64.self)
        let strides = Shape.contiguousStrides(shape)
        for (row, p) in positions.enumerated() {
            var rest = p
            for d in 0..<rank {
                po[row * rank + d] = Int64(rest / Swift.max(strides[d], 1))
                rest %= Swift.max(strides[d], 1)
            }
        }
        return out
    }

    /// `nonzero(as_tuple=True)`: one 1-d coordinate tensor per dim (a 0-d input counts as 1-d).
    public func nonzeroTuple() throws -> [Tensor] {
        let coords = try (dim == 0 ? reshape([1]) : self).nonzero()
        return try (0..<Swift.max(dim, 1)).map { try coords.select(dim: 1, index: $0).contiguous() }
    }

    /// Row-major positions of the elements that are nonzero (true for bools; NaN counts).
    func truePositions() throws -> [Int] {
        let v = try contiguousValues()
        var out: [Int] = []
        switch dtype {
        case .float32: let p = v.basePointer(Float.self); for i in 0..<numel where p[i] != 0 { out.append(i) }
        case .float64: let p = v.basePointer(Double.self); for i in 0..<numel where p[i] != 0 { out.append(i) }
        case .int32: let p = v.basePointer(Int32.self); for i in 0..<numel where p[i] != 0 { out.append(i) }
        case .int64: let p = v.basePointer(Int64.self); for i in 0..<numel where p[i] != 0 { out.append(i) }
        case .bool: let p = v.basePointer(Bool.self); for i in 0..<numel where p[i] { out.append(i) }
        }
        return out
    }

    /// The elements as Int64 in row-major order (for index tensors).
    func int64Values() throws -> [Int64] {
        let v = try values(as: .int64)
        return Array(UnsafeBufferPointer(start: v.basePointer(Int64.self), count: numel))
    }
}

/// Walks an index tensor's elements in row-major order, mapping each to a
/// row-major position in another shape.
enum IndexWalk {
    /// For each element of `index` (shaped `indexShape`), the position in a
    /// tensor shaped `target` of the same coordinates with coordinate `dim`
    /// replaced by the element's value (checked against `target[dim]`).
    static func alongDim(_ indexShape: [Int], _ index: Tensor, into target: [Int], dim: Int) throws -> [Int] {
        let values = try index.int64Values()
        let strides = Shape.contiguousStrides(target)
        var coords = [Int](repeating: 0, count: indexShape.count)
        var positions = [Int](repeating: 0, count: values.count)
        let size = target[dim]
        for k in 0..<values.count {
            let v = values[k]
            guard v >= 0 && v < Int64(size) else {
                throw TensorError.runtime("index \(v) is out of bounds for dimension \(dim) with size \(size)")
            }
            var p = 0
            for d in 0..<coords.count { p += (d == dim ? Int(v) : coords[d]) * strides[d] }
            positions[k] = p
            var d = coords.count - 1
            while d >= 0 {
                coords[d] += 1
                if coords[d] < indexShape[d] { break }
                coords[d] = 0
                d -= 1
            }
        }
        return positions
    }

    /// Row-major positions, in a tensor shaped `target`, of every coordinate of `shape` (same rank, each dim no larger).
    static func positions(of shape: [Int], in target: [Int]) -> [Int] {
        let strides = Shape.contiguousStrides(target)
        let n = Shape.product(shape)
        var coords = [Int](repeating: 0, count: shape.count)
        var out = [Int](repeating: 0, count: n)
        for k in 0..<n {
            var p = 0
            for d in 0..<coords.count { p += coords[d] * strides[d] }
            out[k] = p
            var d = coords.count - 1
            while d >= 0 {
                coords[d] += 1
                if coords[d] < shape[d] { break }
                coords[d] = 0
                d -= 1
            }
        }
        return out
    }
}
