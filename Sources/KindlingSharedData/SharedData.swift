import Foundation

/// Finds the shared read-only material (golden cases, MNIST files) that some tests need:
/// `$KINDLING_SHARED` when set and not empty, else a folder named `shared` beside one of the
/// test file's ancestors. Tests skip themselves when this returns nil.
public enum SharedData {
    /// `$KINDLING_SHARED`, else the first `<ancestor>/shared` holding `marker`, trying the
    /// ancestors of `file` at `levels` (0 is the file's own folder, 1 its parent, ...).
    public static func folder(holding marker: String, besideAncestors levels: Range<Int>,
                              of file: String) -> URL? {
        if let env = ProcessInfo.processInfo.environment["KINDLING_SHARED"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        var dir = URL(fileURLWithPath: file).deletingLastPathComponent()
        for level in 0..<levels.upperBound {
            if levels.contains(level) {
                let candidate = dir.appendingPathComponent("shared")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(marker).path) {
                    return candidate
                }
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}
