import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// Which KindlingTraining computation a native `torch.nn` class runs (`Linear.apply`,
/// `Activation.apply`, `Sequential.apply`, `LossFunction`), so native models run
/// without the interpreter; `.custom` for user subclasses, whose `forward` is Python.
enum NativeLayer {
    case custom
    case linear(inFeatures: Int, outFeatures: Int)
    case activation(Activation.Kind)
    case sequential
    case loss(LossKind, Reduction, ignoreIndex: Int)
}

typealias LossKind = LossFunction.Kind

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
            throw pyError(.typeError, "\(pyClass.name).forward returned \(r.typeName), where a Tensor was expected")
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
            guard let w else { throw pyError(.typeError, "Linear.weight is None") }
            return try Linear.apply(x, w.tensor, b?.tensor)
        case .activation(let kind):
            // nn.ReLU(inplace=True) overwrites its input, as PyTorch's does.
            if case .relu = kind, try (attributes?["inplace"] ?? .bool(false)).isTruthy() {
                return try x.applyInPlace_ { try Activation.apply(kind, $0) }
            }
            return try Activation.apply(kind, x)
        case .sequential:
            // Native containers call their children from Swift: count the
            // nesting so a Sequential that contains itself raises
            // RecursionError instead of overflowing the stack.
            ModuleObject.nativeDepth += 1
            defer { ModuleObject.nativeDepth -= 1 }
            if ModuleObject.nativeDepth > ModuleObject.maxNativeDepth {
                throw pyError(.recursionError, "maximum recursion depth exceeded")
            }
            return try Sequential.apply(children.compactMap { $0.module }.map { c in { try c.callTensor($0) } }, x)
        }
    }

    nonisolated(unsafe) static var nativeDepth = 0
    /// CPython's default recursion limit.
    static let maxNativeDepth = 1000
}
