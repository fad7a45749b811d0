import KindlingEngine

/// A loss module's computation (`nn.CrossEntropyLoss(weight=..., label_smoothing=...)` and
/// friends): which loss, its reduction and options, applied to `(input, target)`.
///
///     let loss = LossFunction(.crossEntropy)
///     let l = try loss(logits, labels)
public struct LossFunction {
    /// The losses, by their `torch.nn` class names.
    public enum Kind: String, Sendable {
        case crossEntropy = "CrossEntropyLoss", mse = "MSELoss", l1 = "L1Loss"
        case bceWithLogits = "BCEWithLogitsLoss", bce = "BCELoss", nll = "NLLLoss"

        /// Whether the loss takes class weights (`weight=`).
        public var takesWeight: Bool { self != .mse && self != .l1 }
    }

    public var kind: Kind
    public var reduction: Reduction
    public var ignoreIndex: Int
    /// Class weights (cross-entropy, NLL) or element weights (the binary losses).
    public var weight: Tensor?
    /// `pos_weight` of BCEWithLogitsLoss.
    public var posWeight: Tensor?
    /// `label_smoothing` of CrossEntropyLoss.
    public var labelSmoothing: Double

    public init(_ kind: Kind, reduction: Reduction = .mean, ignoreIndex: Int = -100, weight: Tensor? = nil,
                posWeight: Tensor? = nil, labelSmoothing: Double = 0) {
        self.kind = kind
        self.reduction = reduction
        self.ignoreIndex = ignoreIndex
        self.weight = weight
        self.posWeight = posWeight
        self.labelSmoothing = labelSmoothing
    }

    /// The loss of `input` against `target`.
    public func callAsFunction(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        let plain = weight == nil && posWeight == nil && labelSmoothing == 0
        switch kind {
        case .crossEntropy:
            if plain { return try Losses.crossEntropy(input, target, reduction: reduction, ignoreIndex: ignoreIndex) }
            return try Losses.crossEntropy(input, target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex,
                                           labelSmoothing: labelSmoothing)
        case .nll:
            if plain { return try Losses.nll(input, target, reduction: reduction, ignoreIndex: ignoreIndex) }
            return try Losses.nll(input, target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
        case .bce:
            if plain { return try Losses.binaryCrossEntropy(input, target, reduction: reduction) }
            return try Losses.binaryCrossEntropy(input, target, weight: weight, reduction: reduction)
        case .bceWithLogits:
            if plain { return try Losses.binaryCrossEntropyWithLogits(input, target, reduction: reduction) }
            return try Losses.binaryCrossEntropyWithLogits(input, target, weight: weight, posWeight: posWeight, reduction: reduction)
        case .mse, .l1:
            guard plain else {
                throw TensorError(.notImplementedError, "\(kind.rawValue) with weight= or label_smoothing= is not supported by Kindling")
            }
            return kind == .mse ? try Losses.mse(input, target, reduction: reduction) : try Losses.l1(input, target, reduction: reduction)
        }
    }
}
