/// PyTorch's type promotion (`torch.result_type`) over Kindling's dtypes.
///
/// Operands have a category (bool < integer < floating) and a priority:
/// tensors with dimensions beat zero-dim tensors, which beat Python scalars.
/// A lower-priority operand only changes the result when its category is
/// higher: `int32 tensor + 5` stays int32, `int32 tensor + 2.5` gives the
/// default float dtype, `float32 tensor + float64 0-d tensor` stays float32.
extension DType {
    /// 0 bool, 1 integer, 2 floating point.
    var category: Int {
        switch self {
        case .bool: return 0
        case .int32, .int64: return 1
        case .float32, .float64: return 2
        }
    }

    /// Rank within the promotion lattice (a total order for Kindling's dtypes).
    var rank: Int {
        switch self {
        case .bool: return 0
        case .int32: return 1
        case .int64: return 2
        case .float32: return 3
        case .float64: return 4
        }
    }

    /// `torch.promote_types(a, b)`: the larger of two operands of equal priority.
    public static func promote(_ a: DType, _ b: DType) -> DType { a.rank >= b.rank ? a : b }

    /// Combines a higher-priority result with a lower-priority one (nil = no operand).
    static func combine(_ higher: DType?, _ lower: DType?) -> DType? {
        guard let h = higher else { return lower }
        guard let l = lower else { return h }
        return l.category > h.category ? promote(h, l) : h
    }

    /// The result dtype of operands grouped by priority (`torch.result_type`).
    public static func resultType(dimensioned: [DType], zeroDim: [DType], scalars: [DType]) -> DType {
        func fold(_ ds: [DType]) -> DType? {
            var result: DType? = nil
            for d in ds { result = result.map { promote($0, d) } ?? d }
            return result
        }
        return combine(fold(dimensioned), combine(fold(zeroDim), fold(scalars))) ?? .float32
    }

    /// The result dtype of two tensors (zero-dim ones rank below dimensioned ones).
    static func resultType(_ a: Tensor, _ b: Tensor) -> DType {
        if (a.dim == 0) == (b.dim == 0) { return promote(a.dtype, b.dtype) }
        return a.dim == 0 ? combine(b.dtype, a.dtype) ?? b.dtype : combine(a.dtype, b.dtype) ?? a.dtype
    }

    /// The result dtype of a tensor with a Python scalar.
    static func resultType(_ t: DType, scalar s: Scalar) -> DType { combine(t, s.dtype) ?? t }

    /// The name PyTorch uses in kernel errors ("Float", "Double", "Int", "Long", "Bool").
    public var kernelName: String {
        switch self {
        case .float32: return "Float"
        case .float64: return "Double"
        case .int32: return "Int"
        case .int64: return "Long"
        case .bool: return "Bool"
        }
    }

    /// Whether a value of `self` may be written into a tensor of `target` in
    /// place (PyTorch's `can_cast`: no lowering of category).
    func canCast(to target: DType) -> Bool { category <= target.category }

    /// The dtype float math (`sqrt`, `exp`, `/`) on `self` gives: floats stay,
    /// integers and bools give the default float dtype.
    public var floatResult: DType { isFloatingPoint ? self : DType.defaultFloat }
}

extension Tensor {
    /// Elements converted to `dtype` (self when the dtype already matches; no autograd).
    func converted(to dtype: DType) throws -> Tensor {
        dtype == self.dtype ? self : try CopyKernel.materialize(self, dtype: dtype)
    }

    /// A 0-d tensor holding `s` converted to `dtype` (no autograd).
    static func scalarTensor(_ s: Scalar, _ dtype: DType) throws -> Tensor {
        let t = try Tensor.empty([], dtype)
        CopyKernel.fill(t, s)
        return t
    }
}
