/// Python's format-spec mini-language (`format(v, spec)`, f-string fields, `str.format`).
struct FormatSpec {
    var fill: Character = " "
    var align: Character? = nil
    var sign: Character = "-"
    var alternate = false
    var width = 0
    var grouping: Character? = nil
    var precision: Int? = nil
    var type: Character? = nil

    init(_ spec: String) throws {
        var c = Array(spec)
        var i = 0
        func isAlign(_ ch: Character) -> Bool { ch == "<" || ch == ">" || ch == "^" || ch == "=" }
        if c.count >= 2 && isAlign(c[1]) { fill = c[0]; align = c[1]; i = 2 }
        else if c.count >= 1 && isAlign(c[0]) { align = c[0]; i = 1 }
        if i < c.count, c[i] == "+" || c[i] == "-" || c[i] == " " { sign = c[i]; i += 1 }
        if i < c.count, c[i] == "z" { i += 1 }
        if i < c.count, c[i] == "#" { alternate = true; i += 1 }
        if i < c.count, c[i] == "0" {
            if align == nil { fill = "0"; align = "=" }
            i += 1
        }
        var w = 0
        while i < c.count, let d = c[i].wholeNumberValue, c[i].isASCII { w = min(w * 10 + d, 1_000_000); i += 1 }
        width = w
        if i < c.count, c[i] == "," || c[i] == "_" { grouping = c[i]; i += 1 }
        if i < c.count, c[i] == "." {
            i += 1
            var p = 0, any = false
            while i < c.count, let d = c[i].wholeNumberValue, c[i].isASCII { p = min(p * 10 + d, 1000); i += 1; any = true }
            if !any { throw PyException.make(.valueError, "Format specifier missing precision") }
            precision = p
        }
        if i < c.count { type = c[i]; i += 1 }
        if i < c.count { throw PyException.make(.valueError, "Invalid format specifier '\(spec)' for object of type") }
        c = []
    }
}

extension Runtime {
    /// `format(value, spec)`.
    public static func format(_ v: Value, _ spec: String) throws -> String {
        switch v {
        case .int(let i): return try formatInt(i, spec)
        case .bool(let b): return spec.isEmpty ? (b ? "True" : "False") : try formatInt(b ? 1 : 0, spec)
        case .float(let d): return try formatFloat(d, spec)
        case .str(let s): return try formatString(s, spec)
        case .object(let o):
            if let f = o.pyClass.lookup("__format__"), !isObjectMethod(f, "__format__") {
                let r = try callUnbound(f, v, [.str(spec)])
                return try r.asString()
            }
            if spec.isEmpty { return try str(v) }
            throw PyException.make(.typeError, "unsupported format string passed to \(v.typeName).__format__")
        case .none:
            if spec.isEmpty { return "None" }
            throw PyException.make(.typeError, "unsupported format string passed to NoneType.__format__")
        }
    }

    static func pad(_ body: String, _ signPart: String, _ spec: FormatSpec, defaultAlign: Character) -> String {
        let total = body.count + signPart.count
        guard spec.width > total else { return signPart + body }
        let padCount = spec.width - total
        let fill = String(spec.fill)
        switch spec.align ?? defaultAlign {
        case "<": return signPart + body + String(repeating: fill, count: padCount)
        case "^":
            let left = padCount / 2
            return String(repeating: fill, count: left) + signPart + body + String(repeating: fill, count: padCount - left)
        case "=": return signPart + String(repeating: fill, count: padCount) + body
        default: return String(repeating: fill, count: padCount) + signPart + body
        }
    }

    static func group(_ digits: String, _ sep: Character?, every: Int = 3) -> String {
        guard let sep = sep else { return digits }
        var out: [Character] = []
        for (n, ch) in digits.reversed().enumerated() {
            if n > 0 && n % every == 0 { out.append(sep) }
            out.append(ch)
        }
        return String(out.reversed())
    }

    static func signPrefix(_ negative: Bool, _ spec: FormatSpec) -> String {
        if negative { return "-" }
        return spec.sign == "+" ? "+" : spec.sign == " " ? " " : ""
    }

    static func formatInt(_ i: Int, _ specText: String) throws -> String {
        if specText.isEmpty { return String(i) }
        let spec = try FormatSpec(specText)
        switch spec.type {
        case "e", "E", "f", "F", "g", "G", "%": return try formatFloat(Double(i), specText)
        case nil, "d", "n", "b", "o", "x", "X", "c": break
        default: throw PyException.make(.valueError, "Unknown format code '\(spec.type.map(String.init) ?? "")' for object of type 'int'")
        }
        if spec.precision != nil { throw PyException.make(.valueError, "Precision not allowed in integer format specifier") }
        let magnitude = i.magnitude
        var body: String
        var prefix = ""
        switch spec.type {
        case "b": body = String(magnitude, radix: 2); prefix = spec.alternate ? "0b" : ""
        case "o": body = String(magnitude, radix: 8); prefix = spec.alternate ? "0o" : ""
        case "x": body = String(magnitude, radix: 16); prefix = spec.alternate ? "0x" : ""
        case "X": body = String(magnitude, radix: 16).uppercased(); prefix = spec.alternate ? "0X" : ""
        case "c":
            guard let u = Unicode.Scalar(UInt32(truncatingIfNeeded: i)) else { throw PyException.make(.overflowError, "%c arg not in range(0x110000)") }
            return pad(String(Character(u)), "", spec, defaultAlign: "<")
        default: body = String(magnitude)
        }
        body = group(body, spec.grouping, every: (spec.type == nil || spec.type == "d" || spec.type == "n") ? 3 : 4)
        return pad(body, signPrefix(i < 0, spec) + prefix, spec, defaultAlign: ">")
    }

    static func formatFloat(_ d: Double, _ specText: String) throws -> String {
        if specText.isEmpty { return FloatFormat.repr(d) }
        let spec = try FormatSpec(specText)
        let negative = d < 0 || (d == 0 && d.sign == .minus)
        let a = abs(d)
        var body: String
        switch spec.type {
        case "f", "F": body = FloatFormat.printf(a, spec.precision ?? 6, "f")
        case "e", "E": body = FloatFormat.printf(a, spec.precision ?? 6, "e")
        case "g", "G":
            let p = spec.precision.map { $0 == 0 ? 1 : $0 } ?? 6
            // '#' keeps the trailing zeros (and the point), as C's %#g does.
            body = spec.alternate ? FloatFormat.printf(a, p, "g", alternate: true) : FloatFormat.printf(a, p, "g")
        case "%": body = FloatFormat.printf(a * 100, spec.precision ?? 6, "f") + "%"
        case nil, "n":
            if let p = spec.precision {
                body = FloatFormat.printf(a, p == 0 ? 1 : p, "g")
                if !body.contains(".") && !body.contains("e") && a.isFinite { body += ".0" }
            } else {
                body = FloatFormat.repr(a)
            }
        default: throw PyException.make(.valueError, "Unknown format code '\(spec.type.map(String.init) ?? "")' for object of type 'float'")
        }
        if !a.isFinite { body = a.isNaN ? "nan" : "inf" }
        if spec.type == "E" || spec.type == "G" || spec.type == "F" { body = body.uppercased() }
        if let g = spec.grouping {
            let intEnd = body.firstIndex { !$0.isNumber } ?? body.endIndex
            body = group(String(body[..<intEnd]), g) + body[intEnd...]
        }
        return pad(body, signPrefix(negative && !a.isNaN, spec), spec, defaultAlign: ">")
    }

    static func formatString(_ s: String, _ specText: String) throws -> String {
        if specText.isEmpty { return s }
        let spec = try FormatSpec(specText)
        if let t = spec.type, t != "s" {
            throw PyException.make(.valueError, "Unknown format code '\(t)' for object of type 'str'")
        }
        if spec.sign != "-" { throw PyException.make(.valueError, "Sign not allowed in string format specifier") }
        if spec.align == "=" { throw PyException.make(.valueError, "'=' alignment not allowed in string format specifier") }
        var body = s
        if let p = spec.precision { body = String(s.prefix(p)) }
        return pad(body, "", spec, defaultAlign: "<")
    }
}
