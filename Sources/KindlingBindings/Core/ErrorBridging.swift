import KindlingEngine
import KindlingLanguage

/// Engine errors reach scripts as the Python exception PyTorch raises.
extension TensorError: PythonConvertibleError {
    public var pythonException: PyException { PyException.make(kind.pythonKind, message) }
}

extension TensorError.Kind {
    /// The exception class of this kind.
    var pythonKind: PyExceptionKind {
        switch self {
        case .runtimeError: return .runtimeError
        case .indexError: return .indexError
        case .typeError: return .typeError
        case .valueError: return .valueError
        case .memoryError: return .memoryError
        case .notImplementedError: return .notImplementedError
        case .keyboardInterrupt: return .keyboardInterrupt
        }
    }
}

/// Shorthand for raising a Python exception from binding code.
func pyError(_ kind: PyExceptionKind, _ message: String) -> PyException {
    PyException.make(kind, message)
}

/// A library's own exception class (NumPy's `AxisError`) raised with a message.
func pyError(_ cls: PyClass, _ message: String) -> PyException {
    PyException.make(cls, args: [.str(message)])
}

/// Refuses a feature Kindling does not have, the same way everywhere.
func notSupported(_ what: String) -> PyException {
    PyException.make(.notImplementedError, "\(what) is not supported by Kindling")
}
