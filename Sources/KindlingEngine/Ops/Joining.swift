/// Joining tensors: `torch.cat` and `torch.stack`, with PyTorch's checks,
/// type promotion and gradients (CatBackward0, StackBackward0).
extension Tensor {
    /// `torch.cat(tensors, dim)`: joins along an existing dim. Sizes must match
    /// elsewhere; 1-D empty tensors are skipped (legacy PyTorch rule); the
    /// result has the promoted dtype of all inputs.
    public static func cat(_ tensors: [Tensor], dim: Int = 0) throws -> Tensor {
        guard !tensors.isEmpty else {
            throw TensorError(.runtimeError, "torch.cat(): expected a non-empty list of Tensors")
        }
        for (i, t) in tensors.enumerated() where t.dim == 0 {
            throw TensorError(.runtimeError, "zero-dimensional tensor (at position \(i)) cannot be concatenated")
        }
        let dtype = tensors.dropFirst().reduce(tensors[0].dtype) { DType.promote($0, $1.dtype) }
        let skipped = tensors.map { $0.dim == 1 && $0.numel == 0 }
        guard let referenceIndex = skipped.firstIndex(of: false) else {
            let out = try Tensor.empty([0], dtype)
            recordJoin(.cat(dim: 0, starts: skipped.map { _ in 0 }, sizes: skipped.map { _ in 0 }, skipped: skipped), tensors, out)
            return out
        }
        let reference = tensors[referenceIndex]
        let d = try Shape.wrapDim(dim, rank: reference.dim)
        var total = 0
        for (i, t) in tensors.enumerated() where !skipped[i] {
            if t.dim != reference.dim {
                throw TensorError(.runtimeError,
                    "Tensors must have same number of dimensions: got \(reference.dim) and \(t.dim)")
            }
            for k in 0..<t.dim where k != d && t.shape[k] != reference.shape[k] {
                throw TensorError(.runtimeError,
                    "Sizes of tensors must match except in dimension \(d). Expected size \(reference.shape[k]) but got size \(t.shape[k]) for tensor number \(i) in the list.")
            }
            let (sum, overflow) = total.addingReportingOverflow(t.shape[d])
            if overflow {
                throw TensorError(.runtimeError, "Storage size calculation overflowed with sizes=\(Shape.describe(reference.shape))")
            }
            total = sum
        }
        var outShape = reference.shape
        outShape[d] = total
        let out = try Tensor.empty(outShape, dtype)
        var starts: [Int] = []
        var position = 0
        for (i, t) in tensors.enumerated() {
            starts.append(position)
            if skipped[i] { continue }
            var partShape = outShape
            partShape[d] = t.shape[d]
            let part = Tensor(storage: out.storage, shape: partShape, strides: out.strides,
                              offset: position * out.strides[d])
            CopyKernel.copy(src: t, srcStrides: t.strides, dst: part)
            position += t.shape[d]
        }
        let sizes = tensors.map { $0.dim == 1 && $0.numel == 0 ? 0 : $0.shape[d] }
        recordJoin(.cat(dim: d, starts: starts, sizes: sizes, skipped: skipped), tensors, out)
        return out
    }

    /// `torch.stack(tensors, dim)`: joins equal-shaped tensors along a new dim.
    public static func stack(_ tensors: [Tensor], dim: Int = 0) throws -> Tensor {
        guard let first = tensors.first else {
            throw TensorError(.runtimeError, "stack expects a non-empty TensorList")
        }
        for (i, t) in tensors.enumerated() where t.shape != first.shape {
            throw TensorError(.runtimeError,
                "stack expects each tensor to be equal size, but got \(Shape.describe(first.shape)) at entry 0 and \(Shape.describe(t.shape)) at entry \(i)")
        }
        let d = try Shape.wrapDim(dim, rank: first.dim + 1)
        let dtype = tensors.dropFirst().reduce(first.dtype) { DType.promote($0, $1.dtype) }
        var outShape = first.shape
        outShape.insert(tensors.count, at: d)
        let out = try Tensor.empty(outShape, dtype)
        var partStrides = out.strides
        let step = partStrides.remove(at: d)
        for (i, t) in tensors.enumerated() {
            let part = Tensor(storage: out.storage, shape: first.shape, strides: partStrides, offset: i * step)
            CopyKernel.copy(src: t, srcStrides: t.strides, dst: part)
        }
        recordJoin(.stack(dim: d, count: tensors.count), tensors, out)
        return out
    }

    /// Records a join's node when grad mode is on and some input requires grad.
    private static func recordJoin(_ op: BackwardOp, _ inputs: [Tensor], _ out: Tensor) {
        guard GradMode.isEnabled, inputs.contains(where: { $0.requiresGrad }) else { return }
        out.attach(op, inputs)
    }
}
