import Foundation

/// Python-style warnings from the bindings (`UserWarning: ...` on stderr),
/// each message shown once per run as Python's default filter does.
enum TorchWarnings {
    nonisolated(unsafe) static var shown: Set<String> = []

    static func warn(_ message: String, category: String = "UserWarning") {
        guard shown.insert(category + message).inserted else { return }
        FileHandle.standardError.write(Data("\(category): \(message)\n".utf8))
    }
}
