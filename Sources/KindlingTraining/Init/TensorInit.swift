import Foundation
import KindlingEngine

/// `torch.nn.init`'s formulas: gains, fans and the kaiming/xavier bounds, drawing from the
/// generator given (the global one by default) exactly as PyTorch's functions do, so a
/// tensor initialised after the same seed holds the same values.
public enum TensorInit {
    public enum FanMode: String { case fanIn = "fan_in", fanOut = "fan_out" }

    /// `calculate_gain(nonlinearity, param)`; `param` is leaky_relu's negative slope (0.01 when nil).
    public static func gain(_ nonlinearity: String, param: Double? = nil) throws -> Double {
        switch nonlinearity {
        case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid":
            return 1
        case "tanh": return 5.0 / 3
        case "relu": return 2.0.squareRoot()
        case "leaky_relu":
            let slope = param ?? 0.01
            return (2.0 / (1 + slope * slope)).squareRoot()
        case "selu": return 3.0 / 4
        default: throw TensorError(.valueError, "Unsupported nonlinearity \(nonlinearity)")
        }
    }

    /// `_calculate_fan_in_and_fan_out`: input and output features times the receptive field.
    public static func fans(_ shape: [Int]) throws -> (fanIn: Int, fanOut: Int) {
        guard shape.count >= 2 else {
            throw TensorError(.valueError, "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
        }
        let receptive = shape.dropFirst(2).reduce(1, *)
        return (shape[1] * receptive, shape[0] * receptive)
    }

    /// `uniform_(t, a, b)` under no_grad.
    @discardableResult
    public static func uniform(_ t: Tensor, _ a: Double = 0, _ b: Double = 1, generator: RandomGenerator = .global) throws -> Tensor {
        try GradMode.withNoGrad { try t.uniform_(from: a, to: b, generator: generator) }
    }

    /// `normal_(t, mean, std)` under no_grad.
    @discardableResult
    public static func normal(_ t: Tensor, mean: Double = 0, std: Double = 1, generator: RandomGenerator = .global) throws -> Tensor {
        try GradMode.withNoGrad { try t.normal_(mean: mean, std: std, generator: generator) }
    }

    /// `xavier_uniform_` / `xavier_normal_`: std `gain * sqrt(2 / (fan_in + fan_out))`.
    @discardableResult
    public static func xavier(_ t: Tensor, gain: Double = 1, uniform: Bool, generator: RandomGenerator = .global) throws -> Tensor {
        let (fanIn, fanOut) = try fans(t.shape)
        let std = gain * (2.0 / Double(fanIn + fanOut)).squareRoot()
        if uniform {
            let a = 3.0.squareRoot() * std
            return try self.uniform(t, -a, a, generator: generator)
        }
        return try normal(t, mean: 0, std: std, generator: generator)
    }

    /// `kaiming_uniform_` / `kaiming_normal_`: std `gain(nonlinearity, a) / sqrt(fan)`.
    /// A tensor with a zero dimension is returned untouched (PyTorch only warns).
    @discardableResult
    public static func kaiming(_ t: Tensor, a: Double = 0, mode: String = "fan_in", nonlinearity: String = "leaky_relu",
                               uniform: Bool, generator: RandomGenerator = .global) throws -> Tensor {
        guard let fanMode = FanMode(rawValue: mode) else {
            throw TensorError(.valueError, "Mode \(mode) not supported, please use one of ['fan_in', 'fan_out']")
        }
        if t.shape.contains(0) { return t }
        let (fanIn, fanOut) = try fans(t.shape)
        let fan = fanMode == .fanIn ? fanIn : fanOut
        let std = try gain(nonlinearity, param: a) / Double(fan).squareRoot()
        if uniform {
            let bound = 3.0.squareRoot() * std
            return try self.uniform(t, -bound, bound, generator: generator)
        }
        return try normal(t, mean: 0, std: std, generator: generator)
    }
}
