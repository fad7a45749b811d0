import Foundation

extension Builtins {
    static func selfString(_ a: Arguments) throws -> String {
        guard let first = a.positional.first, case .str(let s) = first else {
            throw PyException.make(.typeError, "descriptor '\(a.functionName)' requires a 'str' object")
        }
        return s
    }

    static func installStrMethods() {
        let c = str
        c.constructor = { a in
            let b = try a.bind(["object=''"])
            return .str(try Runtime.str(b["object"]))
        }
        func def(_ name: String, _ params: [String], _ body: @escaping (String, BoundArguments) throws -> Value) {
            let sig = Signature(parsing: ["self"] + params)
            c.define(name) { a in
                let s = try selfString(a)
                return try body(s, try a.bind(sig))
            }
        }
        def("upper", []) { s, _ in .str(s.uppercased()) }
        def("lower", []) { s, _ in .str(s.lowercased()) }
        def("title", []) { s, _ in .str(titleCase(s)) }
        def("capitalize", []) { s, _ in .str(s.prefix(1).uppercased() + s.dropFirst().lowercased()) }
        def("swapcase", []) { s, _ in .str(String(s.map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) })) }
        def("strip", ["chars=None"]) { s, b in .str(try strip(s, b["chars"], left: true, right: true)) }
        def("lstrip", ["chars=None"]) { s, b in .str(try strip(s, b["chars"], left: true, right: false)) }
        def("rstrip", ["chars=None"]) { s, b in .str(try strip(s, b["chars"], left: false, right: true)) }
        def("split", ["sep=None", "maxsplit=-1"]) { s, b in
            .object(PyList(try split(s, b["sep"], try b.int("maxsplit")).map { .str($0) }))
        }
        def("rsplit", ["sep=None", "maxsplit=-1"]) { s, b in
            let max = try b.int("maxsplit")
            if max < 0 { return .object(PyList(try split(s, b["sep"], -1).map { .str($0) })) }
            let rev = try split(String(s.reversed()), b["sep"].strPayload.map { .str(String($0.reversed())) } ?? .none, max)
            return .object(PyList(rev.reversed().map { .str(String($0.reversed())) }))
        }
        def("splitlines", ["keepends=False"]) { s, b in
            let keep = try b.bool("keepends")
            var out: [Value] = []
            var cur = ""
            for ch in s {
                if ch == "\n" || ch == "\r\n" || ch == "\r" {
                    out.append(.str(keep ? cur + String(ch) : cur)); cur = ""
                } else { cur.append(ch) }
            }
            if !cur.isEmpty { out.append(.str(cur)) }
            return .object(PyList(out))
        }
        def("join", ["iterable"]) { s, b in
            let parts = try Runtime.iterateToArray(b["iterable"]).enumerated().map { (i, v) -> String in
                guard case .str(let x) = v else {
                    throw PyException.make(.typeError, "sequence item \(i): expected str instance, \(v.typeName) found")
                }
                return x
            }
            return .str(parts.joined(separator: s))
        }
        def("replace", ["old", "new", "count=-1"]) { s, b in
            let old = try b.string("old"), new = try b.string("new"), count = try b.int("count")
            if count < 0 { return .str(old.isEmpty ? replaceEmpty(s, new) : s.replacingOccurrences(of: old, with: new)) }
            var out = "", rest = Substring(s), n = 0
            while n < count, !old.isEmpty, let r = rest.range(of: old) {
                out += rest[..<r.lowerBound] + new
                rest = rest[r.upperBound...]
                n += 1
            }
            return .str(out + rest)
        }
        def("startswith", ["prefix", "start=None", "end=None"]) { s, b in
            let sub = try sliceOf(s, b)
            return .bool(try affixes(b["prefix"], "startswith").contains { sub.hasPrefix($0) })
        }
        def("endswith", ["suffix", "start=None", "end=None"]) { s, b in
            let sub = try sliceOf(s, b)
            return .bool(try affixes(b["suffix"], "endswith").contains { sub.hasSuffix($0) })
        }
        def("find", ["sub", "start=None", "end=None"]) { s, b in .int(try find(s, b, reverse: false)) }
        def("rfind", ["sub", "start=None", "end=None"]) { s, b in .int(try find(s, b, reverse: true)) }
        def("index", ["sub", "start=None", "end=None"]) { s, b in
            let i = try find(s, b, reverse: false)
            if i < 0 { throw PyException.make(.valueError, "substring not found") }
            return .int(i)
        }
        def("count", ["sub", "start=None", "end=None"]) { s, b in
            let sub = try b.string("sub")
            let hay = try sliceOf(s, b)
            if sub.isEmpty { return .int(hay.unicodeScalars.count + 1) }
            return .int(hay.components(separatedBy: sub).count - 1)
        }
        def("isdigit", []) { s, _ in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { CharacterSet.decimalDigits.contains($0) }) }
        def("isnumeric", []) { s, _ in .bool(!s.isEmpty && s.allSatisfy { $0.isNumber }) }
        def("isdecimal", []) { s, _ in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { CharacterSet.decimalDigits.contains($0) }) }
        def("isalpha", []) { s, _ in .bool(!s.isEmpty && s.allSatisfy { $0.isLetter }) }
        def("isalnum", []) { s, _ in .bool(!s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber }) }
        def("isspace", []) { s, _ in .bool(!s.isEmpty && s.allSatisfy { $0.isWhitespace }) }
        def("isupper", []) { s, _ in .bool(s.contains { $0.isCased } && s.uppercased() == s) }
        def("islower", []) { s, _ in .bool(s.contains { $0.isCased } && s.lowercased() == s) }
        def("isidentifier", []) { s, _ in
            .bool(!s.isEmpty && !(s.first?.isNumber ?? true) && s.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber })
        }
        def("center", ["width", "fillchar=' '"]) { s, b in .str(try justify(s, b, "^")) }
        def("ljust", ["width", "fillchar=' '"]) { s, b in .str(try justify(s, b, "<")) }
        def("rjust", ["width", "fillchar=' '"]) { s, b in .str(try justify(s, b, ">")) }
        def("zfill", ["width"]) { s, b in
            let w = try b.int("width")
            let n = s.unicodeScalars.count
            if n >= w { return .str(s) }
            let pad = String(repeating: "0", count: try Runtime.checkedRepeat(w - n, 1))
            if let f = s.first, f == "-" || f == "+" { return .str(String(f) + pad + s.dropFirst()) }
            return .str(pad + s)
        }
        def("partition", ["sep"]) { s, b in
            let sep = try b.string("sep")
            if let r = s.range(of: sep) { return .object(PyTuple([.str(String(s[..<r.lowerBound])), .str(sep), .str(String(s[r.upperBound...]))])) }
            return .object(PyTuple([.str(s), .str(""), .str("")]))
        }
        def("rpartition", ["sep"]) { s, b in
            let sep = try b.string("sep")
            if let r = s.range(of: sep, options: .backwards) { return .object(PyTuple([.str(String(s[..<r.lowerBound])), .str(sep), .str(String(s[r.upperBound...]))])) }
            return .object(PyTuple([.str(""), .str(""), .str(s)]))
        }
        def("removeprefix", ["prefix"]) { s, b in let p = try b.string("prefix"); return .str(s.hasPrefix(p) ? String(s.dropFirst(p.count)) : s) }
        def("removesuffix", ["suffix"]) { s, b in let p = try b.string("suffix"); return .str(s.hasSuffix(p) && !p.isEmpty ? String(s.dropLast(p.count)) : s) }
        def("encode", ["encoding='utf-8'", "errors='strict'"]) { _, _ in
            throw PyException.make(.notImplementedError, "bytes are not supported by Kindling")
        }
        c.define("format") { a in
            let s = try selfString(a)
            return .str(try formatString(s, Array(a.positional.dropFirst()), a.keywords))
        }
        c.define("__len__") { a in .int(try selfString(a).unicodeScalars.count) }
        c.define("__contains__") { a in .bool(try Runtime.contains(try a[0], try a[1])) }
        c.define("__getitem__") { a in try Runtime.getItem(try a[0], try a[1]) }
    }

    static func titleCase(_ s: String) -> String {
        var out = "", prevCased = false
        for ch in s {
            out += prevCased ? ch.lowercased() : ch.uppercased()
            prevCased = ch.isLetter
        }
        return out
    }

    static func replaceEmpty(_ s: String, _ new: String) -> String {
        new + s.map { String($0) + new }.joined()
    }

    static func strip(_ s: String, _ chars: Value, left: Bool, right: Bool) throws -> String {
        let set: (Character) -> Bool
        if case .str(let cs) = chars { set = { cs.contains($0) } } else if chars.isNone { set = { $0.isWhitespace } } else {
            throw PyException.make(.typeError, "strip arg must be None or str")
        }
        var sub = Substring(s)
        if left { while let f = sub.first, set(f) { sub = sub.dropFirst() } }
        if right { while let l = sub.last, set(l) { sub = sub.dropLast() } }
        return String(sub)
    }

    static func split(_ s: String, _ sep: Value, _ maxsplit: Int) throws -> [String] {
        if sep.isNone {
            var out: [String] = [], cur = "", splits = 0
            var i = s.startIndex
            while i < s.endIndex {
                let ch = s[i]
                if ch.isWhitespace {
                    if !cur.isEmpty {
                        out.append(cur); cur = ""; splits += 1
                        if maxsplit >= 0 && splits >= maxsplit {
                            let rest = s[i...].drop { $0.isWhitespace }
                            if !rest.isEmpty { out.append(String(rest)) }
                            return out
                        }
                    }
                } else { cur.append(ch) }
                i = s.index(after: i)
            }
            if !cur.isEmpty { out.append(cur) }
            return out
        }
        let sepStr = try sep.asString()
        if sepStr.isEmpty { throw PyException.make(.valueError, "empty separator") }
        var out: [String] = []
        var rest = Substring(s)
        while maxsplit < 0 || out.count < maxsplit, let r = rest.range(of: sepStr) {
            out.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        out.append(String(rest))
        return out
    }

    static func sliceOf(_ s: String, _ b: BoundArguments) throws -> String {
        if b["start"].isNone && b["end"].isNone { return s }
        return try Runtime.getItem(.str(s), .object(PySlice(b["start"], b["end"], .none))).asString()
    }

    static func affixes(_ v: Value, _ fn: String) throws -> [String] {
        if case .str(let s) = v { return [s] }
        if let t = v.as(PyTuple.self) { return try t.items.map { try $0.asString() } }
        throw PyException.make(.typeError, "\(fn) first arg must be str or a tuple of str, not \(v.typeName)")
    }

    static func find(_ s: String, _ b: BoundArguments, reverse: Bool) throws -> Int {
        let sub = Array(try b.string("sub").unicodeScalars)
        let hay = Array(s.unicodeScalars)
        let (start, end, _) = try PySlice(b["start"], b["end"], .none).indices(hay.count)
        if sub.isEmpty { return start <= end ? (reverse ? end : start) : -1 }
        guard end - start >= sub.count else { return -1 }
        let candidates = Array(start...(end - sub.count))
        for i in (reverse ? candidates.reversed() : candidates) where Array(hay[i..<(i + sub.count)]) == sub { return i }
        return -1
    }

    static func justify(_ s: String, _ b: BoundArguments, _ align: Character) throws -> String {
        let fill = try b.string("fillchar")
        guard fill.count == 1, let f = fill.first else {
            throw PyException.make(.typeError, "The fill character must be exactly one character long")
        }
        let w = try b.int("width")
        let n = s.unicodeScalars.count
        if n >= w { return s }
        _ = try Runtime.checkedRepeat(w, 1)
        let pad = w - n
        switch align {
        case "<": return s + String(repeating: f, count: pad)
        case ">": return String(repeating: f, count: pad) + s
        default:
            let left = pad / 2 + (pad & w & 1)
            return String(repeating: f, count: left) + s + String(repeating: f, count: pad - left)
        }
    }
}
