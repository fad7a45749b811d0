import KindlingLanguage

/// `torch.device`: a device type and optional index, as PyTorch parses and
/// prints them. Kindling behaves like a CPU-only build of PyTorch: any device
/// can be named, but only the CPU holds tensors.
final class DeviceObject: PyObject {
    let type: String
    let index: Int?

    /// PyTorch's device types, in the order its parse error lists them.
    static let knownTypes = ["cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga",
                             "maia", "xla", "lazy", "vulkan", "mps", "meta", "hpu", "mtia", "privateuseone"]

    init(type: String, index: Int?) {
        self.type = type
        self.index = index
        super.init(pyClass: DeviceObject.pyClassObject)
    }

    static let cpu = DeviceObject(type: "cpu", index: nil)

    var text: String { index.map { "\(type):\($0)" } ?? type }

    /// Parses `"cuda:1"`-style strings as `torch.device` does.
    static func parse(_ s: String) throws -> DeviceObject {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let kind = parts.first, knownTypes.contains(kind) else {
            throw pyError(.runtimeError, "Expected one of \(knownTypes.joined(separator: ", ")) device type at start of device string: \(s)")
        }
        if parts.count == 1 { return kind == "cpu" ? cpu : DeviceObject(type: kind, index: nil) }
        guard parts.count == 2, let i = Int(parts[1]), i >= 0, !parts[1].hasPrefix("+") else {
            throw pyError(.runtimeError, "Invalid device string: '\(s)'")
        }
        return DeviceObject(type: kind, index: i)
    }

    /// The device a `device=`/`.to(...)` argument names, or nil when the value is no device.
    static func from(_ v: Value) throws -> DeviceObject? {
        if let d = v.as(DeviceObject.self) { return d }
        if case .str(let s) = v { return try parse(s) }
        return nil
    }

    /// Checks that tensors can live on `device`, failing as a CPU-only PyTorch does.
    static func requireCPU(_ device: DeviceObject) throws {
        switch device.type {
        case "cpu": return
        case "cuda": throw pyError(.assertionError, "Torch not compiled with CUDA enabled")
        case "mps": throw pyError(.runtimeError, "PyTorch is not linked with support for mps devices")
        default: throw notSupported("device '\(device.text)'")
        }
    }

    /// Validates an optional `device=` argument of a creation function.
    static func checkArgument(_ v: Value) throws {
        if v.isNone { return }
        guard let d = try from(v) else {
            throw pyError(.typeError, "device must be a torch.device or a string, not \(v.typeName)")
        }
        try requireCPU(d)
    }

    static let pyClassObject: PyClass = {
        let c = PyClass(native: "device", module: "torch")
        let sig = Signature(parsing: ["type", "index=None"])
        c.constructor = { args in
            let b = try args.bind(sig)
            if let d = b["type"].as(DeviceObject.self), b["index"].isNone { return .object(d) }
            guard case .str(let s) = b["type"] else {
                throw pyError(.typeError, "device() received an invalid combination of arguments - got (\(b["type"].typeName))")
            }
            let d = try parse(s)
            guard let i = try b.optionalInt("index") else { return .object(d) }
            if d.index != nil {
                throw pyError(.runtimeError, "type (string) must not include an index because index was passed explicitly: \(s)")
            }
            if i < 0 { throw pyError(.runtimeError, "Device index must not be negative") }
            return .object(DeviceObject(type: d.type, index: i))
        }
        func me(_ args: Arguments) throws -> DeviceObject { try args.selfObject(DeviceObject.self) }
        c.define("__repr__") { args in
            let d = try me(args)
            return .str("device(type='\(d.type)'" + (d.index.map { ", index=\($0)" } ?? "") + ")")
        }
        c.define("__str__") { args in .str(try me(args).text) }
        c.define("__eq__") { args in
            let d = try me(args)
            guard let o = (try args[1]).as(DeviceObject.self) else { return .bool(false) }
            return .bool(o.type == d.type && o.index == d.index)
        }
        c.define("__hash__") { args in .int(try me(args).text.hashValue) }
        c.defineProperty("type", get: { v in .str(v.as(DeviceObject.self)?.type ?? "cpu") })
        c.defineProperty("index", get: { v in v.as(DeviceObject.self)?.index.map { .int($0) } ?? .none })
        return c
    }()
}
