/// `F.linear(x, w, b)` = x @ w.t() + b as one fused GEMM (bias rows copied
/// into the output, then beta = 1), recorded as PyTorch's AddmmBackward0.
extension Tensor {
    public static func linear(_ x: Tensor, _ w: Tensor, _ bias: Tensor?) throws -> Tensor {
        let fusable = x.dim == 2 && w.dim == 2 && x.dtype == .float32 && w.dtype == .float32
            && (bias.map { $0.dtype == .float32 && $0.dim == 1 && $0.shape[0] == w.shape[0] } ?? true)
        guard fusable else {
            let y = try x.matmul(try w.t())
            guard let b = bias else { return y }
            return try Tensor.binary(.add, .tensor(y), .tensor(b))
        }
        let n = x.shape[0], k = x.shape[1], m = w.shape[0]
        if w.shape[1] != k {
            throw TensorError(.runtimeError,
                "mm: mat1 and mat2 shapes cannot be multiplied (\(n)x\(k) and \(w.shape[1])x\(m))")
        }
        let out = try Tensor.empty([n, m], Float.dtype)
        let po = out.basePointer(Float.self)
        if let b = bias {
            let bv = try b.contiguousValues()
            let pb = bv.basePointer(Float.self)
            for r in 0..<n { (po + r * m).update(from: pb, count: m) }
        }
        try gemm(x, aOffset: x.storageOffset, aStrides: (x.strides[0], x.strides[1]),
                 w, bOffset: w.storageOffset, bStrides: (w.strides[1], w.strides[0]),
                 m: n, n: m, k: k, c: po, beta: bias == nil ? 0 : 1)
        let inputs = bias.map { [$0, x, w] } ?? [x, w]
        if GradMode.isEnabled && inputs.contains(where: { $0.requiresGrad }) {
            out.attach(.linear(x: w.requiresGrad ? SavedTensor(x) : nil, w: x.requiresGrad ? SavedTensor(w) : nil,
                               biasShape: bias?.shape), inputs)
        }
        return out
    }
}
