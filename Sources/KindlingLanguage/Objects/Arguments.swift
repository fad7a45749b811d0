/// The arguments of a call as native code receives them. For methods, `self` is `positional[0]`.
public struct Arguments {
    public var positional: [Value]
    public var keywords: [(String, Value)]
    /// Used in error messages ("f() missing 1 required positional argument: 'y'").
    public var functionName: String

    public init(_ positional: [Value] = [], keywords: [(String, Value)] = [], functionName: String = "function") {
        self.positional = positional
        self.keywords = keywords
        self.functionName = functionName
    }

    public var count: Int { positional.count }

    /// Positional argument `i`, or TypeError if it is missing.
    public subscript(i: Int) -> Value {
        get throws {
            guard i >= 0, i < positional.count else {
                throw PyException.make(.typeError, "\(functionName)() missing required argument (pos \(i + 1))")
            }
            return positional[i]
        }
    }

    /// The value of keyword `name`, if given.
    public func keyword(_ name: String) -> Value? {
        keywords.last { $0.0 == name }?.1
    }

    /// `self` (positional 0) downcast to the native Swift type of a class's instances.
    public func selfObject<T: PyObject>(_ type: T.Type) throws -> T {
        if let first = positional.first, let o = first.as(T.self) { return o }
        let got = positional.first?.typeName ?? "nothing"
        throw PyException.make(.typeError, "descriptor '\(functionName)' requires a matching object but received a '\(got)'")
    }

    /// Binds the arguments to a Python parameter list with defaults, e.g.
    /// `try args.bind(["self", "input", "dim=None", "keepdim=False", "*args", "**kwargs"])`.
    /// Defaults may be None, True, False, int, float or quoted string literals; `*` starts keyword-only.
    public func bind(_ parameters: [String]) throws -> BoundArguments {
        try bind(Signature.cached(parameters))
    }

    public func bind(_ signature: Signature) throws -> BoundArguments {
        let values = try signature.bind(positional: positional, keywords: keywords,
                                        defaults: signature.defaults, functionName: functionName)
        return BoundArguments(signature: signature, values: values)
    }

    /// Throws unless no arguments were passed.
    public func expectNone() throws {
        if !positional.isEmpty || !keywords.isEmpty {
            throw PyException.make(.typeError, "\(functionName)() takes no arguments (\(positional.count + keywords.count) given)")
        }
    }
}

/// Arguments bound to a signature: read them by name.
public struct BoundArguments {
    public let signature: Signature
    public let values: [Value]

    public subscript(name: String) -> Value {
        guard let i = signature.slot(of: name) else { return .none }
        return values[i]
    }
    public subscript(i: Int) -> Value { values[i] }

    /// Extra positional arguments caught by `*args`.
    public var varargs: [Value] {
        guard let i = signature.varargsSlot, let t = values[i].as(PyTuple.self) else { return [] }
        return t.items
    }
    /// Extra keyword arguments caught by `**kwargs`.
    public var varkw: [(String, Value)] {
        guard let i = signature.varkwSlot, let d = values[i].as(PyDict.self) else { return [] }
        return zip(d.keys, d.values).map { (k, v) in (String(describing: k.strPayload ?? ""), v) }
    }

    public func int(_ name: String) throws -> Int { try self[name].asInt() }
    public func optionalInt(_ name: String) throws -> Int? { self[name].isNone ? nil : try self[name].asInt() }
    public func double(_ name: String) throws -> Double { try self[name].asDouble() }
    public func optionalDouble(_ name: String) throws -> Double? { self[name].isNone ? nil : try self[name].asDouble() }
    public func bool(_ name: String) throws -> Bool { try self[name].isTruthy() }
    public func string(_ name: String) throws -> String { try self[name].asString() }
    public func optionalString(_ name: String) throws -> String? { self[name].isNone ? nil : try self[name].asString() }
    public func isGiven(_ name: String) -> Bool { !self[name].isNone }
}

extension Value {
    var strPayload: String? { if case .str(let s) = self { return s }; return nil }
}
