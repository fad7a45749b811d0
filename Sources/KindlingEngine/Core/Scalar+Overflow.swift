/// PyTorch's checked conversion of a Python number into an integer dtype
/// (`torch.tensor`, `torch.full`, `fill_`, `x[i] = v`): a value out of the
/// type's range, or a NaN or infinity, raises instead of wrapping. Arithmetic
/// with a scalar (`x + 2**40`) still wraps, as in PyTorch.
extension Scalar {
    /// How the overflow message names the type: `torch.tensor` says `int32`,
    /// the fills say the C++ element type (`int`, `int64_t`).
    enum OverflowTypeName { case dtype, element }

    /// Whether the value converts to `dtype` without overflow.
    public func fits(in dtype: DType) -> Bool {
        switch dtype {
        case .float32, .float64, .bool: return true
        case .int32, .int64: break
        }
        switch self {
        case .bool: return true
        case .int(let v): return dtype == .int64 || (v >= Int64(Int32.min) && v <= Int64(Int32.max))
        case .float(let v):
            // Truncation toward zero must land in the type's range (±2^31 and ±2^63 are exact Doubles).
            guard v.isFinite else { return false }
            if dtype == .int32 { return v > -2_147_483_649.0 && v < 2_147_483_648.0 }
            return v >= -9.223372036854775808e18 && v < 9.223372036854775808e18
        }
    }

    /// Throws PyTorch's RuntimeError when the value does not fit `dtype`.
    func checkFits(in dtype: DType, naming: OverflowTypeName) throws {
        guard !fits(in: dtype) else { return }
        let name: String
        switch (dtype, naming) {
        case (.int32, .dtype): name = "int32"
        case (.int32, .element): name = "int"
        case (_, .dtype): name = "int64"
        case (_, .element): name = "int64_t"
        }
        throw TensorError(.runtimeError, "value cannot be converted to type \(name) without overflow")
    }
}
