/// Errors KindlingGraphics reports; the bindings turn them into Python exceptions.
public enum GraphicsError: Error, Equatable, CustomStringConvertible {
    /// matplotlib: `ValueError: 'foo' is not a valid value for cmap; supported values are ...`
    case unknownColorMap(name: String, supported: [String])
    /// A `ValueError` with matplotlib's message.
    case invalidValue(String)
    /// A `TypeError` with matplotlib's / numpy's message.
    case invalidType(String)
    /// Writing a file failed: `FileNotFoundError` for `[Errno 2]` messages, else `OSError`.
    case io(String)

    /// The Python exception type this error becomes.
    public var pythonType: String {
        switch self {
        case .unknownColorMap, .invalidValue: return "ValueError"
        case .invalidType: return "TypeError"
        case let .io(text): return text.hasPrefix("[Errno 2]") ? "FileNotFoundError" : "OSError"
        }
    }

    /// The message, without the exception type.
    public var message: String {
        switch self {
        case let .unknownColorMap(name, supported):
            let list = supported.map { "'\($0)'" }.joined(separator: ", ")
            return "'\(name)' is not a valid value for cmap; supported values are \(list)"
        case let .invalidValue(text), let .invalidType(text), let .io(text):
            return text
        }
    }

    public var description: String { "\(pythonType): \(message)" }
}
