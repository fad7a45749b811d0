import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// `shape`, `dtype`, `grad`, `data`, `T`, `requires_grad`, `is_leaf`, `grad_fn`, `ndim`, `device`.
    static func installProperties(on c: PyClass) {
        c.defineProperty("shape", get: { v in TorchConvert.sizeValue(try tensorOf(v).shape) })
        c.defineProperty("dtype", get: { v in .object(DTypeObject.of(try tensorOf(v).dtype)) })
        c.defineProperty("ndim", get: { v in .int(try tensorOf(v).dim) })
        c.defineProperty("T", get: { v in
            let t = try tensorOf(v)
            if t.dim != 0 && t.dim != 2 {
                try TorchWarnings.warn(once: true, "The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated and it will throw an error in a future release. Consider `x.mT` to transpose batches of matrices or `x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a tensor. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorShape.cpp:4306.)")
            }
            // PyTorch reverses the dimensions with a permute (grad_fn PermuteBackward0), also for 1-D and 2-D.
            return .tensor(try t.permute(Array((0..<t.dim).reversed())))
        })
        c.defineProperty("mT", get: { v in .tensor(try tensorOf(v).transpose(-2, -1)) })
        c.defineProperty("requires_grad", get: { v in .bool(try tensorOf(v).requiresGrad) }, set: { v, new in
            _ = try tensorOf(v).requiresGrad_(try new.isTruthy())
        })
        c.defineProperty("is_leaf", get: { v in .bool(try tensorOf(v).isLeaf) })
        c.defineProperty("grad_fn", get: { v in
            guard let fn = try tensorOf(v).gradFn else { return .none }
            return .object(GradFnObject(fn))
        })
        c.defineProperty("grad", get: { v in
            guard let g = try tensorOf(v).grad else { return .none }
            return .tensor(g)
        }, set: { v, new in
            let t = try tensorOf(v)
            if new.isNone { t.grad = nil; return }
            guard let g = new.tensorValue else {
                throw pyError(.typeError, "assigned grad expected to be a Tensor or None but got grad of type \(new.typeName)")
            }
            if g.shape != t.shape {
                throw pyError(.runtimeError, "assigned grad has data of a different size")
            }
            t.grad = g
        })
        c.defineProperty("data", get: { v in .tensor(try tensorOf(v).data) }, set: { v, new in
            guard let src = new.tensorValue else {
                throw pyError(.typeError, "data must be a Tensor, not \(new.typeName)")
            }
            try GradMode.withNoGrad { _ = try tensorOf(v).data.copy_(src) }
        })
        c.defineProperty("device", get: { _ in .object(DeviceObject.cpu) })
        c.defineProperty("is_cuda", get: { _ in .bool(false) })
    }

    static func tensorOf(_ v: Value) throws -> Tensor {
        if let t = v.tensorValue { return t }
        throw pyError(.typeError, "expected a Tensor, got \(v.typeName)")
    }
}

/// `t.grad_fn`: prints as `<MulBackward0 object at 0x...>` and exposes `name()`
/// and `next_functions` so the REPL and users can walk the graph.
final class GradFnObject: PyObject {
    let fn: GradFn

    init(_ fn: GradFn) {
        self.fn = fn
        super.init(pyClass: GradFnObject.pyClassObject)
    }

    static let pyClassObject: PyClass = {
        let c = PyClass(native: "Node", module: "torch.autograd.graph")
        c.define("__repr__") { args in
            let o = try args.selfObject(GradFnObject.self)
            // Nodes of Python autograd.Functions ("CubeBackward", no number) print with their module.
            let prefix = o.fn.name.hasSuffix("Backward") ? "torch.autograd.function." : ""
            return .str("<\(prefix)\(o.fn.name) object at 0x\(String(UInt(bitPattern: ObjectIdentifier(o).hashValue), radix: 16))>")
        }
        c.define("name") { args in .str(try args.selfObject(GradFnObject.self).fn.name) }
        c.defineProperty("next_functions", get: { v in
            guard let o = v.as(GradFnObject.self) else { return .object(PyTuple.empty) }
            return .object(PyTuple(zip(o.fn.nextFunctions, o.fn.nextLeaves).map { node, leaf in
                let next: Value = node.map { .object(GradFnObject($0)) } ?? leaf.map { .object(AccumulateGradObject($0)) } ?? .none
                return .object(PyTuple([next, .int(0)]))
            }))
        })
        return c
    }()
}

/// The AccumulateGrad node `next_functions` shows for a leaf that requires grad: it prints as
/// PyTorch's, `name()` is `torch::autograd::AccumulateGrad`, `variable` is the leaf, and it
/// has no next functions.
final class AccumulateGradObject: PyObject {
    let leaf: Tensor

    init(_ leaf: Tensor) {
        self.leaf = leaf
        super.init(pyClass: AccumulateGradObject.pyClassObject)
    }

    static let pyClassObject: PyClass = {
        let c = PyClass(native: "AccumulateGrad", module: "torch.autograd.graph")
        c.define("__repr__") { args in
            let o = try args.selfObject(AccumulateGradObject.self)
            return .str("<AccumulateGrad object at 0x\(String(UInt(bitPattern: ObjectIdentifier(o).hashValue), radix: 16))>")
        }
        c.define("name") { _ in .str("torch::autograd::AccumulateGrad") }
        c.defineProperty("variable") { v in v.as(AccumulateGradObject.self).map { .tensor($0.leaf) } ?? .none }
        c.defineProperty("next_functions") { _ in .object(PyTuple.empty) }
        return c
    }()
}
