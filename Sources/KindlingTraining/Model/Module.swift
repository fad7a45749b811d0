import KindlingEngine

/// A model or layer usable from Swift alone: a forward pass, its trainable tensors and
/// a train/eval switch. The bindings' `nn.Module` runs its native layers through these.
///
///     let net = Sequential(try Linear(784, 30), ReLU(), try Linear(30, 10))
///     let logits = try net.forward(x)
public protocol Module: AnyObject {
    /// The output for one input batch.
    func forward(_ x: Tensor) throws -> Tensor
    /// This module's parameters, then its children's, each once (`parameters()`).
    var parameters: [Tensor] { get }
    /// The modules directly inside this one (`children()`).
    var children: [Module] { get }
    /// Whether the module is in training mode (`train()` / `eval()`).
    var isTraining: Bool { get set }
}

extension Module {
    public var children: [Module] { [] }

    /// `callAsFunction` as `model(x)`.
    public func callAsFunction(_ x: Tensor) throws -> Tensor { try forward(x) }

    /// `train(on)`: sets the mode of this module and every descendant.
    public func train(_ on: Bool = true) {
        isTraining = on
        for c in children { c.train(on) }
    }

    /// Every parameter of this module and its descendants, each once, in `named_parameters()` order.
    public var allParameters: [Tensor] {
        var seen = Set<ObjectIdentifier>()
        var out: [Tensor] = []
        func walk(_ m: Module) {
            for p in m.parameters where seen.insert(ObjectIdentifier(p)).inserted { out.append(p) }
            for c in m.children { walk(c) }
        }
        walk(self)
        return out
    }
}
