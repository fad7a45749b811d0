import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// `t.new_zeros/new_ones/new_full/new_tensor`: new tensors whose dtype follows `t`
    /// unless `dtype=` is given (PyTorch's `Tensor.new_*` family).
    static func installFactories(on c: PyClass) {
        let tail = ["dtype=None", "device=None", "requires_grad=False", "layout=None", "pin_memory=False"]
        for (name, fill) in [("new_zeros", Scalar.int(0)), ("new_ones", Scalar.int(1)), ("new_empty", Scalar.int(0))] {
            method(c, name, ["*size"] + tail) { t, b in
                let shape = try TorchConvert.shape(b.varargs)
                let t = try Tensor.full(shape, value: fill, dtype: try TorchConvert.dtype(b["dtype"]) ?? t.dtype)
                return try TorchModule.withRequiresGrad(t, b)
            }
        }
        method(c, "new_full", ["size", "fill_value", "*"] + tail) { t, b in
            guard case .int = b["size"] else {
                guard let v = TorchConvert.scalar(b["fill_value"]) else {
                    throw pyError(.typeError, "new_full(): argument 'fill_value' (position 2) must be Number, not \(b["fill_value"].typeName)")
                }
                let shape = try TorchConvert.intList(b["size"], what: "new_full(): argument 'size' (position 1)")
                let made = try Tensor.full(shape, value: v, dtype: try TorchConvert.dtype(b["dtype"]) ?? t.dtype)
                return try TorchModule.withRequiresGrad(made, b)
            }
            throw pyError(.typeError, "new_full(): argument 'size' (position 1) must be tuple of ints, not int")
        }
        method(c, "new_tensor", ["data", "*"] + tail) { t, b in
            let made = try TorchConvert.tensor(fromData: b["data"], dtype: try TorchConvert.dtype(b["dtype"]) ?? t.dtype)
            return try TorchModule.withRequiresGrad(made, b)
        }
    }
}

extension TorchModule {
    /// `torch.isclose` and `Tensor.isclose`.
    static func installIsClose(_ m: PyModule) {
        let isclose = NativeFunction(name: "isclose") { args in
            .tensor(try iscloseBody(try args.bind(Signature(parsing: ["input", "other", "rtol=1e-05", "atol=1e-08", "equal_nan=False"]))))
        }
        m["isclose"] = .object(isclose)
        TorchTypes.tensor.setAttribute("isclose", .object(isclose))
    }

    /// PyTorch's rule: equal elements are close; otherwise a finite |input - other| must be
    /// <= atol + |rtol * other|. NaNs are close to each other only with `equal_nan`.
    /// `function` names the caller in argument errors (`allclose` is `isclose(...).all()`, as in PyTorch).
    static func iscloseBody(_ b: BoundArguments, function: String = "isclose") throws -> Tensor {
        let a = try TorchConvert.tensor(b["input"], function: function)
        let o = try TorchConvert.tensor(b["other"], function: function, argument: "other", position: 2)
        guard a.dtype == o.dtype else { throw pyError(.runtimeError, "\(a.dtype.kernelName) did not match \(o.dtype.kernelName)") }
        let rtol = try b.double("rtol"), atol = try b.double("atol")
        func shown(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d) }
        if rtol < 0 { throw pyError(.runtimeError, "rtol must be greater than or equal to zero, but got \(shown(rtol))") }
        if atol < 0 { throw pyError(.runtimeError, "atol must be greater than or equal to zero, but got \(shown(atol))") }
        var close = try Tensor.binary(.eq, .tensor(a), .tensor(o))
        if try b.bool("equal_nan"), a.dtype.isFloatingPoint {
            let aNaN = try Tensor.binary(.ne, .tensor(a), .tensor(a)), oNaN = try Tensor.binary(.ne, .tensor(o), .tensor(o))
            close = try Tensor.binary(.logicalOr, .tensor(close), .tensor(try Tensor.binary(.logicalAnd, .tensor(aNaN), .tensor(oNaN))))
        }
        if rtol == 0 && atol == 0 { return close }
        let x = a.dtype == .bool ? try a.to(DType.defaultFloat) : a
        let y = o.dtype == .bool ? try o.to(DType.defaultFloat) : o
        // The tolerances are used in the precision of the computation (float32 unless float64).
        let precision: (Double) -> Double = x.dtype == .float64 ? { $0 } : { Double(Float($0)) }
        let allowed = try Tensor.binary(.add, .scalar(.float(precision(atol))),
                                        .tensor(try Tensor.binary(.mul, .tensor(y), .scalar(.float(precision(rtol)))).abs()))
        let actual = try Tensor.binary(.sub, .tensor(x), .tensor(y)).abs()
        var within = try Tensor.binary(.le, .tensor(actual), .tensor(allowed))
        if actual.dtype.isFloatingPoint {
            let finite = try Tensor.binary(.ne, .tensor(actual), .scalar(.float(.infinity)))
            within = try Tensor.binary(.logicalAnd, .tensor(within), .tensor(finite))
        }
        return try Tensor.binary(.logicalOr, .tensor(close), .tensor(within))
    }
}
