import KindlingEngine
import KindlingLanguage

/// `nn.GELU`, `nn.SiLU`, `nn.ELU`, `nn.Softplus`, `nn.LogSigmoid`,
/// `nn.Hardtanh`, `nn.ReLU6`: modules whose `forward` is one function of
/// `torch.nn.functional`, with PyTorch's constructor arguments and reprs.
enum MoreActivationLayers {
    static var all: [PyClass] { [gelu, silu, elu, softplus, logSigmoid, hardtanh, relu6] }

    /// A module class storing its constructor arguments as attributes.
    /// `repr` lists the attributes `extra_repr` prints (`inplace` only when true,
    /// as PyTorch does); `forward` gets the input and the module.
    static func layer(_ name: String, _ params: [String], repr: [String],
                      _ forward: @escaping (Tensor, ModuleObject) throws -> Tensor) -> PyClass {
        let c = Layers.layerClass(name, module: "torch.nn.modules.activation")
        let signature = Signature(parsing: ["self"] + params)
        let names = params.filter { $0 != "*" }.map { String($0.split(separator: "=")[0]) }
        c.define("__init__") { args in
            let b = try args.bind(signature)
            let m = try ModuleClass.selfModule(args)
            for n in names { m.attributes?[n] = b[n] }
            return .none
        }
        c.define("extra_repr") { args in
            let m = try ModuleClass.selfModule(args)
            var parts: [String] = []
            for n in repr {
                let v = m.attributes?[n] ?? .none
                if n == "inplace" {
                    if try v.isTruthy() { parts.append("inplace=True") }
                } else {
                    parts.append("\(n)=\(try Runtime.repr(v))")
                }
            }
            return .str(parts.joined(separator: ", "))
        }
        c.define("forward") { args in
            let m = try ModuleClass.selfModule(args)
            let x = try ActivationLayers.input(args, name)
            let inplace = try (m.attributes?["inplace"] ?? .bool(false)).isTruthy()
            return try FunctionalActivations.apply(x, inplace: inplace) { try forward($0, m) }
        }
        return c
    }

    static func double(_ m: ModuleObject, _ name: String) throws -> Double {
        try (m.attributes?[name] ?? .none).asDouble()
    }

    static let gelu = layer("GELU", ["approximate='none'"], repr: ["approximate"]) { x, m in
        try x.gelu(approximateTanh: try FunctionalActivations.geluTanh(m.attributes?["approximate"] ?? .str("none")))
    }
    static let silu = layer("SiLU", ["inplace=False"], repr: ["inplace"]) { x, _ in try x.silu() }
    static let elu = layer("ELU", ["alpha=1.0", "inplace=False"], repr: ["alpha", "inplace"]) { x, m in
        try x.elu(alpha: try MoreActivationLayers.double(m, "alpha"))
    }
    static let softplus = layer("Softplus", ["beta=1.0", "threshold=20.0"], repr: ["beta", "threshold"]) { x, m in
        try x.softplus(beta: try MoreActivationLayers.double(m, "beta"), threshold: try MoreActivationLayers.double(m, "threshold"))
    }
    static let logSigmoid = layer("LogSigmoid", [], repr: []) { x, _ in try x.logSigmoid() }
    static let hardtanh = layer("Hardtanh", ["min_val=-1.0", "max_val=1.0", "inplace=False"],
                                repr: ["min_val", "max_val", "inplace"]) { x, m in
        try x.hardtanh(min: try MoreActivationLayers.double(m, "min_val"), max: try MoreActivationLayers.double(m, "max_val"))
    }
    static let relu6 = layer("ReLU6", ["inplace=False"], repr: ["inplace"]) { x, _ in try x.hardtanh(min: 0, max: 6) }
}
