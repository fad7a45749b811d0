import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// sum/mean/prod/std/var, max/min (three forms), argmax/argmin, cumsum, all/any.
    static func installReductions(on c: PyClass) {
        method(c, "sum", ["dim=None", "keepdim=False", "*", "dtype=None"]) { t, b in
            var r = try t.sum(dims: try TorchConvert.dims(b["dim"]), keepdim: try b.bool("keepdim"))
            if let d = try TorchConvert.dtype(b["dtype"]) { r = try r.to(d) }
            return .tensor(r)
        }
        method(c, "mean", ["dim=None", "keepdim=False", "*", "dtype=None"]) { t, b in
            var src = t
            if let d = try TorchConvert.dtype(b["dtype"]) { src = try t.to(d) }
            return .tensor(try src.mean(dims: try TorchConvert.dims(b["dim"]), keepdim: try b.bool("keepdim")))
        }
        method(c, "prod", ["dim=None", "keepdim=False"]) { t, b in
            .tensor(try t.prod(dim: try b.optionalInt("dim"), keepdim: try b.bool("keepdim")))
        }
        for (name, isStd) in [("std", true), ("var", false)] {
            method(c, name, ["dim=None", "unbiased=True", "keepdim=False", "*", "correction=None"]) { t, b in
                var correction = try b.bool("unbiased") ? 1 : 0
                if let given = try b.optionalInt("correction") { correction = given }
                let dims = try TorchConvert.dims(b["dim"]), keep = try b.bool("keepdim")
                return .tensor(isStd ? try t.std(dims: dims, correction: correction, keepdim: keep)
                                     : try t.variance(dims: dims, correction: correction, keepdim: keep))
            }
        }
        for isMax in [true, false] {
            let name = isMax ? "max" : "min"
            method(c, name, ["dim=None", "keepdim=False"]) { t, b in
                let arg = b["dim"]
                if arg.isNone { return .tensor(isMax ? try t.max() : try t.min()) }
                if let other = arg.tensorValue {
                    // t.max(other): elementwise maximum.
                    return .tensor(try Tensor.binary(isMax ? .maximum : .minimum, .tensor(t), .tensor(other)))
                }
                let d = try arg.asInt()
                let r = isMax ? try t.max(dim: d, keepdim: try b.bool("keepdim")) : try t.min(dim: d, keepdim: try b.bool("keepdim"))
                return ReturnTypes.valuesIndices(name, r.values, r.indices)
            }
        }
        for (name, isMax) in [("argmax", true), ("argmin", false)] {
            method(c, name, ["dim=None", "keepdim=False"]) { t, b in
                let d = try b.optionalInt("dim"), keep = try b.bool("keepdim")
                return .tensor(isMax ? try t.argmax(dim: d, keepdim: keep) : try t.argmin(dim: d, keepdim: keep))
            }
        }
        method(c, "cumsum", ["dim"]) { t, b in .tensor(try t.cumsum(dim: try b.int("dim"))) }
        method(c, "all", ["dim=None", "keepdim=False"]) { t, b in .tensor(try t.all(dim: try b.optionalInt("dim"), keepdim: try b.bool("keepdim"))) }
        method(c, "any", ["dim=None", "keepdim=False"]) { t, b in .tensor(try t.any(dim: try b.optionalInt("dim"), keepdim: try b.bool("keepdim"))) }
    }
}

/// `torch.return_types.max(values=..., indices=...)`: a named pair that
/// unpacks like a tuple and indexes with 0 and 1.
enum ReturnTypes {
    static let pyClassObject: PyClass = {
        let c = PyClass(native: "return_types", base: Builtins.tuple, module: "torch")
        c.define("__repr__") { args in
            guard let o = args.positional.first?.as(PyTuple.self), o.items.count == 2,
                  let name = o.attributes?["_name"].flatMap({ try? $0.asString() }) else { return .str("()") }
            let fields = [("values", try Runtime.repr(o.items[0])), ("indices", try Runtime.repr(o.items[1]))]
            return .str(TensorFormatter.returnTypesRepr(name, fields: fields.map { (name: $0.0, repr: $0.1) }))
        }
        c.defineProperty("values", get: { v in v.as(PyTuple.self)?.items.first ?? .none })
        c.defineProperty("indices", get: { v in v.as(PyTuple.self)?.items.last ?? .none })
        return c
    }()

    /// One class per op, as PyTorch's `torch.return_types.sort` etc. (`type(r).__name__`).
    nonisolated(unsafe) private static var classes: [String: PyClass] = [:]

    static func pyClass(_ name: String) -> PyClass {
        if let c = classes[name] { return c }
        let c = PyClass(native: name, base: pyClassObject, module: "torch.return_types")
        classes[name] = c
        return c
    }

    static func valuesIndices(_ name: String, _ values: Tensor, _ indices: Tensor) -> Value {
        let t = PyTuple([.tensor(values), .tensor(indices)])
        t.pyClass = pyClass(name)
        t.attributes = AttributeDict()
        t.attributes?["_name"] = .str(name)
        return .object(t)
    }
}
