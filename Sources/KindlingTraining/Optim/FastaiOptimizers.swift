import Foundation
import KindlingEngine

/// fastai's `SGD(params, lr, mom=0., wd=0., decouple_wd=True)`: decoupled
/// weight decay `p *= 1 - lr*wd`; with momentum, `grad_avg = grad_avg*mom + grad`
/// and `p -= lr*grad_avg`; else `p -= lr*grad`. As in fastai, whether
/// momentum is used is decided at creation (`mom != 0`).
public final class FastaiSGD: Optimizer {
    public let params: [Tensor]
    public var lr: Double
    public var mom: Double?
    public var wd: Double
    public let decoupleWD: Bool
    private let usesMomentum: Bool
    private var gradAvg: [ObjectIdentifier: Tensor] = [:]

    public init(params: [Tensor], lr: Double, mom: Double = 0, wd: Double = 0, decoupleWD: Bool = true) {
        self.params = params
        self.lr = lr
        self.mom = mom
        self.wd = wd
        self.decoupleWD = decoupleWD
        self.usesMomentum = mom != 0
    }

    public var hypers: [(String, Double)] { [("wd", wd), ("lr", lr), ("mom", mom ?? 0)] }
    /// Parameters weight decay skips (fastai's `do_wd=False`: a Learner's biases unless `wd_bn_bias`).
    public var decayExempt = Set<ObjectIdentifier>()

    public func step() throws {
        try GradMode.withNoGrad {
            for p in params {
                guard let grad = p.grad else { continue }
                let wd = decayExempt.contains(ObjectIdentifier(p)) ? 0 : self.wd
                if try fusedStep(p, grad, wd: wd) { continue }
                var g = grad.detach()
                try FastaiWeightDecay.apply(to: p, grad: &g, lr: lr, wd: wd, decoupled: decoupleWD)
                if usesMomentum {
                    let key = ObjectIdentifier(p)
                    let avg: Tensor
                    if let a = gradAvg[key] { avg = a } else { avg = try Tensor.zerosLike(p); gradAvg[key] = avg }
                    try avg.mul_(.scalar(.float(mom ?? 0)))
                    try avg.add_(.tensor(g))
                    g = avg
                }
                try OptimMath.descend(p, g, lr: lr)
            }
        }
    }

    /// fastai's `Optimizer.zero_grad`: gradients zeroed in place.
    public func zeroGrad() throws { try zeroGrad(setToNone: false) }

    /// The step of one parameter in one pass (`FusedSteps`) when the tensors allow it.
    private func fusedStep(_ p: Tensor, _ grad: Tensor, wd: Double) throws -> Bool {
        var average: Tensor? = nil
        if usesMomentum {
            let key = ObjectIdentifier(p)
            if let a = gradAvg[key] { average = a } else {
                guard p.dtype == .float32 && p.isContiguous else { return false }
                let a = try Tensor.zerosLike(p)
                gradAvg[key] = a
                average = a
            }
        }
        let decay: Float? = wd != 0 && decoupleWD ? Float(1 - lr * wd) : nil
        let l2: Float? = wd != 0 && !decoupleWD ? Float(wd) : nil
        return FusedSteps.fastaiSGD(p, grad: grad, lr: Float(lr), decay: decay, l2: l2,
                                    average: average, mom: Float(mom ?? 0))
    }
}

/// fastai's `Adam(params, lr, mom=0.9, sqr_mom=0.99, eps=1e-5, wd=0.01, decouple_wd=True)`:
/// dampened averages of the gradient and its square, debiased, and
/// `p -= lr/debias1 * grad_avg / (sqrt(sqr_avg/debias2) + eps)`.
public final class FastaiAdam: Optimizer {
    public let params: [Tensor]
    public var lr: Double
    public var mom: Double?
    public var sqrMom: Double
    public var eps: Double
    public var wd: Double
    public let decoupleWD: Bool
    private var state: [ObjectIdentifier: (avg: Tensor, sqr: Tensor, step: Int)] = [:]

    public init(params: [Tensor], lr: Double, mom: Double = 0.9, sqrMom: Double = 0.99, eps: Double = 1e-5,
                wd: Double = 0.01, decoupleWD: Bool = true) {
        self.params = params
        self.lr = lr
        self.mom = mom
        self.sqrMom = sqrMom
        self.eps = eps
        self.wd = wd
        self.decoupleWD = decoupleWD
    }

    public var hypers: [(String, Double)] {
        [("wd", wd), ("sqr_mom", sqrMom), ("lr", lr), ("mom", mom ?? 0.9), ("eps", eps)]
    }
    /// Parameters weight decay skips (fastai's `do_wd=False`: a Learner's biases unless `wd_bn_bias`).
    public var decayExempt = Set<ObjectIdentifier>()

    public func step() throws {
        let beta1 = mom ?? 0.9
        try GradMode.withNoGrad {
            for p in params {
                guard let grad = p.grad else { continue }
                let key = ObjectIdentifier(p)
                let wd = decayExempt.contains(key) ? 0 : self.wd
                if let s = try state[key] ?? (p.isContiguous ? (Tensor.zerosLike(p), Tensor.zerosLike(p), 0) : nil) {
                    let step = s.step + 1
                    let debias1 = 1 - pow(beta1, Double(step)), debias2 = 1 - pow(sqrMom, Double(step))
                    if FusedSteps.fastaiAdam(p, grad: grad, avg: s.avg, sqr: s.sqr, lr: lr, wd: wd, decoupled: decoupleWD,
                                             beta1: beta1, sqrMom: sqrMom, eps: eps, debias1: debias1, debias2: debias2) {
                        state[key] = (s.avg, s.sqr, step)
                        continue
                    }
                }
                var g = grad.detach()
                try FastaiWeightDecay.apply(to: p, grad: &g, lr: lr, wd: wd, decoupled: decoupleWD)
                var s = try state[key] ?? (Tensor.zerosLike(p), Tensor.zerosLike(p), 0)
                try s.avg.mul_(.scalar(.float(beta1)))
                try s.avg.add_(.tensor(try OptimMath.times(g, 1 - beta1)))
                try s.sqr.mul_(.scalar(.float(sqrMom)))
                try s.sqr.add_(.tensor(try OptimMath.times(try LossMath.mul(g, g), 1 - sqrMom)))
                s.step += 1
                state[key] = s
                let debias1 = 1 - pow(beta1, Double(s.step))
                let debias2 = 1 - pow(sqrMom, Double(s.step))
                let denom = try Tensor.binary(.add, .tensor(try OptimMath.times(s.sqr, 1 / debias2).sqrt()),
                                              .scalar(.float(eps)))
                let update = try Tensor.binary(.div, .tensor(s.avg), .tensor(denom))
                try OptimMath.descend(p, update, lr: lr / debias1)
            }
        }
    }
}

/// fastai's `weight_decay` (decoupled: `p *= 1 - lr*wd`) or `l2_reg`
/// (`grad += wd * p`), shared by its SGD and Adam.
enum FastaiWeightDecay {
    static func apply(to p: Tensor, grad g: inout Tensor, lr: Double, wd: Double, decoupled: Bool) throws {
        guard wd != 0 else { return }
        if decoupled { try p.mul_(.scalar(.float(1 - lr * wd))) }
        else { g = try OptimMath.plus(g, try OptimMath.times(p.detach(), wd)) }
    }
}
