import KindlingEngine

/// A parameter-free layer: one function of its input (an activation, or a reshape).
public class Activation: Module {
    /// What the layer computes.
    public enum Kind: Equatable {
        case relu, sigmoid, tanh
        case leakyRelu(negativeSlope: Float)
        case flatten(startDim: Int, endDim: Int)
    }

    public let kind: Kind
    public var isTraining = true
    public var parameters: [Tensor] { [] }

    public init(_ kind: Kind) { self.kind = kind }

    public func forward(_ x: Tensor) throws -> Tensor { try Activation.apply(kind, x) }

    /// The layer's function on `x`.
    public static func apply(_ kind: Kind, _ x: Tensor) throws -> Tensor {
        switch kind {
        case .relu: return try x.relu()
        case .sigmoid: return try x.sigmoid()
        case .tanh: return try x.tanh()
        case .leakyRelu(let slope): return try x.leakyRelu(negativeSlope: slope)
        case .flatten(let s, let e): return try x.flatten(startDim: s, endDim: e)
        }
    }
}

/// `nn.ReLU()`.
public final class ReLU: Activation { public init() { super.init(.relu) } }
/// `nn.Sigmoid()`.
public final class Sigmoid: Activation { public init() { super.init(.sigmoid) } }
/// `nn.Tanh()`.
public final class Tanh: Activation { public init() { super.init(.tanh) } }
/// `nn.LeakyReLU(negative_slope)`.
public final class LeakyReLU: Activation {
    public init(negativeSlope: Float = 0.01) { super.init(.leakyRelu(negativeSlope: negativeSlope)) }
}
/// `nn.Flatten(start_dim, end_dim)`.
public final class Flatten: Activation {
    public init(startDim: Int = 1, endDim: Int = -1) { super.init(.flatten(startDim: startDim, endDim: endDim)) }
}
