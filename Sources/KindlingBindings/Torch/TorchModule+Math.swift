import KindlingEngine
import KindlingLanguage

extension TorchModule {
    /// The math functions whose `torch.name(input, ...)` form calls `Tensor.name`.
    static let mathMethodForms = TensorMethods.inPlaceUnaries.map { $0.0 }.filter { !methodForms.contains($0) } + [
        "isnan", "isinf", "isfinite", "isreal", "nan_to_num", "nan_to_num_", "is_nonzero", "is_floating_point",
        "atan2", "arctan2", "logaddexp", "hypot", "addcmul", "addcdiv", "norm", "amax", "amin", "logsumexp",
        "nansum", "nanmean", "count_nonzero", "dist", "mv", "outer", "ger", "inner", "addmm",
    ]

    /// var_mean/std_mean, einsum, finfo/iinfo.
    static func installMath(_ m: PyModule) {
        for (name, isStd) in [("var_mean", false), ("std_mean", true)] {
            function(m, name, ["input", "dim=None", "unbiased=None", "keepdim=False", "*", "correction=None"]) { b in
                let x = try TorchConvert.tensor(b["input"], function: name)
                var dimValue = b["dim"], unbiased = b["unbiased"]
                // `var_mean(x, False)`: the second positional is `unbiased` in that overload.
                if case .bool = dimValue { unbiased = dimValue; dimValue = .none }
                var correction = unbiased.isNone ? 1 : (try unbiased.isTruthy() ? 1 : 0)
                if let given = try b.optionalInt("correction") { correction = given }
                let (spread, mean) = try x.spreadAndMean(dims: try TorchConvert.dims(dimValue), correction: correction,
                                                         keepdim: try b.bool("keepdim"), std: isStd)
                return .object(PyTuple([.tensor(spread), .tensor(mean)]))
            }
        }
        let einsum = NativeFunction(name: "einsum") { args in
            guard let equation = args.positional.first, case .str(let spec) = equation else {
                throw pyError(.typeError, "einsum(): argument 'equation' must be str")
            }
            var rest = Array(args.positional.dropFirst())
            if rest.count == 1, let list = rest[0].as(PyList.self) { rest = list.items }
            else if rest.count == 1, let tuple = rest[0].as(PyTuple.self) { rest = tuple.items }
            let operands = try rest.enumerated().map { i, v -> Tensor in
                guard let t = v.tensorValue else {
                    throw pyError(.typeError, "einsum(): argument 'operands' must be tuple of Tensors, but found element of type \(v.typeName) at pos \(i)")
                }
                return t
            }
            return .tensor(try Tensor.einsum(spec, operands))
        }
        m["einsum"] = .object(einsum)
        m["finfo"] = .object(NumericInfo.finfoClass)
        m["iinfo"] = .object(NumericInfo.iinfoClass)
    }

    /// `torch.linalg`: vector norms, and `norm` for vectors and Frobenius norms.
    static func linalg() -> PyModule {
        let m = PyModule(name: "torch.linalg")
        function(m, "vector_norm", ["x", "ord=2", "dim=None", "keepdim=False", "*", "dtype=None", "out=None"]) { b in
            var x = try TorchConvert.tensor(b["x"], function: "linalg_vector_norm", argument: "x")
            if let d = try TorchConvert.dtype(b["dtype"]) { x = try x.to(d) }
            let ord = try TensorMethods.normOrder(b["ord"], matrixAllowed: false)
            return .tensor(try x.vectorNorm(ord: ord, dims: try TorchConvert.dims(b["dim"]), keepdim: try b.bool("keepdim")))
        }
        function(m, "norm", ["A", "ord=None", "dim=None", "keepdim=False", "*", "out=None", "dtype=None"]) { b in
            var x = try TorchConvert.tensor(b["A"], function: "linalg_norm", argument: "A")
            if let d = try TorchConvert.dtype(b["dtype"]) { x = try x.to(d) }
            let dims = try TorchConvert.dims(b["dim"])
            let matrix = (dims?.count ?? x.dim) == 2
            var ord = 2.0
            if case .str(let s) = b["ord"] {
                guard s == "fro" else { throw notSupported("torch.linalg.norm(ord='\(s)')") }
            } else if !b["ord"].isNone {
                if matrix { throw notSupported("torch.linalg.norm of a matrix with a numeric ord") }
                ord = try TensorMethods.normOrder(b["ord"], matrixAllowed: false)
            }
            return .tensor(try x.vectorNorm(ord: ord, dims: dims, keepdim: try b.bool("keepdim")))
        }
        return m
    }
}
