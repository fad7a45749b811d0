import Foundation
import KindlingEngine

/// `torch.optim.SGD(params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False)`.
public final class TorchSGD: Optimizer {
    public let params: [Tensor]
    public var lr: Double
    public var momentum: Double
    public var dampening: Double
    public var weightDecay: Double
    public var nesterov: Bool
    private var buffers: [ObjectIdentifier: Tensor] = [:]

    public init(params: [Tensor], lr: Double = 1e-3, momentum: Double = 0, dampening: Double = 0,
                weightDecay: Double = 0, nesterov: Bool = false) throws {
        if lr < 0 { throw TensorError(.valueError, "Invalid learning rate: \(lr)") }
        if momentum < 0 { throw TensorError(.valueError, "Invalid momentum value: \(momentum)") }
        if weightDecay < 0 { throw TensorError(.valueError, "Invalid weight_decay value: \(weightDecay)") }
        if nesterov && (momentum <= 0 || dampening != 0) {
            throw TensorError(.valueError, "Nesterov momentum requires a momentum and zero dampening")
        }
        self.params = params
        self.lr = lr
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
    }

    public var mom: Double? { get { momentum } set { if let v = newValue { momentum = v } } }

    public var hypers: [(String, Double)] {
        [("lr", lr), ("momentum", momentum), ("dampening", dampening), ("weight_decay", weightDecay)]
    }

    public func step() throws {
        try GradMode.withNoGrad {
            for p in params {
                guard let grad = p.grad else { continue }
                if try fusedStep(p, grad) { continue }
                var d = grad.detach()
                if weightDecay != 0 { d = try OptimMath.plus(d, try OptimMath.times(p.detach(), weightDecay)) }
                if momentum != 0 {
                    let key = ObjectIdentifier(p)
                    let buf: Tensor
                    if let b = buffers[key] {
                        buf = b
                        try buf.mul_(.scalar(.float(momentum)))
                        try buf.add_(.tensor(dampening == 0 ? d : try OptimMath.times(d, 1 - dampening)))
                    } else {
                        buf = try d.clone()
                        buffers[key] = buf
                    }
                    d = nesterov ? try OptimMath.plus(d, try OptimMath.times(buf, momentum)) : buf
                }
                try OptimMath.descend(p, d, lr: lr)
            }
        }
    }

    /// The step of one parameter in one pass (`FusedSteps`) when the tensors allow it.
    private func fusedStep(_ p: Tensor, _ grad: Tensor) throws -> Bool {
        var buffer: Tensor? = nil
        var fresh = false
        let key = ObjectIdentifier(p)
        if momentum != 0 {
            if let b = buffers[key] { buffer = b } else {
                guard p.dtype == .float32 && p.isContiguous && grad.shape == p.shape else { return false }
                buffer = try Tensor.empty(p.shape)
                fresh = true
            }
        }
        let done = FusedSteps.torchSGD(p, grad: grad, lr: Float(lr), weightDecay: weightDecay != 0 ? Float(weightDecay) : nil,
                                       buffer: buffer, fresh: fresh, momentum: Float(momentum),
                                       dampening: dampening != 0 ? Float(1 - dampening) : nil, nesterov: nesterov)
        // A new buffer is kept only once the step filled it.
        if done && fresh { buffers[key] = buffer }
        return done
    }
}

/// `torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0)`
/// with PyTorch's update: `m = lerp(m, g, 1-b1)`, `v = b2 v + (1-b2) g²`,
/// `p -= lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps)`.
public final class TorchAdam: Optimizer {
    public let params: [Tensor]
    public var lr: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    public var weightDecay: Double
    /// AdamW: `p *= 1 - lr * weight_decay` before the step instead of adding `wd * p` to the gradient.
    public let decoupledWeightDecay: Bool
    private var state: [ObjectIdentifier: (m: Tensor, v: Tensor, step: Int)] = [:]

    public init(params: [Tensor], lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
                weightDecay: Double = 0, decoupledWeightDecay: Bool = false) throws {
        self.decoupledWeightDecay = decoupledWeightDecay
        if lr < 0 { throw TensorError(.valueError, "Invalid learning rate: \(lr)") }
        if eps < 0 { throw TensorError(.valueError, "Invalid epsilon value: \(eps)") }
        if !(0..<1).contains(betas.0) { throw TensorError(.valueError, "Invalid beta parameter at index 0: \(betas.0)") }
        if !(0..<1).contains(betas.1) { throw TensorError(.valueError, "Invalid beta parameter at index 1: \(betas.1)") }
        if weightDecay < 0 { throw TensorError(.valueError, "Invalid weight_decay value: \(weightDecay)") }
        self.params = params
        self.lr = lr
        self.beta1 = betas.0
        self.beta2 = betas.1
        self.eps = eps
        self.weightDecay = weightDecay
    }

    public var mom: Double? { get { beta1 } set { if let v = newValue { beta1 = v } } }

    public var hypers: [(String, Double)] {
        [("lr", lr), ("beta1", beta1), ("beta2", beta2), ("eps", eps), ("weight_decay", weightDecay)]
    }

    public func step() throws {
        try GradMode.withNoGrad {
            for p in params {
                guard let grad = p.grad else { continue }
                let key = ObjectIdentifier(p)
                if decoupledWeightDecay && weightDecay != 0 { try p.mul_(.scalar(.float(1 - lr * weightDecay))) }
                let weightDecay = decoupledWeightDecay ? 0 : self.weightDecay
                if let s = try state[key] ?? (p.isContiguous ? (Tensor.zerosLike(p), Tensor.zerosLike(p), 0) : nil) {
                    let step = s.step + 1
                    let bc1 = 1 - pow(beta1, Double(step)), bc2 = 1 - pow(beta2, Double(step))
                    if FusedSteps.torchAdam(p, grad: grad, m: s.m, v: s.v, lr: lr, weightDecay: weightDecay,
                                            beta1: beta1, beta2: beta2, eps: eps, bc1: bc1, bc2: bc2) {
                        state[key] = (s.m, s.v, step)
                        continue
                    }
                }
                var g = grad.detach()
                if weightDecay != 0 { g = try OptimMath.plus(g, try OptimMath.times(p.detach(), weightDecay)) }
                var s = try state[key] ?? (Tensor.zerosLike(p), Tensor.zerosLike(p), 0)
                s.step += 1
                state[key] = s
                // m.lerp_(g, 1 - beta1) == m + (1 - beta1) * (g - m)
                try s.m.add_(.tensor(try OptimMath.times(try LossMath.sub(g, s.m), 1 - beta1)))
                try s.v.mul_(.scalar(.float(beta2)))
                try s.v.add_(.tensor(try OptimMath.times(try LossMath.mul(g, g), 1 - beta2)))
                let bc1 = 1 - pow(beta1, Double(s.step))
                let bc2 = 1 - pow(beta2, Double(s.step))
                let denom = try Tensor.binary(.add, .tensor(try OptimMath.times(try s.v.sqrt(), 1 / bc2.squareRoot())),
                                              .scalar(.float(eps)))
                try OptimMath.descend(p, try Tensor.binary(.div, .tensor(s.m), .tensor(denom)), lr: lr / bc1)
            }
        }
    }
}
