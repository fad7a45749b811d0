import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// gather, index_select, take, masked_select, nonzero, masked_fill(_),
    /// scatter(_), scatter_add(_), index_add(_).
    static func installSelection(on c: PyClass) {
        method(c, "gather", ["dim", "index", "*", "sparse_grad=False"]) { t, b in
            .tensor(try t.gather(dim: try b.int("dim"), index: try indexTensor(b["index"], "gather", 2)))
        }
        method(c, "take_along_dim", ["indices", "dim=None"]) { t, b in
            let index = try indexTensor(b["indices"], "take_along_dim", 1)
            guard let d = try b.optionalInt("dim") else { return .tensor(try t.reshape([t.numel]).take(index.reshape([index.numel]))) }
            return .tensor(try t.gather(dim: d, index: index))
        }
        method(c, "index_select", ["dim", "index"]) { t, b in
            .tensor(try t.indexSelect(dim: try b.int("dim"), index: try indexTensor(b["index"], "index_select", 2)))
        }
        method(c, "take", ["index"]) { t, b in .tensor(try t.take(try indexTensor(b["index"], "take", 1))) }
        method(c, "masked_select", ["mask"]) { t, b in
            .tensor(try t.maskedSelect(try TorchConvert.tensor(b["mask"], function: "masked_select", argument: "mask", position: 1)))
        }
        method(c, "nonzero", ["*", "as_tuple=False"]) { t, b in
            if try b.bool("as_tuple") { return .object(PyTuple(try t.nonzeroTuple().map { .tensor($0) })) }
            return .tensor(try t.nonzero())
        }
        method(c, "argwhere") { t, _ in .tensor(try t.nonzero()) }
        for inPlace in [false, true] {
            let name = inPlace ? "masked_fill_" : "masked_fill"
            method(c, name, ["mask", "value"]) { t, b in
                let mask = try TorchConvert.tensor(b["mask"], function: name, argument: "mask", position: 1)
                let value = try fillValue(b["value"], name)
                return .tensor(inPlace ? try t.maskedFill_(mask, value) : try t.maskedFill(mask, value))
            }
            let scatter = inPlace ? "scatter_" : "scatter"
            method(c, scatter, ["dim", "index", "src=None", "*", "value=None", "reduce=None"]) { t, b in
                if !b["reduce"].isNone { throw notSupported("\(scatter)(reduce=...)") }
                let source: Tensor.ScatterSource
                if let s = b["src"].tensorValue { source = .tensor(s) }
                else if let v = TorchConvert.scalar(b["src"]) ?? TorchConvert.scalar(b["value"]) { source = .value(v) }
                else {
                    throw pyError(.typeError, "\(scatter)() received an invalid combination of arguments - got (\(b["src"].typeName)), but expected one of: (int dim, Tensor index, Tensor src) or (int dim, Tensor index, Number value)")
                }
                let dim = try b.int("dim"), index = try indexTensor(b["index"], scatter, 2)
                return .tensor(inPlace ? try t.scatter_(dim: dim, index: index, source) : try t.scatter(dim: dim, index: index, source))
            }
            let scatterAdd = inPlace ? "scatter_add_" : "scatter_add"
            method(c, scatterAdd, ["dim", "index", "src"]) { t, b in
                let src = try TorchConvert.tensor(b["src"], function: scatterAdd, argument: "src", position: 3)
                let dim = try b.int("dim"), index = try indexTensor(b["index"], scatterAdd, 2)
                return .tensor(inPlace ? try t.scatter_(dim: dim, index: index, .tensor(src), accumulate: true)
                                       : try t.scatter(dim: dim, index: index, .tensor(src), accumulate: true))
            }
            let indexAdd = inPlace ? "index_add_" : "index_add"
            method(c, indexAdd, ["dim", "index", "source", "*", "alpha=1"]) { t, b in
                let src = try TorchConvert.tensor(b["source"], function: indexAdd, argument: "source", position: 3)
                guard let alpha = TorchConvert.scalar(b["alpha"]) else {
                    throw pyError(.typeError, "\(indexAdd)(): argument 'alpha' must be Number, not \(b["alpha"].typeName)")
                }
                let dim = try b.int("dim"), index = try indexTensor(b["index"], indexAdd, 2)
                return .tensor(inPlace ? try t.indexAdd_(dim: dim, index: index, source: src, alpha: alpha)
                                       : try t.indexAdd(dim: dim, index: index, source: src, alpha: alpha))
            }
        }
    }

    /// An index argument: a tensor (PyTorch takes no lists here).
    static func indexTensor(_ v: Value, _ function: String, _ position: Int) throws -> Tensor {
        try TorchConvert.tensor(v, function: function, argument: "index", position: position)
    }

    /// masked_fill's value: a Python number or a tensor (0-d checked by the engine).
    static func fillValue(_ v: Value, _ function: String) throws -> Tensor.ScatterSource {
        if let t = v.tensorValue { return .tensor(t) }
        if let s = TorchConvert.scalar(v) { return .value(s) }
        throw pyError(.typeError, "\(function.hasSuffix("_") ? function : function)() received an invalid combination of arguments - got (Tensor, \(v.typeName)), but expected one of:\n * (Tensor mask, Tensor value)\n      didn't match because some of the arguments have invalid types: (Tensor, !\(v.typeName)!)\n * (Tensor mask, Number value)\n      didn't match because some of the arguments have invalid types: (Tensor, !\(v.typeName)!)\n")
    }
}
