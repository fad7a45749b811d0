/// Small tensor helpers the gradient rules are written with (called with grad
/// mode off, so they build no graph).
enum G {
    @inline(__always) static func mul(_ a: Tensor, _ b: Tensor) throws -> Tensor { try Tensor.binary(.mul, .tensor(a), .tensor(b)) }
    @inline(__always) static func mul(_ a: Tensor, _ s: Double) throws -> Tensor { try Tensor.binary(.mul, .tensor(a), .scalar(.float(s))) }
    @inline(__always) static func div(_ a: Tensor, _ b: Tensor) throws -> Tensor { try Tensor.binary(.div, .tensor(a), .tensor(b)) }
    @inline(__always) static func div(_ a: Tensor, _ s: Double) throws -> Tensor { try Tensor.binary(.div, .tensor(a), .scalar(.float(s))) }
    @inline(__always) static func add(_ a: Tensor, _ b: Tensor) throws -> Tensor { try Tensor.binary(.add, .tensor(a), .tensor(b)) }
    @inline(__always) static func sub(_ a: Tensor, _ b: Tensor) throws -> Tensor { try Tensor.binary(.sub, .tensor(a), .tensor(b)) }
    @inline(__always) static func rsub(_ s: Double, _ a: Tensor) throws -> Tensor { try Tensor.binary(.sub, .scalar(.float(s)), .tensor(a)) }
    @inline(__always) static func cmp(_ op: BinaryOp, _ a: Tensor, _ b: Tensor) throws -> Tensor { try Tensor.binary(op, .tensor(a), .tensor(b)) }
    @inline(__always) static func cmp(_ op: BinaryOp, _ a: Tensor, _ s: Double) throws -> Tensor { try Tensor.binary(op, .tensor(a), .scalar(.float(s))) }

    /// Sums a broadcast gradient back to `shape` (leading dims and size-1 dims).
    static func sumTo(_ g: Tensor, _ shape: [Int]) throws -> Tensor {
        if g.shape == shape { return g }
        let lead = g.dim - shape.count
        var dims = Array(0..<Swift.max(lead, 0))
        for i in 0..<shape.count where shape[i] == 1 && g.shape[lead + i] != 1 { dims.append(lead + i) }
        if dims.isEmpty { return try g.reshape(shape) }
        // The sum is fresh and contiguous: relabel its shape instead of viewing
        // it, so gradient accumulation can adopt the buffer without a copy.
        let r = try g.sum(dims: dims, keepdim: true)
        return Tensor(storage: r.storage, shape: shape, strides: Shape.contiguousStrides(shape), offset: 0)
    }

    /// Re-inserts reduced dims (when keepdim was false) and expands to `shape`.
    static func unreduce(_ g: Tensor, _ shape: [Int], _ dims: [Int], _ keepdim: Bool) throws -> Tensor {
        var r = g
        if !keepdim { for d in dims { r = try r.unsqueeze(d) } }
        return try r.expand(shape)
    }

    /// Zeros shaped like an input, of the gradient's dtype.
    static func zeros(_ shape: [Int], like g: Tensor) throws -> Tensor { try Tensor.zeros(shape, dtype: g.dtype) }

    /// zeros(shape) with `g` written into the view that `region` cuts out.
    static func scatterInto(_ shape: [Int], _ g: Tensor, _ region: (Tensor) throws -> Tensor) throws -> Tensor {
        let z = try zeros(shape, like: g)
        let view = try region(z)
        CopyKernel.copy(src: g, srcStrides: Shape.broadcastStrides(g.shape, g.strides, to: view.shape), dst: view)
        return z
    }

    /// For each element, the product of the other elements of its reduction
    /// group (prefix/suffix products, exact when zeros are present).
    static func productOfOthers(_ x: Tensor, dim: Int?) throws -> Tensor {
        let l = try ReductionLayout.make(x, dims: dim.map { [$0] }, keepdim: true)
        let out = try Tensor.empty(l.dims.isEmpty || dim == nil ? [x.numel] : x.shape, x.dtype)
        if x.dtype == .float64 { productOfOthers(l, out, Double.self) } else { productOfOthers(l, out, Float.self) }
        return dim == nil ? try out.reshape(x.shape) : out
    }

    private static func productOfOthers<T: FloatElement>(_ l: ReductionLayout, _ out: Tensor, _: T.Type) {
        let src = l.source.basePointer(T.self), po = out.basePointer(T.self)
        let r = l.r, inner = l.inner
        for o in 0..<l.outer {
            for i in 0..<inner {
                var prefix = 1.0
                for k in 0..<r { let j = (o * r + k) * inner + i; po[j] = T(prefix); prefix *= Double(src[j]) }
                var suffix = 1.0
                var k = r - 1
                while k >= 0 {
                    let j = (o * r + k) * inner + i
                    po[j] = T(Double(po[j]) * suffix)
                    suffix *= Double(src[j])
                    k -= 1
                }
            }
        }
    }

    /// zeros(shape) with g[o, i] placed at index[o, i] along `dim` (max/min backward).
    static func scatterAlong(_ shape: [Int], _ dim: Int, _ g: Tensor, _ indices: Tensor) throws -> Tensor {
        let z = try zeros(shape, like: g)
        if shape.isEmpty {
            CopyKernel.fill(z, g.scalars().first ?? .float(0))
            return z
        }
        let gv = try g.contiguousValues(), iv = try indices.contiguousValues()
        if g.dtype == .float64 { scatterAlong(z, dim, gv, iv, Double.self) } else { scatterAlong(z, dim, gv, iv, Float.self) }
        return z
    }

    private static func scatterAlong<T: FloatElement>(_ z: Tensor, _ dim: Int, _ gv: Tensor, _ iv: Tensor, _: T.Type) {
        let shape = z.shape
        let outer = Shape.product(Array(shape[0..<dim])), r = shape[dim], inner = Shape.product(Array(shape[(dim + 1)...]))
        let pz = z.basePointer(T.self), pg = gv.basePointer(T.self), pi = iv.basePointer(Int64.self)
        for o in 0..<outer {
            for i in 0..<inner {
                let k = Int(pi[o * inner + i])
                if k >= 0 && k < r { pz[(o * r + k) * inner + i] += pg[o * inner + i] }
            }
        }
    }
}
