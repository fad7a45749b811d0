import KindlingEngine

/// `nn.LayerNorm` / `F.layer_norm`: normalises over the last `normalizedShape.count`
/// dimensions with the biased variance, `(x - mean) / sqrt(var + eps) * weight + bias`,
/// recorded as one NativeLayerNormBackward0 node whose gradient is the composed ops' own.
public final class LayerNorm: Module {
    public let normalizedShape: [Int]
    public let eps: Double
    public var weight: Tensor?
    public var bias: Tensor?
    public var isTraining = true
    public var parameters: [Tensor] { [weight, bias].compactMap { $0 } }

    public init(_ normalizedShape: [Int], eps: Double = 1e-5, elementwiseAffine: Bool = true, bias: Bool = true) throws {
        self.normalizedShape = normalizedShape
        self.eps = eps
        if elementwiseAffine {
            weight = try Tensor.ones(normalizedShape).requiresGrad_(true)
            if bias { self.bias = try Tensor.zeros(normalizedShape).requiresGrad_(true) }
        }
    }

    public func forward(_ x: Tensor) throws -> Tensor {
        try LayerNorm.apply(x, normalizedShape, weight: weight, bias: bias, eps: eps)
    }

    public static func apply(_ x: Tensor, _ shape: [Int], weight: Tensor?, bias: Tensor?, eps: Double = 1e-5) throws -> Tensor {
        let k = shape.count
        guard k >= 1, x.dim >= k, Array(x.shape.suffix(k)) == shape else {
            throw TensorError(.runtimeError,
                "Given normalized_shape=\(shape), expected input with shape [*, \(shape.map(String.init).joined(separator: ", "))], but got input of size\(Shape.describe(x.shape))")
        }
        for (name, t) in [("weight", weight), ("bias", bias)] {
            if let t, t.shape != shape {
                throw TensorError(.runtimeError,
                    "Expected \(name) to be of same shape as normalized_shape, but got \(name) of shape \(Shape.describe(t.shape)) and normalized_shape = \(Shape.describe(shape))")
            }
        }
        let dims = Array((x.dim - k)..<x.dim)
        func compose(_ x: Tensor, _ w: Tensor?, _ b: Tensor?) throws -> Tensor {
            let centred = try Tensor.binary(.sub, .tensor(x), .tensor(try x.mean(dims: dims, keepdim: true)))
            let variance = try Tensor.binary(.mul, .tensor(centred), .tensor(centred)).mean(dims: dims, keepdim: true)
            let std = try Tensor.binary(.add, .tensor(variance), .scalar(.float(eps))).sqrt()
            var y = try Tensor.binary(.div, .tensor(centred), .tensor(std))
            if let w { y = try Tensor.binary(.mul, .tensor(y), .tensor(w)) }
            if let b { y = try Tensor.binary(.add, .tensor(y), .tensor(b)) }
            return y
        }
        let out = try GradMode.withNoGrad { try compose(x.detach(), weight?.detach(), bias?.detach()) }
        let inputs = [x, weight, bias].compactMap { $0 }
        Tensor.recordFusedLoss(name: "NativeLayerNormBackward0", inputs: inputs, output: out) { g in
            let copies = try inputs.map { try $0.detach().requiresGrad_(true) }
            var i = 1
            let w = weight == nil ? nil : copies[i]
            if weight != nil { i += 1 }
            let b = bias == nil ? nil : copies[i]
            let y = try GradMode.withGrad { try compose(copies[0], w, b) }
            return try y.gradients(with: copies, gradient: g)
        }
        return out
    }
}
