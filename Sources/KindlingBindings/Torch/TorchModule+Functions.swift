import KindlingEngine
import KindlingLanguage

extension TorchModule {
    /// `torch.sum(x, 1)` and friends call the Tensor method of the same name.
    static let methodForms = [
        "abs", "sqrt", "exp", "log", "sigmoid", "tanh", "relu", "floor", "ceil", "round", "clamp", "clip", "neg",
        "negative", "reciprocal", "square", "sin", "cos", "sum", "mean", "prod", "std", "var", "max", "min",
        "argmax", "argmin", "cumsum", "all", "any", "matmul", "mm", "dot", "softmax", "log_softmax", "maximum",
        "minimum", "add", "sub", "subtract", "mul", "multiply", "div", "divide", "true_divide", "floor_divide",
        "remainder", "fmod", "pow", "eq", "ne", "lt", "le", "gt", "ge", "flatten", "reshape", "transpose", "permute",
        "squeeze", "unsqueeze", "t", "lerp", "equal", "logical_not", "logical_and", "logical_or", "logical_xor",
        "unbind", "narrow", "select", "clone", "detach", "clamp_min", "clamp_max", "bmm",
    ]

    static func installFunctionForms(_ m: PyModule) {
        for name in methodForms + orderingMethodForms + mathMethodForms {
            m[name] = .object(NativeFunction(name: name) { args in
                // PyTorch's signatures name the tensor `input` (`torch.matmul(input=a, other=b)`)
                // and take an `out=` tensor for the result.
                var positional = args.positional
                let keywords = args.keywords.filter { $0.0 != "input" && $0.0 != "out" }
                if let i = args.keywords.firstIndex(where: { $0.0 == "input" }) {
                    if !positional.isEmpty {
                        throw pyError(.typeError, "\(name)() got multiple values for argument 'input'")
                    }
                    positional.insert(args.keywords[i].1, at: 0)
                }
                let out = args.keywords.first { $0.0 == "out" }?.1
                guard let first = positional.first else {
                    throw pyError(.typeError, "\(name)() missing 1 required positional argument: 'input'")
                }
                guard first.tensorValue != nil else {
                    throw pyError(.typeError, "\(name)(): argument 'input' (position 1) must be Tensor, not \(first.typeName)")
                }
                guard let method = TorchTypes.tensor.lookup(name) else { throw notSupported("torch.\(name)") }
                let result = try Runtime.call(method, positional, keywords)
                guard let out, !out.isNone else { return result }
                return try OutArgument.store(result, into: out, function: name)
            })
        }
        function(m, "where", ["condition", "input", "other"]) { b in
            let cond = try TorchConvert.tensor(b["condition"], function: "where", argument: "condition")
            return .tensor(try Tensor.where_(cond, try TorchConvert.operand(b["input"], op: "where"),
                                             try TorchConvert.operand(b["other"], op: "where")))
        }
        let allclose = NativeFunction(name: "allclose") { args in
            try allcloseBody(try args.bind(Signature(parsing: ["input", "other", "rtol=1e-05", "atol=1e-08", "equal_nan=False"])))
        }
        m["allclose"] = .object(allclose)
        TorchTypes.tensor.setAttribute("allclose", .object(allclose))
    }

    /// `torch.allclose` / `Tensor.allclose`: `isclose(...).all()`, as PyTorch defines it.
    static func allcloseBody(_ b: BoundArguments) throws -> Value {
        .bool(try iscloseBody(b, function: "allclose").all().item().doubleValue != 0)
    }

    static func installJoining(_ m: PyModule) {
        for name in ["cat", "concat", "concatenate", "stack"] {
            function(m, name, ["tensors", "dim=0"]) { b in
                let items: [Value]
                if let l = b["tensors"].as(PyList.self) { items = l.items }
                else if let t = b["tensors"].as(PyTuple.self) { items = t.items }
                else {
                    throw pyError(.typeError, "\(name)(): argument 'tensors' (position 1) must be tuple of Tensors, not \(b["tensors"].typeName)")
                }
                let tensors = try items.enumerated().map { i, v -> Tensor in
                    guard let t = v.tensorValue else {
                        throw pyError(.typeError, "expected Tensor as element \(i) in argument 0, but got \(v.typeName)")
                    }
                    return t
                }
                let dim = try b.int("dim")
                return .tensor(name == "stack" ? try Tensor.stack(tensors, dim: dim) : try Tensor.cat(tensors, dim: dim))
            }
        }
    }

    // MARK: - Grad mode

    static func installGradMode(_ m: PyModule) {
        m["no_grad"] = .object(GradModeContext.make(name: "no_grad", enabled: false))
        m["enable_grad"] = .object(GradModeContext.make(name: "enable_grad", enabled: true))
        m["inference_mode"] = .object(GradModeContext.make(name: "inference_mode", enabled: false))
        function(m, "is_grad_enabled", []) { _ in .bool(GradMode.isEnabled) }
        function(m, "set_grad_enabled", ["mode"]) { b in
            _ = GradMode.set(try b.bool("mode"))
            return .none
        }
    }
}

/// `with torch.no_grad():` and `@torch.no_grad()`: a context manager that sets
/// the grad mode and restores the previous one on exit (also on exceptions).
final class GradModeContext: PyObject {
    let enabled: Bool
    var previous: [Bool] = []

    init(cls: PyClass, enabled: Bool) {
        self.enabled = enabled
        super.init(pyClass: cls)
    }

    static func make(name: String, enabled: Bool) -> PyClass {
        let c = PyClass(native: name, module: "torch")
        c.factory = { cls in GradModeContext(cls: cls, enabled: enabled) }
        c.define("__init__") { _ in .none }
        c.define("__enter__") { args in
            let o = try args.selfObject(GradModeContext.self)
            o.previous.append(GradMode.set(o.enabled))
            return .none
        }
        c.define("__exit__") { args in
            let o = try args.selfObject(GradModeContext.self)
            _ = GradMode.set(o.previous.popLast() ?? true)
            return .bool(false)
        }
        c.define("__call__") { args in
            // Used as a decorator: wrap the function so every call runs in this mode.
            let o = try args.selfObject(GradModeContext.self)
            guard args.count > 1 else { throw pyError(.typeError, "\(name)() decorator expects a function") }
            let fn = (try args[1])
            return .object(NativeFunction(name: "wrapper") { inner in
                let before = GradMode.set(o.enabled)
                defer { _ = GradMode.set(before) }
                return try Runtime.call(fn, inner.positional, inner.keywords)
            })
        }
        return c
    }
}
