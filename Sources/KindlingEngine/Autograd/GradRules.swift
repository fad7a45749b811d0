#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The gradient rule of every primitive, in one exhaustive switch. Each rule
/// gets the output gradient `g` and returns one gradient per input (nil where
/// the input needs none), shaped like that input.
enum GradRules {
    static let freedMessage = "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward."

    static func backward(_ node: GradFn, _ g: Tensor) throws -> [Tensor?] {
        let need = node.edges.map { if case .none = $0 { return false } else { return true } }
        func n(_ i: Int) -> Bool { i < need.count && need[i] }
        switch node.op {
        case .add(let sa, let sb):
            return [n(0) ? try G.sumTo(g, sa) : nil, n(1) ? try G.sumTo(g, sb) : nil]
        case .sub(let sa, let sb):
            return [n(0) ? try G.sumTo(g, sa) : nil, n(1) ? try G.sumTo(try g.neg(), sb) : nil]
        case .rsub:
            return [nil, try g.neg()]
        case .mul(let a, let b, let sa, let sb):
            let ga = try b.map { n(0) ? try G.sumTo(try G.mul(g, try $0.get()), sa) : nil } ?? nil
            let gb = try a.map { n(1) ? try G.sumTo(try G.mul(g, try $0.get()), sb) : nil } ?? nil
            return [ga, gb]
        case .div(let a, let b, let sa, let sb):
            let bv = try b.get()
            let ga = n(0) ? try G.sumTo(try G.div(g, bv), sa) : nil
            var gb: Tensor? = nil
            if n(1), let a = a {
                gb = try G.sumTo(try G.div(try G.mul(try g.neg(), try a.get()), try G.mul(bv, bv)), sb)
            }
            return [ga, gb]
        case .divByNumber(let divisor):
            return [try G.div(g, Double(divisor))]
        case .toCopy(let source):
            return [try g.converted(to: source)]
        case .pow(let base, let exponent, let result, let sa, let sb):
            let x = try base.get(), e = try exponent.get()
            var ga: Tensor? = nil, gb: Tensor? = nil
            if n(0) {
                let dx = try G.mul(e, try Tensor.binary(.pow, .tensor(x), .tensor(try G.sub(e, try Tensor.ones([], dtype: e.dtype)))))
                ga = try G.sumTo(try G.mul(g, dx), sa)
            }
            if n(1) {
                let raw = try G.mul(try result.get(), try x.log())
                let zeroBase = try Tensor.binary(.logicalAnd, .tensor(try G.cmp(.eq, x, 0)), .tensor(try G.cmp(.ge, e, 0)))
                let safe = try Tensor.where_(zeroBase, .scalar(.float(0)), .tensor(raw))
                gb = try G.sumTo(try G.mul(g, safe), sb)
            }
            return [ga, gb]
        case .powScalar(let base, let e):
            if e == 0 { return [try G.zeros(g.shape, like: g), nil] }
            let x = try base.get()
            let dx = try G.mul(try Tensor.binary(.pow, .tensor(x), .scalar(.float(e - 1))), e)
            return [try G.mul(g, dx), nil]
        case .rpow(let base, let result):
            let lb = Glibc.log(base)
            return [nil, try G.mul(try G.mul(g, try result.get()), lb)]
        case .extremum(let isMax, let a, let b, let sa, let sb):
            let av = try a.get(), bv = try b.get()
            let wins = try G.cmp(isMax ? .gt : .lt, av, bv).to(g.dtype)
            let ties = try G.mul(try G.cmp(.eq, av, bv).to(g.dtype), 0.5)
            let wa = try G.add(wins, ties)
            return [n(0) ? try G.sumTo(try G.mul(g, wa), sa) : nil,
                    n(1) ? try G.sumTo(try G.mul(g, try G.rsub(1, wa)), sb) : nil]
        case .remainder(let a, let b, let sa, let sb):
            let q = try Tensor.binary(.floorDiv, .tensor(try a.get()), .tensor(try b.get()))
            return [n(0) ? try G.sumTo(g, sa) : nil, n(1) ? try G.sumTo(try G.mul(try g.neg(), q), sb) : nil]
        case .whereSelect(let cond, let sa, let sb):
            return [n(0) ? try G.sumTo(try Tensor.where_(cond, .tensor(g), .scalar(.float(0))), sa) : nil,
                    n(1) ? try G.sumTo(try Tensor.where_(cond, .scalar(.float(0)), .tensor(g)), sb) : nil]
        case .neg:
            return [try g.neg()]
        case .abs(let x):
            let xv = try x.get()
            let sign = try G.sub(try G.cmp(.gt, xv, 0).to(g.dtype), try G.cmp(.lt, xv, 0).to(g.dtype))
            return [try G.mul(g, sign)]
        case .sqrt(let r):
            return [try G.div(g, try G.mul(try r.get(), 2))]
        case .exp(let r):
            return [try G.mul(g, try r.get())]
        case .log(let x):
            return [try G.div(g, try x.get())]
        case .sigmoid(let r):
            let rv = try r.get()
            return [try G.mul(g, try G.mul(rv, try G.rsub(1, rv)))]
        case .tanh(let r):
            let rv = try r.get()
            return [try G.mul(g, try G.rsub(1, try G.mul(rv, rv)))]
        case .relu(let r):
            return [try G.mul(g, try G.cmp(.gt, try r.get(), 0).to(g.dtype))]
        case .leakyRelu(let x, let slope):
            let factor = try Tensor.where_(try G.cmp(.gt, try x.get(), 0), .scalar(.float(1)), .scalar(.float(Double(slope))))
            return [try G.mul(g, factor)]
        case .reciprocal(let r):
            let rv = try r.get()
            return [try G.mul(try g.neg(), try G.mul(rv, rv))]
        case .sin(let x):
            return [try G.mul(g, try x.get().cos())]
        case .cos(let x):
            return [try G.mul(try g.neg(), try x.get().sin())]
        case .clamp(_, let x, let lo, let hi):
            // PyTorch passes the gradient only strictly inside the given bounds
            // (zero where x equals a bound); a missing bound is infinite here.
            let xv = try x.get()
            var inside = lo.isFinite ? try G.cmp(.gt, xv, lo) : try G.cmp(.ge, xv, -Double.infinity)
            if hi.isFinite {
                inside = try Tensor.binary(.logicalAnd, .tensor(inside), .tensor(try G.cmp(.lt, xv, hi)))
            }
            return [try G.mul(g, try inside.to(g.dtype))]
        case .zeroGrad:
            return [try G.zeros(g.shape, like: g)]
        case .unaryMath(let f, let x, let result):
            return [try f.inputGradient(g, x: try x.get(), result: try result.get())]
        case .binaryMath(let f, let a, let b, let sa, let sb):
            return try Tensor.binaryMathGradients(f, g, try a.get(), try b.get(), sa, sb, need: (n(0), n(1)))
        case .ternaryMath(let f, let a, let b, let c):
            return try Tensor.ternaryMathGradients(f, g, try a.get(), try b.get(), try c.get(), need: [n(0), n(1), n(2)])
        case .mathReduction(let kind, let x, let result, let dims, let keepdim):
            return [try kind.inputGradient(g, x: try x.get(), result: try result.get(), dims: dims, keepdim: keepdim)]
        case .sumAll(let shape):
            return [try g.expand(shape)]
        case .sumDims(let shape, let dims, let keepdim):
            return [try G.unreduce(g, shape, dims, keepdim)]
        case .meanAll(let shape):
            return [try G.div(g, Double(Swift.max(Shape.product(shape), 0))).expand(shape)]
        case .meanDims(let shape, let dims, let keepdim, let count):
            return [try G.unreduce(try G.div(g, Double(count)), shape, dims, keepdim)]
        case .prod(let x, _, let dim, let all, let keepdim):
            let xv = try x.get()
            let others = try G.productOfOthers(xv, dim: all ? nil : dim)
            let ge = all ? try g.expand(xv.shape) : try G.unreduce(g, xv.shape, dim.map { [$0] } ?? [], keepdim)
            return [try G.mul(ge, others)]
        case .extremumAll(_, let x, let result):
            let mask = try G.cmp(.eq, try x.get(), try result.get()).to(g.dtype)
            return [try G.mul(mask, try G.div(g, try mask.sum()))]
        case .extremumDim(_, let indices, let shape, let dim, let keepdim):
            let gk = keepdim || shape.isEmpty ? g : try g.unsqueeze(dim)
            let ik = keepdim || shape.isEmpty ? indices : try indices.unsqueeze(dim)
            return [try G.scatterAlong(shape, dim, gk, ik)]
        case .variance(let x, let dims, let correction, let keepdim, let std):
            let xv = try x.get()
            let count = dims.reduce(1) { $0 * (xv.shape.isEmpty ? 1 : xv.shape[$1]) }
            let centered = try G.sub(xv, try xv.mean(dims: dims.isEmpty ? nil : dims, keepdim: true))
            let denom = Swift.max(Double(count) - Double(correction), 0)
            var scale = try G.unreduce(g, xv.shape, dims, keepdim)
            if let s = std {
                scale = try G.div(scale, try G.unreduce(try s.get(), xv.shape, dims, keepdim))
                return [try G.mul(try G.mul(centered, scale), 1 / denom)]
            }
            return [try G.mul(try G.mul(centered, scale), 2 / denom)]
        case .cumsum(let dim):
            if g.dim == 0 { return [g] }
            let total = try g.sum(dims: [dim], keepdim: true)
            return [try G.add(try G.sub(total, try g.cumsum(dim: dim)), g)]
        case .mm(let a, let b):
            let ga = try b.map { n(0) ? try g.mm(try $0.get().t()) : nil } ?? nil
            let gb = try a.map { n(1) ? try $0.get().t().mm(g) : nil } ?? nil
            return [ga, gb]
        case .bmm(let a, let b):
            let ga = try b.map { n(0) ? try g.bmm(try $0.get().transpose(1, 2)) : nil } ?? nil
            let gb = try a.map { n(1) ? try $0.get().transpose(1, 2).bmm(g) : nil } ?? nil
            return [ga, gb]
        case .dot(let a, let b):
            return [n(0) ? try G.mul(g, try b.get()) : nil, n(1) ? try G.mul(g, try a.get()) : nil]
        case .mv(let a, let v):
            let ga = n(0) ? try g.unsqueeze(1).mm(try v.get().unsqueeze(0)) : nil
            let gv = n(1) ? try a.get().t().mv(g) : nil
            return [ga, gv]
        case .linear(let x, let w, let biasShape):
            // Inputs are (bias?, x, w) for y = x @ w.t() + bias.
            let offset = biasShape == nil ? 0 : 1
            var grads: [Tensor?] = []
            if let bs = biasShape { grads.append(n(0) ? try G.sumTo(g, bs) : nil) }
            grads.append(try w.map { n(offset) ? try g.mm(try $0.get()) : nil } ?? nil)
            grads.append(try x.map { n(offset + 1) ? try g.t().mm(try $0.get()) : nil } ?? nil)
            return grads
        case .conv2d(let input, let weight, let geometry, let hasBias):
            let (gx, gw, gb) = try Tensor.conv2dGradients(g, input: try input.get(), weight: try weight.get(), geometry,
                                                          needInput: n(0), needWeight: n(1), needBias: hasBias && n(2))
            return hasBias ? [gx, gw, gb] : [gx, gw]
        case .maxPool2d(let indices, let inputShape):
            return [try Tensor.maxPool2dInputGradient(g, indices: indices, inputShape: inputShape)]
        case .view(let shape), .unsafeView(let shape), .squeezeDim(let shape), .squeezeAll(let shape),
             .squeezeMatmul(let shape):
            return [try g.reshape(shape)]
        case .transpose(let a, let b):
            return [try g.transpose(a, b)]
        case .t:
            return [try g.t()]
        case .permute(let perm):
            var inverse = [Int](repeating: 0, count: perm.count)
            for (i, p) in perm.enumerated() { inverse[p] = i }
            return [try g.permute(inverse)]
        case .unsqueeze(let d):
            return [try g.squeeze(d)]
        case .expand(let shape):
            return [try G.sumTo(g, shape)]
        case .select(let shape, let dim, let index), .unbindSelect(let shape, let dim, let index):
            return [try G.scatterInto(shape, g) { try $0.select(dim: dim, index: index) }]
        case .slice(let shape, let dim, let start, let step):
            let len = g.shape[dim]
            return [try G.scatterInto(shape, g) { try $0.slice(dim: dim, start: start, end: start + (len - 1) * step + 1, step: step) }]
        case .clone, .alias:
            return [g]
        case .softmax(let output, let layout, let log):
            return [try SoftmaxKernels.inputGradient(g, output: try output.get(), layout, log: log)]
        case .cat(let dim, let starts, let sizes, let skipped):
            return try GradMode.withNoGrad {
                try skipped.indices.map { i in
                    skipped[i] ? try Tensor.zeros([0]) : try g.narrow(dim: dim, start: starts[i], length: sizes[i]).contiguous()
                }
            }
        case .stack(let dim, let count):
            return try GradMode.withNoGrad { try (0..<count).map { try g.select(dim: dim, index: $0).contiguous() } }
        case .fill(let shape):
            return [try G.zeros(g.shape, like: g).reshape(shape)]
        case .copyFrom(let sourceShape):
            return [try G.zeros(g.shape, like: g), try G.sumTo(g, sourceShape)]
        case .index(let plan, let sourceShape):
            return [try IndexKernels.scatterAdd(g, plan, shape: sourceShape)]
        case .indexPut(let items, let valueShape, let valueNeedsGrad, _):
            return try Tensor.indexPutGradients(g, items, valueShape: valueShape, valueNeedsGrad: valueNeedsGrad)
        case .takePositions(_, let positions, let sourceShape):
            return [try PositionKernels.addAt(g, positions, shape: sourceShape)]
        case .scatterPositions(_, let targets, let sourcePositions, let sourceShape, let accumulate):
            return try PositionKernels.scatterGradients(g, targets: targets, sourcePositions: sourcePositions,
                                                        sourceShape: sourceShape, accumulate: accumulate,
                                                        needBase: n(0), needSource: n(1))
        case .evenlyDistributed(_, let x, let result):
            return [try PositionKernels.evenlyDistributed(g, try x.get(), try result.get())]
        case .cumprod(let x, let dim):
            return [try CumulativeKernels.cumprodGradient(g, try x.get(), dim: dim)]
        case .diagonal(let shape, let offset, let d1, let d2):
            return [try G.scatterInto(shape, g) { try $0.diagonal(offset: offset, dim1: d1, dim2: d2) }]
        case .namedSlice(_, let shape, let dim, let start):
            let len = g.shape[dim]
            return [try G.scatterInto(shape, g) { try $0.slice(dim: dim, start: start, end: start + len, step: 1) }]
        case .notDifferentiable(let name, _):
            let op = name == "NotImplemented" ? "floor_divide" : name
            throw TensorError(.runtimeError, "the derivative for '\(op)' is not implemented.")
        case .fusedLoss(_, let rule), .pythonFunction(_, let rule):
            return try rule(g)
        case .freed:
            throw TensorError(.runtimeError, freedMessage)
        }
    }
}
