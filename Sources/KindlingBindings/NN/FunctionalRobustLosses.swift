import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// `F.smooth_l1_loss`, `F.huber_loss` and `F.kl_div`.
enum FunctionalRobustLosses {
    static func install(_ m: PyModule) {
        TorchModule.function(m, "smooth_l1_loss", ["input", "target", "size_average=None", "reduce=None",
                                                    "reduction='mean'", "beta=1.0"]) { b in
            let (x, y) = try broadcastPair(b, "smooth_l1_loss")
            return .tensor(try RobustLosses.loss(x, y, threshold: try b.double("beta"), huber: false,
                                                 reduction: try reduction(b)))
        }
        TorchModule.function(m, "huber_loss", ["input", "target", "reduction='mean'", "delta=1.0", "weight=None"]) { b in
            if !b["weight"].isNone { throw notSupported("F.huber_loss(weight=...)") }
            let (x, y) = try broadcastPair(b, "huber_loss")
            return .tensor(try RobustLosses.loss(x, y, threshold: try b.double("delta"), huber: true,
                                                 reduction: try reduction(b)))
        }
        TorchModule.function(m, "kl_div", ["input", "target", "size_average=None", "reduce=None",
                                            "reduction='mean'", "log_target=False"]) { b in
            let x = try TorchConvert.tensor(b["input"], function: "kl_div")
            let y = try TorchConvert.tensor(b["target"], function: "kl_div", argument: "target", position: 2)
            try legacyReduction(b)
            let name = try b.string("reduction")
            guard ["none", "mean", "sum", "batchmean"].contains(name) else {
                throw pyError(.valueError, "\(name) is not a valid value for reduction")
            }
            if name == "mean" {
                try TorchWarnings.warn("reduction: 'mean' divides the total loss by both the batch size and the support size.'batchmean' divides only by the batch size, and aligns with the KL div math definition.'mean' will be changed to behave the same as 'batchmean' in the next major release.")
            }
            // PyTorch's kl_div: exp(t) * (t - x) for log targets, else xlogy(t, t) - t * x.
            let perElement: Tensor
            if try b.bool("log_target") {
                perElement = try Tensor.binary(.mul, .tensor(try y.exp()), .tensor(try Tensor.binary(.sub, .tensor(y), .tensor(x))))
            } else {
                let tLogT = try Tensor.where_(try Tensor.binary(.eq, .tensor(y), .scalar(.float(0))), .scalar(.float(0)),
                                              .tensor(try Tensor.binary(.mul, .tensor(y), .tensor(try y.log()))))
                perElement = try Tensor.binary(.sub, .tensor(tLogT), .tensor(try Tensor.binary(.mul, .tensor(y), .tensor(x))))
            }
            switch name {
            case "none": return .tensor(perElement)
            case "sum": return .tensor(try perElement.sum())
            case "mean": return .tensor(try perElement.mean())
            default:
                let total = try perElement.sum()
                if x.dim == 0 { return .tensor(total) }
                return .tensor(try Tensor.binary(.div, .tensor(total), .scalar(.int(Int64(x.shape[0])))))
            }
        }
    }

    static func legacyReduction(_ b: BoundArguments) throws {
        if !b["size_average"].isNone || !b["reduce"].isNone {
            throw notSupported("the deprecated size_average=/reduce= arguments")
        }
    }

    static func reduction(_ b: BoundArguments) throws -> Reduction {
        if b.signature.slot(of: "size_average") != nil { try legacyReduction(b) }
        return try Reduction(parsing: try b.string("reduction"))
    }

    /// Input and target broadcast to one shape, with PyTorch's warning when their sizes differ.
    static func broadcastPair(_ b: BoundArguments, _ name: String) throws -> (Tensor, Tensor) {
        let x = try TorchConvert.tensor(b["input"], function: name)
        let y = try TorchConvert.tensor(b["target"], function: name, argument: "target", position: 2)
        if x.shape == y.shape { return (x, y) }
        try TorchWarnings.warn("Using a target size (\(TensorFormatter.sizeRepr(y.shape))) that is different to the input size (\(TensorFormatter.sizeRepr(x.shape))). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.")
        let shape = try Tensor.binary(.add, .tensor(try Tensor.zeros(x.shape)), .tensor(try Tensor.zeros(y.shape))).shape
        return (try x.expand(shape), try y.expand(shape))
    }
}
