/// A Swift error from a library below the language (the engine, the data and graphics
/// libraries) that knows which Python exception it is; the bindings conform them.
public protocol PythonConvertibleError: Error {
    /// The exception a script sees.
    var pythonException: PyException { get }
}

extension PyException {
    /// Any Swift error as a Python exception: itself, its own conversion, a syntax error
    /// with its caret information, else RuntimeError with the error's description.
    public static func wrap(_ error: Error) -> PyException {
        if let e = error as? PyException { return e }
        if let c = error as? PythonConvertibleError { return c.pythonException }
        if let s = error as? SyntaxErrorInfo {
            let e = make(s.kind.pythonExceptionKind, s.message)
            e.syntaxInfo = s
            return e
        }
        return make(.runtimeError, String(describing: error))
    }
}
