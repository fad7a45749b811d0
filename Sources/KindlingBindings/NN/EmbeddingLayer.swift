import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// `nn.Embedding` (also `Embedding.from_pretrained`) and `F.embedding`, on KindlingTraining's
/// `Embedding`: rows looked up by integer indices, EmbeddingBackward0, `padding_idx`.
/// `max_norm`, `scale_grad_by_freq=True` and `sparse=True` are refused.
enum EmbeddingLayer {
    static func checkUnsupported(maxNorm: Value, scaleGrad: Value, sparse: Value, _ name: String) throws {
        if !maxNorm.isNone { throw notSupported("\(name)(max_norm=...)") }
        if try scaleGrad.isTruthy() { throw notSupported("\(name)(scale_grad_by_freq=True)") }
        if try sparse.isTruthy() { throw notSupported("\(name)(sparse=True) (sparse gradients)") }
    }

    /// A padding index within `[-rows, rows)`, made non-negative, or PyTorch's assertion.
    static func padding(_ v: Value, rows: Int) throws -> Int? {
        guard let p = v.isNone ? nil : try v.asInt() else { return nil }
        guard p < rows && p >= -rows else { throw pyError(.assertionError, "Padding_idx must be within num_embeddings") }
        return p < 0 ? p + rows : p
    }

    static func configure(_ m: ModuleObject, weight: TensorObject, padding: Int?) {
        m.setParameter("weight", weight)
        m.attributes?["num_embeddings"] = .int(weight.tensor.shape[0])
        m.attributes?["embedding_dim"] = .int(weight.tensor.shape.count > 1 ? weight.tensor.shape[1] : 0)
        m.attributes?["padding_idx"] = padding.map { Value.int($0) } ?? Value.none
        m.attributes?["max_norm"] = Value.none
        m.attributes?["norm_type"] = .float(2.0)
        m.attributes?["scale_grad_by_freq"] = .bool(false)
        m.attributes?["sparse"] = .bool(false)
    }

    static let embedding: PyClass = {
        let c = Layers.layerClass("Embedding", module: "torch.nn.modules.sparse")
        let sig = Signature(parsing: ["self", "num_embeddings", "embedding_dim", "padding_idx=None", "max_norm=None",
                                      "norm_type=2.0", "scale_grad_by_freq=False", "sparse=False", "_weight=None",
                                      "_freeze=False", "device=None", "dtype=None"])
        c.define("__init__") { args in
            let b = try args.bind(sig)
            let m = try ModuleClass.selfModule(args)
            try checkUnsupported(maxNorm: b["max_norm"], scaleGrad: b["scale_grad_by_freq"], sparse: b["sparse"], "nn.Embedding")
            let rows = try b.int("num_embeddings"), dim = try b.int("embedding_dim")
            let pad = try padding(b["padding_idx"], rows: rows)
            let weight: Tensor
            if let given = b["_weight"].tensorValue {
                guard given.shape == [rows, dim] else {
                    throw pyError(.assertionError, "Shape of weight does not match num_embeddings and embedding_dim")
                }
                weight = given.detach()
                _ = try weight.requiresGrad_(!(try b.bool("_freeze")))
            } else {
                weight = try Embedding(rows, dim, paddingIndex: pad).weight
                if let d = try TorchConvert.dtype(b["dtype"]), d != weight.dtype {
                    weight.data = try weight.detach().to(d)
                }
            }
            configure(m, weight: TensorObject(weight, pyClass: TorchTypes.parameter), padding: pad)
            return .none
        }
        c.define("forward") { args in
            let m = try ModuleClass.selfModule(args)
            guard args.count == 2 else {
                throw pyError(.typeError, "Embedding.forward() takes 2 positional arguments but \(args.count) were given")
            }
            guard let w = m.parameter(named: "weight") ?? nil else { throw pyError(.typeError, "Embedding.weight is None") }
            let x = try TorchConvert.tensor(try args[1], function: "embedding")
            let padValue = m.attributes?["padding_idx"] ?? Value.none
            let pad = padValue.isNone ? nil : try padValue.asInt()
            return .tensor(try Embedding.apply(x, w.tensor, paddingIndex: pad))
        }
        c.define("extra_repr") { args in
            let a = try ModuleClass.selfModule(args).attributes
            var s = "\(try Runtime.str(a?["num_embeddings"] ?? .int(0))), \(try Runtime.str(a?["embedding_dim"] ?? .int(0)))"
            if let p = a?["padding_idx"], !p.isNone { s += ", padding_idx=\(try Runtime.str(p))" }
            return .str(s)
        }
        let pretrained = NativeFunction(name: "from_pretrained") { args in
            let b = try args.bind(["embeddings", "freeze=True", "padding_idx=None", "max_norm=None", "norm_type=2.0",
                                   "scale_grad_by_freq=False", "sparse=False"])
            try checkUnsupported(maxNorm: b["max_norm"], scaleGrad: b["scale_grad_by_freq"], sparse: b["sparse"], "Embedding.from_pretrained")
            let e = try TorchConvert.tensor(b["embeddings"], function: "from_pretrained", argument: "embeddings")
            guard e.dim == 2 else { throw pyError(.assertionError, "Embeddings parameter is expected to be 2-dimensional") }
            let m = ModuleObject(pyClass: embedding)
            let weight = e.detach()
            _ = try weight.requiresGrad_(!(try b.bool("freeze")))
            configure(m, weight: TensorObject(weight, pyClass: TorchTypes.parameter), padding: try padding(b["padding_idx"], rows: e.shape[0]))
            return .object(m)
        }
        c.setAttribute("from_pretrained", .object(MethodWrapper(.staticMethod, .object(pretrained))))
        return c
    }()

    /// `F.embedding` in `torch.nn.functional`.
    static func installFunctional(in m: PyModule) {
        TorchModule.function(m, "embedding", ["input", "weight", "padding_idx=None", "max_norm=None", "norm_type=2.0",
                                              "scale_grad_by_freq=False", "sparse=False"]) { b in
            try checkUnsupported(maxNorm: b["max_norm"], scaleGrad: b["scale_grad_by_freq"], sparse: b["sparse"], "F.embedding")
            let x = try TorchConvert.tensor(b["input"], function: "embedding")
            let w = try TorchConvert.tensor(b["weight"], function: "embedding", argument: "weight", position: 2)
            let pad = w.dim == 2 ? try padding(b["padding_idx"], rows: w.shape[0]) : nil
            return .tensor(try Embedding.apply(x, w, paddingIndex: pad))
        }
    }
}
