import KindlingData
import KindlingEngine
import KindlingLanguage

/// Arrays to tensors (`tensor(a)`, `torch.tensor(a)`, `torch.from_numpy(a)`) and tensors to
/// arrays (`t.numpy()`, `np.array(t)`, fastai's `to_np`), keeping the dtype. Tensors are copied
/// both ways (PyTorch shares memory; Kindling's arrays are values), and the dtypes the engine
/// lacks are refused rather than silently changed.
enum NumpyBridge {
    static func tensor(from array: NDArray, fromPandas: Bool) throws -> Tensor {
        switch array.elementType {
        case .float32:
            return try Tensor(shape: array.shape, floats: array.doubleValues.map { Float($0) })
        case .int64, .bool:
            return try NDArrayTensorConversion.tensor(from: array)
        case .float64 where fromPandas:
            return try NDArrayTensorConversion.tensor(from: array)
        case .float64, .int32, .uint8:
            throw notSupported("a tensor of a NumPy \(array.elementType.rawValue) array (torch.\(array.elementType.rawValue) tensors; convert with .astype(np.float32) or .astype(np.int64) first)")
        }
    }

    /// The NumPy dtype of a tensor's elements.
    static func elementType(of t: Tensor) -> ArrayElementType {
        switch t.dtype {
        case .int64: return .int64
        case .bool: return .bool
        default: return .float32
        }
    }

    /// A copy of the tensor's values as an array of its dtype.
    static func array(from t: Tensor) throws -> NDArray {
        let type = elementType(of: t)
        let values = t.scalars()
        switch type {
        case .int64: return try NDArray.make(values.map { Int64($0.doubleValue) }, shape: t.shape, type: .int64)
        case .bool: return try NDArray.make(values.map { $0.doubleValue != 0 }, shape: t.shape)
        default: return try NDArray.make(values.map { $0.doubleValue }, shape: t.shape, type: type)
        }
    }

    /// `t.numpy()`: PyTorch refuses tensors that require grad.
    static func numpy(_ t: Tensor) throws -> Value {
        if t.requiresGrad {
            throw pyError(.runtimeError, "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        }
        return .object(NDArrayObject(numpy: try array(from: t)))
    }

    /// fastai's `to_np(x)`: detaches, then converts (tensors inside lists/tuples too).
    static let toNumpy: Value = .object(NativeFunction(name: "to_np") { args in
        try convertNested(try args[0])
    })

    private static func convertNested(_ v: Value) throws -> Value {
        if let t = v.tensorValue { return .object(NDArrayObject(numpy: try array(from: t.detach()))) }
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
        return .tensor(try tensor(from: a.array, fromPandas: a.fromPandas))
    })
}
