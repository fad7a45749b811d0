import KindlingEngine

/// `nn.Linear`: `x @ weight.T + bias`, initialised as PyTorch does (`LinearInit`).
public final class Linear: Module {
    public var weight: Tensor
    public var bias: Tensor?
    public var isTraining = true
    public var parameters: [Tensor] { [weight] + (bias.map { [$0] } ?? []) }

    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true) throws {
        (weight, self.bias) = try LinearInit.make(inFeatures: inFeatures, outFeatures: outFeatures, bias: bias)
    }

    public func forward(_ x: Tensor) throws -> Tensor { try Linear.apply(x, weight, bias) }

    /// `F.linear(x, w, b)`. A 2-D float input with a matching bias is one fused product
    /// recorded as the engine's AddmmBackward0; without bias it is `x.mm(w.t())`
    /// (MmBackward0 after TBackward0, as PyTorch records it); other ranks use `matmul`
    /// and a broadcast add.
    public static func apply(_ x: Tensor, _ w: Tensor, _ b: Tensor?) throws -> Tensor {
        // With a bias, a 2-D input goes through addmm, whose message this is; otherwise
        // matmul words the mismatch.
        if x.dtype != w.dtype && b != nil && x.dim == 2 {
            throw TensorError(.runtimeError,
                "mat1 and mat2 must have the same dtype, but got \(x.dtype.kernelName) and \(w.dtype.kernelName)")
        }
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
        return try Tensor.linear(x, w, b)
    }
}
