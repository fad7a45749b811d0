import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// item/tolist/float/long/bool/int/to/type_as/clone/detach/numpy-free helpers and autograd calls.
    static func installConversions(on c: PyClass) {
        method(c, "item") { t, _ in
            if t.numel != 1 {
                throw pyError(.runtimeError, "a Tensor with \(t.numel) elements cannot be converted to Scalar")
            }
            return TensorValues.python(try t.item())
        }
        method(c, "tolist") { t, _ in TensorValues.list(t) }
        unary(c, "float") { try $0.to(.float32) }
        unary(c, "long") { try $0.to(.int64) }
        unary(c, "bool") { try $0.to(.bool) }
        unary(c, "int") { try $0.to(.int32) }
        unary(c, "double") { try $0.to(.float64) }
        unary(c, "half") { _ in throw notSupported("torch.float16 (Tensor.half())") }
        unary(c, "cpu") { $0 }
        unary(c, "clone") { try $0.clone() }
        unary(c, "detach") { $0.detach() }
        method(c, "numpy") { t, _ in try NumpyBridge.numpy(t) }
        c.define("__array__") { args in try NumpyBridge.numpy(try selfTensor(args, "__array__")) }
        c.define("to") { args in
            let t = try selfTensor(args, "to")
            var target: DType? = nil
            for v in args.positional.dropFirst() + args.keywords.filter({ $0.0 == "dtype" || $0.0 == "device" }).map(\.1) {
                if let d = v.as(DTypeObject.self) { target = d.dtype; continue }
                if let o = v.tensorValue { target = o.dtype; continue }
                if let d = try DeviceObject.from(v) { try DeviceObject.requireCPU(d); continue }
                throw pyError(.typeError, "to() received an invalid combination of arguments - got (\(v.typeName))")
            }
            // No change: PyTorch returns the tensor itself (`x.to(device) is x`).
            guard let target, target != t.dtype else { return args.positional[0] }
            return .tensor(try t.to(target))
        }
        method(c, "type_as", ["other"]) { t, b in
            .tensor(try t.to(try TorchConvert.tensor(b["other"], function: "type_as", argument: "other").dtype))
        }
        method(c, "type", ["dtype=None"]) { t, b in
            if let d = try TorchConvert.dtype(b["dtype"]) { return .tensor(try t.to(d)) }
            return .str(t.dtype.legacyTypeName)
        }
        method(c, "is_floating_point") { t, _ in .bool(t.dtype.isFloatingPoint) }
        method(c, "equal", ["other"]) { t, b in
            let o = try TorchConvert.tensor(b["other"], function: "equal", argument: "other")
            guard o.shape == t.shape else { return .bool(false) }
            let eq = try Tensor.binary(.eq, .tensor(t), .tensor(o)).all()
            return .bool(try eq.item().doubleValue != 0)
        }
        // Autograd.
        method(c, "backward", ["gradient=None", "retain_graph=None"]) { t, b in
            let g = b["gradient"].isNone ? nil : try TorchConvert.tensor(b["gradient"], function: "backward", argument: "gradient")
            let retain = b["retain_graph"].isNone ? false : try b.bool("retain_graph")
            try t.backward(gradient: g, retainGraph: retain)
            return .none
        }
        c.define("requires_grad_") { args in
            let t = try selfTensor(args, "requires_grad_")
            let b = try args.bind(["self", "requires_grad=True"])
            _ = try t.requiresGrad_(try b.bool("requires_grad"))
            return (try args[0])
        }
        method(c, "retain_grad") { t, _ in try t.retainGrad(); return .none }
        c.define("detach_") { args in
            // Returns self, like PyTorch; Kindling's tensors are detached in place by dropping the graph.
            throw notSupported("Tensor.detach_()")
        }
    }
}
