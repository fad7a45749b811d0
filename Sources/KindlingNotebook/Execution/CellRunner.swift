import Foundation

/// Runs one code cell through a `CellExecutor`: the code between magic lines goes to
/// the executor, `%time` is timed here, other magics go to the executor's
/// `executeMagic`. Only the last piece's value is shown, as in a notebook.
public struct CellRunner {
    public let executor: CellExecutor
    public let filename: String

    public init(executor: CellExecutor, filename: String) {
        self.executor = executor
        self.filename = filename
    }

    /// Runs the cell's pieces in order and stops at the first error.
    public func run(_ cell: NotebookCell) -> CellResult {
        var result = CellResult()
        for segment in cell.segments {
            let piece: CellResult
            switch segment {
            case let .code(code, firstLine):
                piece = executor.execute(code: code, filename: filename, firstLine: firstLine)
            case let .magic(magic):
                piece = runMagic(magic)
            }
            result.append(piece)
            if result.failed { break }
        }
        return result
    }

    /// Runs a line magic: `%time` here, anything else through the executor.
    public func runMagic(_ magic: Magic) -> CellResult {
        if magic.name == "time" { return runTimed(magic) }
        if let result = executor.executeMagic(magic, filename: filename) { return result }
        return CellResult(error: CellError(
            ename: "UsageError", evalue: "Line magic function `%\(magic.name)` not found."))
    }

    /// `%time statement`: runs it and appends IPython's `CPU times: ...` / `Wall time: ...`.
    private func runTimed(_ magic: Magic) -> CellResult {
        let cpuStart = ProcessTimes.now()
        let wallStart = DispatchTime.now().uptimeNanoseconds
        var result = magic.argument.isEmpty
            ? CellResult()
            : executor.execute(code: magic.argument, filename: filename, firstLine: magic.line)
        let wall = Double(DispatchTime.now().uptimeNanoseconds &- wallStart) / 1e9
        let cpu = ProcessTimes.now().since(cpuStart)
        if !result.stdout.isEmpty && !result.stdout.hasSuffix("\n") { result.stdout += "\n" }
        result.stdout += "CPU times: user \(formatTimespan(cpu.user)), sys: \(formatTimespan(cpu.system)), "
            + "total: \(formatTimespan(cpu.user + cpu.system))\n"
        result.stdout += "Wall time: \(formatTimespan(wall))\n"
        return result
    }
}

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
struct ProcessTimes {
    var user: Double
    var system: Double

    static func now() -> ProcessTimes {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return ProcessTimes(user: seconds(usage.ru_utime), system: seconds(usage.ru_stime))
    }

    func since(_ start: ProcessTimes) -> ProcessTimes {
        ProcessTimes(user: max(0, user - start.user), system: max(0, system - start.system))
    }
}
