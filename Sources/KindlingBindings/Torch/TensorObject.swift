import KindlingEngine
import KindlingLanguage

/// A `torch.Tensor` as scripts see it: a Python object carrying an engine tensor.
public final class TensorObject: PyObject {
    public let tensor: Tensor

    public init(_ tensor: Tensor, pyClass: PyClass = TorchTypes.tensor) {
        self.tensor = tensor
        super.init(pyClass: pyClass, hasAttributes: false)
    }
}

/// A `torch.dtype` object (`torch.float32`, ...).
public final class DTypeObject: PyObject {
    public let dtype: DType

    init(_ dtype: DType) {
        self.dtype = dtype
        super.init(pyClass: TorchTypes.dtype)
    }

    static let float32 = DTypeObject(.float32)
    static let float64 = DTypeObject(.float64)
    static let int32 = DTypeObject(.int32)
    static let int64 = DTypeObject(.int64)
    static let bool = DTypeObject(.bool)

    /// The one object per dtype (`torch.float64 is torch.double`).
    static func of(_ dtype: DType) -> DTypeObject {
        switch dtype {
        case .float32: return float32
        case .float64: return float64
        case .int32: return int32
        case .int64: return int64
        case .bool: return bool
        }
    }
}

/// The native classes of the `torch` module.
public enum TorchTypes {
    /// `torch.Tensor`; its methods are installed on first use.
    public static let tensor: PyClass = {
        let c = PyClass(native: "Tensor", module: "torch")
        TensorMethods.install(on: c)
        return c
    }()

    /// `torch.nn.Parameter`, a Tensor subclass.
    public static let parameter: PyClass = {
        let c = PyClass(native: "Parameter", base: tensor, module: "torch.nn.parameter")
        c.define("__repr__") { args in
            let t = try args.selfObject(TensorObject.self).tensor
            return .str(TensorFormatter.parameterRepr(t, requiresGrad: t.requiresGrad))
        }
        return c
    }()

    /// `torch.dtype`.
    public static let dtype: PyClass = {
        let c = PyClass(native: "dtype", module: "torch")
        c.define("__repr__") { args in .str(try args.selfObject(DTypeObject.self).dtype.description) }
        c.define("__eq__") { args in
            let a = try args.selfObject(DTypeObject.self)
            guard args.count > 1, let b = (try args[1]).as(DTypeObject.self) else { return .bool(false) }
            return .bool(a.dtype == b.dtype)
        }
        c.define("__hash__") { args in .int(try args.selfObject(DTypeObject.self).dtype.hashValue) }
        c.defineProperty("is_floating_point", get: { v in .bool(v.as(DTypeObject.self)?.dtype.isFloatingPoint ?? false) })
        c.defineProperty("itemsize", get: { v in .int(v.as(DTypeObject.self)?.dtype.itemSize ?? 0) })
        return c
    }()

    /// `torch.Size`, a tuple subclass printed as `torch.Size([2, 3])`.
    public static let size: PyClass = {
        let c = PyClass(native: "Size", base: Builtins.tuple, module: "torch")
        c.define("__repr__") { args in
            guard let t = args.positional.first?.as(PyTuple.self) else { return .str("torch.Size([])") }
            return .str(TensorFormatter.sizeRepr(t.items.map { (try? $0.asInt()) ?? 0 }))
        }
        c.define("numel") { args in
            guard let t = args.positional.first?.as(PyTuple.self) else { return .int(1) }
            var n = 1
            for v in t.items {
                let (p, o) = n.multipliedReportingOverflow(by: try v.asInt())
                if o { throw pyError(.overflowError, "torch.Size.numel() overflows") }
                n = p
            }
            return .int(n)
        }
        c.constructor = { args in
            var items: [Int] = []
            if let first = args.positional.first { items = try TorchConvert.intList(first, what: "Size") }
            return TorchConvert.sizeValue(items)
        }
        return c
    }()
}

extension Value {
    /// Wraps an engine tensor for scripts.
    @inline(__always) static func tensor(_ t: Tensor) -> Value { .object(TensorObject(t)) }

    /// The engine tensor inside, if this is a Tensor object.
    @inline(__always) var tensorValue: Tensor? { (object as? TensorObject)?.tensor }
}
