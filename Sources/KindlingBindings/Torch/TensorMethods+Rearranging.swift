import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// tril/triu, diag, diagonal, trace, flip/fliplr/flipud, roll, chunk, split,
    /// repeat_interleave, movedim/moveaxis, swapaxes/swapdims, broadcast_to, ravel.
    static func installRearranging(on c: PyClass) {
        for (name, lower) in [("tril", true), ("triu", false)] {
            method(c, name, ["diagonal=0"]) { t, b in .tensor(try t.triangle(lower: lower, diagonal: try b.int("diagonal"))) }
            method(c, name + "_", ["diagonal=0"]) { t, b in
                let k = try b.int("diagonal")
                return .tensor(try t.triangle_(lower: lower, diagonal: k))
            }
        }
        method(c, "diag", ["diagonal=0"]) { t, b in .tensor(try t.diag(try b.int("diagonal"))) }
        method(c, "diagonal", ["offset=0", "dim1=0", "dim2=1"]) { t, b in
            .tensor(try t.diagonal(offset: try b.int("offset"), dim1: try b.int("dim1"), dim2: try b.int("dim2")))
        }
        unary(c, "trace") { try $0.trace() }
        c.define("flip") { args in
            let t = try selfTensor(args, "flip")
            let rest = Array(args.positional.dropFirst())
            if let dims = args.keywords.first(where: { $0.0 == "dims" })?.1 {
                return .tensor(try t.flip(try TorchConvert.intList(dims, what: "flip(): argument 'dims'")))
            }
            guard !rest.isEmpty else { throw pyError(.typeError, "flip() missing 1 required positional arguments: \"dims\"") }
            return .tensor(try t.flip(try TorchConvert.shape(rest, what: "dims")))
        }
        unary(c, "fliplr") { t in
            guard t.dim >= 2 else { throw TensorError.runtime("Input must be >= 2-d.") }
            return try t.flip([1])
        }
        unary(c, "flipud") { t in
            guard t.dim >= 1 else { throw TensorError.runtime("Input must be >= 1-d.") }
            return try t.flip([0])
        }
        method(c, "roll", ["shifts", "dims=None"]) { t, b in
            let shifts = try TorchConvert.intList(b["shifts"], what: "roll(): argument 'shifts'")
            let dims = b["dims"].isNone ? [] : try TorchConvert.intList(b["dims"], what: "roll(): argument 'dims'")
            return .tensor(try t.roll(shifts, dims: dims))
        }
        method(c, "chunk", ["chunks", "dim=0"]) { t, b in
            .object(PyTuple(try t.chunk(try b.int("chunks"), dim: try b.int("dim")).map { .tensor($0) }))
        }
        method(c, "split", ["split_size", "dim=0"]) { t, b in
            let size = b["split_size"], dim = try b.int("dim")
            let parts = if case .int(let s) = size { try t.split(size: s, dim: dim) }
                        else { try t.split(sizes: try TorchConvert.intList(size, what: "split(): argument 'split_size'"), dim: dim) }
            return .object(PyTuple(parts.map { .tensor($0) }))
        }
        method(c, "split_with_sizes", ["split_sizes", "dim=0"]) { t, b in
            let sizes = try TorchConvert.intList(b["split_sizes"], what: "split_with_sizes(): argument 'split_sizes'")
            return .object(PyTuple(try t.split(sizes: sizes, dim: try b.int("dim")).map { .tensor($0) }))
        }
        method(c, "repeat_interleave", ["repeats", "dim=None", "*", "output_size=None"]) { t, b in
            let dim = try b.optionalInt("dim")
            if let r = b["repeats"].tensorValue { return .tensor(try t.repeatInterleave(r, dim: dim)) }
            return .tensor(try t.repeatInterleave(try b.int("repeats"), dim: dim))
        }
        for name in ["movedim", "moveaxis"] {
            method(c, name, ["source", "destination"]) { t, b in
                .tensor(try t.movedim(try TorchConvert.intList(b["source"], what: "\(name)(): argument 'source'"),
                                      try TorchConvert.intList(b["destination"], what: "\(name)(): argument 'destination'")))
            }
        }
        method(c, "swapaxes", ["axis0", "axis1"]) { t, b in .tensor(try t.transpose(try b.int("axis0"), try b.int("axis1"))) }
        method(c, "swapdims", ["dim0", "dim1"]) { t, b in .tensor(try t.transpose(try b.int("dim0"), try b.int("dim1"))) }
        c.define("broadcast_to") { args in
            let t = try selfTensor(args, "broadcast_to")
            let rest = Array(args.positional.dropFirst()) + args.keywords.filter { $0.0 == "size" }.map { $0.1 }
            return .tensor(try t.expand(try TorchConvert.shape(rest)))
        }
        unary(c, "ravel") { try $0.reshape([-1]) }
    }
}

/// `torch.hstack`/`vstack`/`column_stack`/`dstack`: promote to 1/2/3 dims as
/// PyTorch's atleast_* do, then concatenate (CatBackward0).
enum Stacks {
    static func join(_ value: Value, name: String, kind: Int) throws -> Tensor {
        let items: [Value]
        if let l = value.as(PyList.self) { items = l.items }
        else if let t = value.as(PyTuple.self) { items = t.items }
        else { throw pyError(.typeError, "\(name)(): argument 'tensors' (position 1) must be tuple of Tensors, not \(value.typeName)") }
        let tensors = try items.enumerated().map { i, v -> Tensor in
            guard let t = v.tensorValue else {
                throw pyError(.typeError, "expected Tensor as element \(i) in argument 0, but got \(v.typeName)")
            }
            return t
        }
        guard !tensors.isEmpty else { throw pyError(.runtimeError, "\(name) expects a non-empty TensorList") }
        switch kind {
        case 0:
            let parts = try tensors.map { $0.dim == 0 ? try $0.reshape([1]) : $0 }
            return try Tensor.cat(parts, dim: parts[0].dim == 1 ? 0 : 1)
        case 1:
            return try Tensor.cat(try tensors.map { try atLeast2d($0) }, dim: 0)
        case 2:
            return try Tensor.cat(try tensors.map { $0.dim <= 1 ? try $0.reshape([$0.numel, 1]) : $0 }, dim: 1)
        default:
            return try Tensor.cat(try tensors.map { t in
                switch t.dim {
                case 0: return try t.reshape([1, 1, 1])
                case 1: return try t.unsqueeze(0).unsqueeze(2)
                case 2: return try t.unsqueeze(2)
                default: return t
                }
            }, dim: 2)
        }
    }

    static func atLeast2d(_ t: Tensor) throws -> Tensor {
        switch t.dim {
        case 0: return try t.reshape([1, 1])
        case 1: return try t.unsqueeze(0)
        default: return t
        }
    }
}
