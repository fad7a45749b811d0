import KindlingEngine

/// The `reduction=` argument of PyTorch's losses.
public enum Reduction: String, Sendable {
    case none, mean, sum

    /// Parses `reduction=`, raising PyTorch's ValueError for anything else.
    public init(parsing name: String) throws {
        guard let r = Reduction(rawValue: name) else {
            throw TensorError(.valueError, "\(name) is not a valid value for reduction")
        }
        self = r
    }

    /// Applies the reduction to per-element losses (recorded by autograd as
    /// MeanBackward0 / SumBackward0 when tracked).
    public func apply(_ t: Tensor) throws -> Tensor {
        switch self {
        case .none: return t
        case .mean: return try t.mean()
        case .sum: return try t.sum()
        }
    }
}

/// Small helpers over engine ops, shared by the losses.
enum LossMath {
    @inline(__always) static func sub(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try Tensor.binary(.sub, .tensor(a), .tensor(b))
    }

    @inline(__always) static func mul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try Tensor.binary(.mul, .tensor(a), .tensor(b))
    }

    @inline(__always) static func scale(_ a: Tensor, _ s: Float) throws -> Tensor {
        try Tensor.binary(.mul, .tensor(a), .scalar(.float(Double(s))))
    }

    /// The gradient reaching a reduced loss, spread back over per-element
    /// values: `grad` is 0-d for mean/sum (divided by `count` for mean) and
    /// elementwise for none.
    static func spread(_ perElement: Tensor, _ grad: Tensor, _ reduction: Reduction, count: Int) throws -> Tensor {
        switch reduction {
        case .none:
            return try mul(perElement, grad)
        case .sum:
            return try scale(perElement, try grad.item().floatValue)
        case .mean:
            return try scale(perElement, try grad.item().floatValue / Float(max(count, 1)))
        }
    }

    /// PyTorch's check that a loss's input and target have the same shape.
    static func checkSameSize(_ input: Tensor, _ target: Tensor) throws {
        if input.shape != target.shape {
            throw TensorError(.valueError,
                "Using a target size (\(TensorFormatter.sizeRepr(target.shape))) that is different to the input size (\(TensorFormatter.sizeRepr(input.shape))) is deprecated. Please ensure they have the same size.")
        }
    }

    static func requireFloat(_ t: Tensor, _ what: String) throws {
        if !t.dtype.isFloatingPoint {
            throw TensorError(.notImplementedError, "\"\(what)\" not implemented for '\(t.dtype.kernelName)'")
        }
    }
}

extension Scalar {
    /// The value as a Float (bools as 0/1).
    var floatValue: Float { Float(doubleValue) }
}
