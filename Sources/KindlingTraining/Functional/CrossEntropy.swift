import KindlingEngine

extension Losses {
    /// `F.cross_entropy(input, target, reduction=, ignore_index=)` with class
    /// indices: log-sum-exp stable and fused into one autograd node
    /// (NllLossBackward0, as PyTorch prints it) whose backward is
    /// `softmax(input) - onehot(target)`, scaled by the incoming gradient.
    /// Input `[N, C]` with target `[N]`, or `[C]` with a 0-d target.
    /// A float target of the input's shape is read as class probabilities.
    public static func crossEntropy(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean,
                                    ignoreIndex: Int = -100) throws -> Tensor {
        if target.dtype.isFloatingPoint && target.shape == input.shape {
            return try softTargetCrossEntropy(input, target, reduction: reduction)
        }
        if let out = try fusedCrossEntropy(input, target, reduction: reduction, ignoreIndex: ignoreIndex) { return out }
        return try generalCrossEntropy(input, target, reduction: reduction, ignoreIndex: ignoreIndex)
    }

    /// Class-index cross entropy through tensor ops (every case: ignored
    /// rows, `reduction='none'`, 1-D inputs), with PyTorch's checks.
    static func generalCrossEntropy(_ input: Tensor, _ target: Tensor, reduction: Reduction,
                                    ignoreIndex: Int) throws -> Tensor {
        let (logits, rows) = try classLayout(input, target, ignoreIndex: ignoreIndex)
        try LossMath.requireFloat(input, "log_softmax_lastdim_kernel_impl")
        let logProbs = try GradMode.withNoGrad { try logits.detach().logSoftmax(dim: 1) }
        let picked = try GradMode.withNoGrad { try logProbs.index([.tensor(rows.arange), .tensor(rows.safeTarget)]) }
        let (out, count) = try reduceNegated(picked, rows, reduction: reduction, squeeze: input.dim == 1)
        let inputShape = input.shape
        Tensor.recordFusedLoss(name: "NllLossBackward0", inputs: [input], output: out) { g in
            // softmax - onehot, per row scaled by the upstream gradient.
            let probs = try logProbs.exp()
            let atTarget = try probs.index([.tensor(rows.arange), .tensor(rows.safeTarget)])
            try probs.indexPut([.tensor(rows.arange), .tensor(rows.safeTarget)],
                               .tensor(try Tensor.binary(.sub, .tensor(atTarget), .scalar(.float(1)))))
            let grad = try scaleRows(probs, g, rows, reduction: reduction, count: count)
            return [try grad.reshape(inputShape)]
        }
        return out
    }

    /// `F.nll_loss(input, target, reduction=, ignore_index=)` on log-probabilities.
    public static func nll(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean,
                           ignoreIndex: Int = -100) throws -> Tensor {
        let (logProbs, rows) = try classLayout(input, target, ignoreIndex: ignoreIndex)
        try LossMath.requireFloat(input, "nll_loss_out_frame")
        let picked = try GradMode.withNoGrad { try logProbs.detach().index([.tensor(rows.arange), .tensor(rows.safeTarget)]) }
        let (out, count) = try reduceNegated(picked, rows, reduction: reduction, squeeze: input.dim == 1)
        let inputShape = input.shape, classes = logProbs.shape[1]
        Tensor.recordFusedLoss(name: "NllLossBackward0", inputs: [input], output: out) { g in
            let grad = try Tensor.zeros([rows.count, classes], dtype: input.dtype)
            try grad.indexPut([.tensor(rows.arange), .tensor(rows.safeTarget)], .scalar(.float(-1)))
            return [try scaleRows(grad, g, rows, reduction: reduction, count: count).reshape(inputShape)]
        }
        return out
    }

    /// The rows of a class-index loss: targets checked against the class
    /// count, with ignored rows (ignore_index) pointed at class 0 and masked.
    struct Rows {
        let count: Int
        let arange: Tensor
        let safeTarget: Tensor
        /// 1 for counted rows, 0 for ignored ones; nil when none is ignored.
        let keep: Tensor?
        let kept: Int
    }

    static func classLayout(_ input: Tensor, _ target: Tensor, ignoreIndex: Int = -100) throws -> (Tensor, Rows) {
        var x = input
        var t = target
        if input.dim == 1 {
            guard target.dim == 0 else {
                throw TensorError(.runtimeError, "0D or 1D target tensor expected, multi-target not supported")
            }
            x = try input.unsqueeze(0)
            t = try target.unsqueeze(0)
        } else if input.dim == 2 {
            guard target.dim == 1 else {
                throw TensorError(.runtimeError, "0D or 1D target tensor expected, multi-target not supported")
            }
            if target.shape[0] != input.shape[0] {
                throw TensorError(.valueError,
                    "Expected input batch_size (\(input.shape[0])) to match target batch_size (\(target.shape[0])).")
            }
        } else if input.dim == 0 {
            throw TensorError(.indexError, "Dimension out of range (expected to be in range of [-1, 0], but got 1)")
        } else {
            throw TensorError(.notImplementedError,
                "cross_entropy / nll_loss on inputs with more than 2 dimensions is not supported by Kindling")
        }
        guard t.dtype == .int64 else {
            throw TensorError(.runtimeError, "expected target dtype to be Long or Byte, but got \(t.dtype.kernelName)")
        }
        let n = x.shape[0], classes = x.shape[1]
        var keepFlags: [Float] = []
        var safe: [Int64] = []
        safe.reserveCapacity(n)
        var ignored = 0
        for i in 0..<n {
            guard case .int(let v) = t.scalar(atLogical: i) else { continue }
            if v == Int64(ignoreIndex) {
                if keepFlags.isEmpty { keepFlags = Array(repeating: 1, count: n) }
                keepFlags[i] = 0
                ignored += 1
                safe.append(0)
                continue
            }
            if v < 0 || v >= Int64(classes) {
                throw TensorError(.indexError, "Target \(v) is out of bounds.")
            }
            safe.append(v)
        }
        let rows = Rows(count: n, arange: try Tensor.arange(end: .int(Int64(n))),
                        safeTarget: try Tensor(shape: [n], ints: safe),
                        keep: keepFlags.isEmpty ? nil : try Tensor(shape: [n], floats: keepFlags),
                        kept: n - ignored)
        return (x, rows)
    }

    /// `-picked` reduced (ignored rows zeroed and left out of the mean).
    static func reduceNegated(_ picked: Tensor, _ rows: Rows, reduction: Reduction, squeeze: Bool) throws -> (Tensor, Int) {
        try GradMode.withNoGrad {
            var losses = try picked.neg()
            if let keep = rows.keep { losses = try LossMath.mul(losses, keep) }
            switch reduction {
            case .none: return (squeeze ? try losses.squeeze(0) : losses, rows.kept)
            case .sum: return (try losses.sum(), rows.kept)
            case .mean:
                let total = try losses.sum()
                return (try Tensor.binary(.div, .tensor(total), .scalar(.float(Double(rows.kept)))), rows.kept)
            }
        }
    }

    /// Multiplies each row of `grad` by the incoming gradient (1/count for mean).
    static func scaleRows(_ grad: Tensor, _ g: Tensor, _ rows: Rows, reduction: Reduction, count: Int) throws -> Tensor {
        var out: Tensor
        switch reduction {
        case .none:
            out = try LossMath.mul(grad, try g.reshape([rows.count, 1]))
        case .sum:
            out = try LossMath.scale(grad, try g.item().floatValue)
        case .mean:
            out = try LossMath.scale(grad, try g.item().floatValue / Float(count))
        }
        if let keep = rows.keep {
            // Ignored rows: + 0 turns -0 into PyTorch's +0.
            out = try Tensor.binary(.add, .tensor(try LossMath.mul(out, try keep.reshape([rows.count, 1]))), .scalar(.float(0)))
        }
        return out
    }

    /// Cross entropy against class probabilities: `-(target * log_softmax).sum(1)` reduced.
    /// (The composite ATen builds, with its grad_fn names: WeightedClassLosses.swift.)
    static func softTargetCrossEntropy(_ input: Tensor, _ target: Tensor, reduction: Reduction) throws -> Tensor {
        try probabilityTargets(input, target, weight: nil, reduction: reduction, eps: 0, classDim: input.dim == 1 ? 0 : 1)
    }
}
