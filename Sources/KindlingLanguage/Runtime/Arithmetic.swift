import Foundation

/// Integer and float arithmetic with Python's rules (floor division and modulo signs, `**` with
/// negative exponents giving floats) and 64-bit overflow raised as OverflowError, never trapped.
enum Arithmetic {
    static func overflow() -> PyException {
        PyException.make(.overflowError, "integer result too large for Kindling's 64-bit int")
    }

    @inline(__always) static func add(_ a: Int, _ b: Int) throws -> Int {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw overflow() }
        return r
    }
    @inline(__always) static func sub(_ a: Int, _ b: Int) throws -> Int {
        let (r, o) = a.subtractingReportingOverflow(b)
        if o { throw overflow() }
        return r
    }
    @inline(__always) static func mul(_ a: Int, _ b: Int) throws -> Int {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        if o { throw overflow() }
        return r
    }

    @inline(__always) static func floorDiv(_ a: Int, _ b: Int) throws -> Int {
        if b == 0 { throw PyException.make(.zeroDivisionError, "integer division or modulo by zero") }
        if a == Int.min && b == -1 { throw overflow() }
        let q = a / b
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
    }

    @inline(__always) static func mod(_ a: Int, _ b: Int) throws -> Int {
        if b == 0 { throw PyException.make(.zeroDivisionError, "integer modulo by zero") }
        if b == -1 { return 0 }
        let r = a % b
        return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r
    }

    static func pow(_ base: Int, _ exp: Int) throws -> Value {
        if exp < 0 {
            if base == 0 { throw PyException.make(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
            return .float(Foundation.pow(Double(base), Double(exp)))
        }
        var result = 1, b = base, e = exp
        while e > 0 {
            if e & 1 == 1 { result = try mul(result, b) }
            e >>= 1
            if e > 0 { b = try mul(b, b) }
        }
        return .int(result)
    }

    static func trueDiv(_ a: Double, _ b: Double, ints: Bool) throws -> Double {
        if b == 0 { throw PyException.make(.zeroDivisionError, ints ? "division by zero" : "float division by zero") }
        return a / b
    }

    /// CPython's float_divmod.
    static func floatDivmod(_ vx: Double, _ wx: Double, _ what: String) throws -> (Double, Double) {
        if wx == 0 { throw PyException.make(.zeroDivisionError, what) }
        var m = fmod(vx, wx)
        var div = (vx - m) / wx
        if m != 0 {
            if (wx < 0) != (m < 0) { m += wx; div -= 1.0 }
        } else {
            m = copysign(0.0, wx)
        }
        var floordiv: Double
        if div != 0 {
            floordiv = floor(div)
            if div - floordiv > 0.5 { floordiv += 1.0 }
        } else {
            floordiv = copysign(0.0, vx / wx)
        }
        return (floordiv, m)
    }

    static func floatPow(_ a: Double, _ b: Double) throws -> Double {
        if a == 0 && b < 0 { throw PyException.make(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
        if a < 0 && b != b.rounded() && b.isFinite {
            throw PyException.make(.notImplementedError, "complex numbers are not supported by Kindling")
        }
        let r = Foundation.pow(a, b)
        if r.isInfinite && a.isFinite && b.isFinite { throw PyException.make(.overflowError, "(34, 'Numerical result out of range')") }
        return r
    }

    static func shiftLeft(_ a: Int, _ b: Int) throws -> Int {
        if b < 0 { throw PyException.make(.valueError, "negative shift count") }
        if a == 0 { return 0 }
        if b >= 63 { throw overflow() }
        let r = a << b
        if r >> b != a { throw overflow() }
        return r
    }

    static func shiftRight(_ a: Int, _ b: Int) throws -> Int {
        if b < 0 { throw PyException.make(.valueError, "negative shift count") }
        return b >= 64 ? (a < 0 ? -1 : 0) : a >> b
    }

    /// An int-by-int operation.
    static func intOp(_ op: BinaryOperator, _ a: Int, _ b: Int) throws -> Value? {
        switch op {
        case .add: return .int(try add(a, b))
        case .subtract: return .int(try sub(a, b))
        case .multiply: return .int(try mul(a, b))
        case .trueDivide: return .float(try trueDiv(Double(a), Double(b), ints: true))
        case .floorDivide: return .int(try floorDiv(a, b))
        case .modulo: return .int(try mod(a, b))
        case .power: return try pow(a, b)
        case .leftShift: return .int(try shiftLeft(a, b))
        case .rightShift: return .int(try shiftRight(a, b))
        case .bitAnd: return .int(a & b)
        case .bitOr: return .int(a | b)
        case .bitXor: return .int(a ^ b)
        case .matrixMultiply: return nil
        }
    }

    /// A float operation (ints already converted).
    static func floatOp(_ op: BinaryOperator, _ a: Double, _ b: Double) throws -> Value? {
        switch op {
        case .add: return .float(a + b)
        case .subtract: return .float(a - b)
        case .multiply: return .float(a * b)
        case .trueDivide: return .float(try trueDiv(a, b, ints: false))
        case .floorDivide: return .float(try floatDivmod(a, b, "float floor division by zero").0)
        case .modulo: return .float(try floatDivmod(a, b, "float modulo").1)
        case .power: return .float(try floatPow(a, b))
        default: return nil
        }
    }
}
