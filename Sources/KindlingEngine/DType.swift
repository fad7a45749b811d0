/// The element types Kindling's tensors support, named as PyTorch names them.
public enum DType: Sendable, Hashable, CustomStringConvertible, CaseIterable {
    case float32
    case float64
    case int32
    case int64
    case bool

    /// `torch.float32`, `torch.float64`, `torch.int32`, `torch.int64`, `torch.bool`.
    public var description: String { "torch." + name }

    /// The dtype's name without the `torch.` prefix (`float64`).
    public var name: String {
        switch self {
        case .float32: return "float32"
        case .float64: return "float64"
        case .int32: return "int32"
        case .int64: return "int64"
        case .bool: return "bool"
        }
    }

    /// The legacy tensor type name `t.type()` gives (`torch.DoubleTensor`).
    public var legacyTypeName: String {
        switch self {
        case .float32: return "torch.FloatTensor"
        case .float64: return "torch.DoubleTensor"
        case .int32: return "torch.IntTensor"
        case .int64: return "torch.LongTensor"
        case .bool: return "torch.BoolTensor"
        }
    }

    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }
    /// int32 and int64 (not bool).
    public var isIntegral: Bool { self == .int32 || self == .int64 }

    /// Bytes per element, as PyTorch's `element_size()`.
    public var itemSize: Int {
        switch self {
        case .float64, .int64: return 8
        case .float32, .int32: return 4
        case .bool: return 1
        }
    }

    /// The dtype `torch.get_default_dtype()` reports: Python floats and float
    /// factories (`zeros`, `rand`, ...) use it. float32 unless changed by
    /// `torch.set_default_dtype` (which accepts float32 or float64 only).
    nonisolated(unsafe) public static var defaultFloat: DType = .float32
}

/// One element of a tensor, exact for every dtype: a Python-like number.
/// Floats are held as Double (exact for float32 and float64 elements) and
/// integers as Int64 (exact for int32 and int64 elements).
public enum Scalar: Sendable, Equatable {
    case float(Double)
    case int(Int64)
    case bool(Bool)

    /// The dtype a Python number of this kind gets on its own: the default
    /// float dtype, int64 or bool.
    public var dtype: DType {
        switch self {
        case .float: return DType.defaultFloat
        case .int: return .int64
        case .bool: return .bool
        }
    }

    public var doubleValue: Double {
        switch self {
        case .float(let v): return v
        case .int(let v): return Double(v)
        case .bool(let v): return v ? 1 : 0
        }
    }
}
