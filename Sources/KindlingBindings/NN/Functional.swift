import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// `torch.nn.functional`.
enum FunctionalModule {
    static func make() -> PyModule {
        let m = PyModule(name: "torch.nn.functional")
        FunctionalActivations.install(m)
        FunctionalRobustLosses.install(m)
        DropoutLayer.installFunctional(in: m)
        EmbeddingLayer.installFunctional(in: m)
        LayerNormLayer.installFunctional(in: m)
        ConvLayers.installFunctional(in: m)
        installOneHot(m)
        TorchModule.function(m, "sigmoid", ["input"]) { b in .tensor(try TorchConvert.tensor(b["input"], function: "sigmoid").sigmoid()) }
        TorchModule.function(m, "tanh", ["input"]) { b in .tensor(try TorchConvert.tensor(b["input"], function: "tanh").tanh()) }
        for (name, log) in [("softmax", false), ("log_softmax", true)] {
            TorchModule.function(m, name, ["input", "dim=None", "_stacklevel=3", "dtype=None"]) { b in
                let x = try TorchConvert.tensor(b["input"], function: name)
                // PyTorch's legacy implicit dim (0 for 0-, 1- and 3-d inputs, else 1), with its warning.
                let dim = try b.optionalInt("dim") ?? ActivationLayers.implicitDim(x, name)
                return .tensor(log ? try x.logSoftmax(dim: dim) : try x.softmax(dim: dim))
            }
        }
        TorchModule.function(m, "linear", ["input", "weight", "bias=None"]) { b in
            let x = try TorchConvert.tensor(b["input"], function: "linear")
            let w = try TorchConvert.tensor(b["weight"], function: "linear", argument: "weight", position: 2)
            let bias = b["bias"].isNone ? nil : try TorchConvert.tensor(b["bias"], function: "linear", argument: "bias", position: 3)
            return .tensor(try Linear.apply(x, w, bias))
        }
        let lossParams = ["input", "target", "weight=None", "size_average=None", "ignore_index=-100", "reduce=None",
                          "reduction='mean'", "label_smoothing=0.0", "pos_weight=None"]
        for (name, kind) in [("cross_entropy", LossKind.crossEntropy), ("nll_loss", .nll), ("mse_loss", .mse),
                             ("l1_loss", .l1), ("binary_cross_entropy", .bce),
                             ("binary_cross_entropy_with_logits", .bceWithLogits)] {
            TorchModule.function(m, name, lossParams) { b in
                let options = try ClassLossOptions.parse(weight: b["weight"], labelSmoothing: b["label_smoothing"],
                                                         posWeight: b["pos_weight"], kind: kind, function: "F." + name)
                let x = try TorchConvert.tensor(b["input"], function: name)
                let y = try TorchConvert.tensor(b["target"], function: name, argument: "target", position: 2)
                let reduction = try Reduction(parsing: try b.string("reduction"))
                return .tensor(try options.lossFunction(kind, reduction, ignoreIndex: try b.int("ignore_index"))(x, y))
            }
        }
        return m
    }
}
