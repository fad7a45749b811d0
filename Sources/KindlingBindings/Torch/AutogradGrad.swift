import KindlingEngine
import KindlingLanguage

/// `torch.autograd.grad` and `torch.autograd.backward`.
enum AutogradGrad {
    static func install(_ m: PyModule) {
        TorchModule.function(m, "grad", ["outputs", "inputs", "grad_outputs=None", "retain_graph=None", "create_graph=False",
                                         "only_inputs=True", "allow_unused=None", "is_grads_batched=False",
                                         "materialize_grads=False"]) { b in
            if try b.bool("create_graph") { throw notSupported("torch.autograd.grad(create_graph=True)") }
            if try b.bool("is_grads_batched") { throw notSupported("torch.autograd.grad(is_grads_batched=True)") }
            let outputs = try tensors(b["outputs"], "outputs")
            let inputs = try tensors(b["inputs"], "inputs")
            let gradOutputs = b["grad_outputs"].isNone ? [] : try tensors(b["grad_outputs"], "grad_outputs")
            guard outputs.count == 1, gradOutputs.count <= 1 else {
                throw notSupported("torch.autograd.grad with several outputs")
            }
            let retain = b["retain_graph"].isNone ? false : try b.bool("retain_graph")
            let grads = try outputs[0].gradients(with: inputs, gradient: gradOutputs.first, retainGraph: retain)
            let materialize = try b.bool("materialize_grads")
            let allowUnused = b["allow_unused"].isNone ? materialize : try b.bool("allow_unused")
            return .object(PyTuple(try zip(grads, inputs).enumerated().map { i, pair in
                let (g, t) = pair
                if let g { return .tensor(g) }
                if materialize { return .tensor(try Tensor.zerosLike(t, dtype: nil)) }
                if !allowUnused {
                    throw pyError(.runtimeError, "The differentiated Tensor at index \(i) appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.")
                }
                return .none
            }))
        }
        TorchModule.function(m, "backward", ["tensors", "grad_tensors=None", "retain_graph=None", "create_graph=False",
                                             "grad_variables=None", "inputs=None"]) { b in
            if try b.bool("create_graph") { throw notSupported("torch.autograd.backward(create_graph=True)") }
            if !b["inputs"].isNone { throw notSupported("torch.autograd.backward(inputs=...)") }
            let roots = try tensors(b["tensors"], "tensors")
            let seeds = b["grad_tensors"].isNone ? [] : try tensors(b["grad_tensors"], "grad_tensors")
            let retain = b["retain_graph"].isNone ? false : try b.bool("retain_graph")
            for (i, t) in roots.enumerated() {
                try t.backward(gradient: i < seeds.count ? seeds[i] : nil, retainGraph: retain || i < roots.count - 1)
            }
            return .none
        }
    }

    /// A tensor or a sequence of tensors, as a list.
    static func tensors(_ v: Value, _ what: String) throws -> [Tensor] {
        if let t = v.tensorValue { return [t] }
        if let items = v.as(PyTuple.self)?.items ?? v.as(PyList.self)?.items {
            return try items.map { item in
                guard let t = item.tensorValue else {
                    throw pyError(.typeError, "\(what) must be a Tensor or a sequence of Tensors, not a sequence containing \(item.typeName)")
                }
                return t
            }
        }
        throw pyError(.typeError, "\(what) must be a Tensor or a sequence of Tensors, not \(v.typeName)")
    }
}
