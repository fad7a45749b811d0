import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// Python operators: arithmetic (and reflected forms), comparisons, `@`,
    /// bool logic, truth, length, iteration, repr and format.
    static func installOperators(on c: PyClass) {
        let binaries: [(String, BinaryOp)] = [
            ("add", .add), ("sub", .sub), ("mul", .mul), ("truediv", .div), ("floordiv", .floorDiv),
            ("mod", .remainder), ("pow", .pow), ("and", .logicalAnd), ("or", .logicalOr), ("xor", .logicalXor),
        ]
        for (name, op) in binaries {
            c.define("__\(name)__") { args in try binaryOperator(op, args, reflected: false) }
            c.define("__r\(name)__") { args in try binaryOperator(op, args, reflected: true) }
        }
        let comparisons: [(String, BinaryOp)] = [("eq", .eq), ("ne", .ne), ("lt", .lt), ("le", .le), ("gt", .gt), ("ge", .ge)]
        for (name, op) in comparisons {
            c.define("__\(name)__") { args in try binaryOperator(op, args, reflected: false) }
        }
        c.define("__matmul__") { args in
            let a = try selfTensor(args, "__matmul__")
            guard args.count > 1, let b = (try args[1]).tensorValue else { return Builtins.notImplemented }
            return .tensor(try a.matmul(b))
        }
        c.define("__rmatmul__") { args in
            let a = try selfTensor(args, "__rmatmul__")
            guard args.count > 1, let b = (try args[1]).tensorValue else { return Builtins.notImplemented }
            return .tensor(try b.matmul(a))
        }
        unary(c, "__neg__") { try $0.neg() }
        unary(c, "__pos__") { $0 }
        unary(c, "__abs__") { try $0.abs() }
        unary(c, "__invert__") { t in
            if t.dtype == .bool { return try t.logicalNot() }
            throw notSupported("~ on \(t.dtype) tensors")
        }
        c.define("__bool__") { args in
            let t = try selfTensor(args, "__bool__")
            if t.numel != 1 {
                throw pyError(.runtimeError, "Boolean value of Tensor with more than one value is ambiguous")
            }
            return .bool(try t.item().doubleValue != 0)
        }
        c.define("__len__") { args in
            let t = try selfTensor(args, "__len__")
            if t.dim == 0 { throw pyError(.typeError, "len() of a 0-d tensor") }
            return .int(t.shape[0])
        }
        c.define("__iter__") { args in
            let t = try selfTensor(args, "__iter__")
            if t.dim == 0 { throw pyError(.typeError, "iteration over a 0-d tensor") }
            // Rows are views made one at a time: iterating a 60000x784 tensor copies no row.
            var i = 0
            let n = t.shape[0]
            return .object(ClosureIterator {
                guard i < n else { return nil }
                i += 1
                return .tensor(try t.row(i - 1))
            })
        }
        c.define("__repr__") { args in .str(try selfTensor(args, "__repr__").description) }
        c.define("__format__") { args in
            let t = try selfTensor(args, "__format__")
            let spec = args.count > 1 ? try (try args[1]).asString() : ""
            if t.dim == 0 && !spec.isEmpty {
                return .str(try Runtime.format(TensorValues.python(try t.item()), spec))
            }
            return .str(t.description)
        }
        c.define("__hash__") { args in .int(ObjectIdentifier(try args.selfObject(TensorObject.self)).hashValue) }
        c.define("__float__") { args in
            let t = try selfTensor(args, "__float__")
            return .float(try onlyElement(t, "float").doubleValue)
        }
        c.define("__int__") { args in
            let t = try selfTensor(args, "__int__")
            let s = try onlyElement(t, "int")
            if case .int(let i) = s { return .int(Int(i)) }
            let d = s.doubleValue
            guard d.isFinite, abs(d) < 9.2e18 else { throw pyError(.valueError, "cannot convert float \(d) to integer") }
            return .int(Int(d))
        }
        c.define("__index__") { args in
            let t = try selfTensor(args, "__index__")
            guard !t.dtype.isFloatingPoint, t.numel == 1 else {
                throw pyError(.typeError, "only integer tensors of a single element can be converted to an index")
            }
            return .int(Int(try t.item().doubleValue))
        }
    }

    /// `a op b` for a tensor `a`; NotImplemented lets Python try the other side.
    private static func binaryOperator(_ op: BinaryOp, _ args: Arguments, reflected: Bool) throws -> Value {
        let a = try selfTensor(args, "binary operator")
        guard args.count > 1, let b = TorchConvert.operand((try args[1])) else {
            if op == .eq { return .bool(false) }
            if op == .ne { return .bool(true) }
            return Builtins.notImplemented
        }
        return .tensor(reflected ? try Tensor.binary(op, b, .tensor(a)) : try Tensor.binary(op, .tensor(a), b))
    }

    static func onlyElement(_ t: Tensor, _ what: String) throws -> Scalar {
        if t.numel != 1 {
            throw pyError(.runtimeError, "a Tensor with \(t.numel) elements cannot be converted to Scalar")
        }
        return try t.item()
    }
}

/// Python values of engine scalars.
enum TensorValues {
    static func python(_ s: Scalar) -> Value {
        switch s {
        case .float(let f): return .float(f)
        case .int(let i): return .int(Int(i))
        case .bool(let b): return .bool(b)
        }
    }

    /// `tolist()`: nested lists of Python numbers.
    static func list(_ t: Tensor) -> Value {
        if t.dim == 0 { return python(t.scalar(atLogical: 0)) }
        let flat = t.scalars()
        func build(_ dim: Int, _ offset: Int) -> (Value, Int) {
            if dim == t.dim - 1 {
                let n = t.shape[dim]
                return (.object(PyList(flat[offset..<offset + n].map(python))), offset + n)
            }
            var items: [Value] = []
            var at = offset
            for _ in 0..<t.shape[dim] {
                let (v, next) = build(dim + 1, at)
                items.append(v)
                at = next
            }
            return (.object(PyList(items)), at)
        }
        return build(0, 0).0
    }
}
