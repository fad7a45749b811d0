/// The one error type of KindlingData: a Python exception type name and its message,
/// so the bindings can raise exactly what pandas/CPython would (`ValueError`, `KeyError`, ...).
public struct DataError: Error, Equatable, CustomStringConvertible {
    /// Python exception class name, e.g. `"ValueError"`, `"FileNotFoundError"`.
    public let pythonType: String
    /// The message as Python prints it after `Type: `.
    public let message: String

    public init(_ pythonType: String, _ message: String) {
        self.pythonType = pythonType
        self.message = message
    }

    /// `Type: message`, as a traceback's last line shows it.
    public var description: String { "\(pythonType): \(message)" }

    static func value(_ message: String) -> DataError { DataError("ValueError", message) }
    static func key(_ message: String) -> DataError { DataError("KeyError", message) }
    static func index(_ message: String) -> DataError { DataError("IndexError", message) }
    static func type(_ message: String) -> DataError { DataError("TypeError", message) }

    /// CPython's `open()` error for a missing file: `[Errno 2] No such file or directory: 'x.csv'`.
    static func fileNotFound(_ path: String) -> DataError {
        DataError("FileNotFoundError", "[Errno 2] No such file or directory: \(pythonQuoted(path))")
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
