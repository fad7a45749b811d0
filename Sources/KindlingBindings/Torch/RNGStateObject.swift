import KindlingEngine
import KindlingLanguage

/// What `torch.get_rng_state()` and `Generator.get_state()` return: in PyTorch a uint8 tensor
/// of the generator's 5056 state bytes. Kindling has no uint8 tensors, so this object holds
/// the bytes, prints as PyTorch prints the tensor, round-trips through `set_rng_state`/
/// `set_state`, and answers `shape`, `size()`, `len()`, `numel()`, `clone()`, `tolist()`;
/// anything else of a tensor is refused as not supported.
final class RNGStateObject: PyObject {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        super.init(pyClass: RNGStateObject.pyClassObject)
    }

    /// The bytes of a state argument, with PyTorch's errors for anything else.
    static func bytes(_ v: Value) throws -> [UInt8] {
        if let s = v.as(RNGStateObject.self) { return s.bytes }
        if v.tensorValue != nil { throw pyError(.typeError, "RNG state must be a torch.ByteTensor") }
        throw pyError(.typeError, "expected a torch.ByteTensor, but got \(v.typeName)")
    }

    /// PyTorch's repr of a 1-D uint8 tensor: right-aligned values (three each side of `...`
    /// past the threshold), wrapped at the line width, `dtype=torch.uint8` on its own line
    /// when it does not fit.
    var text: String {
        let options = TensorFormatter.options
        let ellipsis = " ..."
        let values: [String]
        if Double(bytes.count) > options.threshold && bytes.count > 2 * options.edgeItems {
            values = bytes.prefix(options.edgeItems).map { String($0) } + [ellipsis] + bytes.suffix(options.edgeItems).map { String($0) }
        } else {
            values = bytes.map { String($0) }
        }
        let width = values.filter { $0 != ellipsis }.map(\.count).max() ?? 1
        let items = values.map { $0 == ellipsis ? $0 : String(repeating: " ", count: width - $0.count) + $0 }
        let indent = 7
        let perLine = max(1, (options.lineWidth - indent) / (width + 2))
        var lines: [String] = []
        var start = 0
        while start < items.count {
            lines.append(items[start..<min(start + perLine, items.count)].joined(separator: ", "))
            start += perLine
        }
        let body = "tensor([" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
        let lastLine = body.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? body
        let lastLength = lastLine.count + 2
        let suffix = "dtype=torch.uint8"
        if lastLength + suffix.count + 2 > options.lineWidth {
            return body + ",\n" + String(repeating: " ", count: indent) + suffix + ")"
        }
        return body + ", " + suffix + ")"
    }

    static let pyClassObject: PyClass = {
        let c = PyClass(native: "Tensor", module: "torch")
        func me(_ args: Arguments) throws -> RNGStateObject { try args.selfObject(RNGStateObject.self) }
        c.define("__repr__") { args in .str(try me(args).text) }
        c.define("__len__") { args in .int(try me(args).bytes.count) }
        c.define("numel") { args in .int(try me(args).bytes.count) }
        c.define("size") { args in TorchConvert.sizeValue([try me(args).bytes.count]) }
        c.define("clone") { args in .object(RNGStateObject(try me(args).bytes)) }
        c.define("tolist") { args in .object(PyList(try me(args).bytes.map { .int(Int($0)) })) }
        c.defineProperty("shape", get: { v in TorchConvert.sizeValue([v.as(RNGStateObject.self)?.bytes.count ?? 0]) })
        c.define("__getitem__") { args in
            let state = try me(args)
            guard let slice = (try args[1]).as(PySlice.self) else {
                throw notSupported("indexing an RNG state with anything but a slice (a uint8 tensor in PyTorch; Kindling has no uint8 tensors)")
            }
            return .object(RNGStateObject(try slice.positions(state.bytes.count).map { state.bytes[$0] }))
        }
        c.define("__getattr__") { args in
            throw notSupported("'\(try args[1].asString())' of an RNG state (a uint8 tensor in PyTorch; Kindling has no uint8 tensors)")
        }
        return c
    }()
}
