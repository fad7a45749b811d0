import KindlingEngine

/// An optimizer over a flat list of parameters (one parameter group).
/// `step()` updates in place under no_grad; parameters without a gradient
/// are skipped, as in PyTorch.
public protocol Optimizer: AnyObject {
    var params: [Tensor] { get }
    /// The learning rate the next `step()` uses (schedulers set it per batch).
    var lr: Double { get set }
    /// The momentum hyper-parameter when the optimizer has one (fastai's
    /// one-cycle schedules it: SGD's `mom`, Adam's beta1).
    var mom: Double? { get set }
    func step() throws
    /// Clears gradients: to None (`setToNone`) or zero-filled in place.
    func zeroGrad(setToNone: Bool) throws
    /// The hyper-parameters by fastai's / PyTorch's names, for printing.
    var hypers: [(String, Double)] { get }
}

extension Optimizer {
    public func zeroGrad(setToNone: Bool) throws {
        for p in params {
            guard let g = p.grad else { continue }
            if setToNone { p.grad = nil } else if !FusedSteps.zero(g) { _ = try g.detach().zero_() }
        }
    }
}

/// Engine-op helpers for the update rules.
enum OptimMath {
    @inline(__always) static func times(_ t: Tensor, _ s: Double) throws -> Tensor {
        try Tensor.binary(.mul, .tensor(t), .scalar(.float(Double(s))))
    }

    @inline(__always) static func plus(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try Tensor.binary(.add, .tensor(a), .tensor(b))
    }

    /// `p -= lr * d`, in place.
    @inline(__always) static func descend(_ p: Tensor, _ d: Tensor, lr: Double) throws {
        try p.sub_(.tensor(try times(d, lr)))
    }
}
