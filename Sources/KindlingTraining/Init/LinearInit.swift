import Foundation
import KindlingEngine

/// PyTorch's default initialisation of `nn.Linear`.
public enum LinearInit {
    /// Weight `[out, in]` by `kaiming_uniform_(a=sqrt(5))` and bias `[out]`
    /// uniform, both within ±1/sqrt(in_features) (0 when in_features is 0),
    /// drawn in that order from the engine's global generator. Both require grad.
    public static func make(inFeatures: Int, outFeatures: Int, bias: Bool) throws -> (weight: Tensor, bias: Tensor?) {
        guard inFeatures >= 0, outFeatures >= 0 else {
            throw TensorError(.runtimeError,
                "Trying to create tensor with negative dimension \(min(inFeatures, outFeatures)): [\(outFeatures), \(inFeatures)]")
        }
        let bound = inFeatures > 0 ? 1 / Double(inFeatures).squareRoot() : 0
        let w = try Tensor.empty([outFeatures, inFeatures])
        if w.numel > 0 { try w.uniform_(from: -bound, to: bound) }
        var b: Tensor? = nil
        if bias {
            let t = try Tensor.empty([outFeatures])
            if t.numel > 0 { try t.uniform_(from: -bound, to: bound) }
            b = try t.requiresGrad_(true)
        }
        return (try w.requiresGrad_(true), b)
    }
}
