/// The Swift types behind the dtypes, with PyTorch's conversions between them
/// (C casts: floats truncate toward zero, out-of-range and NaN give the
/// integer minimum as on x86; integers narrow by wrapping).
/// Generic kernels over `TensorElement` are specialised per type by the optimiser.
protocol TensorElement {
    static var dtype: DType { get }
    static var zero: Self { get }
    var asFloat: Float { get }
    var asDouble: Double { get }
    var asInt: Int64 { get }
    var asInt32: Int32 { get }
    var asBool: Bool { get }
    static func make<S: TensorElement>(_ s: S) -> Self
    static func fromScalar(_ s: Scalar) -> Self
}

/// x86's cvtt conversions: truncation, or the minimum when out of range / NaN.
@inline(__always) private func truncatedInt64(_ v: Double) -> Int64 {
    if v.isNaN || v >= 9.223372036854775807e18 || v < -9.223372036854775808e18 { return Int64.min }
    return Int64(v)
}

@inline(__always) private func truncatedInt32(_ v: Double) -> Int32 {
    if v.isNaN || v >= 2147483648.0 || v <= -2147483649.0 { return Int32.min }
    return Int32(v)
}

extension Float: TensorElement {
    static var dtype: DType { .float32 }
    @inline(__always) var asFloat: Float { self }
    @inline(__always) var asDouble: Double { Double(self) }
    @inline(__always) var asInt: Int64 {
        if self.isNaN || self >= 9.223372e18 || self < -9.223372e18 { return Int64.min }
        return Int64(self)
    }
    @inline(__always) var asInt32: Int32 { truncatedInt32(Double(self)) }
    @inline(__always) var asBool: Bool { self != 0 }
    @inline(__always) static func make<S: TensorElement>(_ s: S) -> Float { s.asFloat }
    @inline(__always) static func fromScalar(_ s: Scalar) -> Float { Float(s.doubleValue) }
}

extension Double: TensorElement {
    static var dtype: DType { .float64 }
    @inline(__always) var asFloat: Float { Float(self) }
    @inline(__always) var asDouble: Double { self }
    @inline(__always) var asInt: Int64 { truncatedInt64(self) }
    @inline(__always) var asInt32: Int32 { truncatedInt32(self) }
    @inline(__always) var asBool: Bool { self != 0 }
    @inline(__always) static func make<S: TensorElement>(_ s: S) -> Double { s.asDouble }
    @inline(__always) static func fromScalar(_ s: Scalar) -> Double { s.doubleValue }
}

extension Int64: TensorElement {
    static var dtype: DType { .int64 }
    @inline(__always) var asFloat: Float { Float(self) }
    @inline(__always) var asDouble: Double { Double(self) }
    @inline(__always) var asInt: Int64 { self }
    @inline(__always) var asInt32: Int32 { Int32(truncatingIfNeeded: self) }
    @inline(__always) var asBool: Bool { self != 0 }
    @inline(__always) static func make<S: TensorElement>(_ s: S) -> Int64 { s.asInt }
    @inline(__always) static func fromScalar(_ s: Scalar) -> Int64 {
        switch s {
        case .int(let v): return v
        case .bool(let v): return v ? 1 : 0
        case .float(let v): return truncatedInt64(v)
        }
    }
}

extension Int32: TensorElement {
    static var dtype: DType { .int32 }
    @inline(__always) var asFloat: Float { Float(self) }
    @inline(__always) var asDouble: Double { Double(self) }
    @inline(__always) var asInt: Int64 { Int64(self) }
    @inline(__always) var asInt32: Int32 { self }
    @inline(__always) var asBool: Bool { self != 0 }
    @inline(__always) static func make<S: TensorElement>(_ s: S) -> Int32 { s.asInt32 }
    @inline(__always) static func fromScalar(_ s: Scalar) -> Int32 {
        switch s {
        case .int(let v): return Int32(truncatingIfNeeded: v)
        case .bool(let v): return v ? 1 : 0
        case .float(let v): return truncatedInt32(v)
        }
    }
}

extension Bool: TensorElement {
    static var dtype: DType { .bool }
    static var zero: Bool { false }
    @inline(__always) var asFloat: Float { self ? 1 : 0 }
    @inline(__always) var asDouble: Double { self ? 1 : 0 }
    @inline(__always) var asInt: Int64 { self ? 1 : 0 }
    @inline(__always) var asInt32: Int32 { self ? 1 : 0 }
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
    /// This scalar converted to an element of `dtype` (PyTorch's cast rules),
    /// widened back to a Python-like number.
    public func converted(to dtype: DType) -> Scalar {
        switch dtype {
        case .float32: return .float(Double(Float.fromScalar(self)))
        case .float64: return .float(doubleValue)
        case .int32: return .int(Int64(Int32.fromScalar(self)))
        case .int64: return .int(Int64.fromScalar(self))
        case .bool: return .bool(Bool.fromScalar(self))
        }
    }
}
