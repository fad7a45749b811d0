import KindlingData
import KindlingEngine
import KindlingLanguage

/// Arrays to tensors (`torch.tensor(a)`, `torch.from_numpy(a)`, fastai's `tensor(a)`) and tensors
/// to arrays (`t.numpy()`, `np.array(t)`, fastai's `to_np`), keeping the dtype as PyTorch does
/// (fastai's `tensor` then makes float64 float32 itself). `t.numpy()`, `to_np` and
/// `torch.from_numpy` share elements as PyTorch's do; `torch.tensor(a)`/`np.array(t)` copy;
/// uint8, which the engine lacks, is refused.
enum NumpyBridge {
    static func tensor(from array: NDArray) throws -> Tensor {
        switch array.elementType {
        case .float32:
            return try Tensor(shape: array.shape, floats: array.toFloats())
        case .int32:
            return try Tensor(shape: array.shape, int32s: array.toInt64s().map { Int32(truncatingIfNeeded: $0) })
        case .float64, .int64, .bool:
            return try NDArrayTensorConversion.tensor(from: array)
        case .uint8:
            throw notSupported("a tensor of a NumPy uint8 array (torch.uint8 tensors; convert with .astype(np.int64) or .astype(np.float32) first)")
        }
    }

    /// The NumPy dtype of a tensor's elements.
    static func elementType(of t: Tensor) -> ArrayElementType {
        switch t.dtype {
        case .float32: return .float32
        case .float64: return .float64
        case .int32: return .int32
        case .int64: return .int64
        case .bool: return .bool
        }
    }

    /// A copy of the tensor's values as an array of its dtype.
    static func array(from t: Tensor) throws -> NDArray {
        let type = elementType(of: t)
        let values = t.scalars()
        switch type {
        case .int64, .int32:
            return try NDArray.make(values.map { s -> Int64 in
                if case .int(let v) = s { return v }
                return Int64(exactly: s.doubleValue) ?? 0
            }, shape: t.shape, type: type)
        case .bool: return try NDArray.make(values.map { $0.doubleValue != 0 }, shape: t.shape)
        default: return try NDArray.make(values.map { $0.doubleValue }, shape: t.shape, type: type)
        }
    }

    /// `t.numpy()`: PyTorch refuses tensors that require grad.
    static func numpy(_ t: Tensor) throws -> Value {
        if t.requiresGrad {
            throw pyError(.runtimeError, "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        }
        return .object(NDArrayObject(sharing: t))
    }

    /// fastai's `to_np(x)`: detaches, then converts (tensors inside lists/tuples too).
    static let toNumpy: Value = .object(NativeFunction(name: "to_np") { args in
        try convertNested(try args[0])
    })

    private static func convertNested(_ v: Value) throws -> Value {
        if let t = v.tensorValue { return .object(NDArrayObject(sharing: t.detach())) }
        if let l = v.as(PyList.self) { return .object(PyList(try l.items.map(convertNested))) }
        if let tup = v.as(PyTuple.self) { return .object(PyTuple(try tup.items.map(convertNested))) }
        return v
    }

    /// `torch.from_numpy(a)`.
    static let fromNumpy: Value = .object(NativeFunction(name: "from_numpy") { args in
        let v = try args[0]
        guard let a = v.as(NDArrayObject.self) else {
            throw pyError(.typeError, "expected np.ndarray (got \(v.typeName))")
        }
        let t = try tensor(from: a.array)
        _ = a.shareElements(with: t)   // a view keeps its own copy
        return .tensor(t)
    })
}
