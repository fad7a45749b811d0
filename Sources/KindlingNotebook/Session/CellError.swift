import KindlingLanguage

/// An uncaught exception, as a notebook's `error` output.
public struct CellError: Equatable, Sendable, Error {
    /// Exception type name (`ValueError`).
    public var ename: String
    /// Exception message (`invalid literal for int() with base 10: 'x'`).
    public var evalue: String
    /// The full traceback text as Python prints it, ending with `ename: evalue`.
    public var traceback: String

    public init(ename: String, evalue: String, traceback: String? = nil) {
        self.ename = ename
        self.evalue = evalue
        self.traceback = traceback ?? (evalue.isEmpty ? ename : "\(ename): \(evalue)")
    }

    /// The one way an exception becomes an error output: CPython's traceback text
    /// (`interpreter` knows the source lines it names).
    public init(exception: PyException, interpreter: Interpreter) {
        self.init(ename: exception.typeName, evalue: exception.message,
                  traceback: interpreter.formatException(exception))
    }

    /// Anything thrown while running code: a Python exception as above, anything else
    /// (a bug in Kindling, not the user's code) as a `SystemError`.
    public init(error: Error, interpreter: Interpreter) {
        if let exception = error as? PyException {
            self.init(exception: exception, interpreter: interpreter)
        } else if let cellError = error as? CellError {
            self = cellError
        } else {
            self.init(ename: "SystemError", evalue: String(describing: error))
        }
    }

    /// IPython's `UsageError` for a mistake in a magic's use.
    public static func usage(_ message: String) -> CellError {
        CellError(ename: "UsageError", evalue: message)
    }

    /// The traceback as a list of lines (nbformat's and the Jupyter protocol's `traceback`).
    public var tracebackLines: [String] {
        var lines = traceback.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        return lines
    }
}
