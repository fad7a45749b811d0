/// A function written in Swift. As a class attribute it binds like a Python function (a method).
public final class NativeFunction: PyObject {
    public let name: String
    /// Class name for methods (messages and repr); nil for plain functions.
    public let qualifier: String?
    public let body: (Arguments) throws -> Value
    public var doc: String?
    /// The Python parameter list, when the binding declared one (shown by `f?`,
    /// offered by keyword-argument completion); nil for `f(*args, **kwargs)`-style natives.
    public var signature: Signature?

    public init(name: String, qualifier: String? = nil, doc: String? = nil, _ body: @escaping (Arguments) throws -> Value) {
        self.name = name
        self.qualifier = qualifier
        self.body = body
        self.doc = doc
        super.init(pyClass: Builtins.builtinFunction)
    }

    @inline(__always)
    public func call(_ positional: [Value], _ keywords: [(String, Value)] = []) throws -> Value {
        try body(Arguments(positional, keywords: keywords, functionName: name))
    }
}

/// A function bound to an object (`obj.method`).
public final class BoundMethod: PyObject {
    public let receiver: Value
    public let function: Value
    public init(_ receiver: Value, _ function: Value) {
        self.receiver = receiver
        self.function = function
        super.init(pyClass: Builtins.method)
    }
}

/// `property` (user getters/setters or native closures).
public final class PyProperty: PyObject {
    public let name: String
    public var getter: Value?
    public var setter: Value?
    let nativeGet: ((Value) throws -> Value)?
    let nativeSet: ((Value, Value) throws -> Void)?

    public init(name: String, nativeGet: @escaping (Value) throws -> Value, nativeSet: ((Value, Value) throws -> Void)?) {
        self.name = name
        self.nativeGet = nativeGet
        self.nativeSet = nativeSet
        super.init(pyClass: Builtins.property)
    }

    init(getter: Value?, setter: Value?) {
        self.name = ""
        self.getter = getter
        self.setter = setter
        self.nativeGet = nil
        self.nativeSet = nil
        super.init(pyClass: Builtins.property)
    }

    func get(_ obj: Value) throws -> Value {
        if let g = nativeGet { return try g(obj) }
        if let g = getter { return try Runtime.call(g, [obj]) }
        throw PyException.make(.attributeError, "property '\(name)' has no getter")
    }

    func set(_ obj: Value, _ value: Value) throws {
        if let s = nativeSet { return try s(obj, value) }
        if let s = setter { _ = try Runtime.call(s, [obj, value]); return }
        let shown = name.isEmpty ? (getter.flatMap { $0.as(PyFunction.self)?.name } ?? "") : name
        throw PyException.make(.attributeError, "property '\(shown)' of '\(obj.typeName)' object has no setter")
    }
}

/// `staticmethod` / `classmethod` wrappers.
public final class MethodWrapper: PyObject {
    public enum Kind { case staticMethod, classMethod }
    public let kind: Kind
    public let function: Value
    public init(_ kind: Kind, _ function: Value) {
        self.kind = kind
        self.function = function
        super.init(pyClass: kind == .staticMethod ? Builtins.staticmethod : Builtins.classmethod)
    }
}

/// A module: a name and its global namespace.
public final class PyModule: PyObject {
    public let name: String
    public let namespace: Namespace
    /// True for a library Kindling implements a part of (torch, numpy, fastai...): a missing
    /// attribute is reported as not supported by Kindling rather than with a "Did you mean" guess.
    public var isPartialLibrary = false
    /// True for a module implemented in Swift (a part of a standard or third-party module):
    /// `from m import name` of a name it lacks says "not supported by Kindling", and so does
    /// `m.name` when no close name suggests a typo.
    public var isNative = false
    /// For a partial library, the names the real library's `from M import *` binds. After
    /// such an import, using one of them that this module lacks raises NameError saying it
    /// is not supported by Kindling (see `Namespace.refusedNames`).
    public var realStarNames: Set<String> = []

    public init(name: String, namespace: Namespace? = nil) {
        self.name = name
        self.namespace = namespace ?? Namespace()
        super.init(pyClass: Builtins.module)
        self.namespace.set("__name__", .str(name))
    }

    /// Sets a module attribute (`module["pi"] = .float(.pi)`).
    public subscript(name: String) -> Value? {
        get { namespace.get(name) }
        set { if let v = newValue { namespace.set(name, v) } else { namespace.delete(name) } }
    }

    /// Adds a native function.
    public func define(_ fname: String, doc: String? = nil, _ body: @escaping (Arguments) throws -> Value) {
        namespace.set(fname, .object(NativeFunction(name: fname, doc: doc, body)))
    }

    /// Adds a native class.
    public func add(_ cls: PyClass) { namespace.set(cls.name, .object(cls)) }
}

/// A binding of a global name. Compiled code keeps the cell, so lookups stay cheap while a later
/// cell's redefinition of the name is still seen by earlier-compiled callers.
public final class GlobalCell {
    public let name: String
    @exclusivity(unchecked) public var value: Value?
    init(_ name: String) { self.name = name }
}

/// A module's global namespace: ordered cells keyed by name.
public final class Namespace {
    private var cells: [String: GlobalCell] = [:]
    private var order: [String] = []

    public init() {}

    /// The cell for a name, created unbound if absent (compiled code holds on to it).
    public func cell(_ name: String) -> GlobalCell {
        if let c = cells[name] { return c }
        let c = GlobalCell(name)
        cells[name] = c
        order.append(name)
        return c
    }

    /// Names a star import from a partial library would have bound in real Python but Kindling
    /// does not provide, each with the module it came from (for NameError messages).
    public var refusedNames: [String: String] = [:]

    /// Names bound on first use: a module re-exporting another module's names registers them
    /// here so that importing it does not import (and compile) everything it re-exports.
    public var lazyNames: [String: () -> Value?] = [:]

    public func get(_ name: String) -> Value? {
        if let v = cells[name]?.value { return v }
        return lazyNames.isEmpty ? nil : resolveLazy(name)
    }

    /// Binds and returns a lazy name (nil when there is none, or its source lacks it).
    public func resolveLazy(_ name: String) -> Value? {
        guard let make = lazyNames.removeValue(forKey: name), let v = make() else { return nil }
        set(name, v)
        return v
    }

    /// True when the name is bound or will be on first use (without binding it).
    public func contains(_ name: String) -> Bool { cells[name]?.value != nil || lazyNames[name] != nil }
    public func set(_ name: String, _ value: Value) { cell(name).value = value }
    public func delete(_ name: String) { cells[name]?.value = nil }

    /// Bound names in definition order.
    public var names: [String] { order.filter { cells[$0]?.value != nil } }
    public var items: [(String, Value)] { order.compactMap { n in cells[n]?.value.map { (n, $0) } } }
}
