import Foundation
import KindlingLanguage

extension NotebookSession {
    /// `%timeit`: IPython's scheme: loops of 1, 10, 100, ... until one batch takes 0.2 s,
    /// then 7 runs of that many loops; prints the mean and spread per loop.
    func timeit(_ statement: String) {
        guard !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            emit(.error(.usage("%timeit needs a statement")))
            return
        }
        // Like IPython, the statement is compiled once into a function that loops over
        // it, so its names are that function's locals and parsing is not timed.
        let body = statement.split(separator: "\n", omittingEmptySubsequences: false).map { "        " + $0 }.joined(separator: "\n")
        let runner = "__kindling_timeit__"
        do {
            try interpreter.run(source: "def \(runner)(_n):\n    for _i in range(_n):\n\(body)\n",
                                filename: "<timeit>", mode: .file)
        } catch { emit(.error(CellError.from(error, interpreter: interpreter))); return }
        defer { interpreter.setGlobal(runner, nil) }
        let previousOutput = interpreter.output
        interpreter.output = { _ in }  // like IPython, the statement's prints are not shown
        defer { interpreter.output = previousOutput }
        func batch(_ loops: Int) throws -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            try interpreter.run(source: "\(runner)(\(loops))", filename: "<timeit>", mode: .file)
            return Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9
        }
        do {
            var loops = 1
            var total = try batch(loops)
            while total < 0.2 && loops < 100_000_000 {
                loops *= 10
                total = try batch(loops)
            }
            var runs = [total / Double(loops)]
            for _ in 1..<7 { runs.append(try batch(loops) / Double(loops)) }
            interpreter.output = previousOutput
            write(NotebookSession.timeitSummary(runs, loops: loops) + "\n")
        } catch {
            emit(.error(CellError.from(error, interpreter: interpreter)))
        }
    }

    /// `1.23 ms ± 45.6 µs per loop (mean ± std. dev. of 7 runs, 100 loops each)`.
    public static func timeitSummary(_ perLoop: [Double], loops: Int) -> String {
        let mean = perLoop.reduce(0, +) / Double(max(1, perLoop.count))
        let variance = perLoop.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, perLoop.count))
        let runs = perLoop.count
        return "\(formatTimespan(mean)) ± \(formatTimespan(variance.squareRoot())) per loop (mean ± std. dev. of "
            + "\(runs) run\(runs == 1 ? "" : "s"), \(loops) loop\(loops == 1 ? "" : "s") each)"
    }
}
