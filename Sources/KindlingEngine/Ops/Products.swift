/// `torch.outer`, `torch.inner` and `torch.addmm`, built on the core products
/// so their graphs carry the nodes PyTorch's do (MulBackward0, ViewBackward0,
/// AddmmBackward0).
extension Tensor {
    /// `outer(a, b)`: a.reshape(-1, 1) * b, as PyTorch composes it.
    public func outer(_ other: Tensor) throws -> Tensor {
        for (t, name) in [(self, "self"), (other, "vec2")] where t.dim != 1 {
            throw TensorError(.runtimeError, "outer: Expected 1-D argument \(name), but got \(t.dim)-D")
        }
        return try Tensor.binary(.mul, .tensor(try reshape([-1, 1])), .tensor(other))
    }

    /// `inner(a, b)`: the sum over the last dims (a scalar product for 0-dim inputs).
    public func inner(_ other: Tensor) throws -> Tensor {
        if dim == 0 || other.dim == 0 { return try Tensor.binary(.mul, .tensor(self), .tensor(other)) }
        let k = shape[dim - 1], k2 = other.shape[other.dim - 1]
        if k != k2 {
            throw TensorError(.runtimeError,
                "inner() the last dimension must match on both input tensors but got shapes \(Shape.describe(shape)) and \(Shape.describe(other.shape))")
        }
        let product = try reshape([-1, k]).mm(try other.reshape([-1, k]).t())
        return try product.view(Array(shape.dropLast()) + Array(other.shape.dropLast()))
    }

    /// `addmm(input, mat1, mat2, beta, alpha)` = beta * input + alpha * (mat1 @ mat2).
    public static func addmm(_ input: Tensor, _ mat1: Tensor, _ mat2: Tensor, beta: Double = 1, alpha: Double = 1) throws -> Tensor {
        if mat1.dim != 2 { throw TensorError(.runtimeError, "mat1 must be a matrix, got \(mat1.dim)-D tensor") }
        if mat2.dim != 2 { throw TensorError(.runtimeError, "mat2 must be a matrix, got \(mat2.dim)-D tensor") }
        let (n, p) = (mat1.shape[0], mat2.shape[1])
        let product = try GradMode.withNoGrad { try mat1.mm(mat2) }
        if input.dtype != product.dtype {
            throw TensorError(.runtimeError,
                "self and mat2 must have the same dtype, but got \(input.dtype.kernelName) and \(mat2.dtype.kernelName)")
        }
        if !Shape.broadcast2(input.shape, to: [n, p]) {
            throw TensorError(.runtimeError,
                "The expanded size of the tensor (\(p)) must match the existing size (\(input.shape.last ?? 0)) at non-singleton dimension 1.  Target sizes: [\(n), \(p)].  Tensor sizes: \(Shape.describe(input.shape))")
        }
        let inputs = [input, mat1, mat2]
        let tracked = GradMode.isEnabled && inputs.contains(where: { $0.requiresGrad })
        if tracked && (beta != 1 || alpha != 1) {
            throw TensorError(.notImplementedError,
                "addmm with beta or alpha other than 1 on tensors that require grad is not supported by Kindling")
        }
        let out = try GradMode.withNoGrad { () -> Tensor in
            let scaled = alpha == 1 ? product : try Tensor.binary(.mul, .tensor(product), .scalar(.float(alpha)))
            if beta == 0 { return try CopyKernel.materialize(scaled, dtype: scaled.dtype) }
            let base = beta == 1 ? input : try Tensor.binary(.mul, .tensor(input), .scalar(.float(beta)))
            return try Tensor.binary(.add, .tensor(base), .tensor(scaled))
        }
        guard tracked else { return out }
        // Recorded as F.linear's node (x @ w.t() + bias with w = mat2.t()), whose rules are addmm's.
        let w = try mat2.t()
        out.attach(.linear(x: SavedTensor(mat1), w: SavedTensor(w), biasShape: input.shape), [input, mat1, w])
        return out
    }
}
