import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// view/reshape/transpose/permute/squeeze/unsqueeze/expand/flatten, size(), dim(), numel().
    static func installShape(on c: PyClass) {
        for name in ["view", "reshape"] {
            c.define(name) { args in
                let t = try selfTensor(args, name)
                let rest = Array(args.positional.dropFirst())
                if rest.count == 1, let dt = rest[0].as(DTypeObject.self) {
                    if dt.dtype == t.dtype { return .tensor(try t.view(t.shape)) }
                    throw notSupported("view(dtype) reinterpreting \(t.dtype) as \(dt.dtype)")
                }
                let shape = try TorchConvert.shape(rest, what: "shape")
                return .tensor(name == "view" ? try t.view(shape) : try t.reshape(shape))
            }
        }
        for (name, fn) in [("view_as", { (t: Tensor, o: Tensor) in try t.view(o.shape) }),
                           ("reshape_as", { (t: Tensor, o: Tensor) in try t.reshape(o.shape) }),
                           ("expand_as", { (t: Tensor, o: Tensor) in try t.expand(o.shape) })] {
            method(c, name, ["other"]) { t, b in .tensor(try fn(t, try TorchConvert.tensor(b["other"], function: name, argument: "other"))) }
        }
        c.define("expand") { args in
            let t = try selfTensor(args, "expand")
            return .tensor(try t.expand(try TorchConvert.shape(Array(args.positional.dropFirst()))))
        }
        c.define("permute") { args in
            let t = try selfTensor(args, "permute")
            return .tensor(try t.permute(try TorchConvert.shape(Array(args.positional.dropFirst()), what: "dims")))
        }
        c.define("repeat") { args in
            let t = try selfTensor(args, "repeat")
            return .tensor(try Repeat.apply(t, try TorchConvert.shape(Array(args.positional.dropFirst()), what: "repeats")))
        }
        unary(c, "t") { try $0.t() }
        method(c, "transpose", ["dim0", "dim1"]) { t, b in .tensor(try t.transpose(try b.int("dim0"), try b.int("dim1"))) }
        method(c, "unsqueeze", ["dim"]) { t, b in .tensor(try t.unsqueeze(try b.int("dim"))) }
        method(c, "squeeze", ["dim=None"]) { t, b in .tensor(try t.squeeze(try b.optionalInt("dim"))) }
        method(c, "flatten", ["start_dim=0", "end_dim=-1"]) { t, b in
            .tensor(try t.flatten(startDim: try b.int("start_dim"), endDim: try b.int("end_dim")))
        }
        method(c, "narrow", ["dim", "start", "length"]) { t, b in
            .tensor(try t.narrow(dim: try b.int("dim"), start: try b.int("start"), length: try b.int("length")))
        }
        method(c, "select", ["dim", "index"]) { t, b in .tensor(try t.select(dim: try b.int("dim"), index: try b.int("index"))) }
        method(c, "unbind", ["dim=0"]) { t, b in .object(PyTuple(try t.unbind(try b.int("dim")).map { .tensor($0) })) }
        method(c, "size", ["dim=None"]) { t, b in
            if let d = try b.optionalInt("dim") { return .int(try t.size(d)) }
            return TorchConvert.sizeValue(t.shape)
        }
        method(c, "stride", ["dim=None"]) { t, b in
            if let d = try b.optionalInt("dim") { return .int(try t.stride(d)) }
            return .object(PyTuple(t.strides.map { .int($0) }))
        }
        method(c, "dim") { t, _ in .int(t.dim) }
        method(c, "ndimension") { t, _ in .int(t.dim) }
        method(c, "numel") { t, _ in .int(t.numel) }
        method(c, "nelement") { t, _ in .int(t.numel) }
        method(c, "element_size") { t, _ in .int(t.dtype.itemSize) }
        method(c, "is_contiguous") { t, _ in .bool(t.isContiguous) }
        method(c, "storage_offset") { t, _ in .int(t.storageOffset) }
        unary(c, "contiguous") { try $0.contiguous() }
    }
}

/// `t.repeat(*sizes)`: tiles the tensor (a copy), built from expand + reshape.
enum Repeat {
    static func apply(_ t: Tensor, _ repeats: [Int]) throws -> Tensor {
        if repeats.count < t.dim {
            throw TensorError.runtime("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor")
        }
        let lead = repeats.count - t.dim
        let src = try t.reshape([Int](repeating: 1, count: lead) + t.shape)
        // Interleave a repeat axis before each dim: [r0, s0, r1, s1, ...].
        var viewShape: [Int] = [], expanded: [Int] = [], final: [Int] = []
        for (i, r) in repeats.enumerated() {
            let s = src.shape[i]
            viewShape += [1, s]
            expanded += [r, s]
            final.append(r * s)
        }
        return try src.reshape(viewShape).expand(expanded).contiguous().reshape(final)
    }
}
