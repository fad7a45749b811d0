import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// `add_`, `sub_`, `mul_`, `div_`, `zero_`, `fill_`, `copy_`, `normal_`, `uniform_`, `clamp_` and
    /// the augmented assignments `+=`, `-=`, `*=`, `/=`: all return `self`.
    static func installInPlace(on c: PyClass) {
        let ops: [(String, BinaryOp)] = [("add", .add), ("sub", .sub), ("mul", .mul), ("truediv", .div), ("div", .div)]
        for (name, op) in ops {
            if name != "truediv" {
                c.define("\(name)_") { args in
                    let t = try selfTensor(args, "\(name)_")
                    let b = try args.bind(["self", "other", "*", "alpha=1"])
                    let other = try TorchConvert.scaled(try TorchConvert.operand(b["other"], op: "\(name)_"), alpha: b["alpha"])
                    try t.inPlace_(op, other)
                    return (try args[0])
                }
            }
            if name != "div" {
                c.define("__i\(name)__") { args in
                    let t = try selfTensor(args, "__i\(name)__")
                    guard args.count > 1, let other = TorchConvert.operand((try args[1])) else { return Builtins.notImplemented }
                    try t.inPlace_(op, other)
                    return (try args[0])
                }
            }
        }
        c.define("zero_") { args in _ = try selfTensor(args, "zero_").zero_(); return (try args[0]) }
        c.define("fill_") { args in
            let t = try selfTensor(args, "fill_")
            let b = try args.bind(["self", "value"])
            let given = b["value"]
            var scalar = TorchConvert.scalar(given)
            if scalar == nil, let t = given.tensorValue, t.numel == 1 { scalar = try t.item() }
            guard let s = scalar else {
                throw pyError(.typeError, "fill_(): argument 'value' must be Number, not \(b["value"].typeName)")
            }
            _ = try t.fill_(s)
            return (try args[0])
        }
        c.define("copy_") { args in
            let t = try selfTensor(args, "copy_")
            let b = try args.bind(["self", "src", "non_blocking=False"])
            _ = try t.copy_(try TorchConvert.tensor(b["src"], function: "copy_", argument: "src"))
            return (try args[0])
        }
        c.define("normal_") { args in
            let t = try selfTensor(args, "normal_")
            let b = try args.bind(["self", "mean=0", "std=1", "*", "generator=None"])
            try t.normal_(mean: try b.double("mean"), std: try b.double("std"),
                          generator: try GeneratorObject.from(b["generator"], function: "normal_"))
            return (try args[0])
        }
        c.define("uniform_") { args in
            let t = try selfTensor(args, "uniform_")
            let b = try args.bind(["self", "from=0", "to=1", "*", "generator=None"])
            try t.uniform_(from: try b.double("from"), to: try b.double("to"),
                           generator: try GeneratorObject.from(b["generator"], function: "uniform_"))
            return (try args[0])
        }
        c.define("clamp_") { args in
            let t = try selfTensor(args, "clamp_")
            let b = try args.bind(["self", "min=None", "max=None"])
            _ = try t.clamp_(min: try optionalScalar(b["min"], "min"), max: try optionalScalar(b["max"], "max"))
            return (try args[0])
        }
    }
}
