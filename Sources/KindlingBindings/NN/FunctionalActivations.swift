import KindlingEngine
import KindlingLanguage

/// `F.leaky_relu`, `gelu`, `silu`, `softplus`, `elu`, `logsigmoid`,
/// `hardtanh`, `relu6` (with `inplace=`), `F.normalize` and `F.cosine_similarity`.
enum FunctionalActivations {
    /// `f(x)`, or with `inplace` written into x (returned), as PyTorch's `inplace=True`.
    static func apply(_ x: Tensor, inplace: Bool, _ f: @escaping (Tensor) throws -> Tensor) throws -> Value {
        inplace ? .tensor(try x.applyInPlace_(f)) : .tensor(try f(x))
    }

    /// The activation of `approximate`, PyTorch's GELU options.
    static func geluTanh(_ v: Value) throws -> Bool {
        let s = try v.asString()
        guard s == "none" || s == "tanh" else {
            throw pyError(.runtimeError, "approximate argument must be either none or tanh.")
        }
        return s == "tanh"
    }

    static func install(_ m: PyModule) {
        func define(_ name: String, _ params: [String], _ f: @escaping (Tensor, BoundArguments) throws -> Tensor) {
            TorchModule.function(m, name, ["input"] + params) { b in
                let x = try TorchConvert.tensor(b["input"], function: name)
                let inplace = b.signature.slot(of: "inplace") != nil ? try b.bool("inplace") : false
                return try apply(x, inplace: inplace) { try f($0, b) }
            }
        }
        define("relu", ["inplace=False"]) { x, _ in try x.relu() }
        define("leaky_relu", ["negative_slope=0.01", "inplace=False"]) { x, b in
            guard x.dtype.isFloatingPoint else {
                throw pyError(.notImplementedError, "\"leaky_relu_cpu\" not implemented for '\(x.dtype.kernelName)'")
            }
            return try x.leakyRelu(negativeSlope: Float(try b.double("negative_slope")))
        }
        define("gelu", ["approximate='none'"]) { x, b in try x.gelu(approximateTanh: try geluTanh(b["approximate"])) }
        define("silu", ["inplace=False"]) { x, _ in try x.silu() }
        define("softplus", ["beta=1.0", "threshold=20.0"]) { x, b in
            try x.softplus(beta: try b.double("beta"), threshold: try b.double("threshold"))
        }
        define("elu", ["alpha=1.0", "inplace=False"]) { x, b in try x.elu(alpha: try b.double("alpha")) }
        define("logsigmoid", []) { x, _ in try x.logSigmoid() }
        define("hardtanh", ["min_val=-1.0", "max_val=1.0", "inplace=False"]) { x, b in
            let lo = try b.double("min_val"), hi = try b.double("max_val")
            if lo > hi { throw pyError(.valueError, "min_val cannot be greater than max_val") }
            return try x.hardtanh(min: lo, max: hi)
        }
        define("relu6", ["inplace=False"]) { x, _ in try x.hardtanh(min: 0, max: 6) }
        TorchModule.function(m, "normalize", ["input", "p=2.0", "dim=1", "eps=1e-12", "out=None"]) { b in
            if !b["out"].isNone { throw notSupported("F.normalize(out=...)") }
            let x = try TorchConvert.tensor(b["input"], function: "normalize")
            // PyTorch's composition: x / norm(x, p, dim, keepdim=True).clamp_min(eps).expand_as(x).
            let norm = try x.vectorNorm(ord: try b.double("p"), dims: [try b.int("dim")], keepdim: true)
            let denominator = try norm.clamp(min: .float(try b.double("eps")), max: nil, gradName: "ClampMinBackward0").expand(x.shape)
            return .tensor(try Tensor.binary(.div, .tensor(x), .tensor(denominator)))
        }
        TorchModule.function(m, "cosine_similarity", ["x1", "x2", "dim=1", "eps=1e-08"]) { b in
            let x1 = try TorchConvert.tensor(b["x1"], function: "cosine_similarity", argument: "x1")
            let x2 = try TorchConvert.tensor(b["x2"], function: "cosine_similarity", argument: "x2", position: 2)
            return .tensor(try Tensor.cosineSimilarity(x1, x2, dim: try b.int("dim"), eps: try b.double("eps")))
        }
    }
}
