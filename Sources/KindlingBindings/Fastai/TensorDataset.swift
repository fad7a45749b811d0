import KindlingEngine
import KindlingLanguage

/// `torch.utils.data.TensorDataset(*tensors)`: item `i` is the tuple of
/// `tensor[i]` for each tensor, as PyTorch's. A DataLoader over it gathers
/// rows in Swift like a list of tuples of tensors (see `DataLoaderObject`).
final class TensorDatasetObject: PyObject {
    let tensors: [Tensor]
    /// The values given (tensors or parameters), returned by `.tensors`.
    let values: [Value]

    init(_ values: [Value], tensors: [Tensor], pyClass: PyClass) {
        self.values = values
        self.tensors = tensors
        super.init(pyClass: pyClass)
    }

    /// The rows of every tensor as views, column-wise (for `TensorColumns`).
    func rowViews() throws -> [[Tensor]] { try tensors.map { try $0.unbind(0) } }

    static let pyClass: PyClass = {
        let c = PyClass(native: "TensorDataset", module: "torch.utils.data.dataset")
        c.constructor = { args in
            if !args.keywords.isEmpty, let k = args.keywords.first?.0 {
                throw pyError(.typeError, "TensorDataset.__init__() got an unexpected keyword argument '\(k)'")
            }
            var tensors: [Tensor] = []
            for v in args.positional {
                guard let t = v.tensorValue else { throw pyError(.attributeError, "'\(v.typeName)' object has no attribute 'size'") }
                tensors.append(t)
            }
            if let first = tensors.first {
                guard first.shape.count > 0 else {
                    throw pyError(.indexError, "Dimension specified as 0 but tensor has no dimensions")
                }
                for t in tensors.dropFirst() {
                    guard t.shape.count > 0 else { throw pyError(.indexError, "Dimension specified as 0 but tensor has no dimensions") }
                    if t.shape[0] != first.shape[0] { throw pyError(.assertionError, "Size mismatch between tensors") }
                }
            }
            return .object(TensorDatasetObject(args.positional, tensors: tensors, pyClass: c))
        }
        c.define("__len__") { args in
            let ds = try selfDataset(args)
            guard let first = ds.tensors.first else { throw pyError(.indexError, "tuple index out of range") }
            return .int(first.shape[0])
        }
        c.define("__getitem__") { args in
            let ds = try selfDataset(args)
            guard args.positional.count == 2 else {
                throw pyError(.typeError, "TensorDataset.__getitem__() takes 2 positional arguments but \(args.positional.count) were given")
            }
            let index = args.positional[1]
            return .object(PyTuple(try ds.values.map { try Runtime.getItem($0, index) }))
        }
        c.defineProperty("tensors", get: { v in .object(PyTuple(v.as(TensorDatasetObject.self)?.values ?? [])) })
        return c
    }()

    static func selfDataset(_ args: Arguments) throws -> TensorDatasetObject {
        try args.receiver(TensorDatasetObject.self, described: "a 'TensorDataset'")
    }
}
