import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// The element-wise functions that have in-place `name_` forms, by name.
    static let inPlaceUnaries: [(String, (Tensor) throws -> Tensor)] = [
        ("log1p", { try $0.log1p() }), ("expm1", { try $0.expm1() }), ("log2", { try $0.log2() }),
        ("log10", { try $0.log10() }), ("exp2", { try $0.exp2() }), ("rsqrt", { try $0.rsqrt() }),
        ("erf", { try $0.erf() }), ("erfinv", { try $0.erfinv() }), ("tan", { try $0.tan() }),
        ("atan", { try $0.atan() }), ("arctan", { try $0.atan() }), ("asin", { try $0.asin() }),
        ("arcsin", { try $0.asin() }), ("acos", { try $0.acos() }), ("arccos", { try $0.acos() }),
        ("sinh", { try $0.sinh() }), ("cosh", { try $0.cosh() }), ("asinh", { try $0.asinh() }),
        ("arcsinh", { try $0.asinh() }), ("acosh", { try $0.acosh() }), ("arccosh", { try $0.acosh() }),
        ("atanh", { try $0.atanh() }), ("arctanh", { try $0.atanh() }), ("trunc", { try $0.trunc() }),
        ("fix", { try $0.trunc() }), ("frac", { try $0.frac() }), ("sign", { try $0.sign() }),
        ("sgn", { try $0.sign(gradName: "SgnBackward0") }),
        // In-place forms of the core functions (their out-of-place methods live in TensorMethods+Math).
        ("abs", { try $0.abs() }), ("absolute", { try $0.abs() }), ("neg", { try $0.neg() }),
        ("negative", { try $0.neg() }), ("sqrt", { try $0.sqrt() }), ("exp", { try $0.exp() }),
        ("log", { try $0.log() }), ("sigmoid", { try $0.sigmoid() }), ("tanh", { try $0.tanh() }),
        ("relu", { try $0.relu() }), ("sin", { try $0.sin() }), ("cos", { try $0.cos() }),
        ("floor", { try $0.floor() }), ("ceil", { try $0.ceil() }), ("reciprocal", { try $0.reciprocal() }),
        ("square", { try Tensor.binary(.mul, .tensor($0), .tensor($0)) }),
    ]

    /// log1p, erf, tan, sign, isnan, ... and their in-place forms; atan2/logaddexp/hypot/fmod, lerp, addcmul/addcdiv.
    static func installMoreMath(on c: PyClass) {
        let coreNames: Set = ["abs", "neg", "negative", "sqrt", "exp", "log", "sigmoid", "tanh", "relu", "sin", "cos",
                              "floor", "ceil", "reciprocal", "square"]
        for (name, f) in inPlaceUnaries {
            if !coreNames.contains(name) { unary(c, name, f) }
            c.define(name + "_") { args in
                let t = try selfTensor(args, name + "_")
                if args.count > 1 || !args.keywords.isEmpty {
                    throw pyError(.typeError, "TensorBase.\(name)_() takes no arguments (\(args.count - 1 + args.keywords.count) given)")
                }
                try t.applyInPlace_(f)
                return try args[0]
            }
        }
        unary(c, "absolute") { try $0.abs() }
        unary(c, "isnan") { try $0.isNaN() }
        unary(c, "isinf") { try $0.isInfinite() }
        unary(c, "isfinite") { try $0.isFinite() }
        unary(c, "isreal") { try Tensor.onesLike($0, dtype: .bool) }
        method(c, "is_nonzero") { t, _ in
            if t.numel == 0 { throw pyError(.runtimeError, "Boolean value of Tensor with no values is ambiguous") }
            if t.numel > 1 { throw pyError(.runtimeError, "Boolean value of Tensor with more than one value is ambiguous") }
            return .bool(try t.item().doubleValue != 0)
        }
        for inPlace in [false, true] {
            let name = inPlace ? "nan_to_num_" : "nan_to_num"
            method(c, name, ["nan=0.0", "posinf=None", "neginf=None"]) { t, b in
                let f = { (x: Tensor) in try x.nanToNum(nan: try b.double("nan"), posinf: try b.optionalDouble("posinf"),
                                                        neginf: try b.optionalDouble("neginf")) }
                return inPlace ? .tensor(try t.applyInPlace_(f)) : .tensor(try f(t))
            }
        }
        installBinaryMath(on: c)
    }

    private static func installBinaryMath(on c: PyClass) {
        let functions: [(String, BinaryMathFunction)] = [("atan2", .atan2), ("arctan2", .atan2), ("logaddexp", .logaddexp),
                                                         ("hypot", .hypot), ("fmod", .fmod(scalarOther: false))]
        for (name, f) in functions {
            for inPlace in [false, true] {
                let methodName = inPlace ? name + "_" : name
                method(c, methodName, ["other"]) { t, b in
                    let other = try TorchConvert.operand(b["other"], op: methodName)
                    var function = f
                    if case .scalar = other, case .fmod = f { function = .fmod(scalarOther: true) }
                    if (f == .atan2 || f == .hypot || f == .logaddexp), case .scalar = other {
                        throw pyError(.typeError, "\(name)(): argument 'other' (position 1) must be Tensor, not \(b["other"].typeName)")
                    }
                    let run = { (x: Tensor) in try Tensor.binaryMath(function, .tensor(x), other) }
                    return inPlace ? .tensor(try t.applyInPlace_(run)) : .tensor(try run(t))
                }
            }
        }
        for inPlace in [false, true] {
            method(c, inPlace ? "lerp_" : "lerp", ["end", "weight"]) { t, b in
                let end = try TorchConvert.tensor(b["end"], function: "lerp", argument: "end")
                let weight: Tensor, scalarWeight: Bool
                if let w = b["weight"].tensorValue { weight = w; scalarWeight = false }
                else if let s = TorchConvert.scalar(b["weight"]) { weight = try Tensor.full([], value: s, dtype: t.dtype); scalarWeight = true }
                else { throw pyError(.typeError, "lerp(): argument 'weight' (position 2) must be Number, not \(b["weight"].typeName)") }
                let run = { (x: Tensor) in try Tensor.ternaryMath(.lerp(scalarWeight: scalarWeight), x, end, weight) }
                return inPlace ? .tensor(try t.applyInPlace_(run)) : .tensor(try run(t))
            }
        }
        for (name, divide) in [("addcmul", false), ("addcdiv", true)] {
            for inPlace in [false, true] {
                let methodName = inPlace ? name + "_" : name
                method(c, methodName, ["tensor1", "tensor2", "*", "value=1"]) { t, b in
                    let t1 = try TorchConvert.tensor(b["tensor1"], function: methodName, argument: "tensor1")
                    let t2 = try TorchConvert.tensor(b["tensor2"], function: methodName, argument: "tensor2", position: 2)
                    let value = try b.double("value")
                    let f: TernaryMathFunction = divide ? .addcdiv(value: value) : .addcmul(value: value)
                    let run = { (x: Tensor) in try Tensor.ternaryMath(f, x, t1, t2) }
                    return inPlace ? .tensor(try t.applyInPlace_(run)) : .tensor(try run(t))
                }
            }
        }
    }
}
