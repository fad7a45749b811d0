/// `df.describe()` for frames with numeric columns: pandas' count, mean, std
/// (ddof 1), min, the 25/50/75 % percentiles (NumPy's linear interpolation)
/// and max of every int64/float64 column, as a float64 frame. NaN is skipped.
extension DataFrame {
    /// The statistics frame, or nil when no column is numeric (pandas then
    /// describes object columns, which Kindling does not).
    public func describe() -> DataFrame? {
        let numeric = columns.indices.filter { data[$0].dtype != .bool }
        guard !numeric.isEmpty else { return nil }
        let stats = numeric.map { c -> [Double] in
            if case .uint8(let bytes) = data[c] { return Self.statistics(bytes: bytes) }
            return Self.statistics(data[c].toDoubles())
        }
        return DataFrame(uncheckedColumns: numeric.map { columns[$0] }, data: stats.map { .float64($0) },
                         index: Labels(.strings(Self.describeLabels)))
    }

    static let describeLabels = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]

    static func statistics(_ all: [Double]) -> [Double] {
        let values = all.filter { !$0.isNaN }.sorted()
        let mean = values.reduce(0, +) / Double(max(values.count, 1))
        var squares = 0.0
        for v in values { squares += (v - mean) * (v - mean) }
        return summary(count: values.count, mean: mean, squares: squares) { values[$0] }
    }

    /// The same for one-byte pixel columns, from a 256-bucket histogram
    /// (no sort): a 60,000-row column costs one pass.
    static func statistics(bytes: [UInt8]) -> [Double] {
        var counts = [Int](repeating: 0, count: 256)
        for b in bytes { counts[Int(b)] += 1 }
        var total = 0.0
        for (v, c) in counts.enumerated() where c > 0 { total += Double(v) * Double(c) }
        let mean = total / Double(max(bytes.count, 1))
        var squares = 0.0
        for (v, c) in counts.enumerated() where c > 0 { squares += Double(c) * (Double(v) - mean) * (Double(v) - mean) }
        var cumulative: [Int] = []
        cumulative.reserveCapacity(256)
        var running = 0
        for c in counts { running += c; cumulative.append(running) }
        // The value at a sorted position: the first bucket whose running count passes it.
        return summary(count: bytes.count, mean: mean, squares: squares) { position in
            var lo = 0, hi = 255
            while lo < hi {
                let mid = (lo + hi) / 2
                if cumulative[mid] > position { hi = mid } else { lo = mid + 1 }
            }
            return Double(lo)
        }
    }

    /// count, mean, std, min, 25%, 50%, 75%, max from the sorted values' accessor.
    static func summary(count n: Int, mean: Double, squares: Double, sorted: (Int) -> Double) -> [Double] {
        guard n > 0 else { return [0] + Array(repeating: .nan, count: 7) }
        let std = n > 1 ? (squares / Double(n - 1)).squareRoot() : .nan
        func percentile(_ q: Double) -> Double {
            let position = q * Double(n - 1)
            let lo = Int(position.rounded(.down)), hi = min(lo + 1, n - 1)
            let fraction = position - Double(lo)
            let a = sorted(lo), b = sorted(hi)
            return a + (b - a) * fraction
        }
        return [Double(n), mean, std, sorted(0), percentile(0.25), percentile(0.5), percentile(0.75), sorted(n - 1)]
    }
}

extension Series {
    /// `s.describe()` of an int64/float64 Series: the same statistics as a
    /// float64 Series keeping the name; nil for bool (pandas then describes
    /// it as object: count, unique, top, freq).
    public func describe() -> Series? {
        guard dtype != .bool else { return nil }
        let stats: [Double]
        if case .uint8(let bytes) = values { stats = DataFrame.statistics(bytes: bytes) }
        else { stats = DataFrame.statistics(values.toDoubles()) }
        return Series(values: .float64(stats), index: Labels(.strings(DataFrame.describeLabels)), name: name)
    }
}
