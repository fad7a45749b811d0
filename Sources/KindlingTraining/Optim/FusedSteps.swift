import Foundation
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
        update(p, g, average, nil) { pp, gp, avg, _, n in
            // The common cases as plain loops the compiler vectorises.
            if decay == nil && l2 == nil {
                if let a = avg {
                    for i in 0..<n { let kept = a[i] * mom; a[i] = kept + gp[i] }
                    for i in 0..<n { let step = a[i] * lr; pp[i] = pp[i] - step }
                } else {
                    for i in 0..<n { let step = gp[i] * lr; pp[i] = pp[i] - step }
                }
                return
            }
            for i in 0..<n {
                var pv = pp[i]
                var d = gp[i]
                if let decay { pv = pv * decay }
                if let l2 { let wp = pp[i] * l2; d = d + wp }
                if let a = avg {
                    let kept = a[i] * mom
                    a[i] = kept + d
                    d = a[i]
                }
                let step = d * lr
                pp[i] = pv - step
            }
        }
    }

    /// torch.optim.SGD's step for one parameter: `d = g + p * wd`; momentum
    /// `buf = buf * mom + d * (1 - dampening)` (`buf = d` on the first step,
    /// `fresh`); Nesterov `d += buf * mom`, else `d = buf`; then `p -= lr * d`.
    static func torchSGD(_ p: Tensor, grad g: Tensor, lr: Float, weightDecay: Float?, buffer: Tensor?, fresh: Bool,
                         momentum: Float, dampening: Float?, nesterov: Bool) -> Bool {
        update(p, g, buffer, nil) { pp, gp, buf, _, n in
            if weightDecay == nil && buf == nil {
                for i in 0..<n { let step = gp[i] * lr; pp[i] = pp[i] - step }
                return
            }
            for i in 0..<n {
                var d = gp[i]
                if let weightDecay { let wp = pp[i] * weightDecay; d = d + wp }
                if let b = buf {
                    if fresh {
                        b[i] = d
                    } else {
                        let kept = b[i] * momentum
                        if let dampening { let part = d * dampening; b[i] = kept + part } else { b[i] = kept + d }
                    }
                    if nesterov { let ahead = b[i] * momentum; d = d + ahead } else { d = b[i] }
                }
                let step = d * lr
                pp[i] = pp[i] - step
            }
        }
    }

    /// fastai's Adam step for one parameter (decoupled decay or L2 first):
    /// `avg = avg*b1 + g*(1-b1)`, `sqr = sqr*s + (g*g)*(1-s)`,
    /// `p -= avg / (sqrt(sqr * (1/debias2)) + eps) * (lr/debias1)`.
    static func fastaiAdam(_ p: Tensor, grad g: Tensor, avg: Tensor, sqr: Tensor, lr: Double, wd: Double,
                           decoupled: Bool, beta1: Double, sqrMom: Double, eps: Double,
                           debias1: Double, debias2: Double) -> Bool {
        let decay: Float? = wd != 0 && decoupled ? Float(1 - lr * wd) : nil
        let l2: Float? = wd != 0 && !decoupled ? Float(wd) : nil
        let b1 = Float(beta1), c1 = Float(1 - beta1), sm = Float(sqrMom), c2 = Float(1 - sqrMom)
        let unbias = Float(1 / debias2), epsilon = Float(eps), rate = Float(lr / debias1)
        return update(p, g, avg, sqr) { pp, gp, a, q, n in
            guard let a, let q else { return }
            for i in 0..<n {
                var d = gp[i]
                if let decay { pp[i] = pp[i] * decay }
                if let l2 { let wp = pp[i] * l2; d = d + wp }
                let keptA = a[i] * b1, newA = d * c1
                a[i] = keptA + newA
                let keptQ = q[i] * sm, sq = d * d, newQ = sq * c2
                q[i] = keptQ + newQ
                let scaled = q[i] * unbias
                let denom = sqrtf(scaled) + epsilon
                let step = (a[i] / denom) * rate
                pp[i] = pp[i] - step
            }
        }
    }

    /// torch.optim.Adam's step for one parameter: `g += p*wd`;
    /// `m += (g - m)*(1-b1)`, `v = v*b2 + (g*g)*(1-b2)`,
    /// `p -= m / (sqrt(v) * (1/sqrt(bc2)) + eps) * (lr/bc1)`.
    static func torchAdam(_ p: Tensor, grad g: Tensor, m: Tensor, v: Tensor, lr: Double, weightDecay: Double,
                          beta1: Double, beta2: Double, eps: Double, bc1: Double, bc2: Double) -> Bool {
        let l2: Float? = weightDecay != 0 ? Float(weightDecay) : nil
        let c1 = Float(1 - beta1), b2 = Float(beta2), c2 = Float(1 - beta2)
        let unbias = Float(1 / bc2.squareRoot()), epsilon = Float(eps), rate = Float(lr / bc1)
        return update(p, g, m, v) { pp, gp, a, q, n in
            guard let a, let q else { return }
            for i in 0..<n {
                var d = gp[i]
                if let l2 { let wp = pp[i] * l2; d = d + wp }
                let diff = d - a[i], moved = diff * c1
                a[i] = a[i] + moved
                let keptQ = q[i] * b2, sq = d * d, newQ = sq * c2
                q[i] = keptQ + newQ
                let root = sqrtf(q[i]) * unbias
                let denom = root + epsilon
                let step = (a[i] / denom) * rate
                pp[i] = pp[i] - step
            }
        }
    }

    /// Runs an update over the raw elements of a parameter, its gradient and
    /// up to two state tensors (nil pointers for absent ones). False, running
    /// nothing, unless all are contiguous float32 of one shape and the
    /// parameter and states are distinct buffers.
    private static func update(_ p: Tensor, _ g: Tensor, _ a: Tensor?, _ b: Tensor?,
                               _ body: (UnsafeMutablePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>?,
                                        UnsafeMutablePointer<Float>?, Int) -> Void) -> Bool {
        let states = [a, b].compactMap { $0 }
        guard fits(p, g), states.allSatisfy({ fits(p, $0) }), distinct([p] + states) else { return false }
        let done: Bool?? = g.withFloats { gs in
            p.withMutableFloats { ps in
                withState(a) { pa in
                    _ = withState(b) { pb in
                        guard let pp = ps.baseAddress, let gp = gs.baseAddress else { return }
                        body(pp, gp, pa, pb, ps.count)
                    }
                }
            }
        }
        return (done ?? nil) ?? false
    }

    /// `body(nil)` for an absent state, else `body` on its elements.
    private static func withState(_ t: Tensor?, _ body: (UnsafeMutablePointer<Float>?) -> Void) -> Bool {
        guard let t else { body(nil); return true }
        return t.withMutableFloats { body($0.baseAddress) } != nil
    }

    private static func distinct(_ ts: [Tensor]) -> Bool {
        for i in 0..<ts.count { for j in (i + 1)..<ts.count where ts[i].sharesStorage(with: ts[j]) { return false } }
        return true
    }

    /// `grad.zero_()` for a contiguous float32 gradient; false otherwise.
    static func zero(_ g: Tensor) -> Bool {
        g.withMutableFloats { $0.update(repeating: 0) } != nil
    }

    private static func fits(_ p: Tensor, _ other: Tensor) -> Bool {
        p.dtype == .float32 && other.dtype == .float32 && p.isContiguous && other.isContiguous && p.shape == other.shape
    }
}
