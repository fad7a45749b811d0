/// The backward pass: a dependency-counted walk of the graph from the root,
/// each node run once after all of its consumers have sent their gradients.
extension Tensor {
    /// `backward(gradient=None, retain_graph=False)`.
    public func backward(gradient: Tensor? = nil, retainGraph: Bool = false) throws {
        let seed = try backwardSeed(gradient)
        try GradMode.withNoGrad { try Autograd.run(root: self, seed: seed, retainGraph: retainGraph) }
    }

    /// The gradient a backward pass starts from at this root (`backward` and
    /// `autograd.grad` alike): the given one when its shape matches, else ones
    /// for a one-element root; PyTorch's errors otherwise.
    func backwardSeed(_ gradient: Tensor?) throws -> Tensor {
        guard requiresGrad else {
            throw TensorError(.runtimeError, "element 0 of tensors does not require grad and does not have a grad_fn")
        }
        if let g = gradient {
            if g.shape != shape {
                throw TensorError(.runtimeError,
                    "Mismatch in shape: grad_output[0] has a shape of \(TensorFormatter.sizeRepr(g.shape)) and output[0] has a shape of \(TensorFormatter.sizeRepr(shape)).")
            }
            return try g.converted(to: .float32)
        }
        guard numel == 1 else {
            throw TensorError(.runtimeError, "grad can be implicitly created only for scalar outputs")
        }
        return try Tensor.ones(shape)
    }

    /// `retain_grad()`: keep `.grad` on a non-leaf after backward.
    public func retainGrad() throws {
        guard requiresGrad else {
            throw TensorError(.runtimeError, "can't retain_grad on Tensor that has requires_grad=False")
        }
        gradFn?.retainedOutput = self
    }

    /// Whether `retain_grad()` was called on this non-leaf (leaves always keep grads).
    public var retainsGrad: Bool { gradFn.map { $0.retainedOutput === self } ?? false }

    /// `requires_grad_(on)`: only leaves of floating dtype may change it.
    @discardableResult
    public func requiresGrad_(_ on: Bool = true) throws -> Tensor {
        if on && !dtype.isFloatingPoint {
            throw TensorError(.runtimeError, "only Tensors of floating point dtype can require gradients")
        }
        if !isLeaf && !on {
            throw TensorError(.runtimeError,
                "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
        }
        if requiresGradFlag != on { Tensor.identityChanged() }
        requiresGradFlag = on
        return self
    }
}

enum Autograd {
    nonisolated(unsafe) static var epochCounter = 0

    static func run(root: Tensor, seed: Tensor, retainGraph: Bool, capture: GradCapture? = nil) throws {
        guard let rootFn = root.gradFn else {
            if let capture { capture.offer(leaf: root, seed) } else { try accumulate(into: root, seed) }
            return
        }
        epochCounter &+= 1
        let epoch = epochCounter
        // Pass 1: find reachable nodes and count incoming edges.
        rootFn.epoch = epoch
        rootFn.dependencies = 0
        rootFn.pendingGrad = nil
        var stack = [rootFn]
        while let node = stack.popLast() {
            for edge in node.edges {
                guard case .node(let next) = edge else { continue }
                if next.epoch != epoch {
                    next.epoch = epoch
                    next.dependencies = 0
                    next.pendingGrad = nil
                    stack.append(next)
                }
                next.dependencies += 1
            }
        }
        // Pass 2: run nodes whose consumers are all done.
        rootFn.pendingGrad = seed
        var ready = [rootFn]
        while let node = ready.popLast() {
            let incoming = node.pendingGrad
            node.pendingGrad = nil
            var grads: [Tensor?]
            if let g = incoming {
                if let capture {
                    capture.offer(node: node, g)
                } else if let kept = node.retainedOutput {
                    try accumulate(into: kept, g)
                }
                grads = try GradRules.backward(node, g)
            } else {
                grads = []
            }
            if !retainGraph && node.op.savesTensors { node.op = .freed }
            for (i, edge) in node.edges.enumerated() {
                var gi: Tensor? = nil
                if i < grads.count { gi = grads[i]; grads[i] = nil }
                switch edge {
                case .none:
                    continue
                case .leaf(let leaf):
                    if let capture, let g = gi { capture.offer(leaf: leaf, g) } else if gi != nil { try accumulate(into: leaf, &gi) }
                case .node(let next):
                    if let g = gi {
                        next.pendingGrad = try next.pendingGrad.map { try G.add($0, g) } ?? g
                    }
                    next.dependencies -= 1
                    if next.dependencies == 0 { ready.append(next) }
                }
            }
        }
    }

    static func accumulate(into t: Tensor, _ g: Tensor) throws {
        var local: Tensor? = g
        try accumulate(into: t, &local)
    }

    /// AccumulateGrad: the first gradient is stored (stolen when nothing else
    /// references it), later ones are added in place.
    static func accumulate(into t: Tensor, _ slot: inout Tensor?) throws {
        guard var g = slot else { return }
        slot = nil
        if g.shape != t.shape { g = try G.sumTo(g, t.shape) }
        // As PyTorch's engine, a gradient takes its input's dtype.
        if g.dtype != t.dtype && t.dtype.isFloatingPoint { g = try g.converted(to: t.dtype) }
        if let existing = t.grad {
            try existing.applyInPlace(.add, g)
            return
        }
        let owned = g.isContiguous && g.storageOffset == 0 && g.storage.count == g.numel && g.viewBase == nil
            && g.gradFn == nil && isKnownUniquelyReferenced(&g) && isKnownUniquelyReferenced(&g.storage)
        t.grad = owned ? g : try CopyKernel.materialize(g, dtype: g.dtype)
    }
}
