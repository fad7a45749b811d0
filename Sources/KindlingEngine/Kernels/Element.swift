/// The Swift types behind the dtypes, with PyTorch's conversions between them.
/// Generic kernels over `TensorElement` are specialised per type by the optimiser.
protocol TensorElement {
    static var dtype: DType { get }
    static var zero: Self { get }
    var asFloat: Float { get }
    var asInt: Int64 { get }
    var asBool: Bool { get }
    static func make<S: TensorElement>(_ s: S) -> Self
    static func fromScalar(_ s: Scalar) -> Self
}

extension Float: TensorElement {
    static var dtype: DType { .float32 }
    @inline(__always) var asFloat: Float { self }
    /// Truncation toward zero; NaN and out-of-range values give Int64.min as on x86.
    @inline(__always) var asInt: Int64 {
        if self.isNaN || self >= 9.223372e18 || self < -9.223372e18 { return Int64.min }
        return Int64(self)
    }
    @inline(__always) var asBool: Bool { self != 0 }
    @inline(__always) static func make<S: TensorElement>(_ s: S) -> Float { s.asFloat }
    @inline(__always) static func fromScalar(_ s: Scalar) -> Float { Float(s.doubleValue) }
}

extension Int64: TensorElement {
    static var dtype: DType { .int64 }
    @inline(__always) var asFloat: Float { Float(self) }
    @inline(__always) var asInt: Int64 { self }
    @inline(__always) var asBool: Bool { self != 0 }
    @inline(__always) static func make<S: TensorElement>(_ s: S) -> Int64 { s.asInt }
    @inline(__always) static func fromScalar(_ s: Scalar) -> Int64 {
        switch s {
        case .int(let v): return v
        case .bool(let v): return v ? 1 : 0
        case .float(let v): return v.asInt
        }
    }
}

extension Bool: TensorElement {
    static var dtype: DType { .bool }
    static var zero: Bool { false }
    @inline(__always) var asFloat: Float { self ? 1 : 0 }
    @inline(__always) var asInt: Int64 { self ? 1 : 0 }
    @inline(__always) var asBool: Bool { self }
    @inline(__always) static func make<S: TensorElement>(_ s: S) -> Bool { s.asBool }
    @inline(__always) static func fromScalar(_ s: Scalar) -> Bool {
        switch s {
        case .bool(let v): return v
        case .int(let v): return v != 0
        case .float(let v): return v != 0
        }
    }
}

extension Scalar {
    /// This scalar converted to another dtype (PyTorch's cast rules).
    func converted(to dtype: DType) -> Scalar {
        switch dtype {
        case .float32: return .float(Float.fromScalar(self))
        case .int64: return .int(Int64.fromScalar(self))
        case .bool: return .bool(Bool.fromScalar(self))
        }
    }
}
