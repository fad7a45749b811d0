/// Matrix products: `mm`, `bmm`, `dot`, `mv` as primitives (through
/// `Gemm.sgemm` for floats), and `matmul` composing them like PyTorch.
extension Tensor {
    /// How a 2-D float operand is handed to GEMM: (pointer, transposed, leading dim),
    /// or nil when its strides fit neither layout (then it is copied).
    static func gemmOperand<T>(_ p: UnsafeMutablePointer<T>, rows: Int, cols: Int,
                               rowStride: Int, colStride: Int) -> (UnsafePointer<T>, Bool, Int)? {
        if colStride == 1 && rowStride >= Swift.max(cols, 1) { return (UnsafePointer(p), false, rowStride) }
        if rows == 1 && colStride == 1 { return (UnsafePointer(p), false, Swift.max(cols, 1)) }
        if rowStride == 1 && colStride >= Swift.max(rows, 1) { return (UnsafePointer(p), true, colStride) }
        if cols == 1 && rowStride == 1 { return (UnsafePointer(p), true, Swift.max(rows, 1)) }
        return nil
    }

    /// C[m,n] (contiguous at `c`) = A[m,k] * B[k,n] read through strides: `sgemm`
    /// for float32, `dgemm` for float64.
    static func gemm<T: FloatElement>(_ a: Tensor, aOffset: Int, aStrides: (Int, Int),
                                      _ b: Tensor, bOffset: Int, bStrides: (Int, Int),
                                      m: Int, n: Int, k: Int, c: UnsafeMutablePointer<T>, beta: T = 0) throws {
        if m == 0 || n == 0 { return }
        if k == 0 { if beta == 0 { c.update(repeating: 0, count: m * n) }; return }
        var keep: [Tensor] = []
        var opA = gemmOperand(a.storage.pointer(T.self) + aOffset, rows: m, cols: k, rowStride: aStrides.0, colStride: aStrides.1)
        if opA == nil {
            let copy = try CopyKernel.materialize(Tensor(storage: a.storage, shape: [m, k], strides: [aStrides.0, aStrides.1], offset: aOffset), dtype: T.dtype)
            keep.append(copy)
            opA = (UnsafePointer(copy.storage.pointer(T.self)), false, k)
        }
        var opB = gemmOperand(b.storage.pointer(T.self) + bOffset, rows: k, cols: n, rowStride: bStrides.0, colStride: bStrides.1)
        if opB == nil {
            let copy = try CopyKernel.materialize(Tensor(storage: b.storage, shape: [k, n], strides: [bStrides.0, bStrides.1], offset: bOffset), dtype: T.dtype)
            keep.append(copy)
            opB = (UnsafePointer(copy.storage.pointer(T.self)), false, n)
        }
        guard let (pa, ta, lda) = opA, let (pb, tb, ldb) = opB else { return }
        if T.self == Float.self {
            Gemm.sgemm(transA: ta, transB: tb, m: m, n: n, k: k, alpha: 1,
                       a: UnsafeRawPointer(pa).assumingMemoryBound(to: Float.self), lda: lda,
                       b: UnsafeRawPointer(pb).assumingMemoryBound(to: Float.self), ldb: ldb, beta: Float(beta),
                       c: UnsafeMutableRawPointer(c).assumingMemoryBound(to: Float.self), ldc: n)
        } else {
            Gemm.dgemm(transA: ta, transB: tb, m: m, n: n, k: k, alpha: 1,
                       a: UnsafeRawPointer(pa).assumingMemoryBound(to: Double.self), lda: lda,
                       b: UnsafeRawPointer(pb).assumingMemoryBound(to: Double.self), ldb: ldb, beta: Double(beta),
                       c: UnsafeMutableRawPointer(c).assumingMemoryBound(to: Double.self), ldc: n)
        }
        withExtendedLifetime(keep) {}
    }

    /// Integer matrix product by plain loops (C contiguous).
    static func intGemm<T: IntElement>(_ a: Tensor, aOffset: Int, aStrides: (Int, Int), _ b: Tensor, bOffset: Int, bStrides: (Int, Int),
                                       m: Int, n: Int, k: Int, c: UnsafeMutablePointer<T>) {
        let pa = a.storage.pointer(T.self) + aOffset, pb = b.storage.pointer(T.self) + bOffset
        for i in 0..<m {
            for j in 0..<n {
                var acc: T = 0
                for p in 0..<k { acc &+= pa[i * aStrides.0 + p * aStrides.1] &* pb[p * bStrides.0 + j * bStrides.1] }
                c[i * n + j] = acc
            }
        }
    }

    /// One product of the given layout into `out` at element `outOffset`, for any numeric dtype.
    static func product(_ dt: DType, _ a: Tensor, aOffset: Int, aStrides: (Int, Int),
                        _ b: Tensor, bOffset: Int, bStrides: (Int, Int),
                        m: Int, n: Int, k: Int, out: Tensor, outOffset: Int) throws {
        switch dt {
        case .float32:
            try gemm(a, aOffset: aOffset, aStrides: aStrides, b, bOffset: bOffset, bStrides: bStrides,
                     m: m, n: n, k: k, c: out.basePointer(Float.self) + outOffset)
        case .float64:
            try gemm(a, aOffset: aOffset, aStrides: aStrides, b, bOffset: bOffset, bStrides: bStrides,
                     m: m, n: n, k: k, c: out.basePointer(Double.self) + outOffset)
        case .int32:
            intGemm(a, aOffset: aOffset, aStrides: aStrides, b, bOffset: bOffset, bStrides: bStrides,
                    m: m, n: n, k: k, c: out.basePointer(Int32.self) + outOffset)
        case .int64, .bool:
            intGemm(a, aOffset: aOffset, aStrides: aStrides, b, bOffset: bOffset, bStrides: bStrides,
                    m: m, n: n, k: k, c: out.basePointer(Int64.self) + outOffset)
        }
    }

    static func checkSameDType(_ a: Tensor, _ b: Tensor) throws -> DType {
        if a.dtype != b.dtype {
            func cname(_ d: DType) -> String {
                switch d {
                case .float32: return "float"
                case .float64: return "double"
                case .int32: return "int"
                case .int64: return "long int"
                case .bool: return "bool"
                }
            }
            throw TensorError(.runtimeError,
                "expected m1 and m2 to have the same dtype, but got: \(cname(a.dtype)) != \(cname(b.dtype))")
        }
        if a.dtype == .bool { throw TensorError(.runtimeError, "\"addmm_impl_cpu_\" not implemented for 'Bool'") }
        return a.dtype
    }

    /// `mm`: 2-D @ 2-D (MmBackward0).
    public func mm(_ other: Tensor) throws -> Tensor {
        if dim != 2 { throw TensorError(.runtimeError, "self must be a matrix") }
        if other.dim != 2 { throw TensorError(.runtimeError, "mat2 must be a matrix") }
        if shape[1] != other.shape[0] {
            throw TensorError(.runtimeError,
                "mm: mat1 and mat2 shapes cannot be multiplied (\(shape[0])x\(shape[1]) and \(other.shape[0])x\(other.shape[1]))")
        }
        let dt = try Tensor.checkSameDType(self, other)
        let m = shape[0], k = shape[1], n = other.shape[1]
        let out = try Tensor.empty([m, n], dt)
        try Tensor.product(dt, self, aOffset: storageOffset, aStrides: (strides[0], strides[1]),
                           other, bOffset: other.storageOffset, bStrides: (other.strides[0], other.strides[1]),
                           m: m, n: n, k: k, out: out, outOffset: 0)
        if dt.isFloatingPoint && Tensor.needsGrad(self, other) {
            out.attach(.mm(a: other.requiresGrad ? SavedTensor(self) : nil, b: requiresGrad ? SavedTensor(other) : nil), [self, other])
        }
        return out
    }

    /// `bmm`: [B,n,k] @ [B,k,m] (BmmBackward0). Batch strides may be 0 (expanded).
    public func bmm(_ other: Tensor) throws -> Tensor {
        if dim != 3 { throw TensorError(.runtimeError, "batch1 must be a 3D tensor") }
        if other.dim != 3 { throw TensorError(.runtimeError, "batch2 must be a 3D tensor") }
        let bs = shape[0], m = shape[1], k = shape[2], n = other.shape[2]
        if other.shape[0] != bs || other.shape[1] != k {
            throw TensorError(.runtimeError,
                "Expected size for first two dimensions of batch2 tensor to be: [\(bs), \(k)] but got: [\(other.shape[0]), \(other.shape[1])].")
        }
        let dt = try Tensor.checkSameDType(self, other)
        let out = try Tensor.empty([bs, m, n], dt)
        for i in 0..<bs {
            let ao = storageOffset + i * strides[0], bo = other.storageOffset + i * other.strides[0]
            try Tensor.product(dt, self, aOffset: ao, aStrides: (strides[1], strides[2]),
                               other, bOffset: bo, bStrides: (other.strides[1], other.strides[2]),
                               m: m, n: n, k: k, out: out, outOffset: i * m * n)
        }
        if dt.isFloatingPoint && Tensor.needsGrad(self, other) {
            out.attach(.bmm(a: other.requiresGrad ? SavedTensor(self) : nil, b: requiresGrad ? SavedTensor(other) : nil), [self, other])
        }
        return out
    }

    /// `dot`: 1-D . 1-D -> 0-d (DotBackward0).
    public func dot(_ other: Tensor) throws -> Tensor {
        if dim != 1 || other.dim != 1 {
            throw TensorError(.runtimeError, "1D tensors expected, but got \(dim)D and \(other.dim)D tensors")
        }
        if numel != other.numel {
            throw TensorError(.runtimeError,
                "inconsistent tensor size, expected tensor [\(numel)] and src [\(other.numel)] to have the same number of elements, but got \(numel) and \(other.numel) elements respectively")
        }
        if dtype != other.dtype {
            throw TensorError(.runtimeError,
                "dot : expected both vectors to have same dtype, but found \(dtype.kernelName) and \(other.dtype.kernelName)")
        }
        let dt = try Tensor.checkSameDType(self, other)
        let out = try Tensor.empty([], dt)
        let n = numel
        if dt.isFloatingPoint {
            try Tensor.product(dt, self, aOffset: storageOffset, aStrides: (n * Swift.max(strides[0], 1), strides[0]),
                               other, bOffset: other.storageOffset, bStrides: (other.strides[0], 1),
                               m: 1, n: 1, k: n, out: out, outOffset: 0)
            if Tensor.needsGrad(self, other) {
                out.attach(.dot(a: SavedTensor(self), b: SavedTensor(other)), [self, other])
            }
        } else {
            try Tensor.product(dt, self, aOffset: storageOffset, aStrides: (0, strides[0]), other, bOffset: other.storageOffset,
                               bStrides: (other.strides[0], 0), m: 1, n: 1, k: n, out: out, outOffset: 0)
        }
        return out
    }

    /// `mv`: [m,k] @ [k] -> [m] (MvBackward0).
    public func mv(_ vec: Tensor) throws -> Tensor {
        if dim != 2 || vec.dim != 1 || shape[1] != vec.shape[0] {
            throw TensorError(.runtimeError,
                "size mismatch, got input (\(shape.first ?? 0)), mat (\(shape.map(String.init).joined(separator: "x"))), vec (\(vec.shape.first ?? 0))")
        }
        let dt = try Tensor.checkSameDType(self, vec)
        let m = shape[0], k = shape[1]
        let out = try Tensor.empty([m], dt)
        if dt.isFloatingPoint {
            try Tensor.product(dt, self, aOffset: storageOffset, aStrides: (strides[0], strides[1]),
                               vec, bOffset: vec.storageOffset, bStrides: (vec.strides[0], 1),
                               m: m, n: 1, k: k, out: out, outOffset: 0)
            if Tensor.needsGrad(self, vec) {
                out.attach(.mv(a: SavedTensor(self), v: SavedTensor(vec)), [self, vec])
            }
        } else {
            try Tensor.product(dt, self, aOffset: storageOffset, aStrides: (strides[0], strides[1]), vec, bOffset: vec.storageOffset,
                               bStrides: (vec.strides[0], 0), m: m, n: 1, k: k, out: out, outOffset: 0)
        }
        return out
    }

    /// A view of a fresh contiguous result under another shape, recorded as
    /// UnsafeViewBackward0 (how matmul reshapes its folded products).
    func unsafeView(_ newShape: [Int]) -> Tensor {
        let v = Tensor(storage: storage, shape: newShape, strides: Shape.contiguousStrides(newShape), offset: storageOffset)
        if Tensor.needsGrad(self) { v.attach(.unsafeView(shape), [self]) }
        return v
    }

    /// `matmul` / `@` with PyTorch's rules for 1-D, 2-D and batched operands.
    public func matmul(_ other: Tensor) throws -> Tensor {
        let d1 = dim, d2 = other.dim
        if d1 == 0 || d2 == 0 {
            throw TensorError(.runtimeError,
                "both arguments to matmul need to be at least 1D, but they are \(d1)D and \(d2)D")
        }
        if d1 == 1 && d2 == 1 { return try dot(other) }
        if d1 == 2 && d2 == 1 { return try mv(other) }
        if d1 == 1 && d2 == 2 {
            let r = try unsqueeze(0).mm(other)
            return r.makeView([r.shape[1]], [r.strides[1]], r.storageOffset, .squeezeMatmul(r.shape))
        }
        if d1 == 2 && d2 == 2 { return try mm(other) }
        if d1 >= 3 && d2 <= 2 {
            // Fold the batch into rows: [..., n, k] -> [B*n, k].
            let k = shape[d1 - 1]
            let folded = try contiguous().reshape([-1, k])
            var outShape = Array(shape.dropLast())
            if d2 == 2 {
                outShape.append(other.shape[1])
                if other.shape[0] != k {
                    throw TensorError(.runtimeError,
                        "mm: mat1 and mat2 shapes cannot be multiplied (\(folded.shape[0])x\(k) and \(other.shape[0])x\(other.shape[1]))")
                }
                return try folded.mm(other).unsafeView(outShape)
            }
            return try folded.mv(other).unsafeView(outShape)
        }
        // General batched case: broadcast batch dims, fold to 3-D, bmm.
        let a = d1 == 1 ? try unsqueeze(0) : self
        let b = d2 == 1 ? try other.unsqueeze(1) : other
        let n = a.shape[a.dim - 2], k = a.shape[a.dim - 1]
        let k2 = b.shape[b.dim - 2], m = b.shape[b.dim - 1]
        if k != k2 {
            throw TensorError(.runtimeError,
                "Expected size for first two dimensions of batch2 tensor to be: [\(Shape.product(Array(a.shape.dropLast(2)))), \(k)] but got: [\(Shape.product(Array(b.shape.dropLast(2)))), \(k2)].")
        }
        let batch = try Shape.broadcast(Array(a.shape.dropLast(2)), Array(b.shape.dropLast(2)))
        let bcount = Shape.product(batch)
        let ae = try a.expand(batch + [n, k]).reshape([bcount, n, k])
        let be = try b.expand(batch + [k, m]).reshape([bcount, k, m])
        var outShape = batch
        if d1 > 1 { outShape.append(n) }
        if d2 > 1 { outShape.append(m) }
        return try ae.bmm(be).unsafeView(outShape)
    }
}
