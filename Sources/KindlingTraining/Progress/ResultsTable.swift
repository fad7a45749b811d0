/// The per-epoch table `Learner.fit` prints, in fastprogress's console layout:
/// names padded to at least 8 characters and joined by two spaces; each value
/// left-aligned in its column with two spaces after it.
public struct ResultsTable: Sendable {
    public let names: [String]

    public init(names: [String]) { self.names = names }

    private var paddedNames: [String] {
        names.map { $0.count < 8 ? $0 + String(repeating: " ", count: 8 - $0.count) : $0 }
    }

    /// `epoch     train_loss  valid_loss  accuracy  time    `
    public var header: String { paddedNames.joined(separator: "  ") }

    /// One row; `cells` are already formatted (see `formatCell`).
    public func row(_ cells: [String]) -> String {
        var text = ""
        for (cell, name) in zip(cells, paddedNames) {
            text += cell + String(repeating: " ", count: max(0, 2 + name.count - cell.count))
        }
        return text
    }

    /// Loss and metric values with 6 decimals, as fastai's `_write_stats`.
    public static func formatValue(_ value: Double?) -> String {
        guard let value else { return "None" }
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return String(format: "%.6f", value)
    }

    /// fastprogress's `format_time`: `mm:ss`, or `h:mm:ss` past an hour.
    public static func formatTime(_ seconds: Double) -> String {
        let t = seconds.isFinite ? max(0, Int(seconds)) : 0
        let h = t / 3600, m = (t / 60) % 60, s = t % 60
        return h != 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%02d:%02d", m, s)
    }
}

import Foundation
