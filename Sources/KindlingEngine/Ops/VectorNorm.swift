/// `torch.linalg.vector_norm` (what `Tensor.norm`, `torch.norm` and
/// `F.normalize` reduce with in PyTorch 2.15): LinalgVectorNormBackward0.
extension Tensor {
    /// The `ord`-norm over `dims` (all when nil/empty): 2 by default, 1, inf,
    /// -inf, 0 (count of non-zeros) or any other real p.
    public func vectorNorm(ord p: Double = 2, dims given: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
        try vectorNorm(ord: p, dims: given, keepdim: keepdim, recordAs: .norm(p))
    }

    /// `torch.dist(a, b, p)`: the p-norm of a - b over all elements (DistBackward0).
    public func distance(to other: Tensor, p: Double = 2) throws -> Tensor {
        let diff = try Tensor.binary(.sub, .tensor(self), .tensor(other))
        return try diff.vectorNorm(ord: p, dims: nil, keepdim: false, recordAs: .dist(p))
    }

    private func vectorNorm(ord p: Double, dims given: [Int]?, keepdim: Bool, recordAs kind: MathReduction) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TensorError(.notImplementedError,
                "linalg.vector_norm: Expected a floating point or complex tensor as input. Got \(dtype.kernelName)")
        }
        if p.isNaN { throw TensorError(.runtimeError, "linalg.vector_norm: ord must not be NaN") }
        let dims = try reductionDims(given)
        if p < 0 && numel == 0 || p.isInfinite && (numel == 0 || dims.contains { shape[$0] == 0 }) {
            throw TensorError(.runtimeError,
                "linalg.vector_norm cannot compute the \(p.isInfinite ? (p > 0 ? "inf" : "-inf") : Tensor.ordText(p)) norm on an empty tensor because the operation does not have an identity")
        }
        let out = try GradMode.withNoGrad { () -> Tensor in
            let a = try abs()
            let d: [Int]? = dims.isEmpty && dim > 0 ? nil : dims
            switch p {
            case 2: return try Tensor.binary(.mul, .tensor(self), .tensor(self)).sum(dims: d, keepdim: keepdim).sqrt()
            case 1: return try a.sum(dims: d, keepdim: keepdim)
            case .infinity: return try a.amax(dims: dims, keepdim: keepdim)
            case -.infinity: return try a.amin(dims: dims, keepdim: keepdim)
            case 0: return try Tensor.binary(.ne, .tensor(self), .scalar(.float(0))).to(dtype).sum(dims: d, keepdim: keepdim)
            default:
                let powered = try Tensor.binary(.pow, .tensor(a), .scalar(.float(p))).sum(dims: d, keepdim: keepdim)
                return try Tensor.binary(.pow, .tensor(powered), .scalar(.float(1 / p)))
            }
        }
        return try recordReduction(kind, out, dims, keepdim)
    }

    private static func ordText(_ p: Double) -> String {
        p == p.rounded() && Swift.abs(p) < 1e15 ? String(Int(p)) : String(p)
    }
}
