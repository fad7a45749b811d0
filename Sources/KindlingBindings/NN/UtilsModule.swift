import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// `torch.nn.utils`: gradient clipping and the parameter/vector conversions.
enum UtilsModule {
    static func make() -> PyModule {
        let m = PyModule(name: "torch.nn.utils")
        TorchModule.function(m, "clip_grad_norm_", ["parameters", "max_norm", "norm_type=2.0", "error_if_nonfinite=False", "foreach=None"]) { b in
            let p = try normType(b["norm_type"])
            return .tensor(try GradClipping.clipNorm(try tensors(b["parameters"]), maxNorm: try b.double("max_norm"), normType: p,
                                                     errorIfNonfinite: try b.bool("error_if_nonfinite")))
        }
        TorchModule.function(m, "clip_grad_value_", ["parameters", "clip_value", "foreach=None"]) { b in
            try GradClipping.clipValue(try tensors(b["parameters"]), try b.double("clip_value"))
            return .none
        }
        TorchModule.function(m, "parameters_to_vector", ["parameters"]) { b in
            let flat = try tensors(b["parameters"]).map { try $0.view([-1]) }
            return .tensor(try Tensor.cat(flat))
        }
        TorchModule.function(m, "vector_to_parameters", ["vec", "parameters"]) { b in
            guard let vec = b["vec"].tensorValue else {
                throw pyError(.typeError, "expected torch.Tensor, but got: \(b["vec"].typeName)")
            }
            var offset = 0
            for p in try tensors(b["parameters"]) {
                let n = p.numel
                guard offset + n <= vec.numel else { throw pyError(.runtimeError, "vector is too short for the parameters") }
                p.data = try vec.detach().reshape([-1]).slice(dim: 0, start: offset, end: offset + n, step: 1).reshape(p.shape)
                offset += n
            }
            return .none
        }
        return m
    }

    /// A tensor or an iterable of tensors (`model.parameters()`), as the list PyTorch makes.
    static func tensors(_ v: Value) throws -> [Tensor] {
        if let t = v.tensorValue { return [t] }
        return try Runtime.iterateToArray(v).map { item in
            guard let t = item.tensorValue else {
                throw pyError(.typeError, "expected Tensor as element of parameters, but got \(item.typeName)")
            }
            return t
        }
    }

    static func normType(_ v: Value) throws -> Double {
        if case .str(let s) = v, s == "inf" { return .infinity }
        return try v.asDouble()
    }
}
