/// The one error type of KindlingData: a Python exception type name and its message,
/// so the bindings can raise exactly what pandas/CPython would (`ValueError`, `KeyError`, ...).
public struct DataError: Error, Equatable, CustomStringConvertible {
    /// The Python exception classes KindlingData raises, pandas' own two included.
    public enum Kind: String, Sendable {
        case valueError = "ValueError", keyError = "KeyError", indexError = "IndexError", typeError = "TypeError"
        case fileNotFoundError = "FileNotFoundError", osError = "OSError", memoryError = "MemoryError"
        case permissionError = "PermissionError", isADirectoryError = "IsADirectoryError", notADirectoryError = "NotADirectoryError"
        case emptyDataError = "EmptyDataError", indexingError = "IndexingError", axisError = "AxisError"
    }

    public let kind: Kind
    /// The message as Python prints it after `Type: `.
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The exception's class name, e.g. `"ValueError"`.
    public var pythonType: String { kind.rawValue }

    /// `Type: message`, as a traceback's last line shows it.
    public var description: String { "\(pythonType): \(message)" }

    static func value(_ message: String) -> DataError { DataError(.valueError, message) }
    static func key(_ message: String) -> DataError { DataError(.keyError, message) }
    static func index(_ message: String) -> DataError { DataError(.indexError, message) }
    static func type(_ message: String) -> DataError { DataError(.typeError, message) }

    /// CPython's `open()` error for a missing file: `[Errno 2] No such file or directory: 'x.csv'`.
    static func fileNotFound(_ path: String) -> DataError {
        DataError(.fileNotFoundError, "[Errno 2] No such file or directory: \(pythonQuoted(path))")
    }
}

/// A string as Python's `repr` shows it (single quotes unless the text holds one and no double quote).
func pythonQuoted(_ s: String) -> String {
    if s.contains("'") && !s.contains("\"") { return "\"\(s)\"" }
    var out = "'"
    for ch in s {
        switch ch {
        case "'": out += "\\'"
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default: out.append(ch)
        }
    }
    return out + "'"
}
