/// Reading single elements, `item()`, and the printer's view of a tensor.
extension Tensor: FormattableTensor, CustomStringConvertible {
    /// Storage index of the element at a flat row-major logical index.
    @inline(__always) func storageIndex(ofLogical index: Int) -> Int {
        if isContiguous { return storageOffset + index }
        var rest = index
        var offset = storageOffset
        var d = shape.count - 1
        while d >= 0 {
            let size = shape[d]
            if size > 0 {
                offset += (rest % size) * strides[d]
                rest /= size
            }
            d -= 1
        }
        return offset
    }

    /// The element at a flat row-major logical index (0 ..< numel).
    public func scalar(atLogical index: Int) -> Scalar {
        let i = storageIndex(ofLogical: index)
        if let byte = storage.compactByte(at: i) { return Scalar.int(Int64(byte)).converted(to: dtype) }
        switch dtype {
        case .float32: return .float(Double(storage.floats[i]))
        case .float64: return .float(storage.pointer(Double.self)[i])
        case .int32: return .int(Int64(storage.pointer(Int32.self)[i]))
        case .int64: return .int(storage.ints[i])
        case .bool: return .bool(storage.bools[i])
        }
    }

    /// All elements in logical order, as scalars (for `tolist()` and tests).
    public func scalars() -> [Scalar] {
        (0..<numel).map { scalar(atLogical: $0) }
    }

    /// All elements converted to Float in logical order (handy for tests and kernels).
    public func floatValues() -> [Float] {
        (0..<numel).map { Float(scalar(atLogical: $0).doubleValue) }
    }

    /// The only element of a one-element tensor, as PyTorch's `item()`.
    public func item() throws -> Scalar {
        guard numel == 1 else {
            throw TensorError(.runtimeError,
                "a Tensor with \(numel) elements cannot be converted to Scalar")
        }
        return scalar(atLogical: 0)
    }

    /// PyTorch's repr, rendered by `TensorFormatter`.
    public var description: String {
        TensorFormatter.repr(self, requiresGrad: requiresGrad && gradFn == nil, gradFnName: gradFn?.name)
    }

    /// `len(t)`: size of the first dimension.
    public func length() throws -> Int {
        guard let first = shape.first else { throw TensorError(.typeError, "len() of a 0-d tensor") }
        return first
    }

    /// `t.size(d)` with a possibly negative dim.
    public func size(_ dim: Int) throws -> Int {
        shape.isEmpty ? 1 : shape[try Shape.wrapDim(dim, rank: shape.count)]
    }

    /// `t.stride(d)` with a possibly negative dim.
    public func stride(_ dim: Int) throws -> Int {
        strides.isEmpty ? 1 : strides[try Shape.wrapDim(dim, rank: strides.count)]
    }
}
