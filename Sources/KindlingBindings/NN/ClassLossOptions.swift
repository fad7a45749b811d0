import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// The `weight=` and `label_smoothing=` options of the class-index losses
/// (`cross_entropy` / `CrossEntropyLoss`, `nll_loss` / `NLLLoss`), and
/// `weight=` / `pos_weight=` of the binary ones (`binary_cross_entropy`,
/// `binary_cross_entropy_with_logits` and their modules). `weight=` of
/// `F.mse_loss` / `F.l1_loss` is refused as not supported by Kindling.
struct ClassLossOptions {
    var weight: Tensor? = nil
    var posWeight: Tensor? = nil
    var labelSmoothing: Double = 0

    var isDefault: Bool { weight == nil && posWeight == nil && labelSmoothing == 0 }

    /// Reads and checks the options for `function` (`F.cross_entropy`, `NLLLoss`...).
    static func parse(weight: Value, labelSmoothing: Value, posWeight: Value, kind: LossKind,
                      function: String) throws -> ClassLossOptions {
        let isFunction = function.hasPrefix("F.")
        var options = ClassLossOptions()
        // PyTorch's TypeError for a keyword the loss does not take.
        func unexpected(_ keyword: String) -> Error {
            let owner = isFunction ? String(function.dropFirst(2))
                : kind == .bce ? "_WeightedLoss.__init__" : kind == .mse || kind == .l1 ? "_Loss.__init__" : function + ".__init__"
            return pyError(.typeError, "\(owner)() got an unexpected keyword argument '\(keyword)'")
        }
        if !posWeight.isNone {
            guard kind == .bceWithLogits else { throw unexpected("pos_weight") }
            guard let pw = posWeight.tensorValue else {
                if !isFunction {
                    throw pyError(.typeError, "cannot assign '\(posWeight.typeName)' object to buffer 'pos_weight' (torch Tensor or None required)")
                }
                throw pyError(.typeError, "binary_cross_entropy_with_logits(): argument 'pos_weight' (position 4) must be Tensor, not \(posWeight.typeName)")
            }
            options.posWeight = pw
        }
        if !weight.isNone {
            // Newer PyTorch takes `weight=` in F.mse_loss / F.l1_loss; the modules refuse it.
            guard kind != .mse && kind != .l1 else { throw isFunction ? notSupported("\(function)(weight=...)") : unexpected("weight") }
            guard let w = weight.tensorValue else {
                if !isFunction {
                    throw pyError(.typeError, "cannot assign '\(weight.typeName)' object to buffer 'weight' (torch Tensor or None required)")
                }
                if kind == .bce { throw pyError(.attributeError, "'\(weight.typeName)' object has no attribute 'size'") }
                let aten = kind == .crossEntropy ? "cross_entropy_loss" : kind == .nll ? "nll_loss_nd" : "binary_cross_entropy_with_logits"
                throw pyError(.typeError, "\(aten)(): argument 'weight' (position 3) must be Tensor, not \(weight.typeName)")
            }
            options.weight = w
        }
        let eps = try labelSmoothing.asDouble()
        if eps != 0 {
            guard kind == .crossEntropy else {
                throw pyError(.typeError, "\(function.hasPrefix("F.") ? String(function.dropFirst(2)) : function + ".__init__")() got an unexpected keyword argument 'label_smoothing'")
            }
            options.labelSmoothing = eps
        }
        return options
    }

    /// The options a loss module holds as PyTorch keeps them: its `weight`
    /// and `label_smoothing` attributes (changing them later takes effect).
    init(module m: ModuleObject) throws {
        if let w = m.attributes?["weight"], let t = w.tensorValue { weight = t }
        if let w = m.attributes?["pos_weight"], let t = w.tensorValue { posWeight = t }
        if let eps = m.attributes?["label_smoothing"] { labelSmoothing = try eps.asDouble() }
    }

    init() {}
}

extension ClassLossOptions {
    /// The training library's loss with these options.
    func lossFunction(_ kind: LossKind, _ reduction: Reduction, ignoreIndex: Int) -> LossFunction {
        LossFunction(kind, reduction: reduction, ignoreIndex: ignoreIndex, weight: weight, posWeight: posWeight,
                     labelSmoothing: labelSmoothing)
    }
}

extension ModuleObject {
    /// Stores a loss module's options as attributes, as PyTorch's `__init__` does.
    func storeLossOptions(_ options: ClassLossOptions, kind: LossKind, ignoreIndex: Int) {
        guard kind != .mse && kind != .l1 else { return }
        attributes?["weight"] = options.weight.map { Value.tensor($0) } ?? Value.none
        if kind == .bceWithLogits { attributes?["pos_weight"] = options.posWeight.map { Value.tensor($0) } ?? Value.none }
        guard kind == .crossEntropy || kind == .nll else { return }
        attributes?["ignore_index"] = .int(ignoreIndex)
        if kind == .crossEntropy { attributes?["label_smoothing"] = .float(options.labelSmoothing) }
    }

    /// The loss of a native loss module, with the options it holds.
    func lossTensor(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        guard case .loss(let kind, let reduction, let ignore) = layer else { throw notSupported("this loss") }
        return try ClassLossOptions(module: self).lossFunction(kind, reduction, ignoreIndex: ignore)(input, target)
    }
}
