extension BinaryOperator {
    /// (`__add__`, `__radd__`, `__iadd__`)
    var specialNames: (String, String, String) {
        switch self {
        case .add: return ("__add__", "__radd__", "__iadd__")
        case .subtract: return ("__sub__", "__rsub__", "__isub__")
        case .multiply: return ("__mul__", "__rmul__", "__imul__")
        case .matrixMultiply: return ("__matmul__", "__rmatmul__", "__imatmul__")
        case .trueDivide: return ("__truediv__", "__rtruediv__", "__itruediv__")
        case .floorDivide: return ("__floordiv__", "__rfloordiv__", "__ifloordiv__")
        case .modulo: return ("__mod__", "__rmod__", "__imod__")
        case .power: return ("__pow__", "__rpow__", "__ipow__")
        case .leftShift: return ("__lshift__", "__rlshift__", "__ilshift__")
        case .rightShift: return ("__rshift__", "__rrshift__", "__irshift__")
        case .bitAnd: return ("__and__", "__rand__", "__iand__")
        case .bitOr: return ("__or__", "__ror__", "__ior__")
        case .bitXor: return ("__xor__", "__rxor__", "__ixor__")
        }
    }
}

extension Runtime {
    /// `a op b` with Python's semantics (numbers, sequences, then `__op__` / `__rop__`).
    public static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)): if let r = try Arithmetic.intOp(op, x, y) { return r }
        case (.float(let x), .float(let y)): if let r = try Arithmetic.floatOp(op, x, y) { return r }
        case (.int(let x), .float(let y)): if let r = try Arithmetic.floatOp(op, Double(x), y) { return r }
        case (.float(let x), .int(let y)): if let r = try Arithmetic.floatOp(op, x, Double(y)) { return r }
        case (.str(let format), _) where op == .modulo: return .str(try PercentFormat.apply(format, b))
        case (.bool, _), (_, .bool):
            if let x = a.boolAsInt, let y = b.boolAsInt {
                if (op == .bitAnd || op == .bitOr || op == .bitXor), case .bool(let p) = a, case .bool(let q) = b {
                    return .bool(op == .bitAnd ? (p && q) : op == .bitOr ? (p || q) : (p != q))
                }
                return try binary(op, x, y)
            }
        case (.str(let x), .str(let y)) where op == .add: return .str(x + y)
        case (.str(let s), .int(let n)), (.int(let n), .str(let s)):
            if op == .multiply { return .str(n <= 0 ? "" : String(repeating: s, count: try checkedRepeat(n, s.utf8.count))) }
        default: break
        }
        if let r = try sequenceOp(op, a, b) { return r }
        return try dispatchBinary(op, a, b)
    }

    static func checkedRepeat(_ n: Int, _ size: Int) throws -> Int {
        if size > 0 && n > (1 << 28) / size { throw PyException.make(Builtins.exc(.memoryError), args: []) }
        return n
    }

    /// List/tuple concatenation and repetition.
    static func sequenceOp(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value? {
        guard op == .add || op == .multiply else { return nil }
        if op == .add {
            if let x = a.as(PyList.self), let y = b.as(PyList.self) { return .object(PyList(x.items + y.items)) }
            if let x = a.as(PyTuple.self), let y = b.as(PyTuple.self) { return .object(PyTuple(x.items + y.items)) }
            return nil
        }
        var seq = a, count = b
        if case .int = a { seq = b; count = a }
        if case .bool = a { seq = b; count = a }
        guard let n = count.boolAsInt.flatMap({ v -> Int? in if case .int(let i) = v { return i }; return nil }) else { return nil }
        if let l = seq.as(PyList.self) {
            var out: [Value] = []
            if n > 0 { _ = try checkedRepeat(n, l.items.count); for _ in 0..<n { out += l.items } }
            return .object(PyList(out))
        }
        if let t = seq.as(PyTuple.self) {
            var out: [Value] = []
            if n > 0 { _ = try checkedRepeat(n, t.items.count); for _ in 0..<n { out += t.items } }
            return .object(PyTuple(out))
        }
        return nil
    }

    /// `__op__`, then the reflected `__rop__`, then TypeError.
    static func dispatchBinary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        let (name, rname, _) = op.specialNames
        let ca = a.pyClass, cb = b.pyClass
        // A subclass on the right that overrides the reflected method goes first (as in CPython).
        if cb !== ca && cb.isSubclass(of: ca), let rf = cb.lookup(rname) {
            let r = try callUnbound(rf, b, [a])
            if !r.isNotImplemented { return r }
        }
        if let f = ca.lookup(name) {
            let r = try callUnbound(f, a, [b])
            if !r.isNotImplemented { return r }
        }
        if cb !== ca, let rf = cb.lookup(rname) {
            let r = try callUnbound(rf, b, [a])
            if !r.isNotImplemented { return r }
        }
        throw unsupported(op, a, b)
    }

    static func unsupported(_ op: BinaryOperator, _ a: Value, _ b: Value) -> PyException {
        if op == .add, case .str = a {
            return PyException.make(.typeError, "can only concatenate str (not \"\(b.typeName)\") to str")
        }
        if op == .add, a.as(PyList.self) != nil {
            return PyException.make(.typeError, "can only concatenate list (not \"\(b.typeName)\") to list")
        }
        if op == .add, a.as(PyTuple.self) != nil {
            return PyException.make(.typeError, "can only concatenate tuple (not \"\(b.typeName)\") to tuple")
        }
        if op == .multiply, a.isSequence || b.isSequence {
            let other = a.isSequence ? b : a
            return PyException.make(.typeError, "can't multiply sequence by non-int of type '\(other.typeName)'")
        }
        let sym = op == .power ? "** or pow()" : op.symbol
        return PyException.make(.typeError, "unsupported operand type(s) for \(sym): '\(a.typeName)' and '\(b.typeName)'")
    }

    /// `a op= b`: `__iop__` if the class has it (lists extend in place), else the binary operator.
    public static func inPlace(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        if case .object(let o) = a {
            if let l = o as? PyList {
                if op == .add { l.items += try iterateToArray(b); return a }
                if op == .multiply, case .int(let n) = b {
                    let base = l.items
                    l.items = []
                    if n > 0 { for _ in 0..<n { l.items += base } }
                    return a
                }
            }
            if let f = o.pyClass.lookup(op.specialNames.2) {
                let r = try callUnbound(f, a, [b])
                if !r.isNotImplemented { return r }
            }
        }
        return try binary(op, a, b)
    }

    /// `-a`, `+a`, `~a`, `not a`.
    public static func unary(_ op: UnaryOperator, _ a: Value) throws -> Value {
        switch (op, a) {
        case (.not, _): return .bool(!(try a.isTruthy()))
        case (.negate, .int(let i)):
            if i == Int.min { throw Arithmetic.overflow() }
            return .int(-i)
        case (.negate, .float(let d)): return .float(-d)
        case (.negate, .bool(let b)): return .int(b ? -1 : 0)
        case (.plus, .int), (.plus, .float): return a
        case (.plus, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return .int(b ? -2 : -1)
        default: break
        }
        let name = op == .negate ? "__neg__" : op == .plus ? "__pos__" : "__invert__"
        if let r = try callSpecialIfPresent(a, name, []) { return r }
        throw PyException.make(.typeError, "bad operand type for unary \(op.symbol): '\(a.typeName)'")
    }
}

extension Value {
    var isNotImplemented: Bool {
        if case .object(let o) = self, case .object(let n) = Builtins.notImplemented { return o === n }
        return false
    }
    var boolAsInt: Value? {
        switch self {
        case .bool(let b): return .int(b ? 1 : 0)
        case .int, .float: return self
        default: return nil
        }
    }
    var isSequence: Bool {
        if case .str = self { return true }
        return self.as(PyList.self) != nil || self.as(PyTuple.self) != nil
    }
}
