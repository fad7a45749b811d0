import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// `nn.LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True, bias=True)` and
/// `F.layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05)`.
enum LayerNormLayer {
    static func shape(_ v: Value) throws -> [Int] {
        if case .int(let n) = v { return [n] }
        return try TorchConvert.intList(v, what: "normalized_shape")
    }

    static let layerNorm: PyClass = {
        let c = Layers.layerClass("LayerNorm", module: "torch.nn.modules.normalization")
        let sig = Signature(parsing: ["self", "normalized_shape", "eps=1e-05", "elementwise_affine=True", "bias=True",
                                      "device=None", "dtype=None"])
        c.define("__init__") { args in
            let b = try args.bind(sig)
            let m = try ModuleClass.selfModule(args)
            let normalized = try shape(b["normalized_shape"])
            let affine = try b.bool("elementwise_affine"), hasBias = try b.bool("bias")
            let layer = try LayerNorm(normalized, eps: try b.double("eps"), elementwiseAffine: affine, bias: hasBias)
            m.setParameter("weight", layer.weight.map { TensorObject($0, pyClass: TorchTypes.parameter) })
            m.setParameter("bias", layer.bias.map { TensorObject($0, pyClass: TorchTypes.parameter) })
            m.attributes?["normalized_shape"] = .object(PyTuple(normalized.map { .int($0) }))
            m.attributes?["eps"] = .float(try b.double("eps"))
            m.attributes?["elementwise_affine"] = .bool(affine)
            return .none
        }
        c.define("forward") { args in
            let m = try ModuleClass.selfModule(args)
            guard args.count == 2 else {
                throw pyError(.typeError, "LayerNorm.forward() takes 2 positional arguments but \(args.count) were given")
            }
            let x = try TorchConvert.tensor(try args[1], function: "layer_norm")
            let normalized = try shape(m.attributes?["normalized_shape"] ?? .none)
            let eps = try (m.attributes?["eps"] ?? .float(1e-5)).asDouble()
            return .tensor(try LayerNorm.apply(x, normalized, weight: (m.parameter(named: "weight") ?? nil)?.tensor,
                                               bias: (m.parameter(named: "bias") ?? nil)?.tensor, eps: eps))
        }
        c.define("extra_repr") { args in
            let m = try ModuleClass.selfModule(args)
            let a = m.attributes
            let hasBias = (m.parameter(named: "bias") ?? nil) != nil
            return .str("\(try Runtime.repr(a?["normalized_shape"] ?? .none)), eps=\(try Runtime.repr(a?["eps"] ?? .float(1e-5))), elementwise_affine=\(try Runtime.str(a?["elementwise_affine"] ?? .bool(true))), bias=\(hasBias ? "True" : "False")")
        }
        return c
    }()

    static func installFunctional(in m: PyModule) {
        TorchModule.function(m, "layer_norm", ["input", "normalized_shape", "weight=None", "bias=None", "eps=1e-05"]) { b in
            let x = try TorchConvert.tensor(b["input"], function: "layer_norm")
            let w = b["weight"].isNone ? nil : try TorchConvert.tensor(b["weight"], function: "layer_norm", argument: "weight", position: 3)
            let bias = b["bias"].isNone ? nil : try TorchConvert.tensor(b["bias"], function: "layer_norm", argument: "bias", position: 4)
            return .tensor(try LayerNorm.apply(x, try shape(b["normalized_shape"]), weight: w, bias: bias, eps: try b.double("eps")))
        }
    }
}
