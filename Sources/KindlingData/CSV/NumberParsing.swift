// Parsing numbers straight from CSV bytes, no String per cell.

/// What one CSV field holds.
enum ParsedField {
    case int(Int64)
    case float(Double)
    case missing          // empty or an NA marker: NaN in a float64 column
    case invalid
}

private let powersOf10: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

/// pandas' default NA markers (`na_values`), besides the empty field.
private let naMarkers: Set<String> = ["", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
                                      "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None",
                                      "n/a", "nan", "null"]

@inline(__always) private func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 }

/// Parses the field `[start, end)`: integers exactly (Int64), decimals with the exact
/// Clinger fast path when possible and a correctly rounded fallback otherwise.
func parseField(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> ParsedField {
    var p = start, e = end
    while p < e && isSpace(p.pointee) { p += 1 }
    while e > p && isSpace((e - 1).pointee) { e -= 1 }
    if e - p >= 2 && p.pointee == 34 && (e - 1).pointee == 34 { p += 1; e -= 1 }   // "quoted"
    if p == e { return .missing }
    var q = p
    var negative = false
    if q.pointee == 45 || q.pointee == 43 { negative = q.pointee == 45; q += 1 }
    // Integer / decimal mantissa.
    var mantissa: UInt64 = 0
    var digits = 0, significant = 0, dropped = 0, fractionDigits = 0
    var sawDigit = false
    while q < e, case let d = q.pointee &- 48, d <= 9 {
        sawDigit = true
        if significant < 19 {
            if mantissa != 0 || d != 0 { significant += 1 }
            mantissa = mantissa &* 10 &+ UInt64(d)
        } else { dropped += 1 }
        digits += 1; q += 1
    }
    if q == e && sawDigit {
        if dropped == 0 && mantissa <= UInt64(Int64.max) {
            return .int(negative ? -Int64(mantissa) : Int64(mantissa))
        }
        if negative && dropped == 0 && mantissa == UInt64(Int64.max) + 1 { return .int(Int64.min) }
        return slowDouble(p, e)   // beyond int64: pandas would not keep it as int64 either
    }
    if q < e && q.pointee == 46 {   // '.'
        q += 1
        while q < e, case let d = q.pointee &- 48, d <= 9 {
            sawDigit = true
            if significant < 19 {
                if mantissa != 0 || d != 0 { significant += 1 }
                mantissa = mantissa &* 10 &+ UInt64(d)
                fractionDigits += 1
            }
            q += 1
        }
    }
    guard sawDigit else { return special(p, e) }
    var exponent = 0
    if q < e && (q.pointee == 101 || q.pointee == 69) {   // e / E
        q += 1
        var expNegative = false
        if q < e && (q.pointee == 45 || q.pointee == 43) { expNegative = q.pointee == 45; q += 1 }
        var expDigits = 0
        while q < e, case let d = q.pointee &- 48, d <= 9 {
            if exponent < 100_000 { exponent = exponent * 10 + Int(d) }
            expDigits += 1; q += 1
        }
        if expDigits == 0 { return .invalid }
        if expNegative { exponent = -exponent }
    }
    if q != e { return .invalid }
    let power = exponent - fractionDigits + dropped
    if mantissa < (1 << 53) && abs(power) <= 22 {
        let m = Double(mantissa)
        let v = power >= 0 ? m * powersOf10[power] : m / powersOf10[-power]
        return .float(negative ? -v : v)
    }
    return slowDouble(p, e)
}

/// Correctly rounded conversion through Swift's locale-independent parser.
private func slowDouble(_ p: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) -> ParsedField {
    let text = String(decoding: UnsafeBufferPointer(start: p, count: e - p), as: UTF8.self)
    if let v = Double(text) { return .float(v) }
    return .invalid
}

/// `inf`, `-Infinity`, NA markers.
private func special(_ p: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) -> ParsedField {
    let text = String(decoding: UnsafeBufferPointer(start: p, count: e - p), as: UTF8.self)
    if naMarkers.contains(text) { return .missing }
    var body = Substring(text)
    var negative = false
    if body.hasPrefix("-") || body.hasPrefix("+") { negative = body.first == "-"; body = body.dropFirst() }
    switch body.lowercased() {
    case "inf", "infinity": return .float(negative ? -.infinity : .infinity)
    case "nan": return .missing
    default: return .invalid
    }
}
