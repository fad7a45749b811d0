/// `F.cosine_similarity`.
extension Tensor {
    /// Each side divided by its 2-norm along `dim` (clamped to eps), multiplied and summed, as PyTorch 2.15 does.
    public static func cosineSimilarity(_ a: Tensor, _ b: Tensor, dim: Int, eps: Double) throws -> Tensor {
        let shape = try Shape.broadcast(a.shape, b.shape)
        let x1 = try a.expand(shape), x2 = try b.expand(shape)
        let d = try Shape.wrapDim(dim, rank: Swift.max(shape.count, 1))
        func unit(_ x: Tensor) throws -> Tensor {
            let norm = try x.vectorNorm(ord: 2, dims: [d], keepdim: true)
            let clamped = try GradMode.withNoGrad { try norm.clamp(min: .float(eps), max: nil) }
            // The clamp changes values only; the gradient flows through the norm as in PyTorch's no-grad clamp_.
            let adjusted = try Tensor.binary(.add, .tensor(norm), .tensor(try Tensor.binary(.sub, .tensor(clamped), .tensor(norm.detach()))))
            return try Tensor.binary(.div, .tensor(x), .tensor(adjusted))
        }
        return try Tensor.binary(.mul, .tensor(try unit(x1)), .tensor(try unit(x2))).sum(dims: [d])
    }
}
