import Foundation
import KindlingEngine

/// `weight=` and `label_smoothing=` of `F.cross_entropy` / `F.nll_loss`,
/// following ATen's LossNLL.cpp: class weights scale each row by the weight
/// of its target and the mean divides by the sum of those weights; label
/// smoothing mixes `(1 - eps) * nll` with `eps / C` times the (weighted) sum
/// of all classes' negative log-probabilities. Without either option the
/// fused paths in CrossEntropy.swift run.
extension Losses {
    /// `F.cross_entropy(input, target, weight=, ignore_index=, reduction=, label_smoothing=)`.
    public static func crossEntropy(_ input: Tensor, _ target: Tensor, weight: Tensor?, reduction: Reduction = .mean,
                                    ignoreIndex: Int = -100, labelSmoothing: Double) throws -> Tensor {
        // PyTorch 2.x rejects values above 1 and ignores negative ones.
        if labelSmoothing > 1 {
            throw TensorError(.runtimeError, "label_smoothing must be between 0.0 and 1.0. Got: \(String(format: "%g", labelSmoothing))")
        }
        let eps = max(labelSmoothing, 0)
        if weight == nil && eps == 0 { return try crossEntropy(input, target, reduction: reduction, ignoreIndex: ignoreIndex) }
        try LossMath.requireFloat(input, "log_softmax_lastdim_kernel_impl")
        let classDim = input.dim == 1 ? 0 : 1
        // Probability targets are a differentiable composite (weight may require grad).
        let probabilities = target.dtype.isFloatingPoint && target.shape == input.shape
        if input.dim >= 1 { try checkWeight(weight, classes: input.shape[classDim], fused: !probabilities) }
        if probabilities {
            return try probabilityTargets(input, target, weight: weight, reduction: reduction, eps: eps, classDim: classDim)
        }
        let logProbs = try input.logSoftmax(dim: classDim)
        let nllLoss = try nll(logProbs, target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
        guard eps > 0 else { return nllLoss }
        let smooth = try smoothingTerm(logProbs, target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
        let classes = logProbs.shape[classDim]
        return try Tensor.binary(.add, .tensor(try LossMath.scale(nllLoss, Float(1 - eps))),
                                 .tensor(try LossMath.scale(smooth, Float(eps / Double(classes)))))
    }

    /// `F.nll_loss(input, target, weight=, ignore_index=, reduction=)`: one
    /// fused node (NllLossBackward0) whose gradient is `-weight[target]` at
    /// each row's target, scaled like the reduction.
    public static func nll(_ input: Tensor, _ target: Tensor, weight: Tensor?, reduction: Reduction = .mean,
                           ignoreIndex: Int = -100) throws -> Tensor {
        guard let weight else { return try nll(input, target, reduction: reduction, ignoreIndex: ignoreIndex) }
        let (logProbs, rows) = try classLayout(input, target, ignoreIndex: ignoreIndex)
        try LossMath.requireFloat(input, "nll_loss_out_frame")
        let classes = logProbs.shape[1]
        try checkWeight(weight, classes: classes, fused: true)
        let rowWeights = try self.rowWeights(weight, rows)
        let total = rowWeights.reduce(Float(0), +)
        let w = try Tensor(shape: [rows.count], floats: rowWeights)
        let out: Tensor = try GradMode.withNoGrad {
            let picked = try logProbs.detach().index([.tensor(rows.arange), .tensor(rows.safeTarget)])
            // Ignored rows are exactly +0, as PyTorch leaves them.
            let losses = try counted(rows, try LossMath.mul(try picked.neg(), w))
            switch reduction {
            case .none: return input.dim == 1 ? try losses.squeeze(0) : losses
            case .sum: return try losses.sum()
            case .mean: return try Tensor.binary(.div, .tensor(try losses.sum()), .scalar(.float(Double(total))))
            }
        }
        let inputShape = input.shape
        Tensor.recordFusedLoss(name: "NllLossBackward0", inputs: [input], output: out) { g in
            let perRow: Tensor
            switch reduction {
            case .none: perRow = try LossMath.mul(w, try g.reshape([rows.count]))
            case .sum: perRow = try LossMath.scale(w, try g.item().floatValue)
            case .mean: perRow = try LossMath.scale(w, try g.item().floatValue / total)
            }
            let grad = try Tensor.zeros([rows.count, classes])
            let values = try counted(rows, try perRow.neg())
            try grad.indexPut([.tensor(rows.arange), .tensor(rows.safeTarget)], .tensor(values))
            return [try grad.reshape(inputShape)]
        }
        return out
    }

    /// `values` with ignored rows set to +0 (masked_fill: a +0 gradient too).
    static func counted(_ rows: Rows, _ values: Tensor) throws -> Tensor {
        guard let keep = rows.keep else { return values }
        let mask = try Tensor.binary(.gt, .tensor(keep), .scalar(.float(0)))
        return try Tensor.where_(mask, .tensor(values), .scalar(.float(0)))
    }

    /// ATen's check that a class-weight tensor has one float per class.
    /// `fused`: the weight feeds nll_loss, which has no gradient for it.
    static func checkWeight(_ weight: Tensor?, classes: Int, fused: Bool) throws {
        guard let weight else { return }
        if weight.dim != 1 || weight.numel != classes {
            throw TensorError(.runtimeError,
                "weight tensor should be defined either for all \(classes) classes or no classes but got weight tensor of shape: \(Shape.describe(weight.shape))")
        }
        if !weight.dtype.isFloatingPoint {
            throw TensorError(.runtimeError, "expected scalar type Float but found \(weight.dtype.kernelName)")
        }
        if fused && weight.requiresGrad && GradMode.isEnabled {
            throw TensorError(.runtimeError,
                "The function 'nll_loss_forward' is not differentiable with respect to argument 'weight'. This input cannot have requires_grad True.")
        }
    }

    /// `weight[target]` for counted rows, 0 for ignored ones.
    static func rowWeights(_ weight: Tensor, _ rows: Rows) throws -> [Float] {
        let w = weight.floatValues()
        let keep = rows.keep?.floatValues()
        return rows.safeTarget.floatValues().enumerated().map { i, t in
            (keep?[i] ?? 1) * w[Int(t)]
        }
    }

    /// The label-smoothing term: `-(log_probs * weight).sum(classes)` with
    /// ignored rows zeroed, reduced (the mean divides by the targets' total
    /// weight, or the count of counted rows without weights).
    static func smoothingTerm(_ logProbs: Tensor, _ target: Tensor, weight: Tensor?, reduction: Reduction,
                              ignoreIndex: Int) throws -> Tensor {
        let oneDim = logProbs.dim == 1
        let lp = oneDim ? try logProbs.unsqueeze(0) : logProbs
        let (_, rows) = try classLayout(lp.detach(), oneDim ? try target.unsqueeze(0) : target, ignoreIndex: ignoreIndex)
        var weighted = lp
        if let weight { weighted = try LossMath.mul(lp, try weight.reshape([1, lp.shape[1]])) }
        var perRow = try weighted.sum(dims: [1]).neg()
        perRow = try counted(rows, perRow)
        switch reduction {
        case .none: return oneDim ? try perRow.squeeze(0) : perRow
        case .sum: return try perRow.sum()
        case .mean:
            let denominator = try weight.map { try rowWeights($0, rows).reduce(Float(0), +) } ?? Float(rows.kept)
            return try Tensor.binary(.div, .tensor(try perRow.sum()), .scalar(.float(Double(denominator))))
        }
    }

    /// Cross entropy against class probabilities with weights and smoothing:
    /// `-(log_softmax * target' * weight).sum(classes)`, the mean over rows.
    static func probabilityTargets(_ input: Tensor, _ target: Tensor, weight: Tensor?, reduction: Reduction,
                                   eps: Double, classDim: Int) throws -> Tensor {
        guard classDim < input.dim else {
            throw TensorError(.indexError, "Dimension specified as \(classDim) but tensor has no dimensions")
        }
        let classes = input.shape[classDim]
        var t = target
        if eps > 0 {
            t = try Tensor.binary(.add, .tensor(try LossMath.scale(target, Float(1 - eps))), .scalar(.float(Double(Float(eps / Double(classes))))))
        }
        var product = try LossMath.mul(try input.logSoftmax(dim: classDim), t)
        if let weight {
            let shape = classDim == 0 ? [classes] : [1, classes]
            product = try LossMath.mul(product, try weight.reshape(shape))
        }
        switch reduction {
        case .none: return try product.sum(dims: [classDim]).neg()
        case .sum: return try product.sum().neg()
        case .mean:
            // ATen divides by a Python number here: the node is DivBackward1.
            let rows = Float(input.numel / max(classes, 1))
            return try product.sum().neg().divided(byNumber: rows)
        }
    }
}
