import Foundation

/// Prints fitting progress through a sink: on a terminal a progress bar
/// redrawn with `\r` (throttled) and the results table; otherwise only the
/// table's header and rows. Silent when disabled (`no_logging()`). Without the bar
/// (`no_bar()`) fastai has no table either and prints each epoch's values as a list.
public final class FitReporter {
    public var enabled = true
    public var showsBar = true
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
        guard enabled, showsBar else { return }
        write(table.header + "\n")
    }

    func beginPhase(total: Int, label: String) {
        guard enabled, isTerminal, showsBar else { return }
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

    /// One epoch's row: `epoch`, the recorded values, the time.
    func epochDone(_ epoch: Int, values: [Double?], seconds: Double) {
        guard enabled else { return }
        let time = ResultsTable.formatTime(seconds)
        if showsBar {
            write(table.row(["\(epoch)"] + values.map(ResultsTable.formatValue) + [time]) + "\n")
        } else {
            // fastai's `print(log)`: each value a float32's Python repr.
            let cells = ["\(epoch)"] + values.map { $0.map { "\(Double(Float($0)))" } ?? "None" } + ["'\(time)'"]
            write("[" + cells.joined(separator: ", ") + "]\n")
        }
    }
}
