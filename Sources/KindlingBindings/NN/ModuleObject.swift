import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// What a native layer computes, so native models run without the interpreter.
enum NativeLayer {
    case custom
    case linear(inFeatures: Int, outFeatures: Int)
    case relu, sigmoid, tanh
    case flatten(start: Int, end: Int)
    case sequential
    case loss(LossKind, Reduction, ignoreIndex: Int)
}

enum LossKind: String {
    case crossEntropy = "CrossEntropyLoss", mse = "MSELoss", l1 = "L1Loss"
    case bceWithLogits = "BCEWithLogitsLoss", bce = "BCELoss", nll = "NLLLoss"

    func compute(_ input: Tensor, _ target: Tensor, _ reduction: Reduction, ignoreIndex: Int) throws -> Tensor {
        switch self {
        case .crossEntropy: return try Losses.crossEntropy(input, target, reduction: reduction, ignoreIndex: ignoreIndex)
        case .nll: return try Losses.nll(input, target, reduction: reduction, ignoreIndex: ignoreIndex)
        case .mse: return try Losses.mse(input, target, reduction: reduction)
        case .l1: return try Losses.l1(input, target, reduction: reduction)
        case .bce: return try Losses.binaryCrossEntropy(input, target, reduction: reduction)
        case .bceWithLogits: return try Losses.binaryCrossEntropyWithLogits(input, target, reduction: reduction)
        }
    }
}

/// An `nn.Module` instance (native layers and user subclasses alike): the
/// ordered `_parameters` and `_modules` PyTorch keeps, filled by `__setattr__`.
public final class ModuleObject: PyObject {
    var parameters: [(name: String, value: TensorObject?)] = []
    var children: [(name: String, module: ModuleObject?)] = []
    var training = true
    var layer: NativeLayer = .custom

    init(pyClass: PyClass) {
        super.init(pyClass: pyClass, hasAttributes: true)
    }

    func parameter(named name: String) -> TensorObject?? {
        for p in parameters where p.name == name { return .some(p.value) }
        return nil
    }

    func child(named name: String) -> ModuleObject?? {
        for c in children where c.name == name { return .some(c.module) }
        return nil
    }

    func setParameter(_ name: String, _ value: TensorObject?) {
        if let i = parameters.firstIndex(where: { $0.name == name }) { parameters[i].value = value }
        else { parameters.append((name, value)) }
    }

    func setChild(_ name: String, _ value: ModuleObject?) {
        if let i = children.firstIndex(where: { $0.name == name }) { children[i].module = value }
        else { children.append((name, value)) }
    }

    /// `named_parameters()`: own parameters first, then the children's with
    /// dotted prefixes; each tensor once.
    func namedParameters(prefix: String = "", recurse: Bool = true) -> [(String, TensorObject)] {
        var seen = Set<ObjectIdentifier>()
        var out: [(String, TensorObject)] = []
        func walk(_ m: ModuleObject, _ prefix: String, _ visited: inout Set<ObjectIdentifier>) {
            for (name, p) in m.parameters {
                guard let p, seen.insert(ObjectIdentifier(p.tensor)).inserted else { continue }
                out.append((prefix + name, p))
            }
            guard recurse else { return }
            for (name, c) in m.children {
                guard let c, visited.insert(ObjectIdentifier(c)).inserted else { continue }
                walk(c, prefix + name + ".", &visited)
            }
        }
        var visited: Set<ObjectIdentifier> = [ObjectIdentifier(self)]
        walk(self, prefix, &visited)
        return out
    }

    /// `named_modules()`: this module then every descendant, each once.
    func namedModules() -> [(String, ModuleObject)] {
        var out: [(String, ModuleObject)] = []
        var visited = Set<ObjectIdentifier>()
        func walk(_ m: ModuleObject, _ prefix: String) {
            guard visited.insert(ObjectIdentifier(m)).inserted else { return }
            out.append((prefix, m))
            for (name, c) in m.children {
                if let c { walk(c, prefix.isEmpty ? name : prefix + "." + name) }
            }
        }
        walk(self, "")
        return out
    }

    func setTraining(_ on: Bool) {
        for (_, m) in namedModules() { m.training = on }
    }

    /// True when calling this module means running its native layer (a
    /// native class, not a user subclass that may override `forward`).
    var runsNatively: Bool {
        if case .custom = layer { return false }
        return pyClass.isNative
    }

    /// `self(x)` for one tensor: native layers directly, others through the
    /// interpreter (`forward` may be Python).
    func callTensor(_ x: Tensor) throws -> Tensor {
        if runsNatively, let y = try nativeForward(x) { return y }
        let r = try Runtime.call(.object(self), [.tensor(x)])
        guard let t = r.tensorValue else {
            throw pyError("TypeError", "\(pyClass.name).forward returned \(r.typeName), where a Tensor was expected")
        }
        return t
    }

    /// The native computation, or nil for losses (two inputs) and custom modules.
    func nativeForward(_ x: Tensor) throws -> Tensor? {
        switch layer {
        case .custom, .loss: return nil
        case .linear:
            let w = parameter(named: "weight") ?? nil
            let b = parameter(named: "bias") ?? nil
            guard let w else { throw pyError("TypeError", "Linear.weight is None") }
            return try FusedLinear.apply(x, w.tensor, b?.tensor)
        case .relu: return try x.relu()
        case .sigmoid: return try x.sigmoid()
        case .tanh: return try x.tanh()
        case .flatten(let s, let e): return try x.flatten(startDim: s, endDim: e)
        case .sequential:
            // Native containers call their children from Swift: count the
            // nesting so a Sequential that contains itself raises
            // RecursionError instead of overflowing the stack.
            ModuleObject.nativeDepth += 1
            defer { ModuleObject.nativeDepth -= 1 }
            if ModuleObject.nativeDepth > ModuleObject.maxNativeDepth {
                throw pyError("RecursionError", "maximum recursion depth exceeded")
            }
            var y = x
            for (_, c) in children { if let c { y = try c.callTensor(y) } }
            return y
        }
    }

    nonisolated(unsafe) static var nativeDepth = 0
    /// CPython's default recursion limit.
    static let maxNativeDepth = 1000
}
