import Foundation
import KindlingEngine

/// `torch.nn.utils.clip_grad_norm_` and `clip_grad_value_` on a list of parameters.
public enum GradClipping {
    /// The norm of order `p` of all gradients together (each gradient's norm, then the norm of
    /// those), every gradient multiplied in place by `min(1, maxNorm / (total + 1e-6))` as
    /// PyTorch does; returns the total as a 0-d tensor of the gradients' dtype.
    @discardableResult
    public static func clipNorm(_ parameters: [Tensor], maxNorm: Double, normType p: Double = 2,
                                errorIfNonfinite: Bool = false) throws -> Tensor {
        let grads = parameters.compactMap(\.grad)
        guard let first = grads.first else { return try Tensor(shape: [], floats: [0]) }
        let isFloat = first.dtype == .float32
        let norms = grads.map { g in norm((0..<g.numel).map { g.scalar(atLogical: $0).doubleValue }, p) }
        var total = norm(norms.map { isFloat ? Double(Float($0)) : $0 }, p)
        if isFloat { total = Double(Float(total)) }
        if errorIfNonfinite && !total.isFinite {
            throw TensorError(.runtimeError,
                "The total norm of order \(p) for gradients from `parameters` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set `error_if_nonfinite=False`")
        }
        var coefficient = maxNorm / (total + 1e-6)
        if isFloat { coefficient = Double(Float(maxNorm) / (Float(total) + Float(1e-6))) }
        coefficient = Swift.min(coefficient, 1)
        try GradMode.withNoGrad {
            for g in grads { _ = try g.mul_(.scalar(.float(coefficient))) }
        }
        return try Tensor(shape: [], doubles: [total]).to(first.dtype)
    }

    /// Clamps every gradient to `[-value, value]` in place.
    public static func clipValue(_ parameters: [Tensor], _ value: Double) throws {
        try GradMode.withNoGrad {
            for g in parameters.compactMap(\.grad) { _ = try g.clamp_(min: .float(-value), max: .float(value)) }
        }
    }

    /// The vector norm of order `p` (inf: largest magnitude, -inf: smallest, 0: count of non-zeros).
    static func norm(_ xs: [Double], _ p: Double) -> Double {
        if p == .infinity { return xs.map(abs).max() ?? 0 }
        if p == -.infinity { return xs.map(abs).min() ?? 0 }
        if p == 0 { return Double(xs.filter { $0 != 0 }.count) }
        if p == 1 { return xs.reduce(0) { $0 + abs($1) } }
        if p == 2 { return xs.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        return pow(xs.reduce(0) { $0 + pow(abs($1), p) }, 1 / p)
    }
}
