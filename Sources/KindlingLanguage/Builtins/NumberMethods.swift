import Foundation

extension Builtins {
    static func installNumberMethods() {
        int.constructor = { a in
            let b = try a.bind(["x=0", "base=None"])
            let x = b["x"]
            if !b["base"].isNone {
                guard case .str(let s) = x else { throw PyException.make(.typeError, "int() can't convert non-string with explicit base") }
                return .int(try parseInt(s, base: try b.int("base")))
            }
            switch x {
            case .int(let i): return .int(i)
            case .bool(let v): return .int(v ? 1 : 0)
            case .float(let d): return .int(try floatToInt(d))
            case .str(let s): return .int(try parseInt(s, base: 10))
            case .none: throw PyException.make(.typeError, "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'")
            case .object:
                if let r = try Runtime.callSpecialIfPresent(x, "__int__", []) { return r }
                if let r = try Runtime.callSpecialIfPresent(x, "__index__", []) { return r }
                throw PyException.make(.typeError, "int() argument must be a string, a bytes-like object or a real number, not '\(x.typeName)'")
            }
        }
        float.constructor = { a in
            let b = try a.bind(["x=0.0"])
            let x = b["x"]
            switch x {
            case .float: return x
            case .int(let i): return .float(Double(i))
            case .bool(let v): return .float(v ? 1 : 0)
            case .str(let s): return .float(try parseFloat(s))
            case .none: throw PyException.make(.typeError, "float() argument must be a string or a real number, not 'NoneType'")
            case .object:
                if let r = try Runtime.callSpecialIfPresent(x, "__float__", []) { return r }
                if let r = try Runtime.callSpecialIfPresent(x, "__index__", []) { return .float(Double(try r.asInt())) }
                throw PyException.make(.typeError, "float() argument must be a string or a real number, not '\(x.typeName)'")
            }
        }
        bool.constructor = { a in
            let b = try a.bind(["x=False"])
            return .bool(try b["x"].isTruthy())
        }
        noneType.constructor = { _ in .none }
        int.define("bit_length") { a in .int(Int.bitWidth - (try a[0].asInt()).magnitude.leadingZeroBitCount) }
        int.define("__index__") { a in .int(try a[0].asInt()) }
        int.define("__int__") { a in .int(try a[0].asInt()) }
        int.define("__float__") { a in .float(try a[0].asDouble()) }
        int.define("conjugate") { a in try a[0] }
        int.defineProperty("real") { v in v }
        int.defineProperty("imag") { _ in .int(0) }
        float.define("is_integer") { a in let d = try a[0].asDouble(); return .bool(d.isFinite && d == d.rounded()) }
        float.define("__float__") { a in try a[0] }
        float.define("__int__") { a in .int(try floatToInt(try a[0].asDouble())) }
        float.define("hex") { a in .str(floatHex(try a[0].asDouble())) }
        float.define("as_integer_ratio") { a in
            var d = try a[0].asDouble()
            guard d.isFinite else { throw PyException.make(.overflowError, "cannot convert Infinity to integer ratio") }
            var den = 1
            while d != d.rounded() && den < (1 << 52) { d *= 2; den *= 2 }
            return .object(PyTuple([.int(try floatToInt(d)), .int(den)]))
        }
        float.defineProperty("real") { v in v }
        float.defineProperty("imag") { _ in .float(0) }
    }

    static func floatToInt(_ d: Double) throws -> Int {
        if d.isNaN { throw PyException.make(.valueError, "cannot convert float NaN to integer") }
        if d.isInfinite { throw PyException.make(.overflowError, "cannot convert float infinity to integer") }
        let t = d.rounded(.towardZero)
        guard t >= -9.223372036854775808e18 && t < 9.223372036854775808e18 else { throw Arithmetic.overflow() }
        return Int(t)
    }

    static func parseInt(_ text: String, base: Int) throws -> Int {
        var s = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "_", with: "")
        var negative = false
        if s.hasPrefix("-") { negative = true; s.removeFirst() } else if s.hasPrefix("+") { s.removeFirst() }
        var b = base
        let lower = s.lowercased()
        for (p, pb) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(p) && (b == pb || b == 0) {
            s.removeFirst(2); b = pb
        }
        if b == 0 { b = 10 }
        guard (2...36).contains(b) else { throw PyException.make(.valueError, "int() base must be >= 2 and <= 36, or 0") }
        guard !s.isEmpty, let v = Int(s, radix: b) else {
            if !s.isEmpty, s.allSatisfy({ $0.isHexDigit || $0.isNumber }), Int(s, radix: b) == nil, s.allSatisfy({ Int(String($0), radix: b) != nil }) {
                throw Arithmetic.overflow()
            }
            throw PyException.make(.valueError, "invalid literal for int() with base \(base): \(Runtime.quoteString(text))")
        }
        return negative ? -v : v
    }

    static func parseFloat(_ text: String) throws -> Double {
        let s = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "_", with: "")
        switch s.lowercased() {
        case "nan", "+nan": return .nan
        case "-nan": return -.nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: break
        }
        if !s.isEmpty, s.allSatisfy({ "0123456789.eE+-".contains($0) }), let d = Double(s) { return d }
        throw PyException.make(.valueError, "could not convert string to float: \(Runtime.quoteString(text))")
    }
}

/// `float.hex()` as CPython writes it: all 13 hex digits of the fraction, `0x1.` for normal
/// numbers, `0x0.` with exponent -1022 for subnormals, `inf`/`nan` spelled out.
func floatHex(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    let sign = d.sign == .minus ? "-" : ""
    if d == 0 { return sign + "0x0.0p+0" }
    let fraction = String(d.significandBitPattern, radix: 16)
    let digits = String(repeating: "0", count: 13 - fraction.count) + fraction
    let subnormal = d.exponentBitPattern == 0
    let exponent = subnormal ? -1022 : Int(d.exponentBitPattern) - 1023
    return sign + (subnormal ? "0x0." : "0x1.") + digits + "p" + (exponent < 0 ? "-" : "+") + String(abs(exponent))
}
