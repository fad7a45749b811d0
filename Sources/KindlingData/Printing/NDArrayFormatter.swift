/// numpy's `repr(a)` / `str(a)` (array2string with the default print options: threshold 1000,
/// edgeitems 3, linewidth 75, precision 8).
extension NDArray {
    /// `repr(a)`: `array([[0, 0, ...]])`, with `shape=` when summarised (numpy 2).
    public var numpyRepr: String {
        let prefix = "array("
        if count == 0 {
            return "array([], shape=\(ShapeText.tuple(shape)), dtype=\(dtype.rawValue))".replacingOccurrences(of: "shape=(0,), ", with: "")
        }
        let body = layout(separator: ", ", prefix: prefix, lineWidth: 75 - 1)
        guard count > 1000 else { return prefix + body + ")" }
        let start = prefix + body + ","
        let extra = "shape=\(ShapeText.tuple(shape)))"
        let lastLine = start.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0
        let spacer = lastLine + extra.count + 1 > 75 ? "\n" + String(repeating: " ", count: prefix.count) : " "
        return start + spacer + extra
    }

    /// `str(a)` / `print(a)`: `[[0 0 ... 0]]`.
    public var numpyStr: String {
        if count == 0 { return "[]" }
        return layout(separator: " ", prefix: "", lineWidth: 75)
    }

    private func layout(separator: String, prefix: String, lineWidth: Int) -> String {
        let summarise = count > 1000
        let edge = 3
        // Elements that will be shown decide the format (numpy formats the summarised data).
        var shown: [Int] = []
        collectShown(axis: 0, offset: 0, summarise: summarise, edge: edge, into: &shown)
        let format = elementFormatter(shown)
        let nextLinePrefix = " " + String(repeating: " ", count: prefix.count)
        return recurse(axis: 0, offset: 0, hanging: nextLinePrefix, width: lineWidth, separator: separator,
                       summarise: summarise, edge: edge, format: format)
    }

    private var strides: [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) { s[i] = acc; acc *= shape[i] }
        return s
    }

    private func positionsAlong(_ axis: Int, summarise: Bool, edge: Int) -> (lead: [Int], trail: [Int], dots: Bool) {
        let n = shape[axis]
        if summarise && 2 * edge < n { return (Array(0..<edge), Array((n - edge)..<n), true) }
        return ([], Array(0..<n), false)
    }

    private func collectShown(axis: Int, offset: Int, summarise: Bool, edge: Int, into out: inout [Int]) {
        if axis == shape.count { out.append(offset); return }
        let p = positionsAlong(axis, summarise: summarise, edge: edge)
        for i in p.lead + p.trail {
            collectShown(axis: axis + 1, offset: offset + i * strides[axis], summarise: summarise, edge: edge, into: &out)
        }
    }

    private func recurse(axis: Int, offset: Int, hanging: String, width: Int, separator: String,
                         summarise: Bool, edge: Int, format: (Int) -> String) -> String {
        if axis == shape.count { return format(offset) }
        let nextHanging = hanging + " "
        let nextWidth = width - 1
        let p = positionsAlong(axis, summarise: summarise, edge: edge)
        let items = p.lead.map { Optional($0) } + (p.dots ? [nil] : []) + p.trail.map { Optional($0) }
        var s = ""
        let sepTrim = String(separator.reversed().drop { $0 == " " }.reversed())
        if axis == shape.count - 1 {
            let elemWidth = width - max(sepTrim.count, 1)
            var line = hanging
            func extend(_ word: String) {
                var wrap = line.count + word.count > elemWidth
                if line.count <= hanging.count { wrap = false }
                if wrap { s += String(line.reversed().drop { $0 == " " }.reversed()) + "\n"; line = hanging }
                line += word
            }
            for (k, item) in items.enumerated() {
                let word = item.map { recurse(axis: axis + 1, offset: offset + $0 * strides[axis], hanging: nextHanging,
                                              width: nextWidth, separator: separator, summarise: summarise, edge: edge,
                                              format: format) } ?? "..."
                extend(word)
                if k < items.count - 1 { line += separator }
            }
            s += line
        } else {
            let lineSep = sepTrim + String(repeating: "\n", count: shape.count - axis - 1)
            for (k, item) in items.enumerated() {
                let nested = item.map { recurse(axis: axis + 1, offset: offset + $0 * strides[axis], hanging: nextHanging,
                                                width: nextWidth, separator: separator, summarise: summarise, edge: edge,
                                                format: format) } ?? "..."
                s += hanging + nested + (k < items.count - 1 ? lineSep : "")
            }
        }
        return "[" + s.dropFirst(hanging.count) + "]"
    }

    /// numpy's IntegerFormat / FloatingFormat / BoolFormat over the shown elements.
    private func elementFormatter(_ shown: [Int]) -> (Int) -> String {
        switch storage {
        case .uint8, .int64:
            let texts = shown.map { String(storage.scalar(at: $0).description) }
            let w = texts.map { $0.count }.max() ?? 0
            return { rjust(self.storage.scalar(at: $0).description, w) }
        case .bool:
            return { self.storage.double(at: $0) != 0 ? " True" : "False" }
        case .float64(let a):
            let f = NumpyFloatFormat(shown.map { a[$0] })
            return { f.format(a[$0]) }
        }
    }
}

/// numpy's FloatingFormat in `maxprec` mode with precision 8 (positional or scientific).
struct NumpyFloatFormat {
    private var scientific = false
    private var padLeft = 0, padRight = 0, expWidth = 2

    init(_ values: [Double]) {
        let finite = values.filter { $0.isFinite }
        let nonzero = finite.map { abs($0) }.filter { $0 != 0 }
        if let mx = nonzero.max(), let mn = nonzero.min() {
            scientific = mx >= 1e8 || mn < 1e-4 || mx / mn > 1000
        }
        for v in finite {
            let (i, f, e) = scientific ? NumpyFloatFormat.sciParts(v) : NumpyFloatFormat.fixedParts(v)
            padLeft = max(padLeft, i.count)
            padRight = max(padRight, f.count)
            expWidth = max(expWidth, e.count)
        }
        if finite.isEmpty { padLeft = 0; padRight = 0 }
    }

    /// Integer part (with sign) and fraction digits of the shortest repr, at most 8 decimals.
    static func fixedParts(_ v: Double) -> (String, String, String) {
        var s = "\(v)"
        if s.contains("e") || (s.split(separator: ".").last?.count ?? 0) > 8 { s = formatC("%.8f", v) }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0])
        var frac = parts.count > 1 ? String(parts[1]) : ""
        while frac.hasSuffix("0") { frac.removeLast() }
        return (intPart, frac, "")
    }

    /// Mantissa integer digit (with sign), mantissa fraction digits and exponent digits.
    static func sciParts(_ v: Double) -> (String, String, String) {
        var best = formatC("%.8e", v)
        for p in 0...8 {
            let s = formatC("%.\(p)e", v)
            if Double(s) == v { best = s; break }
        }
        let mantissa = best.split(separator: "e")[0], exp = best.split(separator: "e").last.map(String.init) ?? "+00"
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        var frac = parts.count > 1 ? String(parts[1]) : ""
        while frac.hasSuffix("0") { frac.removeLast() }
        return (String(parts[0]), frac, String(exp.dropFirst()))
    }

    func format(_ v: Double) -> String {
        let width = padLeft + padRight + 1 + (scientific ? 2 + expWidth : 0)
        if v.isNaN { return rjust("nan", width) }
        if v.isInfinite { return rjust(v < 0 ? "-inf" : "inf", width) }
        if scientific {
            let (i, f, e) = NumpyFloatFormat.sciParts(v)
            let sign = v < 0 || (v == 0 && v.sign == .minus) ? "-" : "+"
            let expSign = formatC("%e", v).contains("e-") ? "-" : "+"
            _ = sign
            let expDigits = String(repeating: "0", count: max(0, expWidth - e.count)) + e
            return rjust(i, padLeft) + "." + ljust(f, padRight) + "e" + expSign + expDigits
        }
        let (i, f, _) = NumpyFloatFormat.fixedParts(v)
        return rjust(i, padLeft) + "." + ljust(f, padRight)
    }
}
