import KindlingEngine

/// `x @ W.T + b` for `nn.Linear` / `F.linear`. A 2-D input is one node
/// printed as PyTorch's AddmmBackward0 (MmBackward0 without bias); other
/// ranks go through `matmul` and a broadcast add.
enum FusedLinear {
    static func apply(_ x: Tensor, _ w: Tensor, _ b: Tensor?) throws -> Tensor {
        guard x.dim == 2, w.dim == 2, x.dtype == .float32, w.dtype == .float32 else {
            let y = try x.matmul(try w.t())
            guard let b else { return y }
            return try Tensor.binary(.add, .tensor(y), .tensor(b))
        }
        guard let b else { return try x.mm(try w.t()) }
        guard b.dim == 1, b.shape[0] == w.shape[0], b.dtype == .float32 else {
            return try Tensor.binary(.add, .tensor(try x.mm(try w.t())), .tensor(b))
        }
        if x.shape[1] != w.shape[1] {
            throw TensorError(.runtimeError,
                "mat1 and mat2 shapes cannot be multiplied (\(x.shape[0])x\(x.shape[1]) and \(w.shape[1])x\(w.shape[0]))")
        }
        // One product with the bias rows as C (beta 1), recorded with the engine's AddmmBackward0 rule.
        return try Tensor.linear(x, w, b)
    }
}
