/// The element types Kindling's tensors support, named as PyTorch names them.
public enum DType: Sendable, Hashable, CustomStringConvertible {
    case float32
    case int64
    case bool

    /// `torch.float32`, `torch.int64`, `torch.bool`.
    public var description: String {
        switch self {
        case .float32: return "torch.float32"
        case .int64: return "torch.int64"
        case .bool: return "torch.bool"
        }
    }

    public var isFloatingPoint: Bool { self == .float32 }

    /// Bytes per element, as PyTorch's `element_size()`.
    public var itemSize: Int {
        switch self {
        case .float32: return 4
        case .int64: return 8
        case .bool: return 1
        }
    }
}

/// One element of a tensor, exact for every dtype.
public enum Scalar: Sendable, Equatable {
    case float(Float)
    case int(Int64)
    case bool(Bool)

    public var dtype: DType {
        switch self {
        case .float: return .float32
        case .int: return .int64
        case .bool: return .bool
        }
    }

    public var doubleValue: Double {
        switch self {
        case .float(let v): return Double(v)
        case .int(let v): return Double(v)
        case .bool(let v): return v ? 1 : 0
        }
    }
}
