extension Builtins {
    /// `str.format(*args, **kwargs)`.
    static func formatString(_ template: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> String {
        let chars = Array(template)
        var out = ""
        var i = 0
        var autoIndex = 0
        func lookupField(_ field: String) throws -> Value {
            var rest = Substring(field)
            var head = ""
            while let c = rest.first, c != "." && c != "[" { head.append(c); rest = rest.dropFirst() }
            var value: Value
            if head.isEmpty {
                guard autoIndex < args.count else {
                    throw PyException.make(.indexError, "Replacement index \(autoIndex) out of range for positional args tuple")
                }
                value = args[autoIndex]; autoIndex += 1
            } else if let n = Int(head) {
                guard n < args.count else { throw PyException.make(.indexError, "Replacement index \(n) out of range for positional args tuple") }
                value = args[n]
            } else {
                guard let v = kwargs.last(where: { $0.0 == head })?.1 else {
                    throw PyException(PyBaseException(keyError, args: [.str(head)]))
                }
                value = v
            }
            while let c = rest.first {
                rest = rest.dropFirst()
                if c == "." {
                    var name = ""
                    while let d = rest.first, d != "." && d != "[" { name.append(d); rest = rest.dropFirst() }
                    value = try Runtime.getAttribute(value, name)
                } else {
                    var key = ""
                    while let d = rest.first, d != "]" { key.append(d); rest = rest.dropFirst() }
                    rest = rest.dropFirst()
                    value = try Runtime.getItem(value, Int(key).map { .int($0) } ?? .str(key))
                }
            }
            return value
        }
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count && chars[i + 1] == "{" { out.append("{"); i += 2; continue }
                var depth = 1, j = i + 1, inner = ""
                while j < chars.count {
                    if chars[j] == "{" { depth += 1 } else if chars[j] == "}" { depth -= 1; if depth == 0 { break } }
                    inner.append(chars[j]); j += 1
                }
                if j >= chars.count { throw PyException.make(.valueError, "expected '}' before end of string") }
                var field = inner, spec = "", conversion: Character? = nil
                if let colon = inner.firstIndex(of: ":") {
                    field = String(inner[..<colon]); spec = String(inner[inner.index(after: colon)...])
                }
                if let bang = field.firstIndex(of: "!") {
                    conversion = field[field.index(after: bang)...].first
                    field = String(field[..<bang])
                }
                if spec.contains("{") { spec = try formatString(spec, args, kwargs) }
                var v = try lookupField(field)
                if conversion == "r" || conversion == "a" { v = .str(try Runtime.repr(v)) }
                else if conversion == "s" { v = .str(try Runtime.str(v)) }
                out += try Runtime.format(v, spec)
                i = j + 1
            } else if c == "}" {
                if i + 1 < chars.count && chars[i + 1] == "}" { out.append("}"); i += 2; continue }
                throw PyException.make(.valueError, "Single '}' encountered in format string")
            } else {
                out.append(c); i += 1
            }
        }
        return out
    }
}
