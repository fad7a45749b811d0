/// `repr(series)` as pandas' SeriesFormatter produces it.
extension Series {
    public func pandasRepr(_ options: DisplayOptions = .standard) -> String {
        var footer: [String] = []
        if let name = name { footer.append("Name: \(name.description)") }
        let n = count
        if n == 0 {
            footer.append("dtype: \(dtype.rawValue)")
            return "Series([], \(footer.joined(separator: ", ")))"
        }
        var rows = Array(0..<n)
        var dotsAt: Int?
        if options.maxRows > 0 && n > options.maxRows {
            let shown = options.minRows > 0 ? min(options.minRows, options.maxRows) : options.maxRows
            if shown == 1 { rows = [0]; dotsAt = 1 } else {
                let half = shown / 2
                rows = Array(0..<half) + Array((n - half)..<n)
                dotsAt = half
            }
            footer.append("Length: \(n)")
        }
        footer.append("dtype: \(dtype.rawValue)")
        var index = formatIndexEntries(self.index, rows)
        var values = formatColumnValues(self.values, rows, precision: options.precision)
        if let r = dotsAt {
            let width = values[max(r - 1, 0)].count
            values.insert(center(width > 3 ? "..." : "..", width), at: r)
            index.insert("", at: r)
        }
        var text = adjoin(3, [index, values])
        if let header = self.index.name { text = header + "\n" + text }
        return text + "\n" + footer.joined(separator: ", ")
    }
}

/// pandas' Index repr: `RangeIndex(start=0, stop=5, step=1)` or
/// `Index([3, 1, ...], dtype='int64')`, wrapped and summarised like `format_object_summary`.
func formatIndexRepr(_ index: Labels, options: DisplayOptions = .standard) -> String {
    var attrs: [String] = []
    if case .range(let s, let st, let n) = index.storage {
        attrs = ["start=\(s)", "stop=\(s + Int64(n) * st)", "step=\(st)"]
        if let name = index.name { attrs.append("name=\(pythonQuoted(name))") }
        return "RangeIndex(\(attrs.joined(separator: ", ")))"
    }
    let n = index.count
    let dtype: String
    let format: (Int) -> String
    switch index.storage {
    case .strings(let a): dtype = "str"; format = { pythonQuoted(a[$0]) }   // pandas 3 string dtype
    case .float64(let a): dtype = "float64"; format = { pythonFloatRepr(a[$0]) }
    default: dtype = "int64"; format = { String(index.int64Label(at: $0)) }
    }
    let width = options.lineWidth
    let space1 = "\n" + String(repeating: " ", count: "Index".count + 1)
    let space2 = "\n" + String(repeating: " ", count: "Index".count + 2)
    let truncated = n > options.maxSeqItems
    var summary: String
    if n == 0 { summary = "[], " }
    else if n == 1 { summary = "[\(format(0))], " }
    else if n == 2 { summary = "[\(format(0)), \(format(1))], " }
    else {
        var head: [String] = [], tail: [String]
        if truncated {
            let k = min(options.maxSeqItems / 2, 10)
            head = (0..<k).map(format)
            tail = ((n - k)..<n).map(format)
        } else { tail = (0..<n).map(format) }
        // Numbers are right-justified, strings are not; pandas justifies only values that do not fit on one line.
        let fits = head.joined(separator: ", ").count < width && tail.joined(separator: ", ").count < width
        if case .strings = index.storage {} else if truncated || !fits {
            let w = (head + tail).map { $0.count }.max() ?? 0
            head = head.map { rjust($0, w) }
            tail = tail.map { rjust($0, w) }
        }
        func extend(_ s: inout String, _ line: inout String, _ word: String, _ limit: Int) {
            let trimmedLine = line.reversed().drop { $0 == " " }.count
            let trimmedWord = word.reversed().drop { $0 == " " }.count
            if trimmedLine + trimmedWord >= limit {
                s += String(line.reversed().drop { $0 == " " }.reversed())
                line = space2
            }
            line += word
        }
        summary = ""
        var line = space2
        for h in head { extend(&summary, &line, h + ", ", width) }
        if truncated {
            summary += String(line.reversed().drop { $0 == " " }.reversed()) + space2 + "..."
            line = space2
        }
        for t in tail.dropLast() { extend(&summary, &line, t + ", ", width) }
        extend(&summary, &line, tail[tail.count - 1], width - 2)
        summary += line + "],"
        summary += summary.count > width ? space1 : " "
        summary = "[" + summary.dropFirst(space2.count)
    }
    attrs = ["dtype='\(dtype)'"]
    if let name = index.name { attrs.append("name=\(pythonQuoted(name))") }
    if truncated { attrs.append("length=\(n)") }
    return "Index(" + summary + attrs.joined(separator: ", ") + ")"
}
