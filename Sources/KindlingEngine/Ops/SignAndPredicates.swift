/// `sign`/`sgn`, `trunc` and the float-class predicates `isnan`/`isinf`/`isfinite`:
/// element-wise ops that keep integer dtypes (or answer in bool).
extension Tensor {
    /// `sign` (SignBackward0) or `sgn` (SgnBackward0): -1, 0 or 1 in the input's
    /// dtype (NaN gives 0 as PyTorch's CPU kernel does; bool stays bool). The gradient is zero.
    public func sign(gradName: String = "SignBackward0") throws -> Tensor {
        let out = try Tensor.empty(shape, dtype)
        switch dtype {
        case .bool: ElementwiseKernel.map1(self, out) { (v: Bool) -> Bool in v }
        case .int32: ElementwiseKernel.map1(self, out) { (v: Int32) -> Int32 in v > 0 ? 1 : (v < 0 ? -1 : 0) }
        case .int64: ElementwiseKernel.map1(self, out) { (v: Int64) -> Int64 in v > 0 ? 1 : (v < 0 ? -1 : 0) }
        case .float32: ElementwiseKernel.map1(self, out) { (v: Float) -> Float in v > 0 ? 1 : (v < 0 ? -1 : 0) }
        case .float64: ElementwiseKernel.map1(self, out) { (v: Double) -> Double in v > 0 ? 1 : (v < 0 ? -1 : 0) }
        }
        if Tensor.needsGrad(self) { out.attach(.zeroGrad(name: gradName), [self]) }
        return out
    }

    /// `trunc`/`fix`: round toward zero (TruncBackward0, zero gradient); integers are copied.
    public func trunc() throws -> Tensor {
        if !dtype.isFloatingPoint { return try CopyKernel.materialize(self, dtype: dtype) }
        let out = try Tensor.empty(shape, dtype)
        if dtype == .float64 {
            ElementwiseKernel.map1(self, out) { (v: Double) -> Double in v.rounded(.towardZero) }
        } else {
            ElementwiseKernel.map1(self, out) { (v: Float) -> Float in v.rounded(.towardZero) }
        }
        if Tensor.needsGrad(self) { out.attach(.zeroGrad(name: "TruncBackward0"), [self]) }
        return out
    }

    /// A bool tensor telling which elements are NaN / infinite / finite.
    /// Integer and bool elements are never NaN or infinite.
    public func isNaN() throws -> Tensor { try floatClass(integers: false) { $0.isNaN } }
    public func isInfinite() throws -> Tensor { try floatClass(integers: false) { $0.isInfinite } }
    public func isFinite() throws -> Tensor { try floatClass(integers: true) { $0.isFinite } }

    private func floatClass(integers: Bool, _ test: @escaping (Double) -> Bool) throws -> Tensor {
        let out = try Tensor.empty(shape, .bool)
        switch dtype {
        case .float32: ElementwiseKernel.map1(self, out) { (v: Float) -> Bool in test(Double(v)) }
        case .float64: ElementwiseKernel.map1(self, out) { (v: Double) -> Bool in test(v) }
        case .int32, .int64, .bool: CopyKernel.fill(out, .bool(integers))
        }
        return out
    }
}
