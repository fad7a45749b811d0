/// The builtin classes, shared by every interpreter. Methods are attached by `Builtins.install...`.
public enum Builtins {
    public static let object = PyClass(root: ())
    public static let type = PyClass(native: "type")
    public static let noneType = PyClass(native: "NoneType")
    public static let int = PyClass(native: "int")
    public static let bool = PyClass(native: "bool", base: int)
    public static let float = PyClass(native: "float")
    public static let str = PyClass(native: "str")
    public static let list = PyClass(native: "list")
    public static let tuple = PyClass(native: "tuple")
    public static let dict = PyClass(native: "dict")
    public static let set = PyClass(native: "set")
    public static let frozenset = PyClass(native: "frozenset")
    public static let range = PyClass(native: "range")
    public static let slice = PyClass(native: "slice")
    public static let function = PyClass(native: "function")
    public static let builtinFunction = PyClass(native: "builtin_function_or_method")
    public static let method = PyClass(native: "method")
    public static let module = PyClass(native: "module")
    public static let property = PyClass(native: "property")
    public static let staticmethod = PyClass(native: "staticmethod")
    public static let classmethod = PyClass(native: "classmethod")
    public static let cell = PyClass(native: "cell")
    public static let iterator = PyClass(native: "iterator")
    public static let generator = PyClass(native: "generator")
    static let zipType = PyClass(native: "zip", base: iterator)
    static let mapType = PyClass(native: "map", base: iterator)
    static let filterType = PyClass(native: "filter", base: iterator)
    static let enumerateType = PyClass(native: "enumerate", base: iterator)
    public static let dictKeys = PyClass(native: "dict_keys")
    public static let dictValues = PyClass(native: "dict_values")
    public static let dictItems = PyClass(native: "dict_items")
    public static let superType = PyClass(native: "super")
    public static let notImplementedType = PyClass(native: "NotImplementedType")
    public static let ellipsisType = PyClass(native: "ellipsis")

    public static let notImplemented = Value.object(PySingleton("NotImplemented", notImplementedType))
    public static let ellipsis = Value.object(PySingleton("Ellipsis", ellipsisType))

    /// Builtin exception classes by name ("ValueError" -> class).
    public static let exceptionClasses: [String: PyClass] = makeExceptionClasses()
    /// Never used while the hierarchy holds every kind (a test checks it).
    private static let baseExceptionFallback = PyClass(native: "BaseException", base: nil)
    /// The class of a builtin exception kind (every kind is built by `makeExceptionClasses`).
    public static func exc(_ kind: PyExceptionKind) -> PyClass { exceptionClasses[kind.rawValue] ?? baseExceptionFallback }
    public static let baseException = exc(.baseException)
    public static let exception = exc(.exception)
    public static let keyError = exc(.keyError)
    public static let runtimeError = exc(.runtimeError)
    public static let stopIteration = exc(.stopIteration)
    public static let typeError = exc(.typeError)

    /// Ensures methods are attached to the builtin classes (idempotent).
    static let installed: Bool = {
        installObjectMethods()
        installStrMethods()
        installListMethods()
        installDictMethods()
        installSetMethods()
        installTupleMethods()
        installNumberMethods()
        installExceptionMethods()
        return true
    }()
}
