/// printf-style string formatting, `format % values`, as CPython's `str.__mod__` does it:
/// conversions `d i u o x X e E f F g G c s r a %`, the flags `- + space # 0`, width and
/// precision (or `*` taken from the values), and `%(key)s` with a mapping. Each conversion is
/// turned into the equivalent format spec, so the digits come from the same code as `format()`.
enum PercentFormat {
    static func apply(_ format: String, _ values: Value) throws -> String {
        let chars = Array(format)
        let mapping: Value? = isMapping(values) ? values : nil
        let items: [Value] = values.as(PyTuple.self)?.items ?? [values]
        var next = 0
        var usedMapping = false
        func take() throws -> Value {
            guard next < items.count else { throw PyException.make(.typeError, "not enough arguments for format string") }
            next += 1
            return items[next - 1]
        }
        var out = ""
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            guard ch == "%" else { out.append(ch); i += 1; continue }
            let start = i
            i += 1
            guard i < chars.count else { throw PyException.make(.valueError, "incomplete format") }
            var key: String?
            if chars[i] == "(" {
                guard mapping != nil else { throw PyException.make(.typeError, "format requires a mapping") }
                var depth = 1, j = i + 1
                while j < chars.count, depth > 0 {
                    if chars[j] == "(" { depth += 1 } else if chars[j] == ")" { depth -= 1 }
                    j += 1
                }
                guard depth == 0 else { throw PyException.make(.valueError, "incomplete format key") }
                key = String(chars[(i + 1)..<(j - 1)])
                usedMapping = true
                i = j
            }
            var flags = Set<Character>()
            while i < chars.count, "-+ #0".contains(chars[i]) { flags.insert(chars[i]); i += 1 }
            func number(_ what: String) throws -> Int? {
                if i < chars.count, chars[i] == "*" {
                    i += 1
                    guard case .int(let n) = try take() else { throw PyException.make(.typeError, "* wants int") }
                    return n
                }
                var n = 0, any = false
                while i < chars.count, chars[i].isASCII, let d = chars[i].wholeNumberValue {
                    n = n * 10 + d
                    any = true
                    if n > 1_000_000 { throw PyException.make(.valueError, "\(what) too big") }
                    i += 1
                }
                return any ? n : nil
            }
            var width = try number("width") ?? 0
            if width < 0 { flags.insert("-"); width = -width }
            var precision: Int?
            if i < chars.count, chars[i] == "." {
                i += 1
                precision = try number("precision") ?? 0
            }
            while i < chars.count, "hlL".contains(chars[i]) { i += 1 }
            guard i < chars.count else { throw PyException.make(.valueError, "incomplete format") }
            let conversion = chars[i]
            i += 1
            if conversion == "%" { out.append("%"); continue }
            let value: Value
            if let key, let mapping { value = try Runtime.getItem(mapping, .str(key)) } else { value = try take() }
            out += try convert(value, conversion, flags: flags, width: width, precision: precision, index: start, i: i - 1)
        }
        if !usedMapping && mapping == nil && next < items.count {
            throw PyException.make(.typeError, "not all arguments converted during string formatting")
        }
        return out
    }

    /// A dict (or any mapping that is not a tuple or str) is used for `%(key)s`; CPython also
    /// accepts it silently when the format has no keys.
    private static func isMapping(_ v: Value) -> Bool {
        guard case .object(let o) = v, !(o is PyTuple) else { return false }
        return o is PyDict || (o.pyClass.lookup("__getitem__") != nil && o.pyClass.lookup("keys") != nil)
    }

    private static func convert(_ v: Value, _ conversion: Character, flags: Set<Character>, width: Int,
                                precision: Int?, index: Int, i: Int) throws -> String {
        var spec = ""
        let left = flags.contains("-")
        if left { spec += "<" }
        if flags.contains("+") { spec += "+" } else if flags.contains(" ") { spec += " " }
        if flags.contains("#") { spec += "#" }
        let numeric = "diuoxXeEfFgG".contains(conversion)
        if flags.contains("0") && !left && numeric { spec += "0" }
        if width > 0 { spec += String(width) }
        switch conversion {
        case "s", "r", "a":
            let text = conversion == "s" ? try Runtime.str(v) : try Runtime.repr(v)
            let cut = precision.map { String(text.prefix($0)) } ?? text
            return try Runtime.formatString(cut, width > 0 ? (left ? "<" : ">") + String(width) : "")
        case "c":
            var text: String
            switch v {
            case .str(let s) where s.count == 1: text = s
            case .int(let n):
                guard n >= 0, n < 0x110000, let u = Unicode.Scalar(UInt32(n)) else {
                    throw PyException.make(.overflowError, "%c arg not in range(0x110000)")
                }
                text = String(Character(u))
            default: throw PyException.make(.typeError, "%c requires int or char")
            }
            return try Runtime.formatString(text, width > 0 ? (left ? "<" : ">") + String(width) : "")
        case "d", "i", "u":
            let n = try integer(v, conversion, allowFloat: true)
            guard let precision, precision > 0 else { return try Runtime.formatInt(n, spec) }
            // printf's precision on an integer is a minimum digit count.
            let digits = String(n.magnitude)
            let padded = String(repeating: "0", count: max(0, precision - digits.count)) + digits
            let sign = n < 0 ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : ""
            return try Runtime.formatString(sign + padded, width > 0 ? (left ? "<" : ">") + String(width) : "")
        case "o", "x", "X":
            return try Runtime.formatInt(try integer(v, conversion, allowFloat: false), spec + String(conversion))
        case "e", "E", "f", "F", "g", "G":
            let d = try real(v, conversion)
            return try Runtime.formatFloat(d, spec + "." + String(precision ?? 6) + String(conversion))
        default:
            let code = conversion.unicodeScalars.first.map { String($0.value, radix: 16) } ?? "0"
            throw PyException.make(.valueError, "unsupported format character '\(conversion)' (0x\(code)) at index \(i)")
        }
    }

    private static func integer(_ v: Value, _ conversion: Character, allowFloat: Bool) throws -> Int {
        switch v {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .float(let d) where allowFloat:
            guard d.isFinite else {
                throw PyException.make(d.isNaN ? .valueError : .overflowError,
                                       d.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer")
            }
            guard let n = Int(exactly: d.rounded(.towardZero)) else {
                throw PyException.make(.overflowError, "int too large to format with %\(conversion) in Kindling")
            }
            return n
        case .object:
            let special = allowFloat ? ["__int__", "__index__"] : ["__index__"]
            for name in special {
                if let r = try Runtime.callSpecialIfPresent(v, name, []) { return try r.asInt() }
            }
        default: break
        }
        let what = allowFloat ? "a real number" : "an integer"
        throw PyException.make(.typeError, "%\(conversion) format: \(what) is required, not \(v.typeName)")
    }

    private static func real(_ v: Value, _ conversion: Character) throws -> Double {
        switch v {
        case .int(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        case .float(let d): return d
        case .object:
            if let r = try Runtime.callSpecialIfPresent(v, "__float__", []) { return try r.asDouble() }
            if let r = try Runtime.callSpecialIfPresent(v, "__index__", []) { return Double(try r.asInt()) }
        default: break
        }
        throw PyException.make(.typeError, "must be real number, not \(v.typeName)")
    }
}
