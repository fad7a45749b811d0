import KindlingEngine

/// One-pass SGD updates on contiguous float32 tensors, without temporaries.
/// Each computes, element by element, exactly what the optimizers' composed
/// tensor ops compute: every product is rounded to float32 before it is
/// added (Swift never fuses `a * b + c` into one rounding), in the same
/// order. Each returns false, having changed nothing, when some tensor is not
/// contiguous float32 or the shapes differ; the caller then takes the
/// general path.
enum FusedSteps {
    /// fastai's SGD step for one parameter: decoupled decay `p *= decay`, or
    /// L2 `g += p * l2`; momentum `avg = avg * mom + g`; then `p -= lr * d`.
    static func fastaiSGD(_ p: Tensor, grad g: Tensor, lr: Float, decay: Float?, l2: Float?,
                          average: Tensor?, mom: Float) -> Bool {
        guard fits(p, g), average.map({ fits(p, $0) }) ?? true, !(average.map { $0.sharesStorage(with: p) } ?? false)
        else { return false }
        let done: Bool? = g.withFloats { gs in
            p.withMutableFloats { ps in
                let avgPointer: UnsafeMutablePointer<Float>? = average?.withMutableFloats { $0.baseAddress } ?? nil
                guard let pp = ps.baseAddress, let gp = gs.baseAddress else { return true }
                // The common cases as plain loops the compiler vectorises.
                if decay == nil && l2 == nil {
                    if let a = avgPointer {
                        for i in 0..<ps.count { let kept = a[i] * mom; a[i] = kept + gp[i] }
                        for i in 0..<ps.count { let step = a[i] * lr; pp[i] = pp[i] - step }
                    } else {
                        for i in 0..<ps.count { let step = gp[i] * lr; pp[i] = pp[i] - step }
                    }
                    return true
                }
                for i in 0..<ps.count {
                    var pv = ps[i]
                    var d = gs[i]
                    if let decay { pv = pv * decay }
                    if let l2 { let wp = ps[i] * l2; d = d + wp }
                    if let a = avgPointer {
                        let kept = a[i] * mom
                        a[i] = kept + d
                        d = a[i]
                    }
                    let step = d * lr
                    ps[i] = pv - step
                }
                return true
            } ?? false
        }
        return done ?? false
    }

    /// torch.optim.SGD's step for one parameter: `d = g + p * wd`; momentum
    /// `buf = buf * mom + d * (1 - dampening)` (`buf = d` on the first step,
    /// `fresh`); Nesterov `d += buf * mom`, else `d = buf`; then `p -= lr * d`.
    static func torchSGD(_ p: Tensor, grad g: Tensor, lr: Float, weightDecay: Float?, buffer: Tensor?, fresh: Bool,
                         momentum: Float, dampening: Float?, nesterov: Bool) -> Bool {
        guard fits(p, g), buffer.map({ fits(p, $0) }) ?? true, !(buffer.map { $0.sharesStorage(with: p) } ?? false)
        else { return false }
        let done: Bool? = g.withFloats { gs in
            p.withMutableFloats { ps in
                let bufPointer: UnsafeMutablePointer<Float>? = buffer?.withMutableFloats { $0.baseAddress } ?? nil
                guard let pp = ps.baseAddress, let gp = gs.baseAddress else { return true }
                if weightDecay == nil && bufPointer == nil {
                    for i in 0..<ps.count { let step = gp[i] * lr; pp[i] = pp[i] - step }
                    return true
                }
                for i in 0..<ps.count {
                    var d = gs[i]
                    if let weightDecay { let wp = ps[i] * weightDecay; d = d + wp }
                    if let b = bufPointer {
                        if fresh {
                            b[i] = d
                        } else {
                            let kept = b[i] * momentum
                            if let dampening { let part = d * dampening; b[i] = kept + part } else { b[i] = kept + d }
                        }
                        if nesterov { let ahead = b[i] * momentum; d = d + ahead } else { d = b[i] }
                    }
                    let step = d * lr
                    ps[i] = ps[i] - step
                }
                return true
            } ?? false
        }
        return done ?? false
    }

    /// `grad.zero_()` for a contiguous float32 gradient; false otherwise.
    static func zero(_ g: Tensor) -> Bool {
        g.withMutableFloats { $0.update(repeating: 0) } != nil
    }

    private static func fits(_ p: Tensor, _ other: Tensor) -> Bool {
        p.dtype == .float32 && other.dtype == .float32 && p.isContiguous && other.isContiguous && p.shape == other.shape
    }
}
