/// Ops that move elements around without changing them: `flip`, `roll`,
/// `movedim`, `split`/`chunk` (views), `repeat_interleave`.
extension Tensor {
    /// `flip(dims)`: reverses the order along each of `dims` (a copy).
    public func flip(_ dims: [Int]) throws -> Tensor {
        var flipped = [Bool](repeating: false, count: Swift.max(dim, 1))
        for d in dims {
            let w = try Shape.wrapDim(d, rank: dim)
            if flipped[w] { throw TensorError.runtime("dim \(w) appears multiple times in the list of dims") }
            flipped[w] = true
        }
        return try remap(gradName: "FlipBackward0") { coords, d in flipped[d] ? self.shape[d] - 1 - coords[d] : coords[d] }
    }

    /// `roll(shifts, dims)`: rotates along each dim; without dims, over the flattened tensor.
    public func roll(_ shifts: [Int], dims: [Int]) throws -> Tensor {
        if dims.isEmpty {
            guard shifts.count == 1 else {
                throw TensorError.runtime("shifts and dimensions must align. shifts: \(shifts.count), dims:0")
            }
            let n = numel
            let s = n == 0 ? 0 : ((shifts[0] % n) + n) % n
            let positions = (0..<n).map { ($0 - s + n) % Swift.max(n, 1) }
            return try takePositions(positions, shape: shape, gradName: "RollBackward0")
        }
        guard shifts.count == dims.count else {
            throw TensorError.runtime("shifts and dimensions must align. shifts: \(shifts.count), dims:\(dims.count)")
        }
        var shiftOf = [Int](repeating: 0, count: Swift.max(dim, 1))
        for (s, d) in zip(shifts, dims) { shiftOf[try Shape.wrapDim(d, rank: dim)] += s }
        return try remap(gradName: "RollBackward0") { coords, d in
            let size = self.shape[d]
            return ((coords[d] - shiftOf[d]) % size + size) % size
        }
    }

    /// A copy where output coordinate c reads input coordinate `source(c, d)` along each dim d.
    private func remap(gradName: String, _ source: ([Int], Int) -> Int) throws -> Tensor {
        let strides = Shape.contiguousStrides(shape)
        var coords = [Int](repeating: 0, count: dim)
        var positions = [Int](repeating: 0, count: numel)
        for k in 0..<numel {
            var p = 0
            for d in 0..<dim { p += source(coords, d) * strides[d] }
            positions[k] = p
            var d = dim - 1
            while d >= 0 {
                coords[d] += 1
                if coords[d] < shape[d] { break }
                coords[d] = 0
                d -= 1
            }
        }
        return try takePositions(positions, shape: shape, gradName: gradName)
    }

    /// `movedim(source, destination)`: a permutation view.
    public func movedim(_ source: [Int], _ destination: [Int]) throws -> Tensor {
        guard source.count == destination.count else {
            throw TensorError.runtime("movedim: Invalid source or destination dims: source (\(Shape.describe(source)) dims) should contain the same number of dims as destination (\(Shape.describe(destination)) dims)")
        }
        let src = try source.map { try Shape.wrapDim($0, rank: dim) }
        let dst = try destination.map { try Shape.wrapDim($0, rank: dim) }
        if Set(src).count != src.count { throw TensorError.runtime("movedim: repeated dim in `source` (\(Shape.describe(source)))") }
        if Set(dst).count != dst.count { throw TensorError.runtime("movedim: repeated dim in `destination` (\(Shape.describe(destination)))") }
        var perm = [Int](repeating: -1, count: dim)
        for (s, d) in zip(src, dst) { perm[d] = s }
        var rest = (0..<dim).filter { !src.contains($0) }.makeIterator()
        for i in 0..<dim where perm[i] == -1 { perm[i] = rest.next() ?? 0 }
        return try permute(perm)
    }

    /// `split(split_size, dim)`: views of `size` elements each (the last may be shorter).
    public func split(size: Int, dim d: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TensorError.runtime("split expects at least a 1-dimensional tensor") }
        let w = try Shape.wrapDim(d, rank: dim)
        let total = shape[w]
        guard size >= 0 else { throw TensorError.runtime("split expects split_size be non-negative, but got split_size=\(size)") }
        if size == 0 {
            guard total == 0 else {
                throw TensorError.runtime("split_size can only be 0 if dimension size is 0, but got dimension size of \(total)")
            }
            return [try sliceView(w, 0, 0, "SplitBackward0")]
        }
        let count = Swift.max((total + size - 1) / size, 1)
        return try (0..<count).map { i in try sliceView(w, i * size, Swift.min(size, total - i * size), "SplitBackward0") }
    }

    /// `split([sizes], dim)` / `split_with_sizes`: views of the given sizes.
    public func split(sizes: [Int], dim d: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TensorError.runtime("split expects at least a 1-dimensional tensor") }
        let w = try Shape.wrapDim(d, rank: dim)
        if sizes.contains(where: { $0 < 0 }) || sizes.reduce(0, +) != shape[w] {
            if sizes.contains(where: { $0 < 0 }) {
                throw TensorError.runtime("split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=\(Shape.describe(sizes))")
            }
            throw TensorError.runtime("split_with_sizes expects split_sizes to sum exactly to \(shape[w]) (input tensor's size at dimension \(w)), but got split_sizes=\(Shape.describe(sizes))")
        }
        var start = 0
        return try sizes.map { s in
            defer { start += s }
            return try sliceView(w, start, s, "SplitWithSizesBackward0")
        }
    }

    /// `chunk(chunks, dim)`: at most `chunks` views of ceil(size / chunks) elements.
    public func chunk(_ chunks: Int, dim d: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TensorError.runtime("chunk expects at least a 1-dimensional tensor") }
        guard chunks > 0 else { throw TensorError.runtime("chunk expects `chunks` to be greater than 0, got: \(chunks)") }
        let w = try Shape.wrapDim(d, rank: dim)
        let size = (shape[w] + chunks - 1) / chunks
        if size == 0 { return try (0..<chunks).map { _ in try sliceView(w, 0, 0, "SplitBackward0") } }
        return try split(size: size, dim: w)
    }

    private func sliceView(_ w: Int, _ start: Int, _ length: Int, _ name: String) throws -> Tensor {
        var sh = shape
        sh[w] = length
        return makeView(sh, strides, storageOffset + (length > 0 ? start * strides[w] : 0),
                        .namedSlice(name: name, shape: shape, dim: w, start: start))
    }

    /// `repeat_interleave(repeats, dim)` with one repeat count: each element
    /// (or slice along `dim`) repeated; without dim, over the flattened tensor.
    public func repeatInterleave(_ repeats: Int, dim d: Int?) throws -> Tensor {
        guard repeats >= 0 else { throw TensorError.runtime("Repeats must be non-negative") }
        let src = d == nil ? try flatten() : self
        let w = try Shape.wrapDim(d ?? 0, rank: src.dim)
        let expanded = try src.unsqueeze(w + 1)
        var sizes = expanded.shape
        sizes[w + 1] = repeats
        return try expanded.expand(sizes).clone().flatten(startDim: w, endDim: w + 1)
    }

    /// `repeat_interleave(repeats_tensor, dim)`: slice i repeated `repeats[i]` times (IndexSelectBackward0).
    public func repeatInterleave(_ repeats: Tensor, dim d: Int?) throws -> Tensor {
        let src = d == nil ? try flatten() : self
        let w = try Shape.wrapDim(d ?? 0, rank: src.dim)
        let size = src.dim == 0 ? 1 : src.shape[w]
        var counts = try repeats.int64Values()
        if repeats.numel == 1 && size != 1 { counts = [Int64](repeating: counts[0], count: size) }
        guard repeats.dim <= 1, counts.count == size else {
            throw TensorError.runtime("repeats must have the same size as input along dim, but got repeats.size(0) = \(repeats.numel) and input.size(\(w)) = \(size)")
        }
        let index = try Tensor.repeatIndices(counts)
        return try src.indexSelect(dim: w, index: index)
    }

    /// `torch.repeat_interleave(repeats)`: each i repeated `repeats[i]` times (int64).
    public static func repeatIndices(_ counts: [Int64]) throws -> Tensor {
        guard !counts.contains(where: { $0 < 0 }) else { throw TensorError.runtime("repeats can not be negative") }
        var total = 0
        for c in counts {
            let (t, overflow) = total.addingReportingOverflow(Int(c))
            if overflow { throw TensorError.runtime("repeat_interleave: the total repeat count overflows") }
            total = t
        }
        let out = try Tensor(uninitialized: [total], dtype: .int64)  // refuses sizes memory cannot hold
        let po = out.basePointer(Int64.self)
        var k = 0
        for (i, c) in counts.enumerated() {
            for _ in 0..<Int(c) { po[k] = Int64(i); k += 1 }
        }
        return out
    }
}
