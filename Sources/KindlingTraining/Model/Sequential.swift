import KindlingEngine

/// `nn.Sequential`: its layers applied in order.
public final class Sequential: Module {
    public var layers: [Module]
    public var isTraining = true
    public var parameters: [Tensor] { [] }
    public var children: [Module] { layers }

    public init(_ layers: Module...) { self.layers = layers }
    public init(layers: [Module]) { self.layers = layers }

    public func forward(_ x: Tensor) throws -> Tensor {
        try Sequential.apply(layers.map { layer in { try layer.forward($0) } }, x)
    }

    /// Runs `steps` in order: the loop `nn.Sequential` runs, whoever its layers are.
    public static func apply(_ steps: [(Tensor) throws -> Tensor], _ x: Tensor) throws -> Tensor {
        var y = x
        for step in steps { y = try step(y) }
        return y
    }
}
