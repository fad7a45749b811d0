/// `df.describe()` for frames with numeric columns: pandas' count, mean, std
/// (ddof 1), min, the 25/50/75 % percentiles (NumPy's linear interpolation)
/// and max of every int64/float64 column, as a float64 frame. NaN is skipped.
extension DataFrame {
    /// The statistics frame, or nil when no column is numeric (pandas then
    /// describes object columns, which Kindling does not).
    public func describe() -> DataFrame? {
        let numeric = columns.indices.filter { data[$0].dtype != .bool }
        guard !numeric.isEmpty else { return nil }
        let stats = numeric.map { Self.statistics(data[$0].toDoubles()) }
        let labels = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]
        return DataFrame(uncheckedColumns: numeric.map { columns[$0] }, data: stats.map { .float64($0) },
                         index: Labels(.strings(labels)))
    }

    static func statistics(_ all: [Double]) -> [Double] {
        let values = all.filter { !$0.isNaN }.sorted()
        let n = values.count
        guard n > 0 else { return [0] + Array(repeating: .nan, count: 7) }
        let mean = values.reduce(0, +) / Double(n)
        var squares = 0.0
        for v in values { squares += (v - mean) * (v - mean) }
        let std = n > 1 ? (squares / Double(n - 1)).squareRoot() : .nan
        func percentile(_ q: Double) -> Double {
            let position = q * Double(n - 1)
            let lo = Int(position.rounded(.down)), hi = min(lo + 1, n - 1)
            let fraction = position - Double(lo)
            return values[lo] + (values[hi] - values[lo]) * fraction
        }
        return [Double(n), mean, std, values[0], percentile(0.25), percentile(0.5), percentile(0.75), values[n - 1]]
    }
}
