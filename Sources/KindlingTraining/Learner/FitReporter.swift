import Foundation

/// Prints fitting progress through a sink: on a terminal a progress bar
/// redrawn with `\r` (throttled) and the results table; otherwise only the
/// table's header and rows. Silent when disabled (`no_logging()`).
public final class FitReporter {
    public var enabled = true
    public var isTerminal: Bool
    let write: (String) -> Void
    private var table = ResultsTable(names: [])
    private var bar: ProgressBar? = nil
    private var barStart = 0.0
    private var lastDraw = 0.0
    private var barWidth = 0

    public init(isTerminal: Bool, write: @escaping (String) -> Void) {
        self.isTerminal = isTerminal
        self.write = write
    }

    static func now() -> Double { ProcessInfo.processInfo.systemUptime }

    func beginFit(columns: [String]) {
        table = ResultsTable(names: columns)
        guard enabled else { return }
        write(table.header + "\n")
    }

    func beginPhase(total: Int, label: String) {
        guard enabled, isTerminal else { return }
        bar = ProgressBar(total: total, prefix: label)
        barStart = FitReporter.now()
        lastDraw = 0
        draw(done: 0, comment: nil, force: true)
    }

    func batchDone(_ done: Int, loss: Double?) {
        guard enabled, isTerminal, bar != nil else { return }
        draw(done: done, comment: loss.map { String(format: "%.4f", $0) }, force: false)
    }

    private func draw(done: Int, comment: String?, force: Bool) {
        guard let bar else { return }
        let t = FitReporter.now()
        if !force && t - lastDraw < 0.1 && done < bar.total { return }
        lastDraw = t
        let line = bar.render(done: done, elapsed: t - barStart, comment: comment)
        barWidth = max(barWidth, line.count)
        write("\r" + line)
    }

    func endPhase() {
        guard enabled, isTerminal, bar != nil else { return }
        write("\r" + String(repeating: " ", count: barWidth) + "\r")
        bar = nil
        barWidth = 0
    }

    func row(_ cells: [String]) {
        guard enabled else { return }
        write(table.row(cells) + "\n")
    }
}
