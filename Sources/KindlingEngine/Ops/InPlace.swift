/// In-place ops (`add_`, `sub_`, `mul_`, `div_`, `zero_`, `fill_`, `copy_`,
/// `clamp_`, augmented assignment). They bump the storage version and, when
/// autograd is involved, move this tensor onto a new graph node like PyTorch.
extension Tensor {
    /// PyTorch's checks before an in-place write.
    func checkInPlaceAllowed() throws {
        guard GradMode.isEnabled else { return }
        if isLeaf && requiresGradFlag {
            throw TensorError(.runtimeError, "a leaf Variable that requires grad is being used in an in-place operation.")
        }
        if let base = viewBase, base.isLeaf && base.requiresGradFlag {
            throw TensorError(.runtimeError,
                "a view of a leaf Variable that requires grad is being used in an in-place operation.")
        }
    }

    /// Writes `self op other` into self without any autograd bookkeeping
    /// (gradient accumulation, `.data` updates, no_grad blocks).
    func applyInPlace(_ op: BinaryOp, _ other: Tensor) throws {
        let dt = try Tensor.computeDType(op, dtype, DType.resultType(self, other),
                                         bothBool: dtype == .bool && other.dtype == .bool)
        if !dt.result.canCast(to: dtype) {
            throw TensorError(.runtimeError,
                "result type \(dt.result.kernelName) can't be cast to the desired output type \(dtype.kernelName)")
        }
        try checkBroadcastsIntoSelf(other)
        if isContiguous && dt.compute == dtype && dt.result == dtype && !other.sharesStorage(with: self) {
            try BinaryKernels.run(op, self, try other.converted(to: dtype), self)
        } else {
            let result = try GradMode.withNoGrad { try Tensor.binaryTensors(op, self, other, scalarSide: 0) }
            CopyKernel.copy(src: result, srcStrides: result.strides, dst: self)
        }
        storage.version += 1
    }

    /// PyTorch's check that `other` broadcasts to exactly this tensor's shape.
    func checkBroadcastsIntoSelf(_ other: Tensor) throws {
        let shape = try Shape.broadcast(self.shape, other.shape)
        if shape != self.shape {
            throw TensorError(.runtimeError,
                "output with shape \(Shape.describe(self.shape)) doesn't match the broadcast shape \(Shape.describe(shape))")
        }
    }

    /// The shared path of the arithmetic in-place ops.
    private func inPlace(_ op: BinaryOp, _ other: Operand) throws -> Tensor {
        try checkInPlaceAllowed()
        let otherTensor: Tensor
        switch other {
        case .tensor(let t): otherTensor = t
        case .scalar(let s): otherTensor = try Tensor.scalarTensor(s, DType.resultType(dtype, scalar: s))
        }
        let tracked = GradMode.isEnabled && (requiresGrad || otherTensor.requiresGrad)
        if !tracked {
            try applyInPlace(op, otherTensor)
            return self
        }
        try checkBroadcastsIntoSelf(otherTensor)
        if viewBase != nil {
            throw TensorError(.notImplementedError,
                "in-place operations on views of tensors that require grad are not supported by Kindling")
        }
        // Compute out of place against a snapshot of the old value, then take
        // over the result's values and graph node.
        let old = try CopyKernel.materialize(self, dtype: dtype)
        old.gradFn = gradFn
        old.requiresGradFlag = requiresGradFlag
        let scalarSide: Int
        if case .scalar = other { scalarSide = 2 } else { scalarSide = 0 }
        let result = try Tensor.binaryTensors(op, old, otherTensor, scalarSide: scalarSide)
        if result.dtype != dtype {
            throw TensorError(.runtimeError,
                "result type \(result.dtype.kernelName) can't be cast to the desired output type \(dtype.kernelName)")
        }
        CopyKernel.copy(src: result, srcStrides: result.strides, dst: self)
        storage.version += 1
        gradFn = result.gradFn
        Tensor.identityChanged()
        return self
    }

    @discardableResult public func add_(_ other: Operand) throws -> Tensor { try inPlace(.add, other) }
    @discardableResult public func sub_(_ other: Operand) throws -> Tensor { try inPlace(.sub, other) }
    @discardableResult public func mul_(_ other: Operand) throws -> Tensor { try inPlace(.mul, other) }
    @discardableResult public func div_(_ other: Operand) throws -> Tensor { try inPlace(.div, other) }
    /// Any binary op in place (`//=`, `%=`, `**=`, `&=`, ...).
    @discardableResult public func inPlace_(_ op: BinaryOp, _ other: Operand) throws -> Tensor { try inPlace(op, other) }

    /// `fill_(value)`.
    @discardableResult
    public func fill_(_ value: Scalar) throws -> Tensor {
        try checkInPlaceAllowed()
        try value.checkFits(in: dtype, naming: .element)
        CopyKernel.fill(self, value)
        storage.version += 1
        if GradMode.isEnabled && gradFn != nil && viewBase == nil {
            let shape = self.shape
            Tensor.identityChanged()
            gradFn = GradFn(.fill(shape), [gradEdge])
        }
        return self
    }

    /// `zero_()`.
    @discardableResult
    public func zero_() throws -> Tensor {
        try fill_(.int(0))
    }

    /// `copy_(src)`: broadcasts and converts `src` into self.
    @discardableResult
    public func copy_(_ src: Tensor) throws -> Tensor {
        try checkInPlaceAllowed()
        _ = try Shape.broadcast(shape, src.shape)
        if Shape.broadcast2(src.shape, to: shape) == false {
            throw TensorError(.runtimeError,
                "output with shape \(Shape.describe(shape)) doesn't match the broadcast shape \(Shape.describe(try Shape.broadcast(shape, src.shape)))")
        }
        let source = src.sharesStorage(with: self) ? try CopyKernel.materialize(src, dtype: src.dtype) : src
        CopyKernel.copy(src: source, srcStrides: Shape.broadcastStrides(source.shape, source.strides, to: shape), dst: self)
        storage.version += 1
        if GradMode.isEnabled && (requiresGrad || src.requiresGrad) && dtype.isFloatingPoint {
            if viewBase != nil {
                throw TensorError(.notImplementedError,
                    "in-place copy into a view of a tensor that requires grad is not supported by Kindling")
            }
            let srcShape = src.shape
            Tensor.identityChanged()
            gradFn = GradFn(.copyFrom(sourceShape: srcShape), [gradEdge, src.gradEdge])
        }
        return self
    }

    /// `clamp_(min, max)`.
    @discardableResult
    public func clamp_(min lo: Scalar?, max hi: Scalar?) throws -> Tensor {
        try checkInPlaceAllowed()
        let tracked = GradMode.isEnabled && requiresGrad
        if tracked && viewBase != nil {
            throw TensorError(.notImplementedError,
                "in-place operations on views of tensors that require grad are not supported by Kindling")
        }
        // Clamp a snapshot so the saved input is not the tensor being overwritten.
        let source = tracked ? try CopyKernel.materialize(self, dtype: dtype) : self
        if tracked { source.gradFn = gradFn }
        let result = try source.clamp(min: lo, max: hi)
        if result.dtype != dtype {
            throw TensorError(.runtimeError,
                "result type \(result.dtype.kernelName) can't be cast to the desired output type \(dtype.kernelName)")
        }
        CopyKernel.copy(src: result, srcStrides: result.strides, dst: self)
        storage.version += 1
        if tracked { gradFn = result.gradFn; Tensor.identityChanged() }
        return self
    }
}

/// Raw element access for fused in-place updates outside the engine (the
/// optimizers' one-pass steps): only contiguous float32 tensors qualify.
extension Tensor {
    /// Runs `body` on this tensor's elements and counts an in-place write
    /// (storage version, as `add_` does); nil, without running `body`, when
    /// the tensor is not contiguous float32. No autograd bookkeeping: call it
    /// where PyTorch would run under `no_grad` (optimizer steps, `zero_grad`).
    public func withMutableFloats<R>(_ body: (UnsafeMutableBufferPointer<Float>) throws -> R) rethrows -> R? {
        guard dtype == .float32, isContiguous else { return nil }
        let result = try body(UnsafeMutableBufferPointer(start: basePointer(Float.self), count: numel))
        storage.version += 1
        return result
    }

    /// Runs `body` on this tensor's elements, read only; nil when the tensor
    /// is not contiguous float32.
    public func withFloats<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R? {
        guard dtype == .float32, isContiguous else { return nil }
        return try body(UnsafeBufferPointer(start: basePointer(Float.self), count: numel))
    }
}

extension Shape {
    /// Whether `shape` broadcasts to exactly `target`.
    static func broadcast2(_ shape: [Int], to target: [Int]) -> Bool {
        if shape.count > target.count { return false }
        let lead = target.count - shape.count
        for i in 0..<shape.count where shape[i] != 1 && shape[i] != target[lead + i] { return false }
        return true
    }
}
