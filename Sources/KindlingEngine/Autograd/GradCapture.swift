/// `torch.autograd.grad`: the gradients of a root with respect to chosen
/// tensors, returned instead of accumulated into `.grad`.
final class GradCapture {
    private var leafSlots: [ObjectIdentifier: Int] = [:]
    private var nodeSlots: [ObjectIdentifier: Int] = [:]
    var results: [Tensor?]

    init(_ inputs: [Tensor]) {
        results = Array(repeating: nil, count: inputs.count)
        for (i, t) in inputs.enumerated() {
            if let fn = t.gradFn { nodeSlots[ObjectIdentifier(fn)] = i } else { leafSlots[ObjectIdentifier(t)] = i }
        }
    }

    func offer(leaf: Tensor, _ g: Tensor) {
        if let i = leafSlots[ObjectIdentifier(leaf)] { add(i, g) }
    }

    func offer(node: GradFn, _ g: Tensor) {
        if let i = nodeSlots[ObjectIdentifier(node)] { add(i, g) }
    }

    private func add(_ i: Int, _ g: Tensor) {
        // Gradients reaching a leaf more than once are summed, as AccumulateGrad would.
        results[i] = results[i].map { (try? G.add($0, g)) ?? g } ?? g
    }
}

extension Tensor {
    /// `torch.autograd.grad(self, inputs, grad_outputs, retain_graph)`: one
    /// gradient per input (nil when the input is not reached). Leaves' `.grad`
    /// are left alone.
    public func gradients(with inputs: [Tensor], gradient: Tensor? = nil, retainGraph: Bool = false) throws -> [Tensor?] {
        guard requiresGrad else {
            throw TensorError(.runtimeError, "element 0 of tensors does not require grad and does not have a grad_fn")
        }
        for t in inputs where !t.requiresGrad {
            throw TensorError(.runtimeError, "One of the differentiated Tensors does not require grad")
        }
        let seed = try backwardSeed(gradient)
        let capture = GradCapture(inputs)
        try GradMode.withNoGrad { try Autograd.run(root: self, seed: seed, retainGraph: retainGraph, capture: capture) }
        return try zip(capture.results, inputs).map { g, t in
            guard var g else { return nil }
            if g.shape != t.shape { g = try G.sumTo(g, t.shape) }
            return g.viewBase == nil && g.gradFn == nil ? g : try CopyKernel.materialize(g, dtype: .float32)
        }
    }
}
