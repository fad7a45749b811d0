/// Element copies between layouts and dtypes: the basis of `contiguous()`,
/// `clone()`, `to(dtype)` and `copy_()`.
enum CopyKernel {
    /// Copies `src` (read through `srcStrides`, already broadcast to `dst.shape`)
    /// into `dst`'s elements, converting S to D.
    @inline(__always)
    static func copy<S: TensorElement, D: TensorElement>(_: S.Type, _: D.Type, src: Tensor, srcStrides: [Int], dst: Tensor) {
        let ps = src.storage.pointer(S.self)
        let pd = dst.storage.pointer(D.self)
        if src.isContiguous && dst.isContiguous && src.numel == dst.numel {
            let s = ps + src.storageOffset, d = pd + dst.storageOffset
            if S.self == D.self {
                d.update(from: UnsafeMutableRawPointer(s).assumingMemoryBound(to: D.self), count: dst.numel)
            } else {
                for i in 0..<dst.numel { d[i] = D.make(s[i]) }
            }
            return
        }
        StridedLoop.forEach2(dst.shape, dst.strides, dst.storageOffset, srcStrides, src.storageOffset) { _, od, os in
            pd[od] = D.make(ps[os])
        }
    }

    /// Dispatches `copy` on both dtypes.
    static func copy(src: Tensor, srcStrides: [Int], dst: Tensor) {
        if CompactKernels.copy(src: src, srcStrides: srcStrides, dst: dst) { return }
        switch src.dtype {
        case .float32: copy(from: Float.self, src: src, srcStrides: srcStrides, dst: dst)
        case .float64: copy(from: Double.self, src: src, srcStrides: srcStrides, dst: dst)
        case .int32: copy(from: Int32.self, src: src, srcStrides: srcStrides, dst: dst)
        case .int64: copy(from: Int64.self, src: src, srcStrides: srcStrides, dst: dst)
        case .bool: copy(from: Bool.self, src: src, srcStrides: srcStrides, dst: dst)
        }
    }

    private static func copy<S: TensorElement>(from _: S.Type, src: Tensor, srcStrides: [Int], dst: Tensor) {
        switch dst.dtype {
        case .float32: copy(S.self, Float.self, src: src, srcStrides: srcStrides, dst: dst)
        case .float64: copy(S.self, Double.self, src: src, srcStrides: srcStrides, dst: dst)
        case .int32: copy(S.self, Int32.self, src: src, srcStrides: srcStrides, dst: dst)
        case .int64: copy(S.self, Int64.self, src: src, srcStrides: srcStrides, dst: dst)
        case .bool: copy(S.self, Bool.self, src: src, srcStrides: srcStrides, dst: dst)
        }
    }

    /// A fresh contiguous copy of `src` converted to `dtype` (no autograd).
    static func materialize(_ src: Tensor, dtype: DType) throws -> Tensor {
        if let compact = try CompactKernels.materialize(src, dtype: dtype) { return compact }
        let out = try Tensor.empty(src.shape, dtype)
        copy(src: src, srcStrides: src.strides, dst: out)
        return out
    }

    /// Fills every element of `dst` (any layout) with `value`.
    static func fill(_ dst: Tensor, _ value: Scalar) {
        switch dst.dtype {
        case .float32: fill(dst, Float.fromScalar(value))
        case .float64: fill(dst, Double.fromScalar(value))
        case .int32: fill(dst, Int32.fromScalar(value))
        case .int64: fill(dst, Int64.fromScalar(value))
        case .bool: fill(dst, Bool.fromScalar(value))
        }
    }

    @inline(__always)
    static func fill<T: TensorElement>(_ dst: Tensor, _ v: T) {
        let p = dst.storage.pointer(T.self)
        if dst.isContiguous {
            (p + dst.storageOffset).update(repeating: v, count: dst.numel)
            return
        }
        StridedLoop.forEach1(dst.shape, dst.strides, dst.storageOffset) { _, o in p[o] = v }
    }
}

extension Tensor {
    /// This tensor's elements as a contiguous tensor (self when already
    /// contiguous); no autograd. For kernels that need row-major input.
    func contiguousValues() throws -> Tensor {
        isContiguous ? self : try CopyKernel.materialize(self, dtype: dtype)
    }

    /// Elements converted to `dtype`, contiguous; self when nothing changes (no autograd).
    func values(as dtype: DType) throws -> Tensor {
        (dtype == self.dtype && isContiguous) ? self : try CopyKernel.materialize(self, dtype: dtype)
    }
}
