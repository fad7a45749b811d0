// String literals: quotes, triple quotes, prefixes (r, u, f, and the refused b), escapes.

extension Lexer {
    /// Scans one string literal starting at its prefix. Plain strings are decoded here;
    /// f-strings keep their body bounds for the parser.
    mutating func lexString(prefixStart: Int, prefix: String) throws {
        let lower = prefix.lowercased()
        let isRaw = lower.contains("r"), isFormat = lower.contains("f")
        guard let quote = peek() else { return }
        let isTriple = peek(1) == quote && peek(2) == quote
        index += isTriple ? 3 : 1
        let bodyStart = index
        var bodyEnd = index
        while true {
            guard let c = peek() else {
                let detected = source.position(of: max(endIndex - 1, 0)).line
                let what = isTriple ? "unterminated triple-quoted string literal" : "unterminated string literal"
                throw fail("\(what) (detected at line \(detected))", at: prefixStart)
            }
            if c == "\\" {
                index += peek(1) == nil ? 1 : 2
                continue
            }
            if c == "\n" && !isTriple {
                throw fail("unterminated string literal (detected at line \(position(index).line))", at: prefixStart)
            }
            if c == quote {
                if !isTriple {
                    bodyEnd = index
                    index += 1
                    break
                }
                if peek(1) == quote && peek(2) == quote {
                    bodyEnd = index
                    index += 3
                    break
                }
            }
            index += 1
        }
        if lower.contains("b") {
            throw source.error(.unsupported, "bytes literals are not supported by Kindling",
                               at: position(prefixStart), end: position(index))
        }
        var value = ""
        if !isFormat {
            value = isRaw ? source.text(bodyStart, bodyEnd)
                : try decodeEscapes(source, from: bodyStart, to: bodyEnd)
        }
        var token = Token(kind: .string, text: prefix, start: position(prefixStart), end: position(index))
        token.string = StringLiteral(isRaw: isRaw, isFormat: isFormat, isTriple: isTriple, value: value,
                                     bodyStart: bodyStart, bodyEnd: bodyEnd)
        tokens.append(token)
    }
}

/// Decodes the backslash escapes of a (non-raw) string body `start..<end` of `source`, as
/// CPython does: `\n \t \\ \' \" \a \b \f \r \v \ooo \xhh \uXXXX \UXXXXXXXX` and backslash-newline;
/// unknown escapes keep their backslash. `\N{...}` and lone surrogates are refused.
func decodeEscapes(_ source: SourceText, from start: Int, to end: Int) throws -> String {
    var out = String.UnicodeScalarView()
    var i = start
    func unicodeError(_ detail: String, _ at: Int) -> SyntaxErrorInfo {
        source.error(.syntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position \(detail)",
                     at: source.position(of: at))
    }
    while i < end {
        let c = source.scalars[i]
        guard c == "\\", i + 1 < end else {
            out.append(c)
            i += 1
            continue
        }
        let e = source.scalars[i + 1]
        let escapeStart = i - start
        i += 2
        switch e {
        case "\n": break
        case "\\": out.append("\\")
        case "'": out.append("'")
        case "\"": out.append("\"")
        case "a": out.append("\u{07}")
        case "b": out.append("\u{08}")
        case "f": out.append("\u{0C}")
        case "n": out.append("\n")
        case "r": out.append("\r")
        case "t": out.append("\t")
        case "v": out.append("\u{0B}")
        case "0"..."7":
            var value = Int(e.value - 48)
            var n = 1
            while n < 3, i < end, ("0"..."7").contains(source.scalars[i]) {
                value = value * 8 + Int(source.scalars[i].value - 48)
                i += 1
                n += 1
            }
            guard let s = Unicode.Scalar(value) else { throw unicodeError("\(escapeStart)", end) }
            out.append(s)
        case "x", "u", "U":
            let width = e == "x" ? 2 : e == "u" ? 4 : 8
            var value: UInt32 = 0
            var n = 0
            while n < width, i < end, let d = hexValue(source.scalars[i]) {
                value = value * 16 + d
                i += 1
                n += 1
            }
            let name = e == "x" ? "\\xXX" : e == "u" ? "\\uXXXX" : "\\UXXXXXXXX"
            if n < width {
                throw unicodeError("\(escapeStart)-\(escapeStart + 1 + n): truncated \(name) escape", end)
            }
            if (0xD800...0xDFFF).contains(value) {
                throw source.error(.unsupported, "lone surrogate escapes in strings are not supported by Kindling",
                                   at: source.position(of: i - width - 2))
            }
            guard let s = Unicode.Scalar(value) else {
                throw unicodeError("\(escapeStart)-\(escapeStart + 1 + n): illegal Unicode character", end)
            }
            out.append(s)
        case "N":
            throw source.error(.unsupported, "\\N{...} escapes are not supported by Kindling",
                               at: source.position(of: i - 2))
        default:
            out.append("\\")
            out.append(e)
        }
    }
    return String(out)
}

private func hexValue(_ c: Unicode.Scalar) -> UInt32? {
    switch c {
    case "0"..."9": return c.value - 48
    case "a"..."f": return c.value - 87
    case "A"..."F": return c.value - 55
    default: return nil
    }
}
