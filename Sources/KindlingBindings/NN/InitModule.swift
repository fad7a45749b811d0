import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// `torch.nn.init`: the in-place initialisers (returning their tensor) and `calculate_gain`,
/// with PyTorch's keyword names, defaults and draws from the global generator or `generator=`.
enum InitModule {
    static func make() -> PyModule {
        let m = PyModule(name: "torch.nn.init")
        func tensor(_ b: BoundArguments, _ name: String) throws -> Tensor {
            try TorchConvert.tensor(b["tensor"], function: name, argument: "tensor")
        }
        func generator(_ b: BoundArguments, _ name: String) throws -> RandomGenerator {
            try GeneratorObject.from(b["generator"], function: name)
        }
        TorchModule.function(m, "calculate_gain", ["nonlinearity", "param=None"]) { b in
            let gain = try TensorInit.gain(try b.string("nonlinearity"), param: try slope(b["param"]))
            // PyTorch returns the int 1 for the linear family and sigmoid.
            let name = try b.string("nonlinearity")
            return gain == 1 && name != "leaky_relu" ? .int(1) : .float(gain)
        }
        TorchModule.function(m, "uniform_", ["tensor", "a=0.0", "b=1.0", "generator=None"]) { b in
            try TensorInit.uniform(try tensor(b, "uniform_"), try b.double("a"), try b.double("b"), generator: try generator(b, "uniform_"))
            return b["tensor"]
        }
        TorchModule.function(m, "normal_", ["tensor", "mean=0.0", "std=1.0", "generator=None"]) { b in
            try TensorInit.normal(try tensor(b, "normal_"), mean: try b.double("mean"), std: try b.double("std"),
                                  generator: try generator(b, "normal_"))
            return b["tensor"]
        }
        TorchModule.function(m, "constant_", ["tensor", "val"]) { b in
            guard let v = TorchConvert.scalar(b["val"]) else {
                throw pyError(.typeError, "fill_() received an invalid combination of arguments - got (\(b["val"].typeName))")
            }
            try GradMode.withNoGrad { _ = try tensor(b, "constant_").fill_(v) }
            return b["tensor"]
        }
        for (name, value) in [("zeros_", 0.0), ("ones_", 1.0)] {
            TorchModule.function(m, name, ["tensor"]) { b in
                let t = try tensor(b, name)
                try GradMode.withNoGrad { _ = try t.fill_(t.dtype.isFloatingPoint ? .float(value) : .int(Int64(value))) }
                return b["tensor"]
            }
        }
        for (name, uniform) in [("xavier_uniform_", true), ("xavier_normal_", false)] {
            TorchModule.function(m, name, ["tensor", "gain=1.0", "generator=None"]) { b in
                try TensorInit.xavier(try tensor(b, name), gain: try b.double("gain"), uniform: uniform, generator: try generator(b, name))
                return b["tensor"]
            }
        }
        for (name, uniform) in [("kaiming_uniform_", true), ("kaiming_normal_", false)] {
            TorchModule.function(m, name, ["tensor", "a=0", "mode='fan_in'", "nonlinearity='leaky_relu'", "generator=None"]) { b in
                let t = try tensor(b, name)
                if t.shape.contains(0) {
                    try TorchWarnings.warn("Initializing zero-element tensors is a no-op")
                    return b["tensor"]
                }
                try TensorInit.kaiming(t, a: try slope(b["a"]) ?? 0, mode: try b.string("mode"), nonlinearity: try b.string("nonlinearity"),
                                       uniform: uniform, generator: try generator(b, name))
                return b["tensor"]
            }
        }
        for name in ["trunc_normal_", "orthogonal_", "sparse_", "dirac_", "eye_"] {
            m.define(name) { _ in throw notSupported("torch.nn.init.\(name)") }
        }
        return m
    }

    /// leaky_relu's slope as `calculate_gain` accepts it: None, an int or a float (not a bool).
    static func slope(_ v: Value) throws -> Double? {
        switch v {
        case .none: return nil
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: throw pyError(.valueError, "negative_slope \(try Runtime.str(v)) not a valid number")
        }
    }
}
