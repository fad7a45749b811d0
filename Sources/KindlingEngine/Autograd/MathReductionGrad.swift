/// Gradients of the `MathReduction`s, following PyTorch's backward formulas
/// (norm_backward, amax's evenly shared ties, logsumexp_backward, ...).
extension MathReduction {
    func inputGradient(_ g: Tensor, x savedX: Tensor, result: Tensor, dims: [Int], keepdim: Bool) throws -> Tensor {
        let x = try savedX.converted(to: g.dtype)
        let gu = try G.unreduce(g, x.shape, dims, keepdim)
        let ru = try G.unreduce(result, x.shape, dims, keepdim)
        let keptDims: [Int]? = dims.isEmpty ? nil : dims
        switch self {
        case .amax, .amin:
            let mask = try G.cmp(.eq, x, ru).to(g.dtype)
            let count = try mask.sum(dims: keptDims, keepdim: true)
            return try G.mul(try G.div(gu, count), mask)
        case .logsumexp:
            return try G.mul(gu, try G.sub(x, ru).exp())
        case .nansum:
            return try G.mul(gu, try x.isNaN().logicalNotBool().to(g.dtype))
        case .pairMean:
            let count = dims.reduce(1) { $0 * x.shape[$1] }
            return try G.div(gu, Double(count))
        case .pairSpread(let correction, let std):
            let count = dims.reduce(1) { $0 * x.shape[$1] }
            let centered = try G.sub(x, try x.mean(dims: keptDims, keepdim: true))
            let denom = Swift.max(Double(count) - Double(correction), 0)
            if std { return try G.mul(try G.div(try G.mul(centered, gu), ru), 1 / denom) }
            return try G.mul(try G.mul(centered, gu), 2 / denom)
        case .norm(let p), .dist(let p):
            return try MathReduction.normGradient(p, gu, x, ru, keptDims)
        }
    }

    /// PyTorch's norm_backward: zero where the norm is zero (p > 1), sign-based for p <= 1.
    private static func normGradient(_ p: Double, _ gu: Tensor, _ x: Tensor, _ norm: Tensor, _ dims: [Int]?) throws -> Tensor {
        let zeroNorm = try G.cmp(.eq, norm, 0)
        func maskedZero(_ t: Tensor) throws -> Tensor { try Tensor.where_(zeroNorm, .scalar(.float(0)), .tensor(t)) }
        switch p {
        case 0:
            return try G.zeros(x.shape, like: gu)
        case 1:
            return try G.mul(try x.sign(), gu)
        case 2:
            return try maskedZero(try G.mul(x, try G.div(gu, norm)))
        case .infinity, -.infinity:
            let mask = try G.cmp(.eq, try x.abs(), norm).to(gu.dtype)
            let count = try mask.sum(dims: dims, keepdim: true)
            return try G.mul(try x.sign(), try G.mul(try G.div(gu, count), mask))
        default:
            let a = try x.abs()
            if p < 1 {
                let scaled = try Tensor.where_(try G.cmp(.eq, x, 0), .scalar(.float(0)),
                                               .tensor(try G.mul(try x.sign(), try Tensor.binary(.pow, .tensor(a), .scalar(.float(p - 1))))))
                return try G.mul(try G.mul(scaled, gu), try Tensor.binary(.pow, .tensor(norm), .scalar(.float(1 - p))))
            }
            let base = p < 2 ? try G.mul(try x.sign(), try Tensor.binary(.pow, .tensor(a), .scalar(.float(p - 1))))
                             : try G.mul(x, try Tensor.binary(.pow, .tensor(a), .scalar(.float(p - 2))))
            let scale = try G.div(gu, try Tensor.binary(.pow, .tensor(norm), .scalar(.float(p - 1))))
            return try maskedZero(try G.mul(base, scale))
        }
    }
}
