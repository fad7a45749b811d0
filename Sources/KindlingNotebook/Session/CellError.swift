import KindlingLanguage

/// An uncaught exception, as a notebook's `error` output.
public struct CellError: Equatable, Sendable, Error {
    /// Exception type name (`ValueError`).
    public var ename: String
    /// Exception message (`invalid literal for int() with base 10: 'x'`).
    public var evalue: String
    /// The full traceback text as Python prints it, ending with `ename: evalue`.
    public var traceback: String

    /// The one way an exception becomes an error output: CPython's traceback text
    /// (`interpreter` knows the source lines it names; without one, the last line alone).
    public init(exception: PyException, interpreter: Interpreter? = nil) {
        ename = exception.typeName
        evalue = exception.message
        traceback = interpreter?.formatException(exception) ?? (evalue.isEmpty ? ename : "\(ename): \(evalue)")
    }

    /// Anything thrown while running code: a Python exception as above, an error output
    /// already made, anything else (a bug in Kindling, not the user's code) as a `SystemError`.
    public static func from(_ error: Error, interpreter: Interpreter) -> CellError {
        if let cellError = error as? CellError { return cellError }
        let exception = (error as? PyException) ?? PyException.make(.systemError, String(describing: error))
        return CellError(exception: exception, interpreter: interpreter)
    }

    /// IPython's `UsageError` for a mistake in a magic's use.
    public static func usage(_ message: String) -> CellError {
        CellError(exception: PyException.make(usageError, args: [.str(message)]))
    }

    /// IPython's `UsageError` class (`IPython.core.error.UsageError`, an Exception).
    static let usageError = PyClass(native: "UsageError", base: Builtins.exception, module: "IPython.core.error")

    /// The traceback as a list of lines (nbformat's and the Jupyter protocol's `traceback`).
    public var tracebackLines: [String] {
        var lines = traceback.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        return lines
    }
}
