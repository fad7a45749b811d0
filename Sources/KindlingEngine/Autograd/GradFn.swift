/// A node of the autograd graph: the op that produced a tensor, the values it
/// saved for its gradient, and edges to the nodes of its inputs.
public final class GradFn {
    /// Where an input's gradient goes.
    enum Edge {
        case none                 // input does not require grad
        case node(GradFn)         // input produced by a tracked op
        case leaf(Tensor)         // input is a leaf requiring grad (AccumulateGrad)
    }

    /// PyTorch's class name of the node, e.g. "MulBackward0".
    public let name: String
    @exclusivity(unchecked) var op: BackwardOp
    let edges: [Edge]
    /// Set once a backward pass has freed the saved values.
    var released = false
    /// The output tensor when `retain_grad()` asked to keep its gradient.
    weak var retainedOutput: Tensor?
    /// The shape of the tensor this node produced (for drawing the graph).
    public internal(set) var outputShape: [Int] = []

    // Scratch state of one backward pass (unchecked exclusivity, as Tensor's properties).
    @exclusivity(unchecked) var pendingGrad: Tensor?
    @exclusivity(unchecked) var dependencies = 0
    @exclusivity(unchecked) var epoch = 0

    init(_ op: BackwardOp, _ edges: [Edge]) {
        self.name = op.name
        self.op = op
        self.edges = edges
    }

    /// The nodes feeding this one (`grad_fn.next_functions`): the name of each
    /// input's node ("AccumulateGrad" for leaves) or nil when it needs no grad.
    public var nextFunctionNames: [String?] {
        edges.map {
            switch $0 {
            case .none: return nil
            case .node(let n): return n.name
            case .leaf: return "AccumulateGrad"
            }
        }
    }

    /// The shape flowing along each input edge: a node's output shape, a
    /// leaf's own shape, nil for inputs that need no grad.
    public var inputShapes: [[Int]?] {
        edges.map {
            switch $0 {
            case .none: return nil
            case .node(let n): return n.outputShape
            case .leaf(let t): return t.shape
            }
        }
    }

    /// The input nodes themselves (nil for leaves and untracked inputs).
    public var nextFunctions: [GradFn?] {
        edges.map { if case .node(let n) = $0 { return n } else { return nil } }
    }

    /// The leaf tensor each input edge accumulates into (PyTorch's AccumulateGrad node), nil
    /// for edges to other nodes or to inputs that need no grad.
    public var nextLeaves: [Tensor?] {
        edges.map { if case .leaf(let t) = $0 { return t } else { return nil } }
    }
}

/// A tensor saved for backward, with the storage version at save time so an
/// in-place change before backward is detected as PyTorch does.
struct SavedTensor {
    let tensor: Tensor
    let version: Int
    let producer: String?

    init(_ t: Tensor) {
        tensor = t
        version = t.storage.version
        producer = t.gradFn?.name
    }

    /// An output saved by its own node: aliased so the graph holds no cycle.
    init(output t: Tensor, producer: String) {
        tensor = t.alias()
        version = t.storage.version
        self.producer = producer
    }

    func get() throws -> Tensor {
        if tensor.storage.version != version {
            let kind = tensor.dtype.legacyTypeName
            let which = producer.map { ", which is output 0 of \($0)," } ?? ""
            throw TensorError(.runtimeError,
                "one of the variables needed for gradient computation has been modified by an inplace operation: [\(kind) \(Shape.describe(tensor.shape))]\(which) is at version \(tensor.storage.version); expected version \(version) instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).")
        }
        return tensor
    }
}

extension Tensor {
    /// True when an op on these inputs must record a graph node.
    @inline(__always) static func needsGrad(_ a: Tensor) -> Bool {
        GradMode.isEnabled && a.requiresGrad
    }

    @inline(__always) static func needsGrad(_ a: Tensor, _ b: Tensor) -> Bool {
        GradMode.isEnabled && (a.requiresGrad || b.requiresGrad)
    }

    /// The edge through which a gradient reaches this tensor.
    @inline(__always) var gradEdge: GradFn.Edge {
        if let fn = gradFn { return .node(fn) }
        return requiresGradFlag ? .leaf(self) : .none
    }

    /// Attaches a node for `op` with `inputs` to this (freshly made) tensor.
    @inline(__always) func attach(_ op: BackwardOp, _ inputs: [Tensor]) {
        let fn = GradFn(op, inputs.map { $0.gradEdge })
        fn.outputShape = shape
        gradFn = fn
    }

    /// Records a loss that the training library fused into one kernel (e.g.
    /// `NllLossBackward0`), whose gradient is tested equal to the composed ops'.
    /// `backward` receives the output's gradient and returns one gradient per
    /// input (nil for none), each shaped like its input. Capture saved outputs
    /// with `detach()` to avoid a reference cycle. Does nothing unless grad mode
    /// is on and some input requires grad.
    public static func recordFusedLoss(name: String, inputs: [Tensor], output: Tensor,
                                       backward: @escaping (Tensor) throws -> [Tensor?]) {
        guard GradMode.isEnabled, inputs.contains(where: { $0.requiresGrad }) else { return }
        output.attach(.fusedLoss(name: name, backward: backward), inputs)
    }

    /// Records a user's `torch.autograd.Function` (`name` as PyTorch prints it,
    /// e.g. "MyReLUBackward"): `backward` runs the Python `backward` and returns
    /// one gradient per input, as for `recordFusedLoss`.
    public static func recordPythonFunction(name: String, inputs: [Tensor], output: Tensor,
                                            backward: @escaping (Tensor) throws -> [Tensor?]) {
        guard GradMode.isEnabled, inputs.contains(where: { $0.requiresGrad }) else { return }
        output.attach(.pythonFunction(name: name, backward: backward), inputs)
    }
}
