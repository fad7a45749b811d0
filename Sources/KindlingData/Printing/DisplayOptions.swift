/// pandas' display options that shape a repr (`pd.get_option('display.*')`).
public struct DisplayOptions {
    /// `display.max_rows`: longer objects show `minRows` rows (half at each end).
    public var maxRows = 60
    /// `display.min_rows`.
    public var minRows = 10
    /// `display.max_columns`. 0 (pandas' default in a terminal and under `python script.py`)
    /// fits the columns to `width`; 20 is the default in Jupyter, which wraps wide frames.
    public var maxColumns = 0
    /// Terminal width (`shutil.get_terminal_size()`, 80 when not a terminal): what frames fit
    /// their columns to when `maxColumns` is 0.
    public var width = 80
    /// `display.width`: where a frame's columns wrap and an Index repr breaks lines.
    public var lineWidth = 80
    /// `display.precision`.
    public var precision = 6
    /// `display.max_seq_items` (Index reprs).
    public var maxSeqItems = 100

    public init() {}

    /// The options in effect (`pd.set_option`); pandas' defaults until a script changes them.
    nonisolated(unsafe) public static var current = DisplayOptions()

    /// What reprs use: the options in effect (pandas' defaults under `python script.py`, output
    /// 80 columns wide, unless `pd.set_option` changed them).
    public static var standard: DisplayOptions { current }
}

/// pandas' `TextAdjustment.adjoin`: columns of strings side by side, each left-justified to
/// its widest entry plus `space` (the last to its widest), shorter columns padded at the top.
func adjoin(_ space: Int, _ lists: [[String]]) -> String {
    guard let last = lists.last else { return "" }
    var widths = lists.dropLast().map { ($0.map { $0.count }.max() ?? 0) + space }
    widths.append(last.map { $0.count }.max() ?? 0)
    let height = lists.map { $0.count }.max() ?? 0
    var lines: [String] = []
    lines.reserveCapacity(height)
    for r in 0..<height {
        var line = ""
        for (i, col) in lists.enumerated() {
            let offset = height - col.count
            let cell = r >= offset ? col[r - offset] : ""
            line += ljust(cell, widths[i])
        }
        lines.append(line)
    }
    return lines.joined(separator: "\n")
}

@inline(__always) func ljust(_ s: String, _ w: Int) -> String {
    let n = s.count
    return n >= w ? s : s + String(repeating: " ", count: w - n)
}

@inline(__always) func rjust(_ s: String, _ w: Int) -> String {
    let n = s.count
    return n >= w ? s : String(repeating: " ", count: w - n) + s
}

/// Python's `str.center`.
func center(_ s: String, _ w: Int) -> String {
    let n = s.count
    guard n < w else { return s }
    let total = w - n
    let left = total / 2 + (total & w & 1)
    return String(repeating: " ", count: left) + s + String(repeating: " ", count: total - left)
}

/// pandas' `format_array` for a column's values with a leading space (as a repr uses),
/// then right-justified to a common width (`_make_fixed_width`).
func formatColumnValues(_ b: NumericBuffer, _ rows: [Int], precision: Int, minimum: Int = 0) -> [String] {
    var strings: [String]
    switch b {
    case .uint8(let a): strings = rows.map { " " + String(a[$0]) }
    case .int64(let a): strings = rows.map { a[$0] < 0 ? String(a[$0]) : " " + String(a[$0]) }
    case .bool(let a): strings = rows.map { a[$0] ? " True" : " False" }
    case .float64(let a): strings = formatFloats(rows.map { a[$0] }, precision: precision)
    }
    let w = max(minimum, strings.map { $0.count }.max() ?? 0)
    return strings.map { rjust($0, w) }
}

/// pandas' FloatArrayFormatter: `{: .6f}` trimmed of common trailing zeros, or `{: .6e}` when
/// some value would show as zero or values are huge; NaN as `NaN`.
func formatFloats(_ values: [Double], precision: Int) -> [String] {
    func fixed(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-inf" : " inf" }
        let s = formatC("%.\(precision)f", v)
        return s.hasPrefix("-") ? s : " " + s
    }
    func sci(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-inf" : " inf" }
        let s = formatC("%.\(precision)e", v)
        return s.hasPrefix("-") ? s : " " + s
    }
    var out = values.map(fixed)
    let finite = values.filter { $0.isFinite }.map { abs($0) }
    let tooLong = (out.map { $0.count }.max() ?? 0) > precision + 6
    let hasLarge = finite.contains { $0 > 1e6 }
    let limit = pow10(-precision)
    let hasSmall = finite.contains { $0 < limit && $0 > 0 }
    if hasSmall || (tooLong && hasLarge) { out = values.map(sci) }
    return trimZeros(out)
}

private func pow10(_ e: Int) -> Double {
    var r = 1.0
    for _ in 0..<abs(e) { r *= 10 }
    return e < 0 ? 1 / r : r
}

/// pandas' `_trim_zeros_float`: drop trailing zeros while every plain decimal ends in one.
private func trimZeros(_ strings: [String]) -> [String] {
    func isDecimal(_ s: Substring) -> Bool {
        let t = s.drop { $0 == " " }.drop { $0 == "+" || $0 == "-" }
        guard let dot = t.firstIndex(of: "."), dot != t.startIndex else { return false }
        return t[..<dot].allSatisfy { $0.isASCII && $0.isNumber } && t[t.index(after: dot)...].allSatisfy { $0.isASCII && $0.isNumber }
    }
    var cur = strings.map { Substring($0) }
    while true {
        let numbers = cur.filter(isDecimal)
        guard !numbers.isEmpty, numbers.allSatisfy({ $0.hasSuffix("0") }) else { break }
        cur = cur.map { isDecimal($0) ? $0.dropLast() : $0 }
    }
    return cur.map { isDecimal($0) && $0.hasSuffix(".") ? String($0) + "0" : String($0) }
}
