import KindlingEngine
import KindlingLanguage

/// The `torch.nn`, `torch.nn.functional`, `torch.optim` and
/// `torch.utils.data` modules.
enum NNModule {
    static let loaders: [(String, (Interpreter) throws -> PyModule)] = [
        ("torch.nn", { _ in make() }),
        ("torch.nn.functional", { _ in FunctionalModule.make() }),
        ("torch.nn.init", { _ in InitModule.make() }),
        ("torch.nn.utils", { _ in UtilsModule.make() }),
        ("torch.optim", { _ in OptimModule.make() }),
        ("torch.optim.lr_scheduler", { _ in LRSchedulerModule.make() }),
        ("torch.utils", { _ in PyModule(name: "torch.utils") }),
        ("torch.utils.data", { _ in DataModule.makeTorchUtilsData() }),
    ]

    static func make() -> PyModule {
        installParameterConstructor()
        let m = PyModule(name: "torch.nn")
        m["Module"] = .object(ModuleClass.module)
        m["Parameter"] = .object(TorchTypes.parameter)
        for c in [Layers.linear, Layers.relu, Layers.sigmoid, Layers.tanh, Layers.flatten, Layers.sequential]
            + Layers.lossClasses + ActivationLayers.all + MoreActivationLayers.all + [DropoutLayer.dropout, ConvLayers.conv2d, ConvLayers.maxPool2d, EmbeddingLayer.embedding, LayerNormLayer.layerNorm, UnflattenLayer.unflatten] + ContainerLayers.all {
            m.add(c)
        }
        return m
    }

    /// `nn.Parameter(data=None, requires_grad=True)`: the data's storage,
    /// detached, as a leaf requiring grad. (Adapter: the lead's
    /// `TorchTypes.parameter` class has no constructor of its own.)
    static func installParameterConstructor() {
        guard TorchTypes.parameter.constructor == nil else { return }
        let sig = Signature(parsing: ["data=None", "requires_grad=True"])
        TorchTypes.parameter.constructor = { args in
            let b = try args.bind(sig)
            let data = b["data"].isNone ? try Tensor.empty([0]) : try TorchConvert.tensor(b["data"], function: "Parameter", argument: "data")
            let t = data.detach()
            _ = try t.requiresGrad_(try b.bool("requires_grad"))
            return .object(TensorObject(t, pyClass: TorchTypes.parameter))
        }
    }
}
