/// In-place forms of element-wise functions (`exp_`, `log1p_`, `sigmoid_`,
/// `relu_`, `addcmul_`, ...): the out-of-place function computed on a
/// snapshot, written back into this tensor, which takes over the result's
/// graph node as PyTorch's in-place ops do.
extension Tensor {
    /// Replaces this tensor's values with `f(self)`. The result must keep this
    /// tensor's dtype and shape (PyTorch's "result type Float can't be cast to
    /// the desired output type Long" otherwise).
    @discardableResult
    public func applyInPlace_(_ f: (Tensor) throws -> Tensor) throws -> Tensor {
        try checkInPlaceAllowed()
        let source = try CopyKernel.materialize(self, dtype: dtype)
        if GradMode.isEnabled && requiresGrad { source.gradFn = gradFn; source.requiresGradFlag = requiresGradFlag }
        let result = try f(source)
        if result.dtype != dtype {
            throw TensorError(.runtimeError,
                "result type \(result.dtype.kernelName) can't be cast to the desired output type \(dtype.kernelName)")
        }
        if result.shape != shape {
            throw TensorError(.runtimeError,
                "output with shape \(Shape.describe(shape)) doesn't match the broadcast shape \(Shape.describe(result.shape))")
        }
        let tracked = GradMode.isEnabled && result.gradFn != nil
        if tracked && viewBase != nil {
            throw TensorError(.notImplementedError,
                "in-place operations on views of tensors that require grad are not supported by Kindling")
        }
        CopyKernel.copy(src: result, srcStrides: result.strides, dst: self)
        storage.version += 1
        if tracked {
            gradFn = result.gradFn
            Tensor.identityChanged()
        }
        return self
    }
}
