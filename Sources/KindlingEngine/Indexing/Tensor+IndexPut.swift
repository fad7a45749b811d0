/// Writing with a subscript: `x[items] = value` (PyTorch's `__setitem__`).
extension Tensor {
    /// `x[items] = value`, in place. Basic items copy `value` (broadcast, any
    /// dtype) into the view they select; with index tensors or masks the value
    /// broadcasts to the gathered shape and must have this tensor's dtype unless
    /// it is a Python scalar (or one element under a mask). Leading size-1 dims
    /// of `value` are ignored, as NumPy does. Records CopySlices /
    /// IndexPutBackward0 when gradients are involved.
    public func indexPut(_ items: [TensorIndex], _ value: Operand) throws {
        var source: Tensor
        var fromScalar = false
        switch value {
        case .scalar(let s):
            try s.checkFits(in: dtype, naming: .element)
            source = try Tensor.scalarTensor(s, dtype)
            fromScalar = true
        case .tensor(let t):
            source = t
        }
        if dim == 0, items.count == 1, case .int = items[0] { throw Tensor.zeroDimIndexError }
        let tracked = GradMode.isEnabled && (requiresGrad || source.requiresGrad)
        try checkInPlaceAllowed()
        if tracked && viewBase != nil {
            throw TensorError(.notImplementedError,
                "in-place operations on views of tensors that require grad are not supported by Kindling")
        }
        let sliced = try GradMode.withNoGrad { try applySlicing(items) }
        // Strip leading size-1 dims of the value; read it from a copy if it
        // shares memory with the destination.
        var stripped = source.detach()
        while stripped.dim > 0 && stripped.shape[0] == 1 {
            stripped = Tensor(storage: stripped.storage, shape: Array(stripped.shape.dropFirst()),
                              strides: Array(stripped.strides.dropFirst()), offset: stripped.storageOffset)
        }
        if stripped.sharesStorage(with: self) { stripped = try CopyKernel.materialize(stripped, dtype: stripped.dtype) }

        if !sliced.hasAdvancedIndex {
            let target = sliced.view
            let expanded = try GradMode.withNoGrad { try stripped.expand(target.shape) }
            CopyKernel.copy(src: expanded, srcStrides: expanded.strides, dst: target)
        } else {
            let target = sliced.view
            let plan = try AdvancedIndexPlan(sourceShape: target.shape, indices: sliced.tensorIndices)
            guard (try? Shape.broadcast(stripped.shape, plan.resultShape)) == plan.resultShape else {
                throw TensorError(.runtimeError,
                    "shape mismatch: value tensor of shape \(Shape.describe(stripped.shape)) cannot be broadcast to indexing result of shape \(Shape.describe(plan.resultShape))")
            }
            let onlyMasks = sliced.tensorIndices.allSatisfy { $0 == nil || $0?.dtype == .bool }
            if !fromScalar && stripped.dtype != dtype && !(onlyMasks && stripped.numel == 1) {
                throw TensorError(.runtimeError,
                    "Index put requires the source and destination dtypes match, got \(dtype.kernelName) for the destination and \(stripped.dtype.kernelName) for the source.")
            }
            let values = try Tensor.empty(plan.resultShape, dtype)
            CopyKernel.copy(src: stripped,
                            srcStrides: Shape.broadcastStrides(stripped.shape, stripped.strides, to: plan.resultShape),
                            dst: values)
            switch dtype {
            case .float32: IndexKernels.scatter(Float.self, plan, values: values, into: target)
            case .float64: IndexKernels.scatter(Double.self, plan, values: values, into: target)
            case .int32: IndexKernels.scatter(Int32.self, plan, values: values, into: target)
            case .int64: IndexKernels.scatter(Int64.self, plan, values: values, into: target)
            case .bool: IndexKernels.scatter(Bool.self, plan, values: values, into: target)
            }
        }
        storage.version += 1
        if tracked { recordIndexPut(items, source: source, advanced: sliced.hasAdvancedIndex) }
    }

    /// Makes this tensor's history "old self with the indexed elements replaced":
    /// the gradient flows to old self except at those elements, and from those
    /// elements to the value (summed back to its shape).
    private func recordIndexPut(_ items: [TensorIndex], source: Tensor, advanced: Bool) {
        attach(.indexPut(items: items, valueShape: source.shape, valueNeedsGrad: source.requiresGrad, advanced: advanced),
               [self, source])
    }

    /// IndexPutBackward0 / CopySlices: the gradient flows to old self except at the
    /// written elements, and from those elements to the value (summed to its shape).
    static func indexPutGradients(_ grad: Tensor, _ items: [TensorIndex], valueShape: [Int],
                                  valueNeedsGrad: Bool) throws -> [Tensor?] {
        try GradMode.withNoGrad {
            let gradSelf = try grad.clone()
            try gradSelf.indexPut(items, .scalar(.float(0)))
            let gradValue = valueNeedsGrad ? try Tensor.gradientSummed(try grad.index(items), toShape: valueShape) : nil
            return [gradSelf, gradValue]
        }
    }

    /// `grad` summed over the dims broadcasting added to a tensor of `shape`.
    static func gradientSummed(_ grad: Tensor, toShape shape: [Int]) throws -> Tensor {
        if grad.shape == shape { return grad }
        var g = grad
        if g.dim < shape.count {
            g = try g.reshape([Int](repeating: 1, count: shape.count - g.dim) + g.shape)
        }
        let lead = g.dim - shape.count
        var dims = Array(0..<lead)
        for i in 0..<shape.count where shape[i] == 1 && g.shape[lead + i] != 1 { dims.append(lead + i) }
        if !dims.isEmpty { g = try g.sum(dims: dims, keepdim: true) }
        return try g.reshape(shape)
    }
}
