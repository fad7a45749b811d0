import KindlingEngine
import KindlingLanguage

/// `nn.Dropout(p=0.5, inplace=False)` and `F.dropout(input, p=0.5, training=True, inplace=False)`:
/// the engine's dropout, drawing from the global generator as PyTorch does; a module in eval
/// mode (or `training=False`) returns its input unchanged.
enum DropoutLayer {
    static let dropout: PyClass = {
        let c = Layers.layerClass("Dropout", module: "torch.nn.modules.dropout")
        let sig = Signature(parsing: ["self", "p=0.5", "inplace=False"])
        c.define("__init__") { args in
            let b = try args.bind(sig)
            let m = try ModuleClass.selfModule(args)
            try checkProbability(b["p"])
            m.attributes?["p"] = b["p"]
            m.attributes?["inplace"] = .bool(try b["inplace"].isTruthy())
            return .none
        }
        c.define("extra_repr") { args in
            let m = try ModuleClass.selfModule(args)
            let p = m.attributes?["p"] ?? .float(0.5), inplace = m.attributes?["inplace"] ?? .bool(false)
            return .str("p=\(try Runtime.str(p)), inplace=\(try Runtime.str(inplace))")
        }
        c.define("forward") { args in
            let m = try ModuleClass.selfModule(args)
            guard args.count == 2 else {
                throw pyError(.typeError, "Dropout.forward() takes 2 positional arguments but \(args.count) were given")
            }
            return try apply(try args[1], p: m.attributes?["p"] ?? .float(0.5), training: m.training,
                             inplace: try (m.attributes?["inplace"] ?? .bool(false)).isTruthy())
        }
        return c
    }()

    /// `F.dropout` in `torch.nn.functional`.
    static func installFunctional(in m: PyModule) {
        TorchModule.function(m, "dropout", ["input", "p=0.5", "training=True", "inplace=False"]) { b in
            try apply(b["input"], p: b["p"], training: try b["training"].isTruthy(), inplace: try b["inplace"].isTruthy())
        }
    }

    private static func apply(_ input: Value, p: Value, training: Bool, inplace: Bool) throws -> Value {
        try checkProbability(p)
        let x = try TorchConvert.tensor(input, function: "dropout")
        let y = try x.dropout(p: try p.asDouble(), training: training, inplace: inplace)
        return y === x ? input : .tensor(y)
    }

    /// PyTorch's check, with the probability as Python prints it.
    private static func checkProbability(_ p: Value) throws {
        let value = try p.asDouble()
        guard value >= 0 && value <= 1 else {
            throw pyError(.valueError, "dropout probability has to be between 0 and 1, but got \(try Runtime.str(p))")
        }
    }
}
