import Foundation

/// Python's float repr (shortest round-trip digits, exponent outside [-4, 16)) and helpers.
enum FloatFormat {
    /// `repr(1e-05)` == "1e-05", `repr(1e16)` == "1e+16", `repr(0.1)` == "0.1".
    static func repr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let (digits, decpt) = shortestDigits(abs(d))
        let sign = d < 0 ? "-" : ""
        let x = decpt - 1
        if x >= -4 && x < 16 {
            if decpt <= 0 { return sign + "0." + String(repeating: "0", count: -decpt) + digits }
            if decpt >= digits.count { return sign + digits + String(repeating: "0", count: decpt - digits.count) + ".0" }
            let i = digits.index(digits.startIndex, offsetBy: decpt)
            return sign + digits[..<i] + "." + digits[i...]
        }
        var m = String(digits.prefix(1))
        if digits.count > 1 { m += "." + digits.dropFirst() }
        return sign + m + "e" + (x < 0 ? "-" : "+") + String(abs(x)).leftPadded(2, "0")
    }

    /// Shortest round-trip digits (no leading/trailing zeros) and the decimal point position:
    /// value = 0.DIGITS * 10^decpt. Uses Swift's shortest-representation printing.
    static func shortestDigits(_ d: Double) -> (String, Int) {
        let s = d.description  // e.g. "0.1", "1e-05", "1.2345678901234568e+17", "100.0"
        var mantissa = Substring(s)
        var exp = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = s[..<e]
            exp = Int(s[s.index(after: e)...]) ?? 0
        }
        var digits = ""
        var pointIndex = -1
        for ch in mantissa {
            if ch == "." { pointIndex = digits.count } else if ch.isNumber { digits.append(ch) }
        }
        if pointIndex < 0 { pointIndex = digits.count }
        var decpt = pointIndex + exp
        while digits.first == "0" { digits.removeFirst(); decpt -= 1 }
        while digits.last == "0" { digits.removeLast() }
        if digits.isEmpty { return ("0", 1) }
        return (digits, decpt)
    }

    /// C-style `%.{precision}{conversion}` formatting (conversion f, e, g), correctly rounded.
    static func printf(_ d: Double, _ precision: Int, _ conversion: Character, alternate: Bool = false) -> String {
        let p = max(0, min(precision, 300))
        return String(format: "%\(alternate ? "#" : "").\(p)\(conversion)", d)
    }

    /// `round(x, n)`: the double nearest to the correctly rounded decimal (CPython's algorithm).
    static func round(_ x: Double, _ ndigits: Int) -> Double {
        if !x.isFinite || x == 0 { return x }
        if ndigits > 22 { return x }
        if ndigits < -308 { return 0.0 * x }
        if ndigits >= 0 {
            let s = printf(x, ndigits, "f")
            return Double(s) ?? x
        }
        let scale = Foundation.pow(10.0, Double(-ndigits))
        let y = (x / scale).rounded(.toNearestOrEven) * scale
        return y
    }
}
