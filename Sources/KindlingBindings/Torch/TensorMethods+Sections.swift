import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// index_fill(_), index_copy(_), tensor_split, hsplit/vsplit/dsplit, unique_consecutive.
    static func installSections(on c: PyClass) {
        for inPlace in [false, true] {
            let fill = inPlace ? "index_fill_" : "index_fill"
            method(c, fill, ["dim", "index", "value"]) { t, b in
                let index = try indexTensor(b["index"], fill, 2), dim = try b.int("dim")
                let value: Tensor.ScatterSource
                if let v = b["value"].tensorValue { value = .tensor(v) }
                else if let s = TorchConvert.scalar(b["value"]) { value = .value(s) }
                else { throw pyError(.typeError, "\(fill)(): argument 'value' must be Number, not \(b["value"].typeName)") }
                return .tensor(inPlace ? try t.indexFill_(dim: dim, index: index, value) : try t.indexFill(dim: dim, index: index, value))
            }
            let copy = inPlace ? "index_copy_" : "index_copy"
            method(c, copy, ["dim", "index", "source"]) { t, b in
                let index = try indexTensor(b["index"], copy, 2), dim = try b.int("dim")
                let source = try TorchConvert.tensor(b["source"], function: copy, argument: "source", position: 3)
                return .tensor(inPlace ? try t.indexCopy_(dim: dim, index: index, source: source)
                                       : try t.indexCopy(dim: dim, index: index, source: source))
            }
        }
        method(c, "tensor_split", ["indices_or_sections", "dim=0"]) { t, b in
            let arg = b["indices_or_sections"], dim = try b.int("dim")
            let parts: [Tensor]
            if case .int(let n) = arg { parts = try t.tensorSplit(sections: n, dim: dim) }
            else if let s = arg.tensorValue, s.dim == 0 { parts = try t.tensorSplit(sections: Int(try s.item().doubleValue), dim: dim) }
            else if let s = arg.tensorValue { parts = try t.tensorSplit(indices: try s.int64List().map { Int($0) }, dim: dim) }
            else { parts = try t.tensorSplit(indices: try TorchConvert.intList(arg, what: "tensor_split(): argument 'indices'"), dim: dim) }
            return .object(PyTuple(parts.map { .tensor($0) }))
        }
        for (name, minDims) in [("hsplit", 1), ("vsplit", 2), ("dsplit", 3)] {
            method(c, name, ["indices_or_sections"]) { t, b in
                guard t.dim >= minDims else {
                    throw pyError(.runtimeError, "torch.\(name) requires a tensor with at least \(minDims) dimension, but got a tensor with \(t.dim) dimensions!")
                }
                let dim = name == "hsplit" ? (t.dim == 1 ? 0 : 1) : (name == "vsplit" ? 0 : 2)
                let arg = b["indices_or_sections"]
                guard case .int(let n) = arg else {
                    let indices = try TorchConvert.intList(arg, what: "\(name)(): argument 'indices'")
                    return .object(PyTuple(try t.tensorSplit(indices: indices, dim: dim).map { .tensor($0) }))
                }
                guard n > 0, t.shape[dim] % n == 0 else {
                    throw pyError(.runtimeError, "torch.\(name) attempted to split along dimension \(dim), but the size of the dimension \(t.shape[dim]) is not divisible by the split_size \(n)!")
                }
                return .object(PyTuple(try t.tensorSplit(sections: n, dim: dim).map { .tensor($0) }))
            }
        }
        method(c, "unique_consecutive", ["return_inverse=False", "return_counts=False", "dim=None"]) { t, b in
            try uniqueConsecutiveResult(t, b)
        }
    }

    static func uniqueConsecutiveResult(_ t: Tensor, _ b: BoundArguments) throws -> Value {
        if !b["dim"].isNone && t.dim > 1 { throw notSupported("unique_consecutive(dim=...) of a tensor with several dims") }
        return try uniqueTuple(try t.uniqueConsecutive(), b)
    }
}

extension TorchModule {
    /// `torch.tril_indices`/`triu_indices`, `torch.atleast_1d/2d/3d`, `torch.unique_consecutive`.
    static func installSections(_ m: PyModule) {
        for (name, lower) in [("tril_indices", true), ("triu_indices", false)] {
            function(m, name, ["row", "col", "offset=0", "*", "dtype=None", "device=None", "layout=None"]) { b in
                let dtype = try TorchConvert.dtype(b["dtype"]) ?? .int64
                guard dtype.isIntegral else {
                    throw pyError(.notImplementedError, "\"\(name)\" not implemented for '\(dtype.kernelName)'")
                }
                let t = try Tensor.triangleIndices(rows: try b.int("row"), cols: try b.int("col"), offset: try b.int("offset"), lower: lower)
                return .tensor(try t.to(dtype))
            }
        }
        function(m, "unique_consecutive", ["input", "return_inverse=False", "return_counts=False", "dim=None"]) { b in
            try TensorMethods.uniqueConsecutiveResult(try TorchConvert.tensor(b["input"], function: "unique_consecutive"), b)
        }
        for (name, rank) in [("atleast_1d", 1), ("atleast_2d", 2), ("atleast_3d", 3)] {
            m[name] = .object(NativeFunction(name: name) { args in
                func promote(_ v: Value) throws -> Value {
                    guard let t = v.tensorValue else {
                        throw pyError(.typeError, "\(name)() received an invalid combination of arguments - got (\(v.typeName)), but expected one of:\n * (Tensor input)\n * (tuple of Tensors tensors)")
                    }
                    return .tensor(try Stacks.atLeast(t, rank))
                }
                if args.positional.count == 1, !args.positional[0].isTensorLike {
                    let items = args.positional[0].as(PyList.self)?.items ?? args.positional[0].as(PyTuple.self)?.items
                    if let items { return .object(PyTuple(try items.map(promote))) }
                }
                if args.positional.count == 1 { return try promote(args.positional[0]) }
                return .object(PyTuple(try args.positional.map(promote)))
            })
        }
    }
}

extension Value {
    /// Whether this value is a tensor (atleast_* take one tensor or a sequence of them).
    var isTensorLike: Bool { tensorValue != nil }
}

extension Stacks {
    /// PyTorch's atleast_1d/2d/3d of one tensor (views: reshape for 0-d, unsqueeze otherwise).
    static func atLeast(_ t: Tensor, _ rank: Int) throws -> Tensor {
        switch (rank, t.dim) {
        case (1, 0): return try t.reshape([1])
        case (2, _): return try atLeast2d(t)
        case (3, 0): return try t.reshape([1, 1, 1])
        case (3, 1): return try t.unsqueeze(0).unsqueeze(2)
        case (3, 2): return try t.unsqueeze(2)
        default: return t
        }
    }
}
