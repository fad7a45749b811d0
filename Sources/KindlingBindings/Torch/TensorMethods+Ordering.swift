import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// sort, argsort, topk, unique, bincount, median, mode, cummax/cummin, cumprod.
    static func installOrdering(on c: PyClass) {
        method(c, "sort", ["dim=-1", "descending=False", "*", "stable=False"]) { t, b in
            let r = try t.sort(dim: try b.int("dim"), descending: try b.bool("descending"))
            return ReturnTypes.valuesIndices("sort", r.values, r.indices)
        }
        method(c, "argsort", ["dim=-1", "descending=False", "*", "stable=False"]) { t, b in
            .tensor(try t.argsort(dim: try b.int("dim"), descending: try b.bool("descending")))
        }
        method(c, "msort") { t, _ in .tensor(try t.sort(dim: 0).values) }
        method(c, "topk", ["k", "dim=-1", "largest=True", "sorted=True"]) { t, b in
            let r = try t.topk(try b.int("k"), dim: try b.int("dim"), largest: try b.bool("largest"), sorted: try b.bool("sorted"))
            return ReturnTypes.valuesIndices("topk", r.values, r.indices)
        }
        method(c, "unique", ["sorted=True", "return_inverse=False", "return_counts=False", "dim=None"]) { t, b in
            try uniqueResult(t, b)
        }
        method(c, "bincount", ["weights=None", "minlength=0"]) { t, b in
            let w = b["weights"].isNone ? nil : try TorchConvert.tensor(b["weights"], function: "bincount", argument: "weights", position: 1)
            return .tensor(try t.bincount(weights: w, minlength: try b.int("minlength")))
        }
        method(c, "median", ["dim=None", "keepdim=False"]) { t, b in
            guard let d = try b.optionalInt("dim") else { return .tensor(try t.median()) }
            let r = try t.median(dim: d, keepdim: try b.bool("keepdim"))
            return ReturnTypes.valuesIndices("median", r.values, r.indices)
        }
        method(c, "mode", ["dim=-1", "keepdim=False"]) { t, b in
            let r = try t.mode(dim: try b.int("dim"), keepdim: try b.bool("keepdim"))
            return ReturnTypes.valuesIndices("mode", r.values, r.indices)
        }
        for (name, isMax) in [("cummax", true), ("cummin", false)] {
            method(c, name, ["dim"]) { t, b in
                let r = try t.cumulativeExtremum(dim: try b.int("dim"), isMax: isMax)
                return ReturnTypes.valuesIndices(name, r.values, r.indices)
            }
        }
        method(c, "cumprod", ["dim", "*", "dtype=None"]) { t, b in
            var src = t
            if let d = try TorchConvert.dtype(b["dtype"]) { src = try t.to(d) }
            return .tensor(try src.cumprod(dim: try b.int("dim")))
        }
    }

    /// `unique(...)`: the values, then the inverse and counts when asked (a tuple then).
    static func uniqueResult(_ t: Tensor, _ b: BoundArguments) throws -> Value {
        if !b["dim"].isNone { throw notSupported("unique(dim=...)") }
        return try uniqueTuple(try t.unique(), b)
    }

    /// The values alone, or a tuple with the inverse and counts `return_inverse`/`return_counts` ask for.
    static func uniqueTuple(_ r: (values: Tensor, inverse: Tensor, counts: Tensor), _ b: BoundArguments) throws -> Value {
        let inverse = try b.bool("return_inverse"), counts = try b.bool("return_counts")
        if !inverse && !counts { return .tensor(r.values) }
        var items: [Value] = [.tensor(r.values)]
        if inverse { items.append(.tensor(r.inverse)) }
        if counts { items.append(.tensor(r.counts)) }
        return .object(PyTuple(items))
    }
}

extension TorchModule {
    /// `torch.sort`, `torch.topk`, ... call the Tensor methods of the same name;
    /// `torch.searchsorted`, `torch.bincount`, `torch.unique` and the stacks are functions here.
    static let orderingMethodForms = [
        "gather", "take_along_dim", "index_select", "take", "masked_select", "nonzero", "argwhere", "masked_fill",
        "scatter", "scatter_add", "index_add", "sort", "argsort", "msort", "topk", "bincount", "median", "mode",
        "cummax", "cummin", "cumprod", "tril", "triu", "diag", "diagonal", "trace", "flip", "fliplr", "flipud",
        "roll", "chunk", "split", "repeat_interleave", "movedim", "moveaxis", "swapaxes", "swapdims",
        "broadcast_to", "ravel", "index_fill", "index_copy", "tensor_split", "hsplit", "vsplit", "dsplit",
    ]

    static func installOrdering(_ m: PyModule) {
        function(m, "unique", ["input", "sorted=True", "return_inverse=False", "return_counts=False", "dim=None"]) { b in
            try TensorMethods.uniqueResult(try TorchConvert.tensor(b["input"], function: "unique"), b)
        }
        function(m, "searchsorted", ["sorted_sequence", "input", "*", "out_int32=False", "right=False", "side=None", "sorter=None"]) { b in
            let boundaries = try TorchConvert.tensor(b["sorted_sequence"], function: "searchsorted", argument: "sorted_sequence")
            if !b["sorter"].isNone { throw notSupported("searchsorted(sorter=...)") }
            var right = try b.bool("right")
            if let side = try b.optionalString("side") {
                guard side == "left" || side == "right" else {
                    throw pyError(.runtimeError, "torch.searchsorted(): side can only be 'left' or 'right' but got \(side)")
                }
                if right && side == "left" {
                    throw pyError(.runtimeError, "torch.searchsorted(): side and right can't be set to opposites, got side of left while right was True")
                }
                right = side == "right"
            }
            let values: Tensor
            if let t = b["input"].tensorValue { values = t }
            else if let s = TorchConvert.scalar(b["input"]) { values = try Tensor.full([], value: s) }
            else { throw pyError(.typeError, "searchsorted(): argument 'input' (position 2) must be Tensor, not \(b["input"].typeName)") }
            return .tensor(try Tensor.searchsorted(boundaries, values, right: right, int32: try b.bool("out_int32")))
        }
        let repeatInterleave = m["repeat_interleave"]
        function(m, "repeat_interleave", ["input", "repeats=None", "dim=None", "*", "output_size=None"]) { b in
            // torch.repeat_interleave(repeats): the indices repeated.
            if b["repeats"].isNone, let counts = b["input"].tensorValue {
                return .tensor(try Tensor.repeatIndices(try counts.reshape([counts.numel]).int64List()))
            }
            guard let f = repeatInterleave else { throw notSupported("torch.repeat_interleave") }
            return try Runtime.call(f, [b["input"], b["repeats"]], [("dim", b["dim"])])
        }
        installSections(m)
        for (name, kind) in [("hstack", 0), ("vstack", 1), ("row_stack", 1), ("column_stack", 2), ("dstack", 3)] {
            function(m, name, ["tensors"]) { b in .tensor(try Stacks.join(b["tensors"], name: name, kind: kind)) }
        }
    }
}

extension Tensor {
    /// Elements as Ints (for small index tensors read by bindings).
    func int64List() throws -> [Int64] { try to(.int64).scalars().map { if case .int(let v) = $0 { return v } else { return 0 } } }
}
