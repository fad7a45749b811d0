/// Where each element of an advanced-indexing result comes from, following
/// PyTorch's `at::index`: bool masks become their nonzero coordinates, the
/// index tensors broadcast together, and the result has the broadcast shape in
/// place of the indexed dims when those are adjacent, else in front.
///
/// The result is laid out as outer dims, then the index shape, then inner dims;
/// element (o, b, j) is read at `outer[o] + index[b] + inner[j]` (offsets for
/// the strides given to `offsets(strides:)`).
struct AdvancedIndexPlan {
    /// An index along one dim: a user's int64 tensor, or a mask's coordinates.
    private enum IndexSource {
        case tensor(Tensor)
        case coordinates([Int])

        var shape: [Int] {
            switch self {
            case .tensor(let t): return t.shape
            case .coordinates(let c): return [c.count]
            }
        }
    }

    let sourceShape: [Int]
    /// Dims of the source the index tensors apply to, ascending.
    let indexedDims: [Int]
    /// The broadcast shape of the index tensors.
    let indexShape: [Int]
    /// Per indexed dim, the (non-negative) index of every broadcast position.
    let indexValues: [[Int]]
    /// Source dims iterated before / after the index block.
    let outerDims: [Int]
    let innerDims: [Int]
    let resultShape: [Int]

    var indexCount: Int { indexValues.first?.count ?? 0 }

    /// Builds the plan for `indices` (one entry per source dim, nil where not indexed).
    init(sourceShape: [Int], indices: [Tensor?]) throws {
        self.sourceShape = sourceShape
        // Masks become one coordinate list per dim they cover.
        var defined: [(dim: Int, source: IndexSource)] = []
        var d = 0
        for entry in indices {
            guard let index = entry else { d += 1; continue }
            if index.dtype == .bool {
                for j in 0..<index.dim where d + j >= sourceShape.count || index.shape[j] != sourceShape[d + j] {
                    if d + j >= sourceShape.count {
                        throw TensorError(.indexError, "too many indices for tensor of dimension \(sourceShape.count)")
                    }
                    throw TensorError(.indexError,
                        "The shape of the mask \(Shape.describe(index.shape)) at index \(j) does not match the shape of the indexed tensor \(Shape.describe(sourceShape)) at index \(d + j)")
                }
                for (j, coordinates) in AdvancedIndexPlan.nonzero(index).enumerated() {
                    defined.append((d + j, .coordinates(coordinates)))
                }
                d += index.dim
            } else {
                if d >= sourceShape.count {
                    throw TensorError(.indexError, "too many indices for tensor of dimension \(sourceShape.count)")
                }
                defined.append((d, .tensor(index)))
                d += 1
            }
        }
        var broadcastShape: [Int] = []
        for (position, entry) in defined.enumerated() {
            if position == 0 { broadcastShape = entry.source.shape; continue }
            do {
                broadcastShape = try Shape.broadcast(broadcastShape, entry.source.shape)
            } catch {
                let shapes = defined.map { Shape.describe($0.source.shape) }.joined(separator: ", ")
                throw TensorError(.indexError,
                    "shape mismatch: indexing tensors could not be broadcast together with shapes \(shapes)")
            }
        }
        let dims = defined.map(\.dim)
        indexedDims = dims
        indexShape = broadcastShape
        // The index lists take 8 bytes per element and dim: refuse absurd ones
        // (e.g. [100000, 1] with [1, 100000]) as the allocator would.
        let (bytes, overflow) = try Shape.numel(broadcastShape).multipliedReportingOverflow(by: 8 * Swift.max(1, defined.count))
        if overflow || bytes > Storage.allocationLimit {
            throw TensorError(.runtimeError,
                "[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough memory: you tried to allocate \(overflow ? Int.max : bytes) bytes.")
        }
        var values: [[Int]] = []
        for (dim, source) in defined {
            switch source {
            case .coordinates(let coordinates) where [coordinates.count] == broadcastShape:
                values.append(coordinates)
            case .coordinates(let coordinates):
                let t = try Tensor(shape: [coordinates.count], ints: coordinates.map { Int64($0) })
                values.append(try AdvancedIndexPlan.wrappedValues(t, to: broadcastShape, size: sourceShape[dim], dim: dim))
            case .tensor(let t):
                values.append(try AdvancedIndexPlan.wrappedValues(t, to: broadcastShape, size: sourceShape[dim], dim: dim))
            }
        }
        indexValues = values
        let first = dims.first ?? 0, last = dims.last ?? -1
        let adjacent = last - first + 1 == dims.count
        let rest = (0..<sourceShape.count).filter { !dims.contains($0) }
        let outer = adjacent ? rest.filter { $0 < first } : []
        let inner = adjacent ? rest.filter { $0 > last } : rest
        outerDims = outer
        innerDims = inner
        resultShape = outer.map { sourceShape[$0] } + broadcastShape + inner.map { sourceShape[$0] }
    }

    /// Offsets of the outer positions, index positions and inner positions for
    /// a tensor of `sourceShape` with these strides (storage offset excluded).
    func offsets(strides: [Int]) -> (outer: [Int], index: [Int], inner: [Int]) {
        func enumerate(_ dims: [Int]) -> [Int] {
            var result: [Int] = []
            result.reserveCapacity(Swift.max(0, Shape.product(dims.map { sourceShape[$0] })))
            visitOffsets(dims.map { sourceShape[$0] }, dims.map { strides[$0] }, 0) { o in
                result.append(o)
            }
            return result
        }
        var index = [Int](repeating: 0, count: indexCount)
        for (k, dim) in indexedDims.enumerated() {
            let stride = strides[dim]
            indexValues[k].withUnsafeBufferPointer { values in
                for b in 0..<values.count { index[b] &+= values[b] &* stride }
            }
        }
        return (enumerate(outerDims), index, enumerate(innerDims))
    }

    /// The coordinates of the true elements of a mask, one list per dim.
    static func nonzero(_ mask: Tensor) -> [[Int]] {
        let shape = mask.shape  // a local: class properties cost an exclusivity check per read
        let bools = mask.storage.bools
        // Row-major positions of the true elements.
        var positions: [Int] = []
        if mask.isContiguous {
            let flags = UnsafeBufferPointer(start: bools + mask.storageOffset, count: mask.numel)
            var count = 0
            for flag in flags where flag { count += 1 }
            positions.reserveCapacity(count)
            for (i, flag) in flags.enumerated() where flag { positions.append(i) }
        } else {
            var i = 0
            visitOffsets(shape, mask.strides, mask.storageOffset) { o in
                if bools[o] { positions.append(i) }
                i += 1
            }
        }
        if shape.count == 1 { return [positions] }
        var coordinates: [[Int]] = []
        var divisor = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            let size = shape[d], step = divisor
            coordinates.append(positions.map { ($0 / step) % size })
            divisor *= size
        }
        return coordinates.reversed()
    }

    /// The index values of `t` broadcast to `shape`, wrapped into 0..<size.
    private static func wrappedValues(_ index: Tensor, to shape: [Int], size: Int, dim: Int) throws -> [Int] {
        let t = try index.converted(to: .int64)   // int32 indices read as int64
        let strides = Shape.broadcastStrides(t.shape, t.strides, to: shape)
        var values: [Int] = []
        values.reserveCapacity(Swift.max(0, Shape.product(shape)))
        let ints = t.storage.ints
        var bad: Int64? = nil
        visitOffsets(shape, strides, t.storageOffset) { o in
            let v = ints[o]
            if v < -Int64(size) || v >= Int64(size) {
                if bad == nil { bad = v }
                values.append(0)
            } else {
                values.append(v < 0 ? Int(v) + size : Int(v))
            }
        }
        if let bad {
            throw TensorError(.indexError, "index \(bad) is out of bounds for dimension \(dim) with size \(size)")
        }
        return values
    }
}

/// Calls `body` with the storage offset of every element of a (shape, strides)
/// layout in row-major order; a 0-dim layout has one element.
@inline(__always)
func visitOffsets(_ shape: [Int], _ strides: [Int], _ offset: Int, _ body: (Int) -> Void) {
    if shape.isEmpty {
        body(offset)
        return
    }
    StridedLoop.forEach1(shape, strides, offset) { _, o in body(o) }
}
