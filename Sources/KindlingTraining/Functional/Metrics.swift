import KindlingEngine

/// fastai's metrics.
public enum Metrics {
    /// `accuracy(inp, targ, axis=-1)`: `(inp.argmax(axis) == targ).float().mean()`,
    /// both flattened and checked to have the same number of elements.
    public static func accuracy(_ input: Tensor, _ target: Tensor, axis: Int = -1) throws -> Tensor {
        let pred = try input.argmax(dim: axis).flatten()
        let targ = try target.flatten()
        if pred.numel != targ.numel {
            throw TensorError(.runtimeError,
                "Error: inp and targ should have the same number of elements: \(pred.numel) vs \(targ.numel)")
        }
        return try Tensor.binary(.eq, .tensor(pred), .tensor(targ)).to(.float32).mean()
    }

    /// `error_rate`: `1 - accuracy`.
    public static func errorRate(_ input: Tensor, _ target: Tensor, axis: Int = -1) throws -> Tensor {
        try Tensor.binary(.sub, .scalar(.int(1)), .tensor(try accuracy(input, target, axis: axis)))
    }
}
