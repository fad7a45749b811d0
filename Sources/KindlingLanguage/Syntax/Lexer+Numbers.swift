// Numeric literals: decimal/hex/octal/binary ints with `_`, floats, and the refusal of imaginary numbers.

extension Lexer {
    /// Keywords that may directly follow a number (`1if x else 2` is valid Python 3.11).
    private static let keywordsAfterNumber = ["and", "else", "for", "if", "in", "is", "not", "or"]

    private func isDigit(_ c: Unicode.Scalar?, radix: Int) -> Bool {
        guard let c else { return false }
        switch radix {
        case 2: return c == "0" || c == "1"
        case 8: return ("0"..."7").contains(c)
        case 16: return ("0"..."9").contains(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
        default: return ("0"..."9").contains(c)
        }
    }

    /// Scans digits with single underscores between them; an underscore not followed by a digit
    /// is an error at the underscore.
    private mutating func scanDigits(radix: Int, invalid: String) throws {
        while true {
            if isDigit(peek(), radix: radix) {
                index += 1
            } else if peek() == "_" {
                guard isDigit(peek(1), radix: radix) else { throw fail(invalid, at: index) }
                index += 1
            } else {
                return
            }
        }
    }

    /// After a number: an identifier character directly following it is an error (unless it
    /// starts one of the keywords CPython tolerates there).
    private func checkEndOfNumber(start: Int, invalid: String) throws {
        guard let c = peek(), isIdentifierContinue(c) else { return }
        var end = index
        while let d = source[end], end < endIndex, isIdentifierContinue(d) { end += 1 }
        let word = source.text(index, end)
        if Lexer.keywordsAfterNumber.contains(where: { word.hasPrefix($0) }) { return }
        throw fail(invalid, at: start)
    }

    mutating func lexNumber() throws {
        let start = index
        if peek() == "0", let p = peek(1), "xXoObB".unicodeScalars.contains(p) {
            let (radix, name): (Int, String) = (p == "x" || p == "X") ? (16, "hexadecimal")
                : (p == "o" || p == "O") ? (8, "octal") : (2, "binary")
            index += 2
            if peek() == "_" { index += 1 }
            let invalid = "invalid \(name) literal"
            guard isDigit(peek(), radix: radix) else {
                if let c = peek(), radix != 16, ("0"..."9").contains(c) {
                    throw fail("invalid digit '\(c)' in \(name) literal", at: index)
                }
                throw fail(invalid, at: start + 1)
            }
            try scanDigits(radix: radix, invalid: invalid)
            if let c = peek(), radix != 16, ("0"..."9").contains(c) {
                throw fail("invalid digit '\(c)' in \(name) literal", at: index)
            }
            try checkEndOfNumber(start: start, invalid: invalid)
            let digits = source.text(start + 2, index).filter { $0 != "_" }
            addNumber(integerValue(digits, radix: radix), from: start)
            return
        }
        let invalid = "invalid decimal literal"
        var isFloat = false
        if peek() != "." { try scanDigits(radix: 10, invalid: invalid) }
        if peek() == "." {
            isFloat = true
            index += 1
            if isDigit(peek(), radix: 10) { try scanDigits(radix: 10, invalid: invalid) }
        }
        if let e = peek(), e == "e" || e == "E" {
            let save = index
            index += 1
            if let s = peek(), s == "+" || s == "-" { index += 1 }
            if isDigit(peek(), radix: 10) {
                try scanDigits(radix: 10, invalid: invalid)
                isFloat = true
            } else {
                index = save
                throw fail(invalid, at: start)
            }
        }
        if let j = peek(), j == "j" || j == "J" {
            index += 1
            throw source.error(.unsupported,
                               "complex numbers (imaginary literal '\(source.text(start, index))') are not supported by Kindling",
                               at: position(start), end: position(index))
        }
        try checkEndOfNumber(start: start, invalid: invalid)
        let text = source.text(start, index).filter { $0 != "_" }
        if isFloat {
            addNumber(.float(Double(text) ?? .infinity), from: start)
            return
        }
        if text.count > 1, text.hasPrefix("0"), text.contains(where: { $0 != "0" }) {
            throw source.error(.syntaxError,
                               "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                               at: position(start), end: position(index))
        }
        addNumber(integerValue(text, radix: 10), from: start)
    }

    private mutating func addNumber(_ value: NumberValue, from start: Int) {
        var token = Token(kind: .number, text: source.text(start, index), start: position(start), end: position(index))
        token.number = value
        tokens.append(token)
    }

    /// The value of a digit string; too large for Int64 becomes `.bigInt` with decimal digits.
    private func integerValue(_ digits: String, radix: Int) -> NumberValue {
        if let v = Int64(digits, radix: radix) { return .int(v) }
        var decimal: [UInt8] = [0]  // little-endian base-10 digits
        for ch in digits.unicodeScalars {
            var carry = Int(String(ch), radix: 16) ?? 0
            for i in 0..<decimal.count {
                let v = Int(decimal[i]) * radix + carry
                decimal[i] = UInt8(v % 10)
                carry = v / 10
            }
            while carry > 0 {
                decimal.append(UInt8(carry % 10))
                carry /= 10
            }
        }
        while decimal.count > 1, decimal.last == 0 { decimal.removeLast() }
        return .bigInt(String(decimal.reversed().map { Character(String($0)) }))
    }
}
