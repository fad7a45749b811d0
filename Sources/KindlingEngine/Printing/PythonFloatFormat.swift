/// CPython's float formatting, character for character: `'{:.Nf}'`,
/// `'{:.Ne}'` and `repr(float)`. Values are formatted from their exact
/// binary value, rounded half-to-even, as CPython does.
public enum PythonFloatFormat {
    /// `'{:.<precision>f}'.format(value)`, e.g. `0.4460`, `-0.0000`, `inf`, `nan`.
    public static func fixed(_ value: Double, precision: Int) -> String {
        if let special = nonFinite(value) { return special }
        let precision = max(0, precision)
        if let quick = fixedWithMachineIntegers(value, precision: precision) { return quick }
        let exact = ExactDecimal(magnitudeOf: value)
        // round(|value| * 10^precision) as a digit string.
        let keep = exact.pointPosition + precision
        var integer: [UInt8]
        if exact.digits.isEmpty || keep < 0 {
            integer = []
        } else {
            integer = exact.rounded(toDigitCount: keep).digits
        }
        // Pad on the left so there is at least one digit before the point.
        if integer.count < precision + 1 {
            integer = [UInt8](repeating: 0, count: precision + 1 - integer.count) + integer
        }
        // Drop superfluous leading zeros of the integer part.
        var start = 0
        while integer.count - start > precision + 1, integer[start] == 0 { start += 1 }

        var text = value.sign == .minus ? "-" : ""
        let pointAt = integer.count - precision
        for i in start..<integer.count {
            if i == pointAt { text.append(".") }
            text.append(digitCharacter(integer[i]))
        }
        return text
    }

    /// `fixed` for the common case where `|value| * 10^precision` fits in 64
    /// bits: the same half-to-even rounding of the exact binary value, done
    /// with machine integers. `nil` when the numbers do not fit.
    static func fixedWithMachineIntegers(_ value: Double, precision: Int) -> String? {
        guard precision <= 19 else { return nil }
        var scale: UInt64 = 1
        for _ in 0..<precision { scale *= 10 }
        let magnitude = abs(value)
        var rounded: UInt64 = 0
        if magnitude != 0 {
            // magnitude == significand * 2^exponent
            var significand = magnitude.significandBitPattern
            var exponent = Int(magnitude.exponent) - Double.significandBitCount
            if magnitude.isNormal {
                significand |= UInt64(1) << UInt64(Double.significandBitCount)
            } else {
                exponent = Int(Double.leastNormalMagnitude.exponent) - Double.significandBitCount
            }
            let trailing = significand.trailingZeroBitCount  // float32 values have 29
            significand >>= UInt64(trailing)
            exponent += trailing
            let (scaled, overflow) = significand.multipliedReportingOverflow(by: scale)
            guard !overflow else { return nil }
            if exponent >= 0 {
                guard exponent < scaled.leadingZeroBitCount else { return nil }
                rounded = scaled << UInt64(exponent)
            } else if exponent > -64 {
                let shift = UInt64(-exponent)
                let quotient = scaled >> shift
                let remainder = scaled & ((UInt64(1) << shift) - 1)
                let half = UInt64(1) << (shift - 1)
                let up = remainder > half || (remainder == half && quotient & 1 == 1)
                rounded = up ? quotient + 1 : quotient
            } else if exponent == -64 {
                rounded = scaled > UInt64(1) << 63 ? 1 : 0
            }  // below 2^-64 of a unit: rounds to zero
        }
        var digits = String(rounded)
        if digits.count < precision + 1 {
            digits = String(repeating: "0", count: precision + 1 - digits.count) + digits
        }
        if precision > 0 {
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -precision))
        }
        return value.sign == .minus ? "-" + digits : digits
    }

    /// `'{:.<precision>e}'.format(value)`, e.g. `1.2346e+05`, `0.0000e+00`.
    public static func scientific(_ value: Double, precision: Int) -> String {
        if let special = nonFinite(value) { return special }
        let precision = max(0, precision)
        let exact = ExactDecimal(magnitudeOf: value)
        var mantissa: [UInt8]
        var exponent: Int
        if exact.digits.isEmpty {
            mantissa = [UInt8](repeating: 0, count: precision + 1)
            exponent = 0
        } else {
            let rounding = exact.rounded(toDigitCount: precision + 1)
            mantissa = rounding.digits
            exponent = exact.pointPosition - 1
            if rounding.carried {
                mantissa.removeLast()
                exponent += 1
            }
        }
        var text = value.sign == .minus ? "-" : ""
        for (i, digit) in mantissa.enumerated() {
            if i == 1 { text.append(".") }
            text.append(digitCharacter(digit))
        }
        text += exponentSuffix(exponent)
        return text
    }

    /// `repr(value)`: the shortest string that reads back as `value`,
    /// laid out as CPython does (`2.5`, `0.30000001192092896`, `1e-05`,
    /// `1e+16`, `100.0`, `inf`, `nan`).
    public static func repr(_ value: Double) -> String {
        if let special = nonFinite(value) { return special }
        let (digits, pointPosition) = shortestDigits(abs(value))
        var text = value.sign == .minus ? "-" : ""
        if digits.isEmpty {
            return text + "0.0"
        }
        let digitText = String(digits.map(digitCharacter))
        if pointPosition > 16 || pointPosition <= -4 {
            text.append(digitText.first ?? "0")
            if digits.count > 1 {
                text += "." + digitText.dropFirst()
            }
            return text + exponentSuffix(pointPosition - 1)
        }
        if pointPosition <= 0 {
            return text + "0." + String(repeating: "0", count: -pointPosition) + digitText
        }
        if pointPosition >= digits.count {
            return text + digitText + String(repeating: "0", count: pointPosition - digits.count) + ".0"
        }
        let split = digitText.index(digitText.startIndex, offsetBy: pointPosition)
        return text + digitText[..<split] + "." + digitText[split...]
    }

    // MARK: - Helpers

    /// CPython never prints a sign on nan.
    private static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }

    /// `e+05`, `e-08`, `e+100`: sign always, at least two digits.
    private static func exponentSuffix(_ exponent: Int) -> String {
        let magnitude = String(exponent.magnitude)
        return (exponent < 0 ? "e-" : "e+") + (magnitude.count < 2 ? "0" : "") + magnitude
    }

    private static func digitCharacter(_ digit: UInt8) -> Character {
        Character(Unicode.Scalar(48 + digit))
    }

    /// Shortest round-trip digits of a finite non-negative value, from
    /// Swift's own shortest-representation printer (same algorithm family
    /// as CPython's: shortest, then closest), re-parsed into digits and
    /// point position.
    static func shortestDigits(_ magnitude: Double) -> (digits: [UInt8], pointPosition: Int) {
        guard magnitude != 0 else { return ([], 0) }
        let text = magnitude.description  // e.g. "0.1", "1e-05", "1.5e+20", "123.0"
        var mantissaDigits: [UInt8] = []
        var digitsBeforePoint = 0
        var seenPoint = false
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for character in text.utf8 {
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = character - UInt8(ascii: "0")
                if inExponent {
                    exponent = exponent * 10 + Int(digit)
                } else {
                    mantissaDigits.append(digit)
                    if !seenPoint { digitsBeforePoint += 1 }
                }
            case UInt8(ascii: "."):
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            case UInt8(ascii: "-"):
                if inExponent { exponentSign = -1 }
            default:
                break
            }
        }
        var pointPosition = digitsBeforePoint + exponentSign * exponent
        // Normalise: no leading or trailing zeros.
        while let first = mantissaDigits.first, first == 0 {
            mantissaDigits.removeFirst()
            pointPosition -= 1
        }
        while let last = mantissaDigits.last, last == 0 { mantissaDigits.removeLast() }
        return (mantissaDigits, pointPosition)
    }
}
