import KindlingEngine

/// PyTorch's functional losses (`torch.nn.functional`), on engine tensors.
/// Each records the autograd node PyTorch prints (MseLossBackward0,
/// BinaryCrossEntropyBackward0, ...), except `l1Loss`, which PyTorch itself
/// builds from `abs` and a reduction.
public enum Losses {
    /// `F.mse_loss(input, target, reduction=)`.
    public static func mse(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean) throws -> Tensor {
        try LossMath.requireFloat(input, "mse_cpu")
        // As PyTorch: both sides broadcast first (ExpandBackward0 where a shape grows; the
        // warning is the caller's), the difference in the promoted dtype, one MseLossBackward0.
        var input = input, target = target
        if input.shape != target.shape {
            let shape = try Tensor.broadcastShape(input.shape, target.shape)
            if input.shape != shape { input = try input.expand(shape) }
            if target.shape != shape { target = try target.expand(shape) }
        }
        let diff = try GradMode.withNoGrad { try LossMath.sub(input.detach(), target.detach()) }
        let out = try GradMode.withNoGrad { try reduction.apply(try LossMath.mul(diff, diff)) }
        let count = input.numel
        let wantInput = input.requiresGrad, wantTarget = target.requiresGrad
        let inputType = input.dtype, targetType = target.dtype
        Tensor.recordFusedLoss(name: "MseLossBackward0", inputs: [input, target], output: out) { g in
            let d = try LossMath.spread(try LossMath.scale(diff, 2), g, reduction, count: count)
            return [wantInput ? try d.to(inputType) : nil, wantTarget ? try d.neg().to(targetType) : nil]
        }
        return out
    }

    /// `F.l1_loss(input, target, reduction=)`: `(input - target).abs()` reduced.
    public static func l1(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean) throws -> Tensor {
        try reduction.apply(try LossMath.sub(input, target).abs())
    }

    /// `F.binary_cross_entropy(input, target, reduction=)` on probabilities;
    /// the logs are clamped at -100 as PyTorch does.
    public static func binaryCrossEntropy(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean) throws -> Tensor {
        try LossMath.checkSameSize(input, target)
        try LossMath.requireFloat(input, "binary_cross_entropy")
        if target.dtype != input.dtype {
            throw TensorError(.runtimeError, "Found dtype \(target.dtype.kernelName) but expected \(input.dtype.kernelName)")
        }
        if target.requiresGrad && GradMode.isEnabled {
            throw TensorError(.runtimeError, "the derivative for 'target' is not implemented.")
        }
        let p = input.detach(), y = try target.detach().to(input.dtype.floatResult)
        let out: Tensor = try GradMode.withNoGrad {
            let outside = try Tensor.binary(.logicalOr, .tensor(try Tensor.binary(.lt, .tensor(p), .scalar(.float(0)))),
                                            .tensor(try Tensor.binary(.gt, .tensor(p), .scalar(.float(1)))))
            if try outside.any().item() == .bool(true) {
                throw TensorError(.runtimeError, "all elements of input should be between 0 and 1")
            }
            let logP = try p.log().clamp(min: .float(-100), max: nil)
            let oneMinusP = try Tensor.binary(.sub, .scalar(.float(1)), .tensor(p))
            let logQ = try oneMinusP.log().clamp(min: .float(-100), max: nil)
            let oneMinusY = try Tensor.binary(.sub, .scalar(.float(1)), .tensor(y))
            let perElement = try Tensor.binary(.add, .tensor(try LossMath.mul(y, logP)), .tensor(try LossMath.mul(oneMinusY, logQ))).neg()
            return try reduction.apply(perElement)
        }
        let count = input.numel
        Tensor.recordFusedLoss(name: "BinaryCrossEntropyBackward0", inputs: [input], output: out) { g in
            // (p - y) / max(p (1 - p), 1e-12)
            let num = try LossMath.sub(p, y)
            let oneMinusP = try Tensor.binary(.sub, .scalar(.float(1)), .tensor(p))
            let den = try LossMath.mul(p, oneMinusP).clamp(min: .float(1e-12), max: nil)
            let d = try Tensor.binary(.div, .tensor(num), .tensor(den))
            return [try LossMath.spread(d, g, reduction, count: count)]
        }
        return out
    }

    /// `F.binary_cross_entropy_with_logits(input, target, reduction=)`, in
    /// the stable form `max(x, 0) - x y + log(1 + exp(-|x|))`.
    public static func binaryCrossEntropyWithLogits(_ input: Tensor, _ target: Tensor,
                                                    reduction: Reduction = .mean) throws -> Tensor {
        try LossMath.checkSameSize(input, target)
        try LossMath.requireFloat(input, "log_sigmoid_cpu")
        if target.dtype.isFloatingPoint && target.dtype != input.dtype {
            // PyTorch computes in the promoted dtype (the input's cast is differentiable).
            let common = DType.promote(input.dtype, target.dtype)
            return try binaryCrossEntropyWithLogits(try input.to(common), try target.to(common), reduction: reduction)
        }
        let x = input.detach(), y = try target.detach().to(input.dtype.floatResult)
        let out: Tensor = try GradMode.withNoGrad {
            let softplus = try Tensor.binary(.add, .scalar(.float(1)), .tensor(try x.abs().neg().exp())).log()
            let relu = try x.relu()
            let perElement = try Tensor.binary(.add, .tensor(try LossMath.sub(relu, try LossMath.mul(x, y))), .tensor(softplus))
            return try reduction.apply(perElement)
        }
        let count = input.numel
        let wantInput = input.requiresGrad, wantTarget = target.requiresGrad
        Tensor.recordFusedLoss(name: "BinaryCrossEntropyWithLogitsBackward0", inputs: [input, target], output: out) { g in
            let dx = wantInput ? try LossMath.spread(try LossMath.sub(try x.sigmoid(), y), g, reduction, count: count) : nil
            let dy = wantTarget ? try LossMath.spread(try x.neg(), g, reduction, count: count) : nil
            return [dx, dy]
        }
        return out
    }
}
