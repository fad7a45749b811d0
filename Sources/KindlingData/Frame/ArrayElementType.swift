/// The NumPy dtype of an `NDArray`'s elements. Storage is wider than the dtype where that is
/// exact: float32 values are kept as Doubles that are always float32-representable, int32 and
/// uint8 values as Int64s (or compact bytes) always inside the type's range.
public enum ArrayElementType: String, Sendable, CaseIterable {
    case bool, uint8, int32, int64, float32, float64

    public var isFloat: Bool { self == .float32 || self == .float64 }
    public var isInteger: Bool { self == .uint8 || self == .int32 || self == .int64 }

    /// Bytes per element (`itemsize`).
    public var itemSize: Int {
        switch self {
        case .bool, .uint8: return 1
        case .int32, .float32: return 4
        case .int64, .float64: return 8
        }
    }

    /// The type whose storage a frame's logical dtype uses.
    public init(_ dtype: FrameDType) {
        switch dtype {
        case .int64: self = .int64
        case .float64: self = .float64
        case .bool: self = .bool
        }
    }

    /// NumPy's `np.result_type` for two array dtypes (`np.promote_types`).
    public static func promote(_ a: ArrayElementType, _ b: ArrayElementType) -> ArrayElementType {
        if a == b { return a }
        if a == .bool { return b }
        if b == .bool { return a }
        switch (a.isFloat, b.isFloat) {
        case (true, true): return .float64
        case (false, false): return [a, b].contains(.int64) ? .int64 : .int32
        default:
            let (f, i) = a.isFloat ? (a, b) : (b, a)
            // float32 holds uint8 exactly; wider integers need float64.
            return f == .float32 && i == .uint8 ? .float32 : .float64
        }
    }

    /// The value converted to this type as NumPy's `astype` does (float to int truncates, ints
    /// wrap to the type's width, float32 rounds to nearest).
    @inline(__always) public func convert(_ v: Double) -> Double {
        switch self {
        case .float64: return v
        case .float32: return Double(Float(v))
        case .bool: return v != 0 ? 1 : 0
        case .uint8, .int32, .int64: return Double(wrap(truncatingDouble: v))
        }
    }

    /// An integer wrapped to this integer type's width (two's complement, as NumPy's arithmetic).
    @inline(__always) public func wrap(_ v: Int64) -> Int64 {
        switch self {
        case .uint8: return Int64(UInt8(truncatingIfNeeded: v))
        case .int32: return Int64(Int32(truncatingIfNeeded: v))
        case .bool: return v != 0 ? 1 : 0
        default: return v
        }
    }

    /// A float truncated toward zero and wrapped (NaN and out-of-range values give the type's
    /// minimum, as NumPy's casts do on x86).
    @inline(__always) public func wrap(truncatingDouble v: Double) -> Int64 {
        guard v.isFinite, abs(v) < 9.2e18 else { return self == .uint8 ? 0 : (self == .int32 ? Int64(Int32.min) : Int64.min) }
        return wrap(Int64(v))
    }
}
