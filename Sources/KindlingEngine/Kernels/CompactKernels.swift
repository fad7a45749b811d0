/// Kernels that read compact storages (Storage+Compact.swift) byte by byte instead of
/// widening them: conversions and arithmetic with a scalar. Every result equals what
/// the widened path computes, since each byte converts exactly to every dtype.
enum CompactKernels {
    /// `dst[i] = convert(src[i])` for `count` elements, on all cores when big.
    @inline(__always)
    static func widen<D>(_ src: UnsafePointer<UInt8>, _ dst: UnsafeMutablePointer<D>, _ count: Int,
                         _ convert: (UInt8) -> D) {
        ParallelLoop.chunks(count) { r in
            for i in r { dst[i] = convert(src[i]) }
        }
    }

    /// A fresh contiguous tensor of `src`'s elements as `dtype`, or nil when `src` is not
    /// compact. A tensor spanning its whole storage gets a compact storage sharing the
    /// bytes (no copy at all); any other view is converted element by element.
    static func materialize(_ src: Tensor, dtype: DType) throws -> Tensor? {
        guard src.storage.isCompact else { return nil }
        if src.isContiguous && src.storageOffset == 0 && src.numel == src.storage.count,
           let shared = try src.storage.compactCopy(as: dtype) {
            return Tensor(storage: shared, shape: src.shape, strides: Shape.contiguousStrides(src.shape), offset: 0)
        }
        let out = try Tensor.empty(src.shape, dtype)
        return copy(src: src, srcStrides: src.strides, dst: out) ? out : nil
    }

    /// Copies a compact `src` (read through `srcStrides`, broadcast to `dst.shape`) into
    /// `dst`, converting; false when `src` is not compact.
    static func copy(src: Tensor, srcStrides: [Int], dst: Tensor) -> Bool {
        guard src.storage.isCompact else { return false }
        switch dst.dtype {
        case .float32: return copy(src, srcStrides, dst, Float.self) { Float($0) }
        case .float64: return copy(src, srcStrides, dst, Double.self) { Double($0) }
        case .int32: return copy(src, srcStrides, dst, Int32.self) { Int32($0) }
        case .int64: return copy(src, srcStrides, dst, Int64.self) { Int64($0) }
        case .bool: return copy(src, srcStrides, dst, Bool.self) { $0 != 0 }
        }
    }

    @inline(__always)
    private static func copy<D: TensorElement>(_ src: Tensor, _ srcStrides: [Int], _ dst: Tensor, _: D.Type,
                                               _ convert: (UInt8) -> D) -> Bool {
        let pd = dst.storage.pointer(D.self)   // dst may be compact too: writing widens it first
        let done: Bool? = src.storage.withCompactBytes { bytes in
            if src.isContiguous && dst.isContiguous && src.numel == dst.numel && srcStrides == src.strides {
                widen(bytes + src.storageOffset, UnsafeMutableRawPointer(pd + dst.storageOffset), dst.numel, to: D.dtype)
                return true
            }
            StridedLoop.forEach2(dst.shape, dst.strides, dst.storageOffset, srcStrides, src.storageOffset) { _, od, os in
                pd[od] = convert(bytes[os])
            }
            return true
        }
        return done ?? false
    }

    /// `out = a op b` when `a` is a compact tensor laid out like `out` and `b` one element:
    /// what `tensor(df.values).float() / 255` computes. False when the case does not apply.
    static func binaryWithScalar(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, _ out: Tensor) -> Bool {
        guard a.storage.isCompact, a.isContiguous, a.numel == out.numel, a.shape == out.shape,
              b.numel == 1, !b.storage.isCompact, b.dtype == a.dtype, !out.storage.isCompact else { return false }
        switch a.dtype {
        case .float32:
            let y = b.basePointer(Float.self)[0]
            switch op {
            case .add, .sub, .mul, .div:
                guard out.dtype == .float32 else { return false }
                let po = out.basePointer(Float.self)
                let done: Bool? = a.storage.withCompactBytes { bytes in
                    floatArithmetic(op, bytes + a.storageOffset, y, po, out.numel)
                    return true
                }
                return done ?? false
            default: return comparison(op, a, out, y) { Float($0) }
            }
        case .int64:
            let y = b.basePointer(Int64.self)[0]
            switch op {
            case .add: return run(a, out, Int64.self) { Int64($0) &+ y }
            case .sub: return run(a, out, Int64.self) { Int64($0) &- y }
            case .mul: return run(a, out, Int64.self) { Int64($0) &* y }
            default: return comparison(op, a, out, y) { Int64($0) }
            }
        case .float64, .int32, .bool:
            return false
        }
    }

    /// `dst[i] = Float(src[i]) op y` with a plain loop per op (so each one vectorises).
    private static func floatArithmetic(_ op: BinaryOp, _ src: UnsafePointer<UInt8>, _ y: Float,
                                        _ dst: UnsafeMutablePointer<Float>, _ n: Int) {
        ParallelLoop.chunks(n) { r in
            switch op {
            case .add: for i in r { dst[i] = Float(src[i]) + y }
            case .sub: for i in r { dst[i] = Float(src[i]) - y }
            case .mul: for i in r { dst[i] = Float(src[i]) * y }
            default: for i in r { dst[i] = Float(src[i]) / y }
            }
        }
    }

    /// `dst[i] = D(src[i])` for every dtype, one concrete loop each.
    static func widen(_ src: UnsafePointer<UInt8>, _ dst: UnsafeMutableRawPointer, _ n: Int, to dtype: DType) {
        switch dtype {
        case .float32:
            let d = dst.assumingMemoryBound(to: Float.self)
            ParallelLoop.chunks(n) { r in for i in r { d[i] = Float(src[i]) } }
        case .float64:
            let d = dst.assumingMemoryBound(to: Double.self)
            ParallelLoop.chunks(n) { r in for i in r { d[i] = Double(src[i]) } }
        case .int32:
            let d = dst.assumingMemoryBound(to: Int32.self)
            ParallelLoop.chunks(n) { r in for i in r { d[i] = Int32(src[i]) } }
        case .int64:
            let d = dst.assumingMemoryBound(to: Int64.self)
            ParallelLoop.chunks(n) { r in for i in r { d[i] = Int64(src[i]) } }
        case .bool:
            let d = dst.assumingMemoryBound(to: Bool.self)
            ParallelLoop.chunks(n) { r in for i in r { d[i] = src[i] != 0 } }
        }
    }

    @inline(__always)
    private static func comparison<T: Comparable>(_ op: BinaryOp, _ a: Tensor, _ out: Tensor, _ y: T,
                                                   _ value: (UInt8) -> T) -> Bool {
        switch op {
        case .eq: return run(a, out, Bool.self) { value($0) == y }
        case .ne: return run(a, out, Bool.self) { value($0) != y }
        case .lt: return run(a, out, Bool.self) { value($0) < y }
        case .le: return run(a, out, Bool.self) { value($0) <= y }
        case .gt: return run(a, out, Bool.self) { value($0) > y }
        case .ge: return run(a, out, Bool.self) { value($0) >= y }
        default: return false
        }
    }

    @inline(__always)
    private static func run<R: TensorElement>(_ a: Tensor, _ out: Tensor, _: R.Type, _ f: (UInt8) -> R) -> Bool {
        guard out.dtype == R.dtype else { return false }
        let po = out.basePointer(R.self)
        let done: Bool? = a.storage.withCompactBytes { bytes in
            widen(bytes + a.storageOffset, po, out.numel, f)
            return true
        }
        return done ?? false
    }
}
