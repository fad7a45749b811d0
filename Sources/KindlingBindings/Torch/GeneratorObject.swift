import KindlingEngine
import KindlingLanguage

/// `torch.Generator`: a CPU random generator of its own (MT19937 as PyTorch's), passed as
/// `generator=` to the sampling functions. `torch.default_generator` wraps the global one.
final class GeneratorObject: PyObject {
    let generator: RandomGenerator

    init(_ generator: RandomGenerator) {
        self.generator = generator
        super.init(pyClass: GeneratorObject.pyClassObject)
    }

    /// `torch.default_generator`, what `torch.manual_seed` returns.
    static let global = GeneratorObject(.global)

    /// The generator a `generator=` argument names: the global one for None.
    static func from(_ v: Value, function: String) throws -> RandomGenerator {
        if v.isNone { return .global }
        guard let g = v.as(GeneratorObject.self) else {
            throw pyError(.typeError, "\(function)(): argument 'generator' must be torch.Generator, not \(v.typeName)")
        }
        return g.generator
    }

    /// A seed as `manual_seed` takes it: any int, negative ones wrapping modulo 2**64.
    static func seed(_ v: Value) throws -> UInt64 {
        switch v {
        case .int(let i): return UInt64(bitPattern: Int64(i))
        case .bool(let b): return b ? 1 : 0
        default:
            if let t = v.tensorValue, t.numel == 1, !t.dtype.isFloatingPoint, case .int(let i) = try t.item() {
                return UInt64(bitPattern: i)
            }
            throw pyError(.runtimeError, "manual_seed expected a long, but got \(v.typeName)")
        }
    }

    /// A 64-bit seed as the Python int PyTorch returns (Kindling's ints stop at 2**63 - 1).
    static func seedValue(_ s: UInt64) throws -> Value {
        guard s <= UInt64(Int.max) else {
            throw notSupported("a seed above 2**63 - 1 as a Python int (Kindling's ints are 64-bit)")
        }
        return .int(Int(s))
    }

    static let pyClassObject: PyClass = {
        let c = PyClass(native: "Generator", module: "torch._C")
        let sig = Signature(parsing: ["device='cpu'"])
        c.constructor = { args in
            let b = try args.bind(sig)
            if let d = try DeviceObject.from(b["device"]) { try DeviceObject.requireCPU(d) } else if !b["device"].isNone {
                throw pyError(.typeError, "Generator(): argument 'device' must be torch.device, not \(b["device"].typeName)")
            }
            return .object(GeneratorObject(RandomGenerator(seed: 67_280_421_310_721)))
        }
        func me(_ args: Arguments) throws -> GeneratorObject { try args.selfObject(GeneratorObject.self) }
        c.define("manual_seed") { args in
            let b = try args.bind(["self", "seed"])
            try me(args).generator.reseed(try seed(b["seed"]))
            return args.positional[0]
        }
        c.define("seed") { args in try seedValue(try me(args).generator.seedNondeterministically()) }
        c.define("initial_seed") { args in try seedValue(try me(args).generator.initialSeed) }
        c.define("get_state") { args in .object(RNGStateObject(try me(args).generator.stateBytes())) }
        c.define("set_state") { args in
            let b = try args.bind(["self", "new_state"])
            try me(args).generator.restore(stateBytes: try RNGStateObject.bytes(b["new_state"]))
            return args.positional[0]
        }
        c.defineProperty("device", get: { _ in .object(DeviceObject.cpu) })
        return c
    }()
}
