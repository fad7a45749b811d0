/// Copy-by-position primitives behind gather, index_select, take,
/// masked_select, sort, topk, flip, roll, tril and the scatters: each output
/// element names the flat row-major position of the input element it copies
/// (or each written element names the position it lands on). Their gradients
/// move the output gradient back along the same positions, so one pair of
/// rules serves every op built on them.
enum PositionKernels {
    /// `out[k] = src[positions[k]]`, shaped `shape` (positions index src's
    /// row-major elements and must be in range).
    static func take(_ src: Tensor, _ positions: [Int], shape: [Int]) throws -> Tensor {
        let s = try src.contiguousValues()
        let out = try Tensor.empty(shape, src.dtype)
        switch src.dtype {
        case .float32: take(s, positions, out, Float.self)
        case .float64: take(s, positions, out, Double.self)
        case .int32: take(s, positions, out, Int32.self)
        case .int64: take(s, positions, out, Int64.self)
        case .bool: take(s, positions, out, Bool.self)
        }
        return out
    }

    private static func take<T: TensorElement>(_ s: Tensor, _ positions: [Int], _ out: Tensor, _: T.Type) {
        let ps = s.basePointer(T.self), po = out.basePointer(T.self)
        positions.withUnsafeBufferPointer { p in
            for k in 0..<p.count { po[k] = ps[p[k]] }
        }
    }

    /// A contiguous copy of `base` with `source[sourcePositions[k]]` written
    /// to (or, accumulating, added at) `targets[k]`; source is converted to base's dtype.
    static func scatter(_ base: Tensor, _ source: Tensor, targets: [Int], sourcePositions: [Int],
                        accumulate: Bool) throws -> Tensor {
        let out = try CopyKernel.materialize(base, dtype: base.dtype)
        let src = try source.values(as: base.dtype)
        switch base.dtype {
        case .float32: scatter(out, src, targets, sourcePositions, accumulate, Float.self)
        case .float64: scatter(out, src, targets, sourcePositions, accumulate, Double.self)
        case .int32: scatter(out, src, targets, sourcePositions, accumulate, Int32.self)
        case .int64: scatter(out, src, targets, sourcePositions, accumulate, Int64.self)
        case .bool: scatter(out, src, targets, sourcePositions, accumulate, Bool.self)
        }
        return out
    }

    private static func scatter<T: WrappingAddable>(_ out: Tensor, _ src: Tensor, _ targets: [Int], _ sources: [Int],
                                                    _ accumulate: Bool, _: T.Type) {
        let po = out.basePointer(T.self), ps = src.basePointer(T.self)
        for k in 0..<targets.count {
            let v = ps[sources[k]]
            po[targets[k]] = accumulate ? T.wrappingAdd(po[targets[k]], v) : v
        }
    }

    /// zeros(shape) with `g[k]` added at `positions[k]` (the gradient of `take`);
    /// a one-element `g` (the gradient of a sum such as `trace`) goes to every position.
    static func addAt(_ g: Tensor, _ positions: [Int], shape: [Int]) throws -> Tensor {
        let z = try Tensor.zeros(shape, dtype: g.dtype)
        let spread = g.numel == 1 && positions.count != 1 ? try g.reshape([1]).expand([positions.count]) : g
        let gv = try CopyKernel.materialize(spread, dtype: spread.dtype)
        let all = Array(0..<positions.count)
        switch g.dtype {
        case .float64: scatter(z, gv, positions, all, true, Double.self)
        default: scatter(z, try gv.values(as: .float32), positions, all, true, Float.self)
        }
        return z
    }

    /// Row-major positions of every element of a tensor shaped `shape` along
    /// `dim`, split as (outer, size, inner) so that position = (o * size + i) * inner + j.
    static func layout(_ shape: [Int], _ dim: Int) -> (outer: Int, size: Int, inner: Int) {
        if shape.isEmpty { return (1, 1, 1) }
        return (Shape.product(Array(shape[..<dim])), shape[dim], Shape.product(Array(shape[(dim + 1)...])))
    }
}

/// Element addition that wraps for integers (as PyTorch's kernels do) and is
/// `or` for bools.
protocol WrappingAddable: TensorElement {
    static func wrappingAdd(_ a: Self, _ b: Self) -> Self
}

extension Float: WrappingAddable { @inline(__always) static func wrappingAdd(_ a: Float, _ b: Float) -> Float { a + b } }
extension Double: WrappingAddable { @inline(__always) static func wrappingAdd(_ a: Double, _ b: Double) -> Double { a + b } }
extension Int32: WrappingAddable { @inline(__always) static func wrappingAdd(_ a: Int32, _ b: Int32) -> Int32 { a &+ b } }
extension Int64: WrappingAddable { @inline(__always) static func wrappingAdd(_ a: Int64, _ b: Int64) -> Int64 { a &+ b } }
extension Bool: WrappingAddable { @inline(__always) static func wrappingAdd(_ a: Bool, _ b: Bool) -> Bool { a || b } }

extension Tensor {
    /// Copies the elements at `positions` into a tensor shaped `shape`,
    /// recording `name` (e.g. "GatherBackward0") when the input is tracked.
    func takePositions(_ positions: [Int], shape: [Int], gradName: String) throws -> Tensor {
        let out = try PositionKernels.take(self, positions, shape: shape)
        if dtype.isFloatingPoint && Tensor.needsGrad(self) {
            out.attach(.takePositions(name: gradName, positions: positions, sourceShape: self.shape), [self])
        }
        return out
    }

    /// A copy of self with `source`'s elements written (or added) at
    /// `targets`, recording `name` for both inputs when tracked.
    func scatterPositions(_ source: Tensor, targets: [Int], sourcePositions: [Int], accumulate: Bool,
                          gradName: String) throws -> Tensor {
        let out = try PositionKernels.scatter(self, source, targets: targets, sourcePositions: sourcePositions,
                                              accumulate: accumulate)
        if dtype.isFloatingPoint && Tensor.needsGrad(self, source) {
            out.attach(.scatterPositions(name: gradName, targets: targets, sourcePositions: sourcePositions,
                                         sourceShape: source.shape, accumulate: accumulate), [self, source])
        }
        return out
    }

    /// Makes an in-place op out of its out-of-place form, as PyTorch does for
    /// `masked_fill_`, `scatter_`, `index_add_`: checks, writes the result into
    /// self, bumps the version and takes over the result's graph node.
    func replaceInPlace(_ compute: (Tensor) throws -> Tensor) throws -> Tensor {
        try checkInPlaceAllowed()
        let tracked = GradMode.isEnabled && requiresGrad
        if tracked && viewBase != nil {
            throw TensorError(.notImplementedError,
                "in-place operations on views of tensors that require grad are not supported by Kindling")
        }
        let old: Tensor
        if tracked || isContiguous == false {
            old = try CopyKernel.materialize(self, dtype: dtype)
            old.gradFn = gradFn
            old.requiresGradFlag = requiresGradFlag
        } else {
            old = alias()
        }
        let result = try compute(old)
        CopyKernel.copy(src: result, srcStrides: result.strides, dst: self)
        storage.version += 1
        if result.gradFn != nil || gradFn != nil {
            gradFn = result.gradFn
            Tensor.identityChanged()
        }
        return self
    }
}

extension PositionKernels {
    /// The gradients of `scatterPositions`: the base's is the output gradient
    /// (zero where a replacing scatter overwrote it), the source's gathers the
    /// output gradient at each target back to its source position.
    static func scatterGradients(_ g: Tensor, targets: [Int], sourcePositions: [Int], sourceShape: [Int],
                                 accumulate: Bool, needBase: Bool, needSource: Bool) throws -> [Tensor?] {
        var base: Tensor? = nil, source: Tensor? = nil
        if needBase {
            if accumulate {
                base = g
            } else {
                let zero = try Tensor.zeros([], dtype: g.dtype)
                base = try scatter(g, zero, targets: targets, sourcePositions: [Int](repeating: 0, count: targets.count),
                                   accumulate: false)
            }
        }
        if needSource {
            let picked = try take(g, targets, shape: [targets.count])
            source = try addAt(picked, sourcePositions, shape: sourceShape)
        }
        return [base, source]
    }

    /// The gradient of a whole-tensor selection: shared equally by the
    /// elements equal to the result (NaN results: by the NaN elements).
    static func evenlyDistributed(_ g: Tensor, _ x: Tensor, _ result: Tensor) throws -> Tensor {
        let isNaN = result.scalars().first.map { $0.doubleValue.isNaN } ?? false
        let mask = try (isNaN ? G.cmp(.ne, x, x) : G.cmp(.eq, x, result)).to(g.dtype)
        return try G.mul(mask, try G.div(g, try mask.sum()))
    }
}
