import KindlingEngine

/// `F.smooth_l1_loss` and `F.huber_loss`: quadratic near zero, linear beyond
/// `beta`/`delta`; fused into one node each (SmoothL1LossBackward0,
/// HuberLossBackward0), with gradients tested against the composed formula.
public enum RobustLosses {
    /// Smooth L1 (`huber: false`, threshold `beta`, loss divided by beta inside) or
    /// Huber (`huber: true`, threshold `delta`, linear part scaled by delta).
    /// Input and target must already have one shape (the bindings broadcast them).
    public static func loss(_ input: Tensor, _ target: Tensor, threshold: Double, huber: Bool,
                            reduction: Reduction) throws -> Tensor {
        let kernel = huber ? "huber_cpu" : "smooth_l1_cpu"
        try LossMath.requireFloat(input, kernel)
        try LossMath.requireFloat(target, kernel)
        if huber && threshold <= 0 {
            throw TensorError(.runtimeError, "huber_loss does not support non-positive values for delta.")
        }
        if !huber && threshold < 0 {
            throw TensorError(.runtimeError, "smooth_l1_loss does not support negative values for beta.")
        }
        if !huber && threshold == 0 {
            // PyTorch runs l1_loss for beta == 0.
            return try reduction.apply(try LossMath.sub(input, target).abs())
        }
        let perElement = try GradMode.withNoGrad { () -> Tensor in
            let z = try LossMath.sub(input, target).abs()
            let small = try Tensor.binary(.lt, .tensor(z), .scalar(.float(threshold)))
            let quadratic = try Tensor.binary(.mul, .tensor(try Tensor.binary(.mul, .tensor(z), .scalar(.float(0.5)))), .tensor(z))
            if huber {
                let linear = try Tensor.binary(.mul, .tensor(try Tensor.binary(.sub, .tensor(z), .scalar(.float(0.5 * threshold)))),
                                               .scalar(.float(threshold)))
                return try Tensor.where_(small, .tensor(quadratic), .tensor(linear))
            }
            let scaled = try Tensor.binary(.div, .tensor(quadratic), .scalar(.float(threshold)))
            let linear = try Tensor.binary(.sub, .tensor(z), .scalar(.float(0.5 * threshold)))
            return try Tensor.where_(small, .tensor(scaled), .tensor(linear))
        }
        let out = try GradMode.withNoGrad { try reduction.apply(perElement) }
        let x = input.detach(), y = target.detach(), count = perElement.numel
        Tensor.recordFusedLoss(name: huber ? "HuberLossBackward0" : "SmoothL1LossBackward0",
                               inputs: [input, target], output: out) { g in
            let slope = try derivative(try LossMath.sub(x, y), threshold: threshold, huber: huber)
            let gx = try LossMath.spread(slope, g, reduction, count: count)
            return [gx, try gx.neg()]
        }
        return out
    }

    /// d(loss)/d(input) per element for the difference d = input - target.
    static func derivative(_ d: Tensor, threshold: Double, huber: Bool) throws -> Tensor {
        let clamped = try d.clamp(min: .float(-threshold), max: .float(threshold))
        return huber ? clamped : try Tensor.binary(.div, .tensor(clamped), .scalar(.float(threshold)))
    }
}
