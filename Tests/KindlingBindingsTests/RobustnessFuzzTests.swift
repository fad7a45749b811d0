import KindlingLanguage
import XCTest

/// Seeded random snippets that call torch with hostile arguments. Each one must
/// either succeed or raise a Python exception: a crash kills the test process.
final class RobustnessFuzzTests: XCTestCase {
    func testHostileTorchSnippetsNeverCrash() throws {
        var gen = HostileSnippetGenerator(seed: 0x6B696E646C696E67)
        var raised = 0, succeeded = 0
        for _ in 0..<1500 {
            let snippet = gen.snippet()
            let runner = ScriptRunner()
            do {
                try runner.interp.run(source: HostileSnippetGenerator.setup + snippet, filename: "<fuzz>")
                succeeded += 1
            } catch is PyException {
                raised += 1
            } catch {
                XCTFail("non-Python error \(error) from:\n\(snippet)")
            }
        }
        // Both outcomes must be common, or the generator has stopped exploring.
        XCTAssertGreaterThan(raised, 300)
        XCTAssertGreaterThan(succeeded, 150)
    }
}

/// SplitMix64: a tiny deterministic generator so failures reproduce.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Builds small Python snippets around a fixed set of tensors.
struct HostileSnippetGenerator {
    var rng: SeededRandom
    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    static let setup = """
        import torch
        t = torch.arange(6.).reshape(2,3)
        u = torch.ones(3,2).t()
        s = torch.tensor(3.)
        e = torch.zeros(0,3)
        b = torch.tensor([True,False,True])
        m = torch.arange(6).reshape(2,3)
        g = torch.randn(2,3, requires_grad=True)

        """
    static let ints = ["0", "1", "-1", "2", "3", "-3", "10**18", "-10**18", "2**63", "2**62", "-2**63", "100000", "7"]
    static let others = ["\"a\"", "None", "[1,2]", "1.5", "-0.5", "True", "(2,3)", "[]", "t", "u", "s", "e", "b", "m",
                         "float('nan')", "float('inf')", "torch.float", "torch.long", "torch.bool"]
    static let tensors = ["t", "u", "s", "e", "b", "m", "g", "t[:,1:]", "t.T", "(g*2)", "u.contiguous()", "m.bool()"]
    static let functions = [
        "zeros", "ones", "empty", "rand", "randn", "arange", "full", "eye", "linspace", "randint", "tensor",
        "zeros_like", "ones_like", "stack", "cat", "matmul", "mm", "bmm", "where", "cumsum", "argmax", "max", "min",
        "sum", "mean", "softmax", "log_softmax", "clamp", "exp", "log", "sqrt", "abs", "transpose", "reshape",
        "flatten", "squeeze", "unsqueeze", "topk", "sort", "gather", "index_select", "masked_fill", "manual_seed",
        "randperm", "multinomial", "einsum", "tril", "triu", "diag", "outer", "dot", "allclose", "equal", "chunk",
        "split", "narrow", "repeat_interleave", "flip", "roll", "std", "var", "prod", "norm", "logsumexp",
        "as_tensor", "full_like", "rand_like", "randn_like", "empty_like", "meshgrid", "broadcast_tensors",
        "nonzero", "unique", "isclose", "maximum", "minimum", "pow", "sign", "floor", "ceil", "round", "numel",
        "cumprod", "kthvalue", "median", "sigmoid", "tanh", "relu", "cdist", "argsort", "amax", "bincount"]
    static let methods = [
        "view", "reshape", "permute", "transpose", "expand", "repeat", "sum", "mean", "max", "min", "argmax",
        "unsqueeze", "squeeze", "flatten", "item", "tolist", "__getitem__", "__setitem__", "add_", "mul_", "zero_",
        "fill_", "backward", "index_select", "gather", "scatter_", "masked_fill", "masked_fill_", "clamp", "clamp_",
        "chunk", "split", "narrow", "unfold", "size", "stride", "numel", "dim", "to", "type", "float", "long", "int",
        "bool", "double", "contiguous", "clone", "detach", "t", "new_zeros", "new_ones", "new_full", "new_tensor",
        "sort", "topk", "cumsum", "softmax", "std", "var", "pow", "pow_", "sub_", "div_", "copy_", "normal_",
        "uniform_", "random_", "bernoulli", "exp_", "log_", "sqrt_", "abs_", "neg", "flip", "roll", "matmul", "mm",
        "dot", "view_as", "expand_as", "reshape_as", "type_as", "requires_grad_", "retain_grad", "all", "any",
        "nonzero", "eq", "lt", "ge", "argsort", "prod", "norm", "logsumexp", "repeat_interleave", "diag", "tril",
        "triu", "index_add_", "index_fill_", "masked_select", "select", "movedim", "swapaxes", "unbind", "amax",
        "amin", "square", "log_softmax", "__len__", "__format__", "__repr__", "kthvalue", "cumprod", "scatter_add_"]
    static let keywords = ["dim=", "keepdim=", "dtype=", "out=", "requires_grad=", "device=", "size=", "generator="]
    static let indices = ["...", "None", ":", "::2", "::-1", "[0,5]", "[-7]", "[True,False]", "b", "m", "s", "\"a\"",
                          "1.5", "(0,0,0)", "0,...,0", "torch.tensor([True])", "torch.tensor(5)", "[[0,1],[1,0]]",
                          "e.long()", "[]", "()", "::10**18", "-10**18:10**18", "::0", "2**63", "-2**63",
                          "torch.tensor([2**62])", "torch.tensor([[True]])", "None,None,...,None,0"]
    static let operators = ["+", "-", "*", "/", "//", "%", "**", "@", "==", "<", "&", "|", "^", "<<", ">>"]
    static let scenarios = [
        "y=(g*2).sum(); y.backward(); y.backward()",
        "g.add_(1)", "h=g*1; h.mul_(2); h.sum().backward()",
        "x=g.exp(); g.data.zero_(); x.sum().backward()",
        "g.grad.zero_()", "g.sum().backward(retain_graph=True); g.sum().backward(); g.grad",
        "torch.tensor([[1,2],[3]])", "int(t)", "float(s)", "bool(t)", "len(s)", "list(s)", "hash(t)",
        "torch.zeros(2**31, 2**31)", "torch.ones(10**18)", "torch.tensor(range(10**18))",
        "x = torch.tensor(3.); x /= g*2", "x = torch.zeros(3); x[::2] += g[0,:2]",
        "torch.tensor([" + String(repeating: "[", count: 200) + "1" + String(repeating: "]", count: 200) + "])",
        "sum([t,u])", "max(t)", "sorted([t,s])", "t in t", "next(iter(e))", "g[0].add_(1)",
        "with torch.no_grad(): g.add_(1)", "x = g.detach(); x.add_(1); (g*x).sum().backward()",
        "x = t.clone(); x[x > 2] = torch.tensor([1., 2.])", "x = t.clone(); x[[0, 1]] = torch.zeros(3, 3)",
        "torch.stack([t, u], dim=-3)", "torch.cat([t, e, m])", "torch.where(b, t, m)",
        "torch.einsum('ij,jk->ik', t, u, t)", "t.view(3, -1).T.view(-1)", "u.view(-1)", "t.expand(4, 2, 3).sum()",
    ]

    mutating func arg() -> String {
        rng.chance(0.45) ? rng.pick(Self.ints) : rng.pick(Self.others + Self.tensors)
    }

    mutating func args(_ count: Int) -> String {
        var parts = (0..<count).map { _ in arg() }
        if rng.chance(0.3) { parts.append(rng.pick(Self.keywords) + arg()) }
        return parts.joined(separator: ", ")
    }

    mutating func nested(_ depth: Int) -> String {
        if depth == 0 { return rng.pick(["1", "1.5", "True", "[]", "\"x\"", "None", "t", "s", "2**63"]) }
        return "[" + (0...rng.below(2)).map { _ in nested(depth - 1) }.joined(separator: ",") + "]"
    }

    mutating func snippet() -> String {
        switch rng.below(10) {
        case 0, 1, 2: return "torch.\(rng.pick(Self.functions))(\(args(rng.below(4))))"
        case 3, 4, 5: return "\(rng.pick(Self.tensors)).\(rng.pick(Self.methods))(\(args(rng.below(4))))"
        case 6:
            let index = rng.chance(0.3)
                ? "\(rng.pick(Self.ints)):\(rng.pick(Self.ints)):\(rng.pick(Self.ints))" : rng.pick(Self.indices)
            let target = "\(rng.pick(Self.tensors))[\(index)]"
            return rng.chance(0.5) ? target : "\(target) = \(arg())"
        case 7:
            if rng.chance(0.2) {
                let depth = 30 + rng.below(100)
                return "torch.tensor(" + String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth) + ")"
            }
            return "torch.tensor(\(nested(1 + rng.below(4))))"
        case 8:
            let op = rng.pick(Self.operators)
            let lhs = rng.pick(Self.tensors)
            let rhs = rng.chance(0.6) ? rng.pick(Self.tensors) : arg()
            return rng.chance(0.5) ? "x = \(lhs).clone()\nx \(op)= \(rhs)" : "\(lhs) \(op) \(rhs)"
        default: return rng.pick(Self.scenarios)
        }
    }
}
