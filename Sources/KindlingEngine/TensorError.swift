/// A user mistake found by the engine: carries the Python exception type that
/// PyTorch raises for it and PyTorch's message.
public struct TensorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Python exception class a script sees.
    public enum Kind: String, Sendable {
        case runtimeError = "RuntimeError"
        case indexError = "IndexError"
        case typeError = "TypeError"
        case valueError = "ValueError"
        case memoryError = "MemoryError"
        case notImplementedError = "NotImplementedError"
        case keyboardInterrupt = "KeyboardInterrupt"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func runtime(_ message: String) -> TensorError { TensorError(.runtimeError, message) }
    public static func index(_ message: String) -> TensorError { TensorError(.indexError, message) }
    public static func type(_ message: String) -> TensorError { TensorError(.typeError, message) }
    public static func value(_ message: String) -> TensorError { TensorError(.valueError, message) }

    /// `RuntimeError: message`
    public var description: String { "\(kind.rawValue): \(message)" }
}
