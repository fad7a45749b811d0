import KindlingEngine
import KindlingLanguage

/// `torch.autograd.Function`: user subclasses with static
/// `forward(ctx, *args)` / `backward(ctx, *grads)`, run by `Function.apply`.
/// The forward runs without grad tracking; its tensor output (or each float
/// tensor of a returned tuple) is recorded in the engine's graph under a node
/// named `<Class>Backward` whose gradient rule calls the Python `backward`.
enum AutogradFunction {
    static let functionClass: PyClass = {
        let c = PyClass(native: "Function", module: "torch.autograd.function")
        c.factory = { cls in PyObject(pyClass: cls, hasAttributes: true) }
        c.define("__init__") { _ in .none }
        c.define("__call__") { _ in
            throw pyError(.runtimeError, "Legacy autograd function with non-static forward method is deprecated. Please use new-style autograd function with static forward method. (Example: https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)")
        }
        c.setAttribute("apply", .object(MethodWrapper(.classMethod, .object(NativeFunction(name: "apply") { args in
            guard let cls = args.positional.first?.as(PyClass.self) else {
                throw pyError(.typeError, "apply() must be called on an autograd.Function subclass")
            }
            return try apply(cls, Array(args.positional.dropFirst()), args.keywords)
        }))))
        for name in ["forward", "backward"] {
            c.setAttribute(name, .object(MethodWrapper(.staticMethod, .object(NativeFunction(name: name) { _ in
                throw pyError(.notImplementedError,
                              "You must implement the \(name) function for custom autograd.Function.")
            }))))
        }
        return c
    }()

    /// `ctx`: what `forward` stashes for `backward`.
    final class Context: PyObject {
        var saved: [Value] = []
        var needsInputGrad: [Bool] = []
        var released = false
        let nodeName: String

        init(nodeName: String) {
            self.nodeName = nodeName
            super.init(pyClass: Context.pyClassObject, hasAttributes: true)
        }

        static let pyClassObject: PyClass = {
            let c = PyClass(native: "FunctionCtx", module: "torch.autograd.function")
            c.define("save_for_backward") { args in
                let ctx = try args.selfObject(Context.self)
                for v in args.positional.dropFirst() where !v.isNone && v.tensorValue == nil {
                    throw pyError(.typeError, "save_for_backward can only save variables, but argument \(ctx.saved.count) is of type \(v.typeName)")
                }
                ctx.saved = Array(args.positional.dropFirst())
                return .none
            }
            c.defineProperty("saved_tensors", get: { v in
                guard let ctx = v.as(Context.self) else { return .object(PyTuple.empty) }
                if ctx.released {
                    throw pyError(.runtimeError, "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.")
                }
                return .object(PyTuple(ctx.saved))
            })
            c.defineProperty("needs_input_grad", get: { v in
                .object(PyTuple((v.as(Context.self)?.needsInputGrad ?? []).map { .bool($0) }))
            })
            c.define("mark_non_differentiable") { _ in throw notSupported("ctx.mark_non_differentiable()") }
            c.define("mark_dirty") { _ in throw notSupported("ctx.mark_dirty()") }
            c.define("set_materialize_grads") { _ in throw notSupported("ctx.set_materialize_grads()") }
            return c
        }()
    }

    static func apply(_ cls: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let nodeName = cls.name + "Backward"
        let ctx = Context(nodeName: nodeName)
        ctx.needsInputGrad = args.map { GradMode.isEnabled && ($0.tensorValue?.requiresGrad ?? false) }
        let forward = try Runtime.getAttribute(.object(cls), "forward")
        let backward = try Runtime.getAttribute(.object(cls), "backward")
        let result = try GradMode.withNoGrad { try Runtime.call(forward, [.object(ctx)] + args, kwargs) }
        let inputs = args.enumerated().compactMap { i, v in v.tensorValue.map { (i, $0) } }
        guard ctx.needsInputGrad.contains(true) else { return result }
        let tuple = result.as(PyTuple.self)
        let outputs = tuple?.items ?? [result]
        // Float tensors are the differentiable outputs; an input returned as is becomes a new
        // tensor sharing its storage (PyTorch returns a view).
        var differentiable: [(slot: Int, tensor: Tensor)] = []
        for (slot, v) in outputs.enumerated() {
            guard var t = v.tensorValue, t.dtype.isFloatingPoint else { continue }
            if inputs.contains(where: { $0.1 === t }) { t = t.detach() }
            differentiable.append((slot, t))
        }
        if differentiable.isEmpty { return result }
        let rule = gradientRule(nodeName, backward, ctx, inputs: inputs, argCount: args.count)
        if tuple == nil, let only = differentiable.first {
            Tensor.recordPythonFunction(name: nodeName, inputs: inputs.map { $0.1 }, output: only.tensor) { g in try rule([.tensor(g)]) }
            return .tensor(only.tensor)
        }
        var items = outputs
        for (slot, t) in try recordSeveral(nodeName, differentiable, slots: outputs.count, inputs: inputs.map { $0.1 }, rule) {
            items[slot] = .tensor(t)
        }
        return .object(PyTuple(items))
    }

    /// Records a forward that returned several tensors. The engine's nodes have one output, so the
    /// outputs are packed into one flat tensor whose node (named as the Function's) calls `rule`
    /// with each output's piece of its gradient; each returned output gets its own node of the
    /// same name that places its gradient in the packed one (zeros elsewhere, as PyTorch
    /// materialises the gradients of unused outputs).
    private static func recordSeveral(_ nodeName: String, _ outputs: [(slot: Int, tensor: Tensor)], slots: Int,
                                      inputs: [Tensor], _ rule: @escaping ([Value]) throws -> [Tensor?]) throws -> [(Int, Tensor)] {
        let dtypes = Set(outputs.map { $0.tensor.dtype })
        guard dtypes.count == 1 else { throw notSupported("an autograd.Function whose outputs have different dtypes") }
        let shapes = outputs.map { $0.tensor.shape }
        let counts = outputs.map { $0.tensor.numel }
        var starts: [Int] = []
        var total = 0
        for n in counts { starts.append(total); total += n }
        let packed = try GradMode.withNoGrad { try Tensor.cat(try outputs.map { try $0.tensor.detach().reshape([-1]) }, dim: 0) }
        Tensor.recordPythonFunction(name: nodeName, inputs: inputs, output: packed) { g in
            var grads = [Value](repeating: .none, count: slots)
            for (k, o) in outputs.enumerated() {
                grads[o.slot] = .tensor(try g.narrow(dim: 0, start: starts[k], length: counts[k]).reshape(shapes[k]))
            }
            return try rule(grads)
        }
        return outputs.enumerated().map { k, o in
            let out = o.tensor.detach()
            Tensor.recordPythonFunction(name: nodeName, inputs: [packed], output: out) { g in
                let whole = try Tensor.zeros([total], dtype: g.dtype)
                try whole.narrow(dim: 0, start: starts[k], length: counts[k]).copy_(try g.reshape([-1]))
                return [whole]
            }
            return (o.slot, out)
        }
    }

    /// The gradient rule: calls the Python `backward(ctx, *grads)` and checks what it returns
    /// (one gradient per forward argument, shaped like its tensor input or summing to it).
    private static func gradientRule(_ nodeName: String, _ backward: Value, _ ctx: Context,
                                     inputs: [(Int, Tensor)], argCount: Int) -> ([Value]) throws -> [Tensor?] {
        let shapes = inputs.map { $0.1.shape }
        let positions = inputs.map { $0.0 }
        return { [ctx] outputGrads in
            let returned = try Runtime.call(backward, [.object(ctx)] + outputGrads)
            let grads = returned.as(PyTuple.self)?.items ?? [returned]
            if grads.count != argCount {
                throw pyError(.runtimeError, "function \(nodeName) returned an incorrect number of gradients (expected \(argCount), got \(grads.count))")
            }
            return try positions.enumerated().map { k, position in
                let v = grads[position]
                if v.isNone { return nil }
                guard let gt = v.tensorValue else {
                    throw pyError(.typeError, "function \(nodeName) returned a gradient different than None at position \(position + 1), but the corresponding forward input was not a Variable")
                }
                if !sumsTo(gt.shape, shapes[k]) {
                    throw pyError(.runtimeError, "Function \(nodeName) returned an invalid gradient at index \(position) - got \(Shape.describe(gt.shape)) but expected shape compatible with \(Shape.describe(shapes[k]))")
                }
                if gt.shape == shapes[k] { return gt }
                let extra = gt.shape.count - shapes[k].count
                let dims = gt.shape.indices.filter { $0 < extra || shapes[k][$0 - extra] == 1 && gt.shape[$0] != 1 }
                return try gt.sum(dims: dims, keepdim: true).reshape(shapes[k])
            }
        }
    }

    /// Whether a gradient of shape `grad` reduces to `input` by summing broadcast dimensions.
    static func sumsTo(_ grad: [Int], _ input: [Int]) -> Bool {
        if grad == input { return true }
        if input.count > grad.count { return false }
        let offset = grad.count - input.count
        return input.indices.allSatisfy { input[$0] == 1 || input[$0] == grad[$0 + offset] }
    }
}
