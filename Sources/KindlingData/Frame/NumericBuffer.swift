/// pandas/numpy dtypes KindlingData knows.
public enum FrameDType: String, Sendable {
    case int64, float64, bool
}

/// Contiguous typed values. `.uint8` is a compact physical form of logical `int64`
/// (every value in 0...255, as pixel columns are): it reports dtype `int64` but takes
/// one byte per value, so a 60,000 x 785 frame costs 47 MB instead of 377 MB.
public enum NumericBuffer {
    case uint8([UInt8])
    case int64([Int64])
    case float64([Double])
    case bool([Bool])

    /// The logical dtype (`uint8` storage is `int64`).
    public var dtype: FrameDType {
        switch self {
        case .uint8, .int64: return .int64
        case .float64: return .float64
        case .bool: return .bool
        }
    }

    public var count: Int {
        switch self {
        case .uint8(let a): return a.count
        case .int64(let a): return a.count
        case .float64(let a): return a.count
        case .bool(let a): return a.count
        }
    }

    /// The value at `i` as a scalar.
    public func scalar(at i: Int) -> FrameScalar {
        switch self {
        case .uint8(let a): return .int(Int64(a[i]))
        case .int64(let a): return .int(a[i])
        case .float64(let a): return .float(a[i])
        case .bool(let a): return .bool(a[i])
        }
    }

    /// The value at `i` converted to Double (bools as 0/1).
    @inline(__always) public func double(at i: Int) -> Double {
        switch self {
        case .uint8(let a): return Double(a[i])
        case .int64(let a): return Double(a[i])
        case .float64(let a): return a[i]
        case .bool(let a): return a[i] ? 1 : 0
        }
    }

    /// The values at `positions`, in that order (positions must be valid).
    public func take(_ positions: [Int]) -> NumericBuffer {
        switch self {
        case .uint8(let a): return .uint8(positions.map { a[$0] })
        case .int64(let a): return .int64(positions.map { a[$0] })
        case .float64(let a): return .float64(positions.map { a[$0] })
        case .bool(let a): return .bool(positions.map { a[$0] })
        }
    }

    /// A contiguous slice (range must be valid).
    public func slice(_ r: Range<Int>) -> NumericBuffer {
        switch self {
        case .uint8(let a): return .uint8(Array(a[r]))
        case .int64(let a): return .int64(Array(a[r]))
        case .float64(let a): return .float64(Array(a[r]))
        case .bool(let a): return .bool(Array(a[r]))
        }
    }

    /// All values as Double.
    public func toDoubles() -> [Double] {
        switch self {
        case .uint8(let a): return a.map { Double($0) }
        case .int64(let a): return a.map { Double($0) }
        case .float64(let a): return a
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        }
    }

    /// All values as Float (what a float32 tensor wants).
    public func toFloats() -> [Float] {
        switch self {
        case .uint8(let a):
            return Array(unsafeUninitializedCapacity: a.count) { out, n in
                a.withUnsafeBufferPointer { src in
                    guard let s = src.baseAddress, let d = out.baseAddress else { return }
                    for i in 0..<src.count { d[i] = Float(s[i]) }
                }
                n = a.count
            }
        case .int64(let a): return a.map { Float($0) }
        case .float64(let a): return a.map { Float($0) }
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        }
    }

    /// All values as Int64 (floats truncated toward zero like numpy's astype; NaN/inf give Int64.min).
    public func toInt64s() -> [Int64] {
        switch self {
        case .uint8(let a): return a.map { Int64($0) }
        case .int64(let a): return a
        case .float64(let a): return a.map { $0.isFinite && abs($0) < 9.2e18 ? Int64($0) : Int64.min }
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        }
    }
}

/// One value of a Series or array, as Python sees it.
public enum FrameScalar: Equatable, CustomStringConvertible {
    case int(Int64)
    case float(Double)
    case bool(Bool)

    public var doubleValue: Double {
        switch self {
        case .int(let v): return Double(v)
        case .float(let v): return v
        case .bool(let v): return v ? 1 : 0
        }
    }

    /// Python's `repr` of the value (`3`, `0.5`, `nan`, `True`).
    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .float(let v): return pythonFloatRepr(v)
        case .bool(let v): return v ? "True" : "False"
        }
    }
}

/// CPython's `repr(float)`: shortest round-trip digits, `inf`, `nan`, exponent form beyond 1e16.
func pythonFloatRepr(_ v: Double) -> String {
    if v.isNaN { return "nan" }
    if v.isInfinite { return v < 0 ? "-inf" : "inf" }
    let s = "\(v)"   // Swift prints shortest round-trip digits, e.g. 1e-05, 1.0, 1e+16
    if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        var mant = String(s[..<e])
        var exp = String(s[s.index(after: e)...])
        if mant.hasSuffix(".0") { mant.removeLast(2) }
        var sign = "+"
        if exp.hasPrefix("-") { sign = "-"; exp.removeFirst() } else if exp.hasPrefix("+") { exp.removeFirst() }
        if exp.count < 2 { exp = "0" + exp }
        return mant + "e" + sign + exp
    }
    return s
}
