import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// `torch.optim.AdamW`, `RMSprop` and `Adagrad` with PyTorch's defaults and keyword names;
/// the options Kindling does not implement (amsgrad, maximize, capturable, ...) are refused.
extension OptimModule {
    static func refuseFlags(_ b: BoundArguments, _ name: String, _ flags: [String]) throws {
        for f in flags where b.signature.slot(of: f) != nil {
            if try b[f].isTruthy() { throw notSupported("\(name)(\(f)=True)") }
        }
    }

    /// PyTorch's constructor checks, with the value printed as Python prints it.
    static func checkNonNegative(_ b: BoundArguments, _ checks: [(String, String)]) throws {
        for (name, label) in checks where try b.double(name) < 0 {
            throw pyError(.valueError, "Invalid \(label): \(try Runtime.str(b[name]))")
        }
    }

    static let torchAdamWClass: PyClass = {
        let c = optimizerClass("AdamW", module: "torch.optim.adamw")
        let sig = Signature(parsing: ["params", "lr=0.001", "betas=None", "eps=1e-08", "weight_decay=0.01", "amsgrad=False",
                                      "*", "maximize=False", "foreach=None", "capturable=False", "differentiable=False", "fused=None"])
        c.constructor = { args in
            let b = try args.bind(sig)
            try refuseFlags(b, "AdamW", ["amsgrad", "maximize", "capturable", "differentiable", "fused"])
            try checkNonNegative(b, [("lr", "learning rate"), ("eps", "epsilon value")])
            let betaValues = b["betas"].isNone ? [.float(0.9), .float(0.999)] : try Runtime.iterateToArray(b["betas"])
            guard betaValues.count == 2 else { throw pyError(.valueError, "betas must be a pair") }
            let betas = try betaValues.map { try $0.asDouble() }
            for (i, beta) in betas.enumerated() where !(0..<1).contains(beta) {
                throw pyError(.valueError, "Invalid beta parameter at index \(i): \(try Runtime.str(betaValues[i]))")
            }
            try checkNonNegative(b, [("weight_decay", "weight_decay value")])
            let opt = try TorchAdam(params: try parameterList(b["params"], function: "AdamW"), lr: try b.double("lr"),
                                    betas: (betas[0], betas[1]), eps: try b.double("eps"),
                                    weightDecay: try b.double("weight_decay"), decoupledWeightDecay: true)
            return .object(OptimizerObject(opt, pyClass: torchAdamWClass, zeroToNoneByDefault: true))
        }
        return c
    }()

    static let torchRMSpropClass: PyClass = {
        let c = optimizerClass("RMSprop", module: "torch.optim.rmsprop")
        let sig = Signature(parsing: ["params", "lr=0.01", "alpha=0.99", "eps=1e-08", "weight_decay=0", "momentum=0", "centered=False",
                                      "capturable=False", "foreach=None", "maximize=False", "differentiable=False"])
        c.constructor = { args in
            let b = try args.bind(sig)
            try refuseFlags(b, "RMSprop", ["capturable", "maximize", "differentiable"])
            try checkNonNegative(b, [("lr", "learning rate"), ("eps", "epsilon value"), ("momentum", "momentum value"),
                                     ("weight_decay", "weight_decay value"), ("alpha", "alpha value")])
            let opt = try TorchRMSprop(params: try parameterList(b["params"], function: "RMSprop"), lr: try b.double("lr"),
                                       alpha: try b.double("alpha"), eps: try b.double("eps"), weightDecay: try b.double("weight_decay"),
                                       momentum: try b.double("momentum"), centered: try b.bool("centered"))
            return .object(OptimizerObject(opt, pyClass: torchRMSpropClass, zeroToNoneByDefault: true))
        }
        return c
    }()

    static let torchAdagradClass: PyClass = {
        let c = optimizerClass("Adagrad", module: "torch.optim.adagrad")
        let sig = Signature(parsing: ["params", "lr=0.01", "lr_decay=0", "weight_decay=0", "initial_accumulator_value=0", "eps=1e-10",
                                      "foreach=None", "*", "maximize=False", "differentiable=False", "fused=None"])
        c.constructor = { args in
            let b = try args.bind(sig)
            try refuseFlags(b, "Adagrad", ["maximize", "differentiable", "fused"])
            try checkNonNegative(b, [("lr", "learning rate"), ("lr_decay", "lr_decay value"), ("weight_decay", "weight_decay value"),
                                     ("initial_accumulator_value", "initial_accumulator_value value"), ("eps", "epsilon value")])
            let opt = try TorchAdagrad(params: try parameterList(b["params"], function: "Adagrad"), lr: try b.double("lr"),
                                       lrDecay: try b.double("lr_decay"), weightDecay: try b.double("weight_decay"),
                                       initialAccumulatorValue: try b.double("initial_accumulator_value"), eps: try b.double("eps"))
            return .object(OptimizerObject(opt, pyClass: torchAdagradClass, zeroToNoneByDefault: true))
        }
        return c
    }()
}
