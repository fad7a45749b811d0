#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which clock a measurement reads: wall time, or the CPU time of the calling
/// thread (insensitive to other processes competing for the cores; right
/// only for single-threaded work).
enum BenchClock {
    case wall, threadCPU

    func now() -> Double {
        var spec = timespec()
        clock_gettime(self == .wall ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }
}

/// Monotonic wall clock in seconds.
func now() -> Double { BenchClock.wall.now() }

/// Seconds per call of `body`: the best of `rounds` rounds, each repeating
/// the call until it has run for about `roundSeconds` (at least once).
func secondsPerCall(rounds: Int = 3, roundSeconds: Double = 0.1, clock: BenchClock = .threadCPU,
                    _ body: () -> Void) -> Double {
    body()  // warm-up: loads libraries, fills caches
    var best = Double.infinity
    for _ in 0..<rounds {
        var calls = 0
        let start = clock.now()
        var elapsed = 0.0
        repeat {
            body()
            calls += 1
            elapsed = clock.now() - start
        } while elapsed < roundSeconds
        best = min(best, elapsed / Double(calls))
    }
    return best
}

/// The 1-minute load average (how busy the machine was while measuring).
func loadAverage() -> String {
    var loads = [Double](repeating: 0, count: 3)
    return getloadavg(&loads, 3) > 0 ? format(loads[0], decimals: 2) : "?"
}

/// A fixed-width text table.
struct Table {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return index == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

func format(_ value: Double, decimals: Int = 1) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = "\(rounded)"
    if let dot = text.firstIndex(of: ".") {
        let fraction = text[text.index(after: dot)...].count
        if fraction < decimals { text += String(repeating: "0", count: decimals - fraction) }
        if decimals == 0 { text = String(text[..<dot]) }
    }
    return text
}
