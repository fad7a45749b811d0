/// A parameter list (names, defaults, `*args`, keyword-only names, `**kwargs`) and the binding
/// algorithm shared by user functions and native functions, with CPython's TypeError messages.
public final class Signature {
    /// Positional-or-keyword parameter names, then keyword-only names.
    public let names: [String]
    public let positionalCount: Int
    public let keywordOnlyCount: Int
    public let varargsName: String?
    public let varkwName: String?
    /// Defaults of native signatures (trailing positionals and keyword-only); user functions pass theirs.
    public let defaults: [String: Value]
    private let slotOf: [String: Int]

    public var varargsSlot: Int? { varargsName == nil ? nil : names.count }
    public var varkwSlot: Int? { varkwName == nil ? nil : names.count + (varargsName == nil ? 0 : 1) }
    /// Number of value slots: parameters, plus one for `*args` and one for `**kwargs`.
    public var slotCount: Int { names.count + (varargsName == nil ? 0 : 1) + (varkwName == nil ? 0 : 1) }

    public init(positional: [String], keywordOnly: [String] = [], varargs: String? = nil, varkw: String? = nil,
                defaults: [String: Value] = [:]) {
        names = positional + keywordOnly
        positionalCount = positional.count
        keywordOnlyCount = keywordOnly.count
        varargsName = varargs
        varkwName = varkw
        self.defaults = defaults
        var m: [String: Int] = [:]
        for (i, n) in names.enumerated() { m[n] = i }
        if let v = varargs { m[v] = names.count }
        if let k = varkw { m[k] = names.count + (varargs == nil ? 0 : 1) }
        slotOf = m
    }

    public func slot(of name: String) -> Int? { slotOf[name] }

    /// Parses `["input", "dim=None", "*", "out=None", "**kwargs"]`.
    public convenience init(parsing params: [String]) {
        var pos: [String] = [], kwonly: [String] = []
        var varargs: String? = nil, varkw: String? = nil
        var defaults: [String: Value] = [:]
        var keywordOnly = false
        for p in params {
            if p == "*" { keywordOnly = true; continue }
            if p == "/" { continue }
            if p.hasPrefix("**") { varkw = String(p.dropFirst(2)); continue }
            if p.hasPrefix("*") { varargs = String(p.dropFirst()); keywordOnly = true; continue }
            var name = p
            if let eq = p.firstIndex(of: "=") {
                name = String(p[..<eq]).trimmingSpaces
                defaults[name] = Signature.literal(String(p[p.index(after: eq)...]).trimmingSpaces)
            }
            if keywordOnly { kwonly.append(name) } else { pos.append(name) }
        }
        self.init(positional: pos, keywordOnly: kwonly, varargs: varargs, varkw: varkw, defaults: defaults)
    }

    static func literal(_ s: String) -> Value {
        switch s {
        case "None": return .none
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "()": return .object(PyTuple.empty)
        default:
            if let i = Int(s) { return .int(i) }
            if let d = Double(s) { return .float(d) }
            if s.count >= 2, let f = s.first, f == "'" || f == "\"" { return .str(String(s.dropFirst().dropLast())) }
            return .str(s)
        }
    }

    nonisolated(unsafe) private static var cache: [[String]: Signature] = [:]
    static func cached(_ params: [String]) -> Signature {
        if let s = cache[params] { return s }
        let s = Signature(parsing: params)
        cache[params] = s
        return s
    }

    /// Binds arguments to slots. `defaults` maps parameter names to default values.
    public func bind(positional: [Value], keywords: [(String, Value)], defaults: [String: Value],
                     functionName: String) throws -> [Value] {
        var slots = [Value?](repeating: nil, count: slotCount)
        let given = positional.count
        if given > positionalCount && varargsName == nil {
            throw PyException.make(.typeError, tooManyMessage(given: given, defaults: defaults, functionName: functionName))
        }
        for i in 0..<min(given, positionalCount) { slots[i] = positional[i] }
        if let vs = varargsSlot {
            slots[vs] = .object(given > positionalCount ? PyTuple(Array(positional[positionalCount...])) : PyTuple.empty)
        }
        var extra: PyDict? = nil
        if let ks = varkwSlot { let d = PyDict(); extra = d; slots[ks] = .object(d) }
        for (name, value) in keywords {
            if let i = slotOf[name], i < names.count {
                if slots[i] != nil {
                    throw PyException.make(.typeError, "\(functionName)() got multiple values for argument '\(name)'")
                }
                slots[i] = value
            } else if let d = extra {
                d.set(name, value)
            } else {
                throw PyException.make(.typeError, "\(functionName)() got an unexpected keyword argument '\(name)'")
            }
        }
        var missingPos: [String] = [], missingKw: [String] = []
        for i in 0..<names.count where slots[i] == nil {
            if let d = defaults[names[i]] { slots[i] = d }
            else if i < positionalCount { missingPos.append(names[i]) }
            else { missingKw.append(names[i]) }
        }
        if !missingPos.isEmpty { throw missing(missingPos, "positional", functionName) }
        if !missingKw.isEmpty { throw missing(missingKw, "keyword-only", functionName) }
        return slots.map { $0 ?? .none }
    }

    private func missing(_ names: [String], _ kind: String, _ f: String) -> PyException {
        let quoted = names.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = "\(quoted[0]) and \(quoted[1])"
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + (quoted.last ?? "")
        }
        let noun = names.count == 1 ? "argument" : "arguments"
        return PyException.make(.typeError, "\(f)() missing \(names.count) required \(kind) \(noun): \(list)")
    }

    private func tooManyMessage(given: Int, defaults: [String: Value], functionName: String) -> String {
        let withDefault = names.prefix(positionalCount).filter { defaults[$0] != nil }.count
        let minimum = positionalCount - withDefault
        let takes: String
        if withDefault > 0 {
            takes = "from \(minimum) to \(positionalCount) positional arguments"
        } else {
            takes = "\(positionalCount) positional argument\(positionalCount == 1 ? "" : "s")"
        }
        let was = given == 1 ? "was" : "were"
        return "\(functionName)() takes \(takes) but \(given) \(was) given"
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " { s = s.dropFirst() }
        while let l = s.last, l == " " { s = s.dropLast() }
        return String(s)
    }
}
