import Foundation

/// ANSI styling that switches itself off when output is not a terminal or `NO_COLOR`
/// is set (https://no-color.org), so transcripts written to files stay plain text.
public struct TerminalStyle: Sendable {
    /// When false every styling function returns its text unchanged.
    public var isEnabled: Bool

    public init(isEnabled: Bool) { self.isEnabled = isEnabled }

    /// Plain text, no escape sequences.
    public static let plain = TerminalStyle(isEnabled: false)
    /// Always styled (tests, or a caller that knows better).
    public static let ansi = TerminalStyle(isEnabled: true)

    /// Styled when `fileDescriptor` is a terminal, `NO_COLOR` is unset or empty, and
    /// `TERM` is not `dumb`.
    public static func detect(fileDescriptor: Int32 = STDOUT_FILENO,
                              environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        return TerminalStyle(isEnabled: isatty(fileDescriptor) == 1 && !noColor && !dumb)
    }

    public func bold(_ text: String) -> String { wrap(text, "1", "22") }
    public func dim(_ text: String) -> String { wrap(text, "2", "22") }
    public func italic(_ text: String) -> String { wrap(text, "3", "23") }
    public func underline(_ text: String) -> String { wrap(text, "4", "24") }
    public func red(_ text: String) -> String { wrap(text, "31", "39") }
    public func green(_ text: String) -> String { wrap(text, "32", "39") }
    public func yellow(_ text: String) -> String { wrap(text, "33", "39") }
    public func blue(_ text: String) -> String { wrap(text, "34", "39") }
    public func cyan(_ text: String) -> String { wrap(text, "36", "39") }

    private func wrap(_ text: String, _ on: String, _ off: String) -> String {
        guard isEnabled, !text.isEmpty else { return text }
        return "\u{1B}[\(on)m\(text)\u{1B}[\(off)m"
    }
}
