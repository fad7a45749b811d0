import Foundation

/// A one-line progress bar in fastprogress's console style, redrawn in place:
/// `|██████------| 50.00% [62/125 00:01<00:01 0.4268]`.
public struct ProgressBar: Sendable {
    public let total: Int
    public let width: Int
    public var prefix: String

    public init(total: Int, width: Int = 40, prefix: String = "") {
        self.total = total
        self.width = width
        self.prefix = prefix
    }

    /// The line for `done` items after `elapsed` seconds, with an optional
    /// comment (the current smoothed loss).
    public func render(done: Int, elapsed: Double, comment: String? = nil) -> String {
        let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 1
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "-", count: width - filled)
        var timing = ResultsTable.formatTime(elapsed)
        if done > 0 {
            let remaining = elapsed / Double(done) * Double(max(0, total - done))
            timing += "<" + ResultsTable.formatTime(remaining)
        } else {
            timing += "<?"
        }
        var line = "\(prefix)|\(bar)| " + String(format: "%.2f%%", fraction * 100) + " [\(done)/\(total) \(timing)"
        if let comment { line += " " + comment }
        return line + "]"
    }
}
