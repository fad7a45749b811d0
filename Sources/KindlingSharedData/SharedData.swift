import Foundation

/// Finds the shared read-only material (golden cases, MNIST files) that some tests need:
/// `$KINDLING_SHARED` when set and not empty, else a folder named `shared` beside one of the
/// test file's ancestors; either only when it holds what is asked for. Tests skip themselves,
/// or fall back to `DigitSample.bundled`, when this returns nil.
public enum SharedData {
    /// `$KINDLING_SHARED` (nil when it does not hold `marker`, so `KINDLING_SHARED=/nonexistent`
    /// runs the tests as a fresh clone does), else the first `<ancestor>/shared` holding
    /// `marker`, trying the ancestors of `file` at `levels` (0 is the file's own folder, ...).
    public static func folder(holding marker: String, besideAncestors levels: Range<Int>,
                              of file: String) -> URL? {
        if let env = ProcessInfo.processInfo.environment["KINDLING_SHARED"], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            return FileManager.default.fileExists(atPath: url.appendingPathComponent(marker).path) ? url : nil
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
