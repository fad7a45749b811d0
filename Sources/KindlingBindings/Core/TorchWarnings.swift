import Foundation
import KindlingLanguage

/// PyTorch's warnings from the bindings, reported through the program's `warnings` module as
/// PyTorch's `warnings.warn` calls are: at the user's calling line, once per location by default,
/// subject to `warnings.filterwarnings`/`simplefilter` (an `error` filter raises them).
/// `once` is for PyTorch's C++ `TORCH_WARN_ONCE` warnings, which are given once per process.
enum TorchWarnings {
    nonisolated(unsafe) static var shownOnce: Set<String> = []

    static func warn(once: Bool = false, _ message: String, category: PyExceptionKind = .userWarning) throws {
        if once {
            guard !shownOnce.contains(message) else { return }
        }
        guard let interpreter = Interpreter.current else {
            FileHandle.standardError.write(Data("\(category.rawValue): \(message)\n".utf8))
            return
        }
        try interpreter.warn(message, category: category)
        if once { shownOnce.insert(message) }
    }
}
