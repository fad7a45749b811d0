import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// The `weight=` and `label_smoothing=` options of the class-index losses
/// (`cross_entropy` / `CrossEntropyLoss`, `nll_loss` / `NLLLoss`). Other
/// losses refuse them (and `pos_weight=`) as not supported by Kindling.
struct ClassLossOptions {
    var weight: Tensor? = nil
    var labelSmoothing: Double = 0

    var isDefault: Bool { weight == nil && labelSmoothing == 0 }

    /// Reads and checks the options for `function` (`F.cross_entropy`, `NLLLoss`...).
    static func parse(weight: Value, labelSmoothing: Value, posWeight: Value, kind: LossKind,
                      function: String) throws -> ClassLossOptions {
        if !posWeight.isNone { throw notSupported("\(function)(pos_weight=...)") }
        var options = ClassLossOptions()
        if !weight.isNone {
            guard kind == .crossEntropy || kind == .nll else { throw notSupported("\(function)(weight=...)") }
            guard let w = weight.tensorValue else {
                if !function.hasPrefix("F.") {
                    throw pyError("TypeError", "cannot assign '\(weight.typeName)' object to buffer 'weight' (torch Tensor or None required)")
                }
                let aten = kind == .crossEntropy ? "cross_entropy_loss" : "nll_loss_nd"
                throw pyError("TypeError", "\(aten)(): argument 'weight' (position 3) must be Tensor, not \(weight.typeName)")
            }
            options.weight = w
        }
        let eps = try labelSmoothing.asDouble()
        if eps != 0 {
            guard kind == .crossEntropy else {
                throw pyError("TypeError", "\(function.hasPrefix("F.") ? String(function.dropFirst(2)) : function + ".__init__")() got an unexpected keyword argument 'label_smoothing'")
            }
            options.labelSmoothing = eps
        }
        return options
    }

    /// The options a loss module holds as PyTorch keeps them: its `weight`
    /// and `label_smoothing` attributes (changing them later takes effect).
    init(module m: ModuleObject) throws {
        if let w = m.attributes?["weight"], let t = w.tensorValue { weight = t }
        if let eps = m.attributes?["label_smoothing"] { labelSmoothing = try eps.asDouble() }
    }

    init() {}
}

extension LossKind {
    /// The loss with class weights / label smoothing when given.
    func compute(_ input: Tensor, _ target: Tensor, _ reduction: Reduction, ignoreIndex: Int,
                 options: ClassLossOptions) throws -> Tensor {
        if options.isDefault { return try compute(input, target, reduction, ignoreIndex: ignoreIndex) }
        switch self {
        case .crossEntropy:
            return try Losses.crossEntropy(input, target, weight: options.weight, reduction: reduction,
                                           ignoreIndex: ignoreIndex, labelSmoothing: options.labelSmoothing)
        case .nll:
            return try Losses.nll(input, target, weight: options.weight, reduction: reduction, ignoreIndex: ignoreIndex)
        default:
            throw notSupported("\(rawValue) with weight= or label_smoothing=")
        }
    }
}

extension ModuleObject {
    /// Stores a loss module's options as attributes, as PyTorch's `__init__` does.
    func storeLossOptions(_ options: ClassLossOptions, kind: LossKind, ignoreIndex: Int) {
        guard kind == .crossEntropy || kind == .nll else { return }
        attributes?["weight"] = options.weight.map { Value.tensor($0) } ?? Value.none
        attributes?["ignore_index"] = .int(ignoreIndex)
        if kind == .crossEntropy { attributes?["label_smoothing"] = .float(options.labelSmoothing) }
    }

    /// The loss of a native loss module, with the options it holds.
    func lossTensor(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        guard case .loss(let kind, let reduction, let ignore) = layer else { throw notSupported("this loss") }
        return try kind.compute(input, target, reduction, ignoreIndex: ignore, options: try ClassLossOptions(module: self))
    }
}
