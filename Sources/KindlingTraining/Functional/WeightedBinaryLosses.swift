import KindlingEngine

/// The `weight=` (per element, broadcast to the input) and `pos_weight=`
/// (per class, broadcast along the last dim) options of PyTorch's binary
/// losses, with PyTorch's values, gradients, autograd node names and shape
/// errors. Weights never receive gradients (PyTorch refuses them too).
extension Losses {
    /// `F.binary_cross_entropy_with_logits(input, target, weight=, pos_weight=, reduction=)`:
    /// `(1 - y) x - ((pw - 1) y + 1) log σ(x)`, times `weight`.
    public static func binaryCrossEntropyWithLogits(_ input: Tensor, _ target: Tensor, weight: Tensor?, posWeight: Tensor?,
                                                    reduction: Reduction = .mean) throws -> Tensor {
        if weight == nil && posWeight == nil { return try binaryCrossEntropyWithLogits(input, target, reduction: reduction) }
        let name = "binary_cross_entropy_with_logits"
        try LossMath.checkSameSize(input, target)
        try LossMath.requireFloat(input, "log_sigmoid_cpu")
        try refuseGradient(weight, name, "weight")
        try refuseGradient(posWeight, name, "pos_weight")
        let ft = input.dtype.floatResult
        let x = input.detach(), y = try target.detach().to(ft)
        let w = try weight?.detach().to(ft), pw = try posWeight?.detach().to(ft)
        let one = Scalar.float(1)
        // pw * y, broadcast to the input's shape (nil without pos_weight).
        let pwY: Tensor? = try GradMode.withNoGrad { try pw.map { try LossMath.mul($0, y) } }
        if let pwY { try requireShape(pwY, of: input) }
        let out: Tensor = try GradMode.withNoGrad {
            let softplus = try Tensor.binary(.add, .scalar(one), .tensor(try x.abs().neg().exp())).log()
            // log σ(x) = min(x, 0) - log(1 + exp(-|x|))
            var logSigmoid = try LossMath.sub(try LossMath.sub(x, try x.relu()), softplus)
            if let pwY {
                let logWeight = try Tensor.binary(.add, .tensor(try LossMath.sub(pwY, y)), .scalar(one))
                logSigmoid = try LossMath.mul(logSigmoid, logWeight)
            }
            let oneMinusY = try Tensor.binary(.sub, .scalar(one), .tensor(y))
            var loss = try LossMath.sub(try LossMath.mul(oneMinusY, x), logSigmoid)
            if let w {
                loss = try LossMath.mul(loss, w)
                try requireShape(loss, of: input)
            }
            return try reduction.apply(loss)
        }
        let count = input.numel
        let wantInput = input.requiresGrad, wantTarget = target.requiresGrad
        Tensor.recordFusedLoss(name: "BinaryCrossEntropyWithLogitsBackward0", inputs: [input, target], output: out) { g in
            var dx: Tensor? = nil, dy: Tensor? = nil
            if wantInput {
                // (pw y + 1 - y) σ(x) - pw y, or σ(x) - y
                var d: Tensor
                if let pwY {
                    let factor = try Tensor.binary(.add, .tensor(try LossMath.sub(pwY, y)), .scalar(one))
                    d = try LossMath.sub(try LossMath.mul(factor, try x.sigmoid()), pwY)
                } else {
                    d = try LossMath.sub(try x.sigmoid(), y)
                }
                if let w { d = try LossMath.mul(d, w) }
                dx = try LossMath.spread(d, g, reduction, count: count)
            }
            if wantTarget {
                // log σ(-x) - pw log σ(x), or -x
                var d: Tensor
                if let pw {
                    let softplus = try Tensor.binary(.add, .scalar(one), .tensor(try x.abs().neg().exp())).log()
                    let relu = try x.relu()
                    let logSigmoidNeg = try LossMath.sub(try relu.neg(), softplus)
                    let logSigmoid = try LossMath.sub(try LossMath.sub(x, relu), softplus)
                    d = try LossMath.sub(logSigmoidNeg, try LossMath.mul(logSigmoid, pw))
                } else {
                    d = try x.neg()
                }
                if let w { d = try LossMath.mul(d, w) }
                dy = try LossMath.spread(d, g, reduction, count: count)
            }
            return [dx, dy]
        }
        return out
    }

    /// `F.binary_cross_entropy(input, target, weight=, reduction=)`: the
    /// per-element loss times `weight`, which must broadcast to the target.
    public static func binaryCrossEntropy(_ input: Tensor, _ target: Tensor, weight: Tensor?,
                                          reduction: Reduction = .mean) throws -> Tensor {
        guard let weight else { return try binaryCrossEntropy(input, target, reduction: reduction) }
        try LossMath.checkSameSize(input, target)
        try checkExpandable(weight, to: target.shape)
        if target.requiresGrad && GradMode.isEnabled {
            throw TensorError(.runtimeError, "the derivative for 'target' is not implemented.")
        }
        try refuseGradient(weight, "binary_cross_entropy", "weight")
        let w = try weight.detach().to(input.dtype.floatResult)
        let unweighted = try GradMode.withNoGrad { try binaryCrossEntropy(input.detach(), target.detach(), reduction: .none) }
        let out: Tensor = try GradMode.withNoGrad {
            let loss = try LossMath.mul(unweighted, w)
            try requireShape(loss, of: input)
            return try reduction.apply(loss)
        }
        let p = input.detach(), y = try target.detach().to(input.dtype.floatResult)
        let count = input.numel
        Tensor.recordFusedLoss(name: "BinaryCrossEntropyBackward0", inputs: [input], output: out) { g in
            // w (p - y) / max(p (1 - p), 1e-12)
            let oneMinusP = try Tensor.binary(.sub, .scalar(.float(1)), .tensor(p))
            let den = try LossMath.mul(p, oneMinusP).clamp(min: .float(1e-12), max: nil)
            let d = try Tensor.binary(.div, .tensor(try LossMath.sub(p, y)), .tensor(den))
            return [try LossMath.spread(try LossMath.mul(d, w), g, reduction, count: count)]
        }
        return out
    }

    /// PyTorch's refusal of a gradient for a loss's weights.
    static func refuseGradient(_ t: Tensor?, _ function: String, _ argument: String) throws {
        guard let t, t.requiresGrad, GradMode.isEnabled else { return }
        throw TensorError(.runtimeError,
            "The function '\(function)' is not differentiable with respect to argument '\(argument)'. This input cannot have requires_grad True.")
    }

    /// PyTorch's error for an in-place broadcast that would grow the result.
    static func requireShape(_ t: Tensor, of input: Tensor) throws {
        if t.shape != input.shape {
            throw TensorError(.runtimeError,
                "output with shape \(Shape.describe(input.shape)) doesn't match the broadcast shape \(Shape.describe(t.shape))")
        }
    }

    /// `binary_cross_entropy`'s check that `weight` broadcasts to the target's shape.
    static func checkExpandable(_ weight: Tensor, to shape: [Int]) throws {
        let ws = weight.shape
        for back in 1...max(ws.count, 1) where back <= ws.count && back <= shape.count {
            let wd = ws[ws.count - back], td = shape[shape.count - back]
            if wd != td && wd != 1 {
                throw TensorError(.runtimeError,
                    "Attempting to broadcast a dimension of length \(wd) at -\(back)! Mismatching argument at index 1 had \(TensorFormatter.sizeRepr(ws)); but expected shape should be broadcastable to \(Shape.describe(shape))")
            }
        }
    }

}
