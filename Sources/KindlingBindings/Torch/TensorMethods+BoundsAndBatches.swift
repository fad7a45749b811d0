import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// `clamp_min(min)` / `clamp_max(max)` (ClampMinBackward0 / ClampMaxBackward0) and `bmm(mat2)`.
    static func installBoundsAndBatches(on c: PyClass) {
        for (name, isMin) in [("clamp_min", true), ("clamp_max", false)] {
            let bound = isMin ? "min" : "max"
            c.define(name) { args in
                let t = try selfTensor(args, name)
                let given = Array(args.positional.dropFirst()) + args.keywords.filter { $0.0 == bound }.map { $0.1 }
                guard given.count == 1, args.keywords.allSatisfy({ $0.0 == bound }), let value = given.first,
                      value.tensorValue != nil || TorchConvert.scalar(value) != nil else {
                    let got = given.map { $0.typeName }.joined(separator: ", ")
                    let why = given.isEmpty ? "" : "\n      didn't match because some of the arguments have invalid types: (\(given.map { "!\($0.typeName)!" }.joined(separator: ", ")))"
                    throw pyError(.typeError, "\(name)() received an invalid combination of arguments - got (\(got)), but expected one of:\n * (Tensor \(bound))\(why)\n * (Number \(bound))\(why)\n")
                }
                if value.tensorValue != nil { throw notSupported("\(name)() with a tensor bound") }
                guard let s = TorchConvert.scalar(value) else {
                    throw pyError(.typeError, "\(name)(): argument '\(bound)' (position 1) must be Number, not \(value.typeName)")
                }
                // A bool tensor takes the bound's type first, as PyTorch's type promotion does.
                var input = t
                if t.dtype == .bool {
                    switch s {
                    case .bool: throw pyError(.notImplementedError, "\"\(name)_scalar_cpu\" not implemented for 'Bool'")
                    case .int: input = try t.to(.int64)
                    default: input = try t.to(DType.defaultFloat)
                    }
                }
                let gradName = isMin ? "ClampMinBackward0" : "ClampMaxBackward0"
                return .tensor(try input.clamp(min: isMin ? s : nil, max: isMin ? nil : s, gradName: gradName))
            }
        }
        method(c, "bmm", ["mat2"]) { t, b in
            let other = try TorchConvert.tensor(b["mat2"], function: "bmm", argument: "mat2")
            if t.dim == 3, other.dim == 3, other.shape[0] == t.shape[0], other.shape[1] == t.shape[2], t.dtype != other.dtype {
                throw pyError(.runtimeError, "expected scalar type \(t.dtype.kernelName) but found \(other.dtype.kernelName)")
            }
            return .tensor(try t.bmm(other))
        }
    }
}
