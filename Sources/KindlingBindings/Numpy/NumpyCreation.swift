import KindlingData
import KindlingLanguage

/// NumPy's array-creation functions: `array`, `asarray`, `zeros`, `ones`, `full`, `empty`,
/// `arange`, `linspace`, `eye`, `identity` and the `*_like` forms.
enum NumpyCreation {
    static func install(_ m: PyModule) {
        m["array"] = array
        define(m, "asarray", ["a", "dtype=None"]) { b in
            let dtype = try NumpyTypes.elementType(b["dtype"], function: "asarray")
            if let a = b["a"].as(NDArrayObject.self), dtype == nil || dtype == a.array.elementType, !a.isScalar { return b["a"] }
            return .object(NDArrayObject(numpy: try NumpyConvert.array(b["a"], dtype: dtype)))
        }
        for (name, fill) in [("zeros", 0.0), ("ones", 1.0), ("empty", 0.0)] {
            define(m, name, ["shape", "dtype=None", "order='C'"]) { b in
                let type = try NumpyTypes.elementType(b["dtype"], function: name) ?? .float64
                return try filled(try NumpyConvert.shape(b["shape"]), fill, type)
            }
            define(m, name + "_like", ["a", "dtype=None"]) { b in
                let a = try NumpyConvert.array(b["a"], dtype: nil)
                let type = try NumpyTypes.elementType(b["dtype"], function: name + "_like") ?? a.elementType
                return try filled(a.shape, fill, type)
            }
        }
        define(m, "full", ["shape", "fill_value", "dtype=None"]) { b in
            let value = try NumpyConvert.array(b["fill_value"], dtype: nil)
            guard value.count == 1 else { throw notSupported("np.full with an array fill_value") }
            let type = try NumpyTypes.elementType(b["dtype"], function: "full") ?? value.elementType
            return try filled(try NumpyConvert.shape(b["shape"]), value.doubleValues[0], type)
        }
        define(m, "full_like", ["a", "fill_value", "dtype=None"]) { b in
            let a = try NumpyConvert.array(b["a"], dtype: nil)
            let type = try NumpyTypes.elementType(b["dtype"], function: "full_like") ?? a.elementType
            return try filled(a.shape, try b["fill_value"].asDouble(), type)
        }
        define(m, "arange", ["start", "stop=None", "step=None", "dtype=None"]) { b in
            var start = b["start"], stop = b["stop"]
            if stop.isNone { stop = start; start = .int(0) }
            let step = b["step"].isNone ? Value.int(1) : b["step"]
            let allInts = [start, stop, step].allSatisfy { if case .int = $0 { return true } else { return false } }
            let s0 = try start.asDouble(), s1 = try stop.asDouble(), d = try step.asDouble()
            if d == 0 { throw pyError(.zeroDivisionError, "division by zero") }
            let n = max(0, Int(((s1 - s0) / d).rounded(.up)))
            try NumpyConvert.checkShape([n])
            let requested = try NumpyTypes.elementType(b["dtype"], function: "arange")
            let type = requested ?? (allInts ? .int64 : .float64)
            if allInts {
                let a = Int64(try start.asInt()), st = Int64(try step.asInt())
                return .object(NDArrayObject(numpy: try NDArray.make((0..<n).map { a &+ Int64($0) &* st }, shape: [n], type: type)))
            }
            return .object(NDArrayObject(numpy: try NDArray.make((0..<n).map { s0 + Double($0) * d }, shape: [n], type: type)))
        }
        define(m, "linspace", ["start", "stop", "num=50", "endpoint=True", "retstep=False", "dtype=None", "axis=0"]) { b in
            let start = try b.double("start"), stop = try b.double("stop"), num = try b.int("num")
            guard num >= 0 else { throw pyError(.valueError, "Number of samples, \(num), must be non-negative.") }
            try NumpyConvert.checkShape([num])
            let endpoint = try b.bool("endpoint")
            let div = Double(endpoint ? num - 1 : num)
            let step = div > 0 ? (stop - start) / div : .nan
            var values = (0..<num).map { i -> Double in
                if div > 0 && step == 0 { return Double(i) / div * (stop - start) + start }
                return div > 0 ? Double(i) * step + start : Double(i) * (stop - start) + start
            }
            if endpoint && num > 1 { values[num - 1] = stop }
            let type = try NumpyTypes.elementType(b["dtype"], function: "linspace") ?? .float64
            let a = Value.object(NDArrayObject(numpy: try NDArray.make(values, shape: [num], type: type)))
            return try b.bool("retstep") ? .object(PyTuple([a, .float(step)])) : a
        }
        define(m, "eye", ["N", "M=None", "k=0", "dtype=None"]) { b in
            let n = try b.int("N"), mCols = try b.optionalInt("M") ?? n, k = try b.int("k")
            try NumpyConvert.checkShape([n, mCols])
            var values = [Double](repeating: 0, count: n * mCols)
            for i in 0..<n where i + k >= 0 && i + k < mCols { values[i * mCols + i + k] = 1 }
            let type = try NumpyTypes.elementType(b["dtype"], function: "eye") ?? .float64
            return .object(NDArrayObject(numpy: try NDArray.make(values, shape: [n, mCols], type: type)))
        }
        define(m, "identity", ["n", "dtype=None"]) { b in
            let n = try b.int("n")
            try NumpyConvert.checkShape([n, n])
            var values = [Double](repeating: 0, count: n * n)
            for i in 0..<n { values[i * n + i] = 1 }
            let type = try NumpyTypes.elementType(b["dtype"], function: "identity") ?? .float64
            return .object(NDArrayObject(numpy: try NDArray.make(values, shape: [n, n], type: type)))
        }
    }

    /// `np.array(object, dtype=None)` (also fastai's `array`).
    static let array: Value = {
        let sig = Signature(parsing: ["object", "dtype=None", "*", "copy=True", "order='K'", "subok=False", "ndmin=0", "like=None"])
        return .object(NativeFunction(name: "array") { args in
            var a = args
            a.functionName = "array"
            let b = try a.bind(sig)
            let ndmin = try b.int("ndmin")
            var result = try NumpyConvert.array(b["object"], dtype: try NumpyTypes.elementType(b["dtype"], function: "array"))
            if let t = b["object"].tensorValue, t.requiresGrad {
                throw pyError(.runtimeError, "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
            }
            if ndmin > result.ndim { result = try result.reshaped(Array(repeating: 1, count: ndmin - result.ndim) + result.shape) }
            return .object(NDArrayObject(numpy: result))
        })
    }()

    static func filled(_ shape: [Int], _ value: Double, _ type: ArrayElementType) throws -> Value {
        try NumpyConvert.checkShape(shape)
        let n = shape.reduce(1, *)
        return .object(NDArrayObject(numpy: try NDArray.make([Double](repeating: value, count: n), shape: shape, type: type)))
    }

    static func define(_ m: PyModule, _ name: String, _ params: [String], _ body: @escaping (BoundArguments) throws -> Value) {
        let sig = Signature(parsing: params)
        m[name] = .object(NativeFunction(name: name) { args in
            var a = args
            a.functionName = name
            return try body(try a.bind(sig))
        })
    }
}
