import KindlingEngine
import KindlingLanguage

/// Engine errors reach scripts as the Python exception PyTorch raises.
extension TensorError: PythonConvertibleError {
    public var pythonTypeName: String { kind.rawValue }
    public var pythonMessage: String { message }
}

/// Shorthand for raising a Python exception from binding code.
func pyError(_ type: String, _ message: String) -> PyException {
    PyException.make(type, message)
}

/// Refuses a feature Kindling does not have, the same way everywhere.
func notSupported(_ what: String) -> PyException {
    PyException.make("NotImplementedError", "\(what) is not supported by Kindling")
}
