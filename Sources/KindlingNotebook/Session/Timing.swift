import Foundation

/// Formats a duration like IPython's `_format_time`: `1.23 ms`, `456 µs`, `2min 3s`.
public func formatTimespan(_ seconds: Double, precision: Int = 3) -> String {
    if seconds >= 60 {
        var parts: [String] = []
        var left = seconds
        for (name, length) in [("d", 86400.0), ("h", 3600.0), ("min", 60.0), ("s", 1.0)] {
            let value = (left / length).rounded(.down)
            if value > 0 {
                left -= value * length
                parts.append("\(Int(value))\(name)")
            }
            if left < 1 { break }
        }
        return parts.joined(separator: " ")
    }
    let units = ["s", "ms", "µs", "ns"]
    var order = 3
    if seconds > 0 {
        // IPython: order = min(-int(floor(log10(t)) // 3), 3), with Python's floor division.
        let exponent = Int(log10(seconds).rounded(.down))
        let thousands = Int((Double(exponent) / 3).rounded(.down))
        order = min(max(-thousands, 0), 3)
    }
    let scaled = seconds * pow(1000, Double(order))
    return "\(formatSignificant(scaled, digits: precision)) \(units[order])"
}

/// `%.*g`-style formatting with `digits` significant digits.
func formatSignificant(_ value: Double, digits: Int) -> String {
    var text = String(format: "%.\(digits)g", value)
    if text.contains("e") { text = String(format: "%.0f", value) }
    return text
}

/// CPU time used by this process so far.
public struct ProcessTimes {
    public var user: Double
    public var system: Double

    public static func now() -> ProcessTimes {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return ProcessTimes(user: seconds(usage.ru_utime), system: seconds(usage.ru_stime))
    }

    public func since(_ start: ProcessTimes) -> ProcessTimes {
        ProcessTimes(user: max(0, user - start.user), system: max(0, system - start.system))
    }
}
