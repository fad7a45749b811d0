import KindlingEngine
import KindlingLanguage

/// `nn.Unflatten(dim, unflattened_size)`: a view splitting one dimension into several
/// (one size may be -1), as `Tensor.unflatten`.
enum UnflattenLayer {
    static let unflatten: PyClass = {
        let c = Layers.layerClass("Unflatten", module: "torch.nn.modules.flatten")
        let sig = Signature(parsing: ["self", "dim", "unflattened_size"])
        c.define("__init__") { args in
            let b = try args.bind(sig)
            let m = try ModuleClass.selfModule(args)
            let sizes = try TorchConvert.intList(b["unflattened_size"], what: "unflattened_size")
            m.attributes?["dim"] = .int(try b.int("dim"))
            m.attributes?["unflattened_size"] = .object(PyTuple(sizes.map { .int($0) }))
            return .none
        }
        c.define("forward") { args in
            let m = try ModuleClass.selfModule(args)
            guard args.count == 2 else {
                throw pyError(.typeError, "Unflatten.forward() takes 2 positional arguments but \(args.count) were given")
            }
            let x = try TorchConvert.tensor(try args[1], function: "unflatten")
            let sizes = try TorchConvert.intList(m.attributes?["unflattened_size"] ?? .none, what: "unflattened_size")
            var dim = try (m.attributes?["dim"] ?? .int(0)).asInt()
            guard x.dim > 0 else { throw pyError(.runtimeError, "Dimension specified as \(dim) but tensor has no dimensions") }
            if dim < 0 { dim += x.dim }
            guard dim >= 0 && dim < x.dim else {
                throw pyError(.indexError, "Dimension out of range (expected to be in range of [\(-x.dim), \(x.dim - 1)], but got \(dim))")
            }
            let known = sizes.filter { $0 != -1 }.reduce(1, *)
            if !sizes.contains(-1) && known != x.shape[dim] {
                throw pyError(.runtimeError, "unflatten: Provided sizes \(Shape.describe(sizes)) don't multiply up to the size of dim \(dim) (\(x.shape[dim])) in the input tensor")
            }
            return .tensor(try x.view(Array(x.shape[..<dim]) + sizes + Array(x.shape[(dim + 1)...])))
        }
        c.define("extra_repr") { args in
            let a = try ModuleClass.selfModule(args).attributes
            return .str("dim=\(try Runtime.str(a?["dim"] ?? .int(0))), unflattened_size=\(try Runtime.repr(a?["unflattened_size"] ?? .none))")
        }
        return c
    }()
}
