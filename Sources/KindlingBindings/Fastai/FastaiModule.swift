import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// The `fastai`, `fastai.vision`, `fastai.basics` and `fastai.vision.all` modules.
/// `from fastai.vision.all import *` brings fastai's `tensor`, DataLoader(s), Learner, SGD,
/// Adam, accuracy, error_rate, first, L, the general names of `FastaiExports` (np, pd, torch,
/// nn, F, partial, set_seed, Path...) and, when the plotting module exists, plt / show_image /
/// show_images.
enum FastaiModule {
    static let loaders: [(String, (Interpreter) throws -> PyModule)] = [
        ("fastai", { _ in PyModule(name: "fastai") }),
        ("fastai.vision", { _ in PyModule(name: "fastai.vision") }),
        ("fastai.vision.all", { interp in try makeAll(interp) }),
        ("fastai.basics", { interp in try makeBasics(interp) }),
    ]

    static let accuracy: Value = {
        let sig = Signature(parsing: ["inp", "targ", "axis=-1"])
        return .object(NativeFunction(name: "accuracy") { args in
            let b = try args.bind(sig)
            return .tensor(try Metrics.accuracy(try TorchConvert.tensor(b["inp"], function: "accuracy"),
                                                try TorchConvert.tensor(b["targ"], function: "accuracy", argument: "targ", position: 2),
                                                axis: try b.int("axis")))
        })
    }()

    static let errorRate: Value = {
        let sig = Signature(parsing: ["inp", "targ", "axis=-1"])
        return .object(NativeFunction(name: "error_rate") { args in
            let b = try args.bind(sig)
            return .tensor(try Metrics.errorRate(try TorchConvert.tensor(b["inp"], function: "error_rate"),
                                                 try TorchConvert.tensor(b["targ"], function: "error_rate", argument: "targ", position: 2),
                                                 axis: try b.int("axis")))
        })
    }()

    static var adam: Value { OptimModule.fastaiAdam }

    /// fastai's `tensor(x, *rest)`: tensors pass through, sequences and
    /// numbers go through `torch.tensor`, array-likes convert without a loop;
    /// a float64 result becomes float32, as fastai does.
    static let tensor: Value = .object(NativeFunction(name: "tensor") { args in
        guard var x = args.positional.first else { throw pyError(.typeError, "tensor() missing 1 required positional argument: 'x'") }
        if args.count > 1 { x = .object(PyTuple(args.positional)) }
        var dtype: DType? = nil
        if let d = args.keyword("dtype") { dtype = try TorchConvert.dtype(d) }
        if let t = x.tensorValue { return .tensor(try singlePrecision(try dtype.map { try t.to($0) } ?? t)) }
        let t = try singlePrecision(try TorchConvert.tensor(fromData: x, dtype: dtype))
        if let rg = args.keyword("requires_grad"), try rg.isTruthy() { _ = try t.requiresGrad_(true) }
        return .tensor(t)
    })

    private static func singlePrecision(_ t: Tensor) throws -> Tensor {
        t.dtype == .float64 ? try t.to(.float32) : t
    }

    static func makeAll(_ interp: Interpreter) throws -> PyModule {
        let m = try makeBasics(interp, name: "fastai.vision.all")
        m.realStarNames.formUnion(FastaiStarNames.visionOnly)
        if let core = try? interp.importModule("fastai.vision.core") {
            for name in ["show_image", "show_images", "show_titled_image", "subplots"] {
                if let f = core[name] { m[name] = f }
            }
        }
        return m
    }

    /// `fastai.basics`: everything `fastai.vision.all` has but the vision helpers.
    static func makeBasics(_ interp: Interpreter, name: String = "fastai.basics") throws -> PyModule {
        let m = PyModule(name: name)
        m.realStarNames = Set(FastaiStarNames.basics)
        FastaiExports.install(into: m, interp)
        m["tensor"] = tensor
        m["Tensor"] = .object(TorchTypes.tensor)
        m["DataLoader"] = .object(DataModule.fastaiLoader)
        m["DataLoaders"] = .object(DataModule.loaders)
        m["Learner"] = .object(LearnerClass.learner)
        CallbackClass.install(into: m)
        m["SGD"] = OptimModule.fastaiSGD
        m["Adam"] = OptimModule.fastaiAdam
        m["accuracy"] = accuracy
        m["error_rate"] = errorRate
        m["first"] = DataModule.first
        m["L"] = .object(LClass.cls)
        // Plotting helpers, by name, when the plotting module is present.
        if let plt = try? interp.importModule("matplotlib.pyplot") {
            m["plt"] = .object(plt)
            if let mpl = try? interp.importModule("matplotlib") { m["matplotlib"] = .object(mpl) }
        }
        return m
    }
}
