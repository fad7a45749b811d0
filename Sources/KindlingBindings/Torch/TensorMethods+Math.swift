import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// Elementwise math, binary methods (`add`, `pow`, `eq`...), products and softmax.
    static func installMath(on c: PyClass) {
        let unaries: [(String, (Tensor) throws -> Tensor)] = [
            ("neg", { try $0.neg() }), ("negative", { try $0.neg() }), ("abs", { try $0.abs() }),
            ("sqrt", { try $0.sqrt() }), ("exp", { try $0.exp() }), ("log", { try $0.log() }),
            ("sigmoid", { try $0.sigmoid() }), ("tanh", { try $0.tanh() }), ("relu", { try $0.relu() }),
            ("floor", { try $0.floor() }), ("ceil", { try $0.ceil() }), ("reciprocal", { try $0.reciprocal() }),
            ("sin", { try $0.sin() }), ("cos", { try $0.cos() }),
            ("square", { try Tensor.binary(.mul, .tensor($0), .tensor($0)) }),
            ("logical_not", { try $0.logicalNotBool() }),
        ]
        for (name, f) in unaries { unary(c, name, f) }

        let binaries: [(String, BinaryOp)] = [
            ("mul", .mul), ("multiply", .mul), ("div", .div), ("divide", .div), ("true_divide", .div),
            ("floor_divide", .floorDiv), ("remainder", .remainder), ("pow", .pow),
            ("maximum", .maximum), ("minimum", .minimum),
            ("eq", .eq), ("ne", .ne), ("lt", .lt), ("le", .le), ("gt", .gt), ("ge", .ge),
            ("logical_and", .logicalAnd), ("logical_or", .logicalOr), ("logical_xor", .logicalXor),
        ]
        for (name, op) in binaries {
            method(c, name, ["other"]) { t, b in
                .tensor(try Tensor.binary(op, .tensor(t), try TorchConvert.operand(b["other"], op: name)))
            }
        }
        // add/sub take alpha: a + alpha * b.
        for (name, op) in [("add", BinaryOp.add), ("sub", .sub), ("subtract", .sub)] {
            method(c, name, ["other", "*", "alpha=1"]) { t, b in
                let other = try TorchConvert.scaled(try TorchConvert.operand(b["other"], op: name), alpha: b["alpha"])
                return .tensor(try Tensor.binary(op, .tensor(t), other))
            }
        }
        method(c, "round", ["*", "decimals=0"]) { t, b in .tensor(try t.round(decimals: try b.int("decimals"))) }
        for name in ["clamp", "clip"] {
            method(c, name, ["min=None", "max=None"]) { t, b in
                let lo = try optionalScalar(b["min"], "min"), hi = try optionalScalar(b["max"], "max")
                if lo == nil && hi == nil {
                    throw pyError(.runtimeError, "torch.clamp: At least one of 'min' or 'max' must not be None")
                }
                return .tensor(try t.clamp(min: lo, max: hi))
            }
        }
        method(c, "matmul", ["other"]) { t, b in .tensor(try t.matmul(try TorchConvert.tensor(b["other"], function: "matmul", argument: "other"))) }
        method(c, "mm", ["mat2"]) { t, b in .tensor(try t.mm(try TorchConvert.tensor(b["mat2"], function: "mm", argument: "mat2"))) }
        method(c, "dot", ["other"]) { t, b in .tensor(try t.dot(try TorchConvert.tensor(b["other"], function: "dot", argument: "other"))) }
        method(c, "softmax", ["dim"]) { t, b in .tensor(try t.softmax(dim: try b.int("dim"))) }
        method(c, "log_softmax", ["dim"]) { t, b in .tensor(try t.logSoftmax(dim: try b.int("dim"))) }
        method(c, "where", ["condition", "other"]) { t, b in
            let cond = try TorchConvert.tensor(b["condition"], function: "where", argument: "condition")
            return .tensor(try Tensor.where_(cond, .tensor(t), try TorchConvert.operand(b["other"], op: "where")))
        }
    }

    static func optionalScalar(_ v: Value, _ name: String) throws -> Scalar? {
        if v.isNone { return nil }
        if let s = TorchConvert.scalar(v) { return s }
        if let t = v.tensorValue, t.numel == 1 { return try t.item() }
        throw pyError(.typeError, "clamp(): argument '\(name)' must be Number, not \(v.typeName)")
    }
}
