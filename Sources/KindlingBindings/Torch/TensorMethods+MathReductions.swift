import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// norm, amax/amin, logsumexp, nansum/nanmean, count_nonzero, dist and the
    /// products mv, outer/ger, inner, addmm.
    static func installMathReductions(on c: PyClass) {
        method(c, "norm", ["p='fro'", "dim=None", "keepdim=False", "dtype=None"]) { t, b in
            let p = try normOrder(b["p"], matrixAllowed: true)
            var x = t
            if let d = try TorchConvert.dtype(b["dtype"]) { x = try t.to(d) }
            return .tensor(try x.vectorNorm(ord: p, dims: try TorchConvert.dims(b["dim"]), keepdim: try b.bool("keepdim")))
        }
        for (name, isMax) in [("amax", true), ("amin", false)] {
            method(c, name, ["dim=()", "keepdim=False"]) { t, b in
                let dims = try TorchConvert.dims(b["dim"])
                let keep = try b.bool("keepdim")
                return .tensor(isMax ? try t.amax(dims: dims, keepdim: keep) : try t.amin(dims: dims, keepdim: keep))
            }
        }
        method(c, "logsumexp", ["dim", "keepdim=False"]) { t, b in
            .tensor(try t.logsumexp(dims: try TorchConvert.dims(b["dim"]) ?? [], keepdim: try b.bool("keepdim")))
        }
        method(c, "nansum", ["dim=None", "keepdim=False", "*", "dtype=None"]) { t, b in
            var x = t
            if let d = try TorchConvert.dtype(b["dtype"]) { x = try t.to(d) }
            return .tensor(try x.nansum(dims: try TorchConvert.dims(b["dim"]), keepdim: try b.bool("keepdim")))
        }
        method(c, "nanmean", ["dim=None", "keepdim=False", "*", "dtype=None"]) { t, b in
            var x = t
            if let d = try TorchConvert.dtype(b["dtype"]) { x = try t.to(d) }
            guard x.dtype.isFloatingPoint else {
                throw pyError(.runtimeError, "nanmean(): expected input to have floating point or complex dtype but got \(x.dtype.kernelName)")
            }
            // PyTorch's composition: nansum / count of non-NaN (DivBackward0).
            let dims = try TorchConvert.dims(b["dim"]), keep = try b.bool("keepdim")
            let count = try x.isNaN().logicalNotBool().sum(dims: dims, keepdim: keep)
            return .tensor(try Tensor.binary(.div, .tensor(try x.nansum(dims: dims, keepdim: keep)), .tensor(count)))
        }
        method(c, "count_nonzero", ["dim=None"]) { t, b in
            let nonzero = try Tensor.binary(.ne, .tensor(t), .scalar(.int(0)))
            return .tensor(try nonzero.sum(dims: try TorchConvert.dims(b["dim"])))
        }
        method(c, "dist", ["other", "p=2"]) { t, b in
            let other = try TorchConvert.tensor(b["other"], function: "dist", argument: "other")
            return .tensor(try t.distance(to: other, p: try b.double("p")))
        }
        method(c, "mv", ["vec"]) { t, b in .tensor(try t.mv(try TorchConvert.tensor(b["vec"], function: "mv", argument: "vec"))) }
        for name in ["outer", "ger"] {
            method(c, name, ["vec2"]) { t, b in .tensor(try t.outer(try TorchConvert.tensor(b["vec2"], function: name, argument: "vec2"))) }
        }
        method(c, "inner", ["other"]) { t, b in .tensor(try t.inner(try TorchConvert.tensor(b["other"], function: "inner", argument: "other"))) }
        for inPlace in [false, true] {
            let name = inPlace ? "addmm_" : "addmm"
            method(c, name, ["mat1", "mat2", "*", "beta=1", "alpha=1"]) { t, b in
                let m1 = try TorchConvert.tensor(b["mat1"], function: name, argument: "mat1")
                let m2 = try TorchConvert.tensor(b["mat2"], function: name, argument: "mat2", position: 2)
                let run = { (x: Tensor) in try Tensor.addmm(x, m1, m2, beta: try b.double("beta"), alpha: try b.double("alpha")) }
                return inPlace ? .tensor(try t.applyInPlace_(run)) : .tensor(try run(t))
            }
        }
    }

    /// A norm order: a number, 'fro' (2 over the given dims), or PyTorch's refusals.
    static func normOrder(_ v: Value, matrixAllowed: Bool) throws -> Double {
        if v.isNone { return 2 }
        if let s = try? v.asString() {
            if s == "fro" { return 2 }
            if s == "nuc" { throw notSupported("the nuclear norm (p='nuc')") }
            throw pyError(.runtimeError, "linalg.matrix_norm: Order \(s) not supported.")
        }
        guard let s = TorchConvert.scalar(v) else {
            throw pyError(.typeError, "norm(): argument 'p' must be Number, not \(v.typeName)")
        }
        return s.doubleValue
    }
}
