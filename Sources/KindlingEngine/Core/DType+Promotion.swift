/// PyTorch's type promotion restricted to Kindling's dtypes: the result is the
/// highest category among the operands (bool < int64 < float32). Python scalars
/// are "weak" but, with one dtype per category, that changes nothing: an int
/// tensor with a Python float gives float32, a float tensor with an int stays float32.
extension DType {
    var rank: Int {
        switch self {
        case .bool: return 0
        case .int64: return 1
        case .float32: return 2
        }
    }

    static func promote(_ a: DType, _ b: DType) -> DType { a.rank >= b.rank ? a : b }

    /// The name PyTorch uses in kernel errors ("Float", "Long", "Bool").
    var kernelName: String {
        switch self {
        case .float32: return "Float"
        case .int64: return "Long"
        case .bool: return "Bool"
        }
    }

    /// Whether a value of `self` may be written into a tensor of `target` in place.
    func canCast(to target: DType) -> Bool { rank <= target.rank }
}

extension Tensor {
    /// Elements converted to `dtype` (self when the dtype already matches; no autograd).
    func converted(to dtype: DType) throws -> Tensor {
        dtype == self.dtype ? self : try CopyKernel.materialize(self, dtype: dtype)
    }

    /// A 0-d tensor holding `s` converted to `dtype` (no autograd).
    static func scalarTensor(_ s: Scalar, _ dtype: DType) throws -> Tensor {
        let t = try Tensor.empty([], dtype)
        switch dtype {
        case .float32: t.storage.floats[0] = Float.fromScalar(s)
        case .int64: t.storage.ints[0] = Int64.fromScalar(s)
        case .bool: t.storage.bools[0] = Bool.fromScalar(s)
        }
        return t
    }
}
