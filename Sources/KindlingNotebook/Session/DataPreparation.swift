import Foundation
import KindlingData

/// Code that mentions `MNIST` reads the digits through `MNIST_CSV` (default
/// ~/.cache/kindling/mnist/train.csv). When neither exists, the data is resolved once
/// (download, or the offline stand-in) and `MNIST_CSV` pointed at it, so every front
/// end (`kindling run`, `kindling step`, `%lesson`, the REPL, the kernel) finds the same file.
public enum DataPreparation {
    nonisolated(unsafe) private static var prepared = false

    /// Resolves the data when `text` mentions MNIST and nothing is there yet; returns
    /// the path `MNIST_CSV` was set to, if it was.
    @discardableResult
    public static func prepareIfMentioned(_ text: String) -> String? {
        guard !prepared, text.contains("MNIST") else { return nil }
        prepared = true
        if let set = ProcessInfo.processInfo.environment["MNIST_CSV"], !set.isEmpty { return nil }
        let source = MNISTSource()
        if FileManager.default.fileExists(atPath: source.defaultCSVPath) { return nil }
        guard let resolved = try? source.resolve() else { return nil }
        setenv("MNIST_CSV", resolved.path, 1)
        return resolved.path
    }

    /// The same for a lesson file, before its first cell runs.
    public static func prepare(forLessonAt path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        prepareIfMentioned(text)
    }
}
