/// Small tensor helpers the gradient rules are written with (called with grad
/// mode off, so they build no graph).
enum G {
    @inline(__always) static func mul(_ a: Tensor, _ b: Tensor) throws -> Tensor { try Tensor.binary(.mul, .tensor(a), .tensor(b)) }
    @inline(__always) static func mul(_ a: Tensor, _ s: Float) throws -> Tensor { try Tensor.binary(.mul, .tensor(a), .scalar(.float(s))) }
    @inline(__always) static func div(_ a: Tensor, _ b: Tensor) throws -> Tensor { try Tensor.binary(.div, .tensor(a), .tensor(b)) }
    @inline(__always) static func div(_ a: Tensor, _ s: Float) throws -> Tensor { try Tensor.binary(.div, .tensor(a), .scalar(.float(s))) }
    @inline(__always) static func add(_ a: Tensor, _ b: Tensor) throws -> Tensor { try Tensor.binary(.add, .tensor(a), .tensor(b)) }
    @inline(__always) static func sub(_ a: Tensor, _ b: Tensor) throws -> Tensor { try Tensor.binary(.sub, .tensor(a), .tensor(b)) }
    @inline(__always) static func rsub(_ s: Float, _ a: Tensor) throws -> Tensor { try Tensor.binary(.sub, .scalar(.float(s)), .tensor(a)) }
    @inline(__always) static func cmp(_ op: BinaryOp, _ a: Tensor, _ b: Tensor) throws -> Tensor { try Tensor.binary(op, .tensor(a), .tensor(b)) }
    @inline(__always) static func cmp(_ op: BinaryOp, _ a: Tensor, _ s: Float) throws -> Tensor { try Tensor.binary(op, .tensor(a), .scalar(.float(s))) }

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

    static func zeros(_ shape: [Int]) throws -> Tensor { try Tensor.zeros(shape) }

    /// zeros(shape) with `g` written into the view that `region` cuts out.
    static func scatterInto(_ shape: [Int], _ g: Tensor, _ region: (Tensor) throws -> Tensor) throws -> Tensor {
        let z = try zeros(shape)
        let view = try region(z)
        CopyKernel.copy(src: g, srcStrides: Shape.broadcastStrides(g.shape, g.strides, to: view.shape), dst: view)
        return z
    }

    /// For each element, the product of the other elements of its reduction
    /// group (prefix/suffix products, exact when zeros are present).
    static func productOfOthers(_ x: Tensor, dim: Int?) throws -> Tensor {
        let l = try ReductionLayout.make(x, dims: dim.map { [$0] }, keepdim: true)
        let out = try Tensor.empty(l.dims.isEmpty || dim == nil ? [x.numel] : x.shape, .float32)
        let src = l.source.basePointer(Float.self), po = out.basePointer(Float.self)
        let r = l.r, inner = l.inner
        for o in 0..<l.outer {
            for i in 0..<inner {
                var prefix = 1.0
                for k in 0..<r { let j = (o * r + k) * inner + i; po[j] = Float(prefix); prefix *= Double(src[j]) }
                var suffix = 1.0
                var k = r - 1
                while k >= 0 {
                    let j = (o * r + k) * inner + i
                    po[j] = Float(Double(po[j]) * suffix)
                    suffix *= Double(src[j])
                    k -= 1
                }
            }
        }
        return dim == nil ? try out.reshape(x.shape) : out
    }

    /// zeros(shape) with g[o, i] placed at index[o, i] along `dim` (max/min backward).
    static func scatterAlong(_ shape: [Int], _ dim: Int, _ g: Tensor, _ indices: Tensor) throws -> Tensor {
        let z = try zeros(shape)
        if shape.isEmpty {
            z.basePointer(Float.self)[0] = g.floatValues().first ?? 0
            return z
        }
        let gv = try g.contiguousValues(), iv = try indices.contiguousValues()
        let outer = Shape.product(Array(shape[0..<dim])), r = shape[dim], inner = Shape.product(Array(shape[(dim + 1)...]))
        let pz = z.basePointer(Float.self), pg = gv.basePointer(Float.self), pi = iv.basePointer(Int64.self)
        for o in 0..<outer {
            for i in 0..<inner {
                let k = Int(pi[o * inner + i])
                if k >= 0 && k < r { pz[(o * r + k) * inner + i] += pg[o * inner + i] }
            }
        }
        return z
    }
}
