import Foundation
import KindlingEngine


/// Shared plumbing of RMSprop and Adagrad: PyTorch's single-tensor update, element by
/// element, with every intermediate rounded to the parameter's dtype in ATen's order.
enum AdaptiveMath {
    /// Rounds to the working precision (float32 parameters compute in Float).
    @inline(__always) static func r(_ x: Double, _ single: Bool) -> Double { single ? Double(Float(x)) : x }

    static func values(_ t: Tensor) -> [Double] { (0..<t.numel).map { t.scalar(atLogical: $0).doubleValue } }

    static func store(_ values: [Double], into p: Tensor) throws {
        _ = try p.copy_(try Tensor(shape: p.shape, doubles: values).to(p.dtype))
    }

    /// Under no_grad, for each parameter with a gradient: `update` gets the parameter, its
    /// values (to change in place), the gradient's values, and whether they round to float32;
    /// the changed values are stored back into the parameter.
    static func forEachParameter(_ params: [Tensor],
                                 _ update: (Tensor, inout [Double], [Double], Bool) throws -> Void) throws {
        try GradMode.withNoGrad {
            for p in params {
                guard let grad = p.grad else { continue }
                var w = values(p)
                try update(p, &w, values(grad), p.dtype == .float32)
                try store(w, into: p)
            }
        }
    }
}

/// `torch.optim.RMSprop(params, lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False)`.
public final class TorchRMSprop: Optimizer {
    public let params: [Tensor]
    public var lr: Double
    public var alpha: Double, eps: Double, weightDecay: Double, momentum: Double
    public let centered: Bool
    private var state: [ObjectIdentifier: (square: [Double], gradAvg: [Double], buffer: [Double])] = [:]

    public init(params: [Tensor], lr: Double = 1e-2, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0,
                momentum: Double = 0, centered: Bool = false) throws {
        if lr < 0 { throw TensorError(.valueError, "Invalid learning rate: \(lr)") }
        if eps < 0 { throw TensorError(.valueError, "Invalid epsilon value: \(eps)") }
        if momentum < 0 { throw TensorError(.valueError, "Invalid momentum value: \(momentum)") }
        if weightDecay < 0 { throw TensorError(.valueError, "Invalid weight_decay value: \(weightDecay)") }
        if alpha < 0 { throw TensorError(.valueError, "Invalid alpha value: \(alpha)") }
        (self.params, self.lr, self.alpha, self.eps, self.weightDecay, self.momentum, self.centered) =
            (params, lr, alpha, eps, weightDecay, momentum, centered)
    }

    public var mom: Double? { get { momentum } set { if let v = newValue { momentum = v } } }
    public var hypers: [(String, Double)] {
        [("lr", lr), ("alpha", alpha), ("eps", eps), ("weight_decay", weightDecay), ("momentum", momentum)]
    }

    public func step() throws {
        try AdaptiveMath.forEachParameter(params) { p, w, g0, single in
            func r(_ x: Double) -> Double { AdaptiveMath.r(x, single) }
            let key = ObjectIdentifier(p)
            var s = state[key] ?? ([Double](repeating: 0, count: w.count), [Double](repeating: 0, count: w.count),
                                   [Double](repeating: 0, count: w.count))
            let a = r(alpha), oneMinusA = r(1 - alpha), e = r(eps), wd = r(weightDecay), m = r(momentum), step = r(lr)
            for i in 0..<w.count {
                let g = weightDecay != 0 ? r(g0[i] + r(wd * w[i])) : g0[i]
                s.square[i] = r(r(s.square[i] * a) + r(r(oneMinusA * g) * g))
                var avg: Double
                if centered {
                    s.gradAvg[i] = oneMinusA < 0.5 ? r(s.gradAvg[i] + r(oneMinusA * r(g - s.gradAvg[i])))
                                                   : r(g - r(r(g - s.gradAvg[i]) * r(1 - oneMinusA)))
                    avg = r(r(s.square[i] - r(s.gradAvg[i] * s.gradAvg[i])).squareRoot())
                } else {
                    avg = r(s.square[i].squareRoot())
                }
                avg = r(avg + e)
                if momentum > 0 {
                    s.buffer[i] = r(r(s.buffer[i] * m) + r(g / avg))
                    w[i] = r(w[i] + r(-step * s.buffer[i]))
                } else {
                    w[i] = r(w[i] + r(r(-step * g) / avg))
                }
            }
            state[key] = s
        }
    }
}

/// `torch.optim.Adagrad(params, lr=0.01, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10)`.
public final class TorchAdagrad: Optimizer {
    public let params: [Tensor]
    public var lr: Double
    public var lrDecay: Double, weightDecay: Double, initialAccumulator: Double, eps: Double
    private var state: [ObjectIdentifier: (sum: [Double], step: Int)] = [:]

    public init(params: [Tensor], lr: Double = 1e-2, lrDecay: Double = 0, weightDecay: Double = 0,
                initialAccumulatorValue: Double = 0, eps: Double = 1e-10) throws {
        if lr < 0 { throw TensorError(.valueError, "Invalid learning rate: \(lr)") }
        if lrDecay < 0 { throw TensorError(.valueError, "Invalid lr_decay value: \(lrDecay)") }
        if weightDecay < 0 { throw TensorError(.valueError, "Invalid weight_decay value: \(weightDecay)") }
        if initialAccumulatorValue < 0 { throw TensorError(.valueError, "Invalid initial_accumulator_value value: \(initialAccumulatorValue)") }
        if eps < 0 { throw TensorError(.valueError, "Invalid epsilon value: \(eps)") }
        (self.params, self.lr, self.lrDecay, self.weightDecay, self.initialAccumulator, self.eps) =
            (params, lr, lrDecay, weightDecay, initialAccumulatorValue, eps)
        for p in params {
            let v = AdaptiveMath.r(initialAccumulatorValue, p.dtype == .float32)
            state[ObjectIdentifier(p)] = ([Double](repeating: v, count: p.numel), 0)
        }
    }

    public var mom: Double? { get { nil } set { } }
    public var hypers: [(String, Double)] {
        [("lr", lr), ("lr_decay", lrDecay), ("weight_decay", weightDecay), ("initial_accumulator_value", initialAccumulator), ("eps", eps)]
    }

    public func step() throws {
        try AdaptiveMath.forEachParameter(params) { p, w, g0, single in
            func r(_ x: Double) -> Double { AdaptiveMath.r(x, single) }
            let key = ObjectIdentifier(p)
            var s = state[key] ?? ([Double](repeating: 0, count: w.count), 0)
            s.step += 1
            let clr = r(-(lr / (1 + Double(s.step - 1) * lrDecay))), wd = r(weightDecay), e = r(eps)
            for i in 0..<w.count {
                let g = weightDecay != 0 ? r(g0[i] + r(wd * w[i])) : g0[i]
                s.sum[i] = r(s.sum[i] + r(g * g))
                let std = r(r(s.sum[i].squareRoot()) + e)
                w[i] = r(w[i] + r(r(clr * g) / std))
            }
            state[key] = s
        }
    }
}
