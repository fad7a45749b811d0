import Foundation

/// A histogram drawn with text bars for `%inspect`.
public enum TextHistogram {
    /// Counts of the finite values in `bins` equal bins from their min to max (like `torch.histc` with
    /// min = max = 0). A constant input puts everything in one bin around the value; no finite values: empty.
    public static func counts(_ values: [Float], bins: Int = 10) -> (edges: [Double], counts: [Int]) {
        let finite = values.lazy.filter { $0.isFinite }.map(Double.init)
        guard bins >= 1, var low = finite.min(), var high = finite.max() else { return ([], []) }
        if low == high { low -= 0.5; high += 0.5 }
        let width = (high - low) / Double(bins)
        var counts = [Int](repeating: 0, count: bins)
        for value in finite {
            let index = min(bins - 1, max(0, Int((value - low) / width)))
            counts[index] += 1
        }
        let edges = (0...bins).map { low + Double($0) * width }
        return (edges, counts)
    }

    /// One line per bin: `[ 0.000,  0.100)  ████████▍ 123`, bars scaled so the largest count is `barWidth`
    /// cells wide (eighth blocks for the fraction; `#` when `unicode` is false).
    public static func lines(edges: [Double], counts: [Int], barWidth: Int = 30, unicode: Bool = true) -> [String] {
        guard edges.count == counts.count + 1, let largest = counts.max(), largest > 0 else { return [] }
        let labels = edges.map { format($0) }
        let labelWidth = labels.map(\.count).max() ?? 0
        let countWidth = String(largest).count
        let eighths: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return counts.indices.map { i in
            let closing = i == counts.count - 1 ? "]" : ")"
            let low = String(repeating: " ", count: labelWidth - labels[i].count) + labels[i]
            let high = String(repeating: " ", count: labelWidth - labels[i + 1].count) + labels[i + 1]
            let length = Double(counts[i]) / Double(largest) * Double(max(1, barWidth))
            var bar: String
            if unicode {
                let whole = Int(length), part = Int((length - Double(whole)) * 8)
                bar = String(repeating: "█", count: whole) + eighths[part]
            } else {
                bar = String(repeating: "#", count: Int(length.rounded()))
            }
            if counts[i] > 0 && bar.isEmpty { bar = unicode ? "▏" : "#" }
            let count = String(repeating: " ", count: countWidth - String(counts[i]).count) + String(counts[i])
            return "[\(low), \(high)\(closing) \(count) \(bar)"
        }
    }

    /// Histogram of values straight to lines.
    public static func lines(values: [Float], bins: Int = 10, barWidth: Int = 30, unicode: Bool = true) -> [String] {
        let histogram = counts(values, bins: bins)
        return lines(edges: histogram.edges, counts: histogram.counts, barWidth: barWidth, unicode: unicode)
    }

    static func format(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude >= 1e5 || magnitude < 1e-3) { return String(format: "%.2e", value) }
        return String(format: "%.4g", value)
    }
}
