/// `repr(df)` / `print(df)` as pandas' DataFrameFormatter + StringFormatter produce it.
extension DataFrame {
    /// pandas' text repr with the given display options.
    public func pandasRepr(_ options: DisplayOptions = .standard) -> String {
        DataFrameFormatter(frame: self, options: options).render()
    }
}

private struct DataFrameFormatter {
    let frame: DataFrame
    let options: DisplayOptions

    /// Row positions shown and where the `...` row goes (nil: not truncated).
    private var rowPlan: (rows: [Int], dotsAt: Int?) {
        let n = frame.rowCount
        let maxRows = options.maxRows
        guard maxRows > 0, n > maxRows else { return (Array(0..<n), nil) }
        let shown = options.minRows > 0 ? min(options.minRows, maxRows) : maxRows
        let half = shown / 2
        if half == 0 { return (Array(0..<min(shown, n)), nil) }
        return (Array(0..<half) + Array((n - half)..<n), half)
    }

    /// Columns shown for a given fitted maximum (pandas' `_truncate_horizontally`).
    private func columnPlan(maxFitted: Int) -> (cols: [Int], dotsAt: Int?) {
        let n = frame.columns.count
        guard maxFitted > 0, n > maxFitted else { return (Array(0..<n), nil) }
        let half = maxFitted / 2
        if half >= 1 { return (Array(0..<half) + Array((n - half)..<n), half) }
        return (Array(0..<min(maxFitted, n)), maxFitted)
    }

    func render() -> String {
        if frame.columns.isEmpty || frame.rowCount == 0 { return emptyRepr() }
        let rows = rowPlan
        var body: String
        if options.maxColumns == 0 {
            // Fit to the terminal width: start from at most `width` columns, then drop middle ones.
            let narrow = frame.columns.count > options.width
            var plan = columnPlan(maxFitted: narrow ? options.width : 0)
            var strcols = stringColumns(rows: rows, cols: plan)
            let lines = adjoin(1, strcols).split(separator: "\n", omittingEmptySubsequences: false)
            let maxLen = lines.map { $0.count }.max() ?? 0
            var excess = maxLen - options.width + 1
            // Room for the ` ...` column that truncation inserts (pandas GH#32461).
            if excess > 0 { excess += 4 + 1 }
            var lens = strcols.map { col in col.map { $0.count }.max() ?? 0 }
            var fitted = lens.count
            while excess > 0 && fitted > 1 {
                let mid = Int((Double(fitted) / 2).rounded(.toNearestOrEven))
                excess -= lens[mid] + 1
                lens.remove(at: mid)
                fitted = lens.count
            }
            if maxLen > options.width || narrow {
                let maxCols = max(fitted - 1, 2)
                plan = columnPlan(maxFitted: maxCols)
                strcols = stringColumns(rows: rows, cols: plan)
            }
            body = adjoin(1, strcols)
            let truncated = rows.dotsAt != nil || plan.dotsAt != nil
            if truncated { body += "\n\n[\(frame.rowCount) rows x \(frame.columns.count) columns]" }
        } else {
            let plan = columnPlan(maxFitted: options.maxColumns)
            var strcols = stringColumns(rows: rows, cols: plan)
            body = joinMultiline(&strcols)
            if rows.dotsAt != nil || plan.dotsAt != nil {
                body += "\n\n[\(frame.rowCount) rows x \(frame.columns.count) columns]"
            }
        }
        return body
    }

    /// The index column then one column of strings per shown column (header first), with the
    /// `...` column and `...` row inserted where pandas puts them.
    private func stringColumns(rows: (rows: [Int], dotsAt: Int?), cols: (cols: [Int], dotsAt: Int?)) -> [[String]] {
        var index = [""] + formatIndexEntries(frame.index, rows.rows)
        let w = index.map { $0.count }.max() ?? 0
        index = index.map { ljust($0, w) }
        var strcols: [[String]] = [index]
        for c in cols.cols {
            let header = " " + frame.columns[c]
            var values = formatColumnValues(frame.data[c], rows.rows, precision: options.precision, minimum: header.count)
            let width = max(header.count, values.first?.count ?? 0)
            values = values.map { rjust($0, width) }
            strcols.append([rjust(header, width)] + values)
        }
        if let d = cols.dotsAt { strcols.insert(Array(repeating: " ...", count: index.count), at: d + 1) }
        if let r = rows.dotsAt {
            for i in strcols.indices {
                // The `...` column gets a right-justified `...` like any other (what pandas prints).
                let cw = strcols[i][min(r, strcols[i].count - 1)].count
                let dots = cw > 3 ? "..." : ".."
                let cell = i == 0 ? ljust(dots, cw) : rjust(dots, cw)
                strcols[i].insert(cell, at: r + 1)
            }
        }
        return strcols
    }

    /// pandas' `_join_multiline` (max_columns > 0): wrap wide frames into blocks ending in ` \`.
    private func joinMultiline(_ strcols: inout [[String]]) -> String {
        let index = strcols.removeFirst()
        let lineWidth = options.lineWidth - ((index.map { $0.count }.max() ?? 0) + 1)
        let widths = strcols.map { col in col.map { $0.count }.max() ?? 0 }
        var bins: [Int] = []
        var current = 0
        for (i, w) in widths.enumerated() {
            current += w + 1
            let wrap = i == widths.count - 1 ? current + 1 > lineWidth && i > 0 : current + 2 > lineWidth && i > 0
            if wrap { bins.append(i); current = w + 1 }
        }
        bins.append(widths.count)
        var blocks: [String] = []
        var start = 0
        for (i, end) in bins.enumerated() {
            var row = [index] + Array(strcols[start..<end])
            if bins.count > 1 {
                let nrows = row.last?.count ?? 0
                if end <= strcols.count && i < bins.count - 1 {
                    row.append([" \\"] + Array(repeating: "  ", count: max(nrows - 1, 0)))
                } else {
                    row.append(Array(repeating: " ", count: nrows))
                }
            }
            blocks.append(adjoin(1, row))
            start = end
        }
        return blocks.joined(separator: "\n\n")
    }

    /// `Empty DataFrame\nColumns: [...]\nIndex: [...]`.
    private func emptyRepr() -> String {
        let cols = frame.columns.count > 0 ? "[" + frame.columns.joined(separator: ", ") + "]" : "[]"
        let idx = frame.rowCount > 0 ? "[" + frame.index.labels.map { $0.description }.joined(separator: ", ") + "]" : "[]"
        return "Empty DataFrame\nColumns: \(cols)\nIndex: \(idx)"
    }
}

/// Index labels as pandas' `Index._format_flat` gives them (numbers via the value formatter,
/// common leading spaces trimmed), not yet justified.
func formatIndexEntries(_ index: Labels, _ rows: [Int]) -> [String] {
    switch index.storage {
    case .strings(let a): return rows.map { a[$0] }
    case .float64(let a):
        let s = formatFloats(rows.map { a[$0] }, precision: 6)
        let common = s.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return s.map { String($0.dropFirst(common)) }
    default: return rows.map { String(index.int64Label(at: $0)) }
    }
}
