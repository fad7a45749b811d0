import KindlingEngine
import KindlingLanguage

/// `torch.finfo(dtype)` and `torch.iinfo(dtype)`: the limits of a dtype, with
/// PyTorch's attributes (Python floats and ints) and reprs.
enum NumericInfo {
    static let finfoClass = infoClass("finfo", floating: true)
    static let iinfoClass = infoClass("iinfo", floating: false)

    private static func infoClass(_ name: String, floating: Bool) -> PyClass {
        let c = PyClass(native: name, module: "torch")
        c.factory = { cls in PyObject(pyClass: cls) }
        let signature = Signature(parsing: ["self", floating ? "type=None" : "type"])
        c.define("__init__") { args in
            let b = try args.bind(signature)
            guard let object = args.positional.first?.object else { return .none }
            let given = b["type"]
            let dtype: DType
            if given.isNone { dtype = DType.defaultFloat } else {
                guard let d = try? TorchConvert.dtype(given) else {
                    throw pyError(.typeError, "\(name)(): argument 'type' (position 1) must be torch.dtype, not \(given.typeName)")
                }
                dtype = d
            }
            object.attributes = AttributeDict()
            if floating {
                guard dtype.isFloatingPoint else {
                    throw pyError(.typeError, "torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'")
                }
                fill(object, floating: dtype)
            } else {
                guard dtype == .int32 || dtype == .int64 else {
                    if dtype == .bool { throw notSupported("torch.iinfo(torch.bool)") }
                    throw pyError(.typeError, "torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'")
                }
                fill(object, integer: dtype)
            }
            return .none
        }
        c.define("__repr__") { args in
            guard let repr = args.positional.first?.object?.attributes?["_repr"] else { return .str("\(name)()") }
            return repr
        }
        return c
    }

    private static func fill(_ o: PyObject, floating dtype: DType) {
        let double = dtype == .float64
        let eps = double ? Double.ulpOfOne : Double(Float.ulpOfOne)
        let maxValue = double ? Double.greatestFiniteMagnitude : Double(Float.greatestFiniteMagnitude)
        let tiny = double ? Double.leastNormalMagnitude : Double(Float.leastNormalMagnitude)
        let resolution = double ? 1e-15 : 1e-06
        let values: [(String, Value)] = [
            ("bits", .int(double ? 64 : 32)), ("eps", .float(eps)), ("max", .float(maxValue)), ("min", .float(-maxValue)),
            ("tiny", .float(tiny)), ("smallest_normal", .float(tiny)), ("resolution", .float(resolution)),
            ("dtype", .str(double ? "float64" : "float32")),
        ]
        for (k, v) in values { o.attributes?[k] = v }
        o.attributes?["_repr"] = .str(double
            ? "finfo(resolution=1e-15, min=-1.79769e+308, max=1.79769e+308, eps=2.22045e-16, smallest_normal=2.22507e-308, tiny=2.22507e-308, dtype=float64)"
            : "finfo(resolution=1e-06, min=-3.40282e+38, max=3.40282e+38, eps=1.19209e-07, smallest_normal=1.17549e-38, tiny=1.17549e-38, dtype=float32)")
    }

    private static func fill(_ o: PyObject, integer dtype: DType) {
        let wide = dtype == .int64
        o.attributes?["bits"] = .int(wide ? 64 : 32)
        o.attributes?["max"] = .int(wide ? Int(Int64.max) : Int(Int32.max))
        o.attributes?["min"] = .int(wide ? Int(Int64.min) : Int(Int32.min))
        o.attributes?["dtype"] = .str(wide ? "int64" : "int32")
        o.attributes?["_repr"] = .str(wide ? "iinfo(min=-9.22337e+18, max=9.22337e+18, dtype=int64)"
                                           : "iinfo(min=-2.14748e+09, max=2.14748e+09, dtype=int32)")
    }
}
