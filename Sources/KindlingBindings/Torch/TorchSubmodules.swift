import KindlingEngine
import KindlingLanguage

/// `torch.autograd`, `torch.cuda`, `torch.backends`, `torch.accelerator`:
/// the submodules `import torch` binds, answering as a CPU-only build of
/// PyTorch 2.15 does (no CUDA, no MPS, no accelerator).
enum TorchSubmodules {
    static let loaders: [(String, (Interpreter) throws -> PyModule)] = [
        ("torch.autograd", { _ in autograd() }),
        ("torch.autograd.function", { _ in autogradFunction() }),
        ("torch.cuda", { _ in cuda() }),
        ("torch.backends", { _ in PyModule(name: "torch.backends") }),
        ("torch.backends.mps", { _ in flags("torch.backends.mps", ["is_available", "is_built"]) }),
        ("torch.backends.cudnn", { _ in cudnn() }),
        ("torch.accelerator", { _ in accelerator() }),
        ("torch.linalg", { _ in TorchModule.linalg() }),
    ]

    /// What `import torch` imports with it, as torch's `__init__` does.
    static let eager = ["torch.nn", "torch.nn.functional", "torch.nn.init", "torch.nn.utils", "torch.optim", "torch.optim.lr_scheduler", "torch.autograd", "torch.utils",
                        "torch.utils.data", "torch.cuda", "torch.backends", "torch.backends.mps",
                        "torch.backends.cudnn", "torch.accelerator", "torch.linalg"]

    static func autograd() -> PyModule {
        let m = PyModule(name: "torch.autograd")
        m["Function"] = .object(AutogradFunction.functionClass)
        m["no_grad"] = .object(GradModeContext.make(name: "no_grad", enabled: false))
        m["enable_grad"] = .object(GradModeContext.make(name: "enable_grad", enabled: true))
        TorchModule.function(m, "set_grad_enabled", ["mode"]) { b in
            _ = GradMode.set(try b.bool("mode"))
            return .none
        }
        AutogradGrad.install(m)
        return m
    }

    static func autogradFunction() -> PyModule {
        let m = PyModule(name: "torch.autograd.function")
        m["Function"] = .object(AutogradFunction.functionClass)
        m["FunctionCtx"] = .object(AutogradFunction.Context.pyClassObject)
        return m
    }

    /// A module of functions answering False (`is_available`, `is_built`, ...).
    static func flags(_ name: String, _ functions: [String]) -> PyModule {
        let m = PyModule(name: name)
        for f in functions { m.define(f) { _ in .bool(false) } }
        return m
    }

    static func cuda() -> PyModule {
        let m = flags("torch.cuda", ["is_available", "is_initialized", "is_bf16_supported"])
        m.define("device_count") { _ in .int(0) }
        for f in ["manual_seed", "manual_seed_all", "empty_cache", "seed", "seed_all"] { m.define(f) { _ in .none } }
        for f in ["current_device", "synchronize", "get_device_name", "set_device", "memory_allocated"] {
            m.define(f) { _ in throw pyError(.assertionError, "Torch not compiled with CUDA enabled") }
        }
        return m
    }

    static func cudnn() -> PyModule {
        let m = flags("torch.backends.cudnn", ["is_available"])
        m["enabled"] = .bool(true)
        m["benchmark"] = .bool(false)
        m["deterministic"] = .bool(false)
        return m
    }

    static func accelerator() -> PyModule {
        let m = flags("torch.accelerator", ["is_available"])
        m.define("current_accelerator") { _ in .none }
        m.define("device_count") { _ in .int(0) }
        return m
    }

    /// `torch.set_default_device`, `torch.get_default_device`, `Tensor.cuda()`.
    static func installDeviceFunctions(_ torch: PyModule) {
        TorchModule.function(torch, "set_default_device", ["device"]) { b in
            try DeviceObject.checkArgument(b["device"])
            return .none
        }
        TorchModule.function(torch, "get_default_device", []) { _ in .object(DeviceObject.cpu) }
        TorchTypes.tensor.define("cuda") { _ in throw pyError(.assertionError, "Torch not compiled with CUDA enabled") }
    }
}
