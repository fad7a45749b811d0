import Foundation
import KindlingEngine

extension Losses {
    /// `crossEntropy` for the training loop's common case: a 2-D float input,
    /// int64 class targets all in range and none ignored, mean or sum. The
    /// same arithmetic as the general path (log-softmax, picked values
    /// negated and summed; backward `exp(logp) - onehot` times the scale), in
    /// plain loops instead of index tensors, advanced indexing and index_put.
    /// nil when the case does not apply (the general path then runs, with its
    /// checks and errors).
    static func fusedCrossEntropy(_ input: Tensor, _ target: Tensor, reduction: Reduction,
                                  ignoreIndex: Int) throws -> Tensor? {
        guard reduction != .none, input.dim == 2, input.dtype == .float32, target.dim == 1, target.dtype == .int64,
              target.shape[0] == input.shape[0], input.shape[0] > 0 else { return nil }
        let n = input.shape[0], classes = input.shape[1]
        var targets = [Int](repeating: 0, count: n)
        for i in 0..<n {
            guard case .int(let v) = target.scalar(atLogical: i), v >= 0, v < Int64(classes), v != Int64(ignoreIndex)
            else { return nil }
            targets[i] = Int(v)
        }
        let logProbs = try GradMode.withNoGrad { try input.detach().logSoftmax(dim: 1) }
        guard let picked: [Float] = logProbs.withFloats({ lp in (0..<n).map { -lp[$0 * classes + targets[$0]] } })
        else { return nil }
        let out = try GradMode.withNoGrad { () throws -> Tensor in
            let total = try Tensor(shape: [n], floats: picked).sum()
            return reduction == .mean ? try Tensor.binary(.div, .tensor(total), .scalar(.float(Double(n)))) : total
        }
        Tensor.recordFusedLoss(name: "NllLossBackward0", inputs: [input], output: out) { g in
            var scale = try g.item().floatValue
            if reduction == .mean { scale = scale / Float(n) }
            let grad = try Tensor.empty([n, classes])
            _ = logProbs.withFloats { lp in
                grad.withMutableFloats { out in
                    for r in 0..<n {
                        let row = r * classes, t = targets[r]
                        for c in 0..<classes {
                            var v = expf(lp[row + c])
                            if c == t { v = v - 1 }
                            out[row + c] = v * scale
                        }
                    }
                }
            }
            return [grad]
        }
        return out
    }
}
