import KindlingEngine

/// `nn.Embedding`: a lookup table of `numEmbeddings` rows of `embeddingDim` values, drawn
/// from N(0, 1) by the global generator as PyTorch's `reset_parameters` does, with the
/// `paddingIndex` row zeroed and never receiving gradient.
public final class Embedding: Module {
    public var weight: Tensor
    public let paddingIndex: Int?
    public var isTraining = true
    public var parameters: [Tensor] { [weight] }

    /// `paddingIndex` must lie in `0..<numEmbeddings` (the bindings normalise negative ones).
    public init(_ numEmbeddings: Int, _ embeddingDim: Int, paddingIndex: Int? = nil) throws {
        self.paddingIndex = paddingIndex
        weight = try Tensor.empty([numEmbeddings, embeddingDim])
        try weight.normal_(mean: 0, std: 1)
        if let p = paddingIndex, p >= 0, p < numEmbeddings {
            try GradMode.withNoGrad { _ = try weight.select(dim: 0, index: p).fill_(.float(0)) }
        }
        _ = try weight.requiresGrad_(true)
    }

    public func forward(_ x: Tensor) throws -> Tensor { try Embedding.apply(x, weight, paddingIndex: paddingIndex) }

    /// `F.embedding(indices, weight, padding_idx)`: the rows of `weight` named by `indices`
    /// (shape `indices.shape + [dim]`), recorded as EmbeddingBackward0, whose gradient sums
    /// the incoming rows into a zero table, skipping the padding row.
    public static func apply(_ indices: Tensor, _ weight: Tensor, paddingIndex: Int? = nil) throws -> Tensor {
        guard indices.dtype == .int64 || indices.dtype == .int32 else {
            throw TensorError(.runtimeError,
                "Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got \(indices.dtype.legacyTypeName) instead (while checking arguments for embedding)")
        }
        guard weight.dim == 2 else { throw TensorError(.runtimeError, "'weight' must be 2-D") }
        let rows = weight.shape[0], width = weight.shape[1]
        var positions = [Int]()
        positions.reserveCapacity(indices.numel)
        for i in 0..<indices.numel {
            guard case .int(let v) = indices.scalar(atLogical: i), v >= 0, v < rows else {
                throw TensorError(.indexError, "index out of range in self")
            }
            positions.append(Int(v))
        }
        let table = try weight.contiguous().detach()
        let out = try Tensor.empty(indices.shape + [width], dtype: weight.dtype)
        try GradMode.withNoGrad { try gatherRows(table, positions, width, into: out) }
        let shape = weight.shape
        Tensor.recordFusedLoss(name: "EmbeddingBackward0", inputs: [weight], output: out) { grad in
            let g = try grad.contiguous().detach()
            let result = try Tensor.zeros(shape, dtype: g.dtype)
            try GradMode.withNoGrad { try scatterAddRows(g, positions, width, skipping: paddingIndex, into: result) }
            return [result]
        }
        return out
    }

    private static func gatherRows(_ table: Tensor, _ positions: [Int], _ width: Int, into out: Tensor) throws {
        var values = [Double]()
        values.reserveCapacity(positions.count * width)
        for row in positions {
            for j in 0..<width { values.append(table.scalar(atLogical: row * width + j).doubleValue) }
        }
        try out.copy_(try Tensor(shape: out.shape, doubles: values).to(out.dtype))
    }

    private static func scatterAddRows(_ g: Tensor, _ positions: [Int], _ width: Int, skipping padding: Int?,
                                       into result: Tensor) throws {
        var sums = [Double](repeating: 0, count: result.numel)
        let isFloat = g.dtype == .float32
        for (k, row) in positions.enumerated() where row != padding {
            for j in 0..<width {
                let v = g.scalar(atLogical: k * width + j).doubleValue
                sums[row * width + j] = isFloat ? Double(Float(sums[row * width + j]) + Float(v)) : sums[row * width + j] + v
            }
        }
        try result.copy_(try Tensor(shape: result.shape, doubles: sums).to(result.dtype))
    }
}
