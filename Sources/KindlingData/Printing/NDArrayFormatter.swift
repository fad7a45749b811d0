/// numpy's `repr(a)` / `str(a)` (array2string with the print options in effect,
/// `NumpyPrintOptions.current`: by default threshold 1000, edgeitems 3, linewidth 75, precision 8).
extension NDArray {
    /// `repr(a)`: `array([[0, 0, ...]])`, with `shape=` when summarised (numpy 2).
    public var numpyRepr: String {
        let prefix = "array("
        let options = NumpyPrintOptions.current
        var extras: [String] = []
        if (count == 0 && shape != [0]) || count > options.threshold { extras.append("shape=\(ShapeText.tuple(shape))") }
        if count == 0 || ![.float64, .int64, .bool].contains(elementType) { extras.append("dtype=\(elementType.rawValue)") }
        let body = count == 0 ? "[]" : layout(separator: ", ", prefix: prefix, lineWidth: options.linewidth - 1)
        guard !extras.isEmpty else { return prefix + body + ")" }
        let start = prefix + body + ","
        let extra = extras.joined(separator: ", ") + ")"
        let lastLine = start.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0
        let spacer = lastLine + extra.count + 1 > options.linewidth ? "\n" + String(repeating: " ", count: prefix.count) : " "
        return start + spacer + extra
    }

    /// `str(a)` / `print(a)`: `[[0 0 ... 0]]`.
    public var numpyStr: String {
        if count == 0 { return "[]" }
        return layout(separator: " ", prefix: "", lineWidth: NumpyPrintOptions.current.linewidth)
    }

    private func layout(separator: String, prefix: String, lineWidth: Int) -> String {
        let options = NumpyPrintOptions.current
        let summarise = count > options.threshold
        let edge = options.edgeitems
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
            let options = NumpyPrintOptions.current
            let f = NumpyFloatFormat(shown.map { a[$0] }, single: elementType == .float32,
                                     precision: options.precision, suppress: options.suppress)
            return { f.format(a[$0]) }
        }
    }
}

/// numpy's FloatingFormat in `maxprec` mode (positional or scientific) with a precision (8 by
/// default) and `suppress` (no scientific notation for small values).
struct NumpyFloatFormat {
    private var scientific = false
    private var padLeft = 0, padRight = 0, expWidth = 2
    /// float32 values: shortest digits that round-trip through Float.
    private let single: Bool
    private let precision: Int

    init(_ values: [Double], single: Bool = false, precision: Int = 8, suppress: Bool = false) {
        self.single = single
        self.precision = precision
        let finite = values.filter { $0.isFinite }
        let nonzero = finite.map { abs($0) }.filter { $0 != 0 }
        if let mx = nonzero.max(), let mn = nonzero.min() {
            scientific = mx >= 1e8 || (!suppress && (mn < 1e-4 || mx / mn > 1000))
        }
        for v in finite {
            let (i, f, e) = scientific ? NumpyFloatFormat.sciParts(v, single: single, precision: precision)
                : NumpyFloatFormat.fixedParts(v, single: single, precision: precision)
            padLeft = max(padLeft, i.count)
            padRight = max(padRight, f.count)
            expWidth = max(expWidth, e.count)
        }
        if finite.isEmpty { padLeft = 0; padRight = 0 }
        // Room for "nan" / "inf" / "-inf" in the integer part, as NumPy's fillFormat makes.
        if finite.count != values.count {
            let negativeInf = values.contains { $0.isInfinite && $0 < 0 }
            let offset = padRight + 1
            padLeft = max(padLeft, 3 - offset, 3 + (negativeInf ? 1 : 0) - offset)
        }
    }

    /// Integer part (with sign) and fraction digits of the shortest repr, at most `precision` decimals.
    static func fixedParts(_ v: Double, single: Bool = false, precision: Int = 8) -> (String, String, String) {
        var s = positionalShortest(single ? "\(Float(v))" : "\(v)")
        if (s.split(separator: ".").last?.count ?? 0) > precision { s = formatC("%.\(precision)f", v) }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0])
        var frac = parts.count > 1 ? String(parts[1]) : ""
        while frac.hasSuffix("0") { frac.removeLast() }
        return (intPart, frac, "")
    }

    /// Mantissa integer digit (with sign), mantissa fraction digits and exponent digits.
    static func sciParts(_ v: Double, single: Bool = false, precision: Int = 8) -> (String, String, String) {
        var best = formatC("%.\(precision)e", v)
        for p in 0...precision {
            let s = formatC("%.\(p)e", v)
            if single ? Float(s) == Float(v) : Double(s) == v { best = s; break }
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
            let (i, f, e) = NumpyFloatFormat.sciParts(v, single: single, precision: precision)
            let sign = v < 0 || (v == 0 && v.sign == .minus) ? "-" : "+"
            let expSign = formatC("%e", v).contains("e-") ? "-" : "+"
            _ = sign
            let expDigits = String(repeating: "0", count: max(0, expWidth - e.count)) + e
            // Scientific fractions are zero-padded to the longest (NumPy sets min_digits there).
            return rjust(i, padLeft) + "." + f + String(repeating: "0", count: max(0, padRight - f.count)) + "e" + expSign + expDigits
        }
        let (i, f, _) = NumpyFloatFormat.fixedParts(v, single: single, precision: precision)
        return rjust(i, padLeft) + "." + ljust(f, padRight)
    }
}

/// A Swift shortest-digits description (`1e-05`, `1.6777216e+07`, `0.1`) written out positionally
/// (`0.00001`, `16777216.0`), so its digits can be padded and cut like NumPy's.
func positionalShortest(_ description: String) -> String {
    guard let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }), let exp = Int(description[description.index(after: e)...]) else {
        return description
    }
    var mantissa = String(description[..<e])
    let negative = mantissa.hasPrefix("-")
    if negative { mantissa.removeFirst() }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let intDigits = String(parts[0])
    var digits = intDigits + (parts.count > 1 ? String(parts[1]) : "")
    while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
    let point = intDigits.count + exp   // digits before the decimal point
    var text: String
    if point <= 0 {
        text = "0." + String(repeating: "0", count: -point) + digits
    } else if point >= digits.count {
        text = digits + String(repeating: "0", count: point - digits.count) + ".0"
    } else {
        text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
    }
    if negative { text = "-" + text }
    return text
}

/// NumPy 2's scalar text for a float (`str(np.float32(x))`, inside `np.float32(...)`): the
/// shortest digits that round-trip through the type, positional for 1e-4 <= |x| < 1e16,
/// scientific otherwise, as Python's float repr.
public func numpyScalarFloatText(_ v: Double, single: Bool) -> String {
    guard single else { return pythonFloatRepr(v) }
    if v.isNaN { return "nan" }
    if v.isInfinite { return v < 0 ? "-inf" : "inf" }
    let f = Float(v)
    let magnitude = abs(v)
    if magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16) { return positionalShortest("\(f)") }
    // Scientific: the shortest digits, Python's exponent style.
    var best = formatC("%.8e", v)
    for p in 0...8 {
        let s = formatC("%.\(p)e", v)
        if Float(s) == f { best = s; break }
    }
    return pythonFloatRepr(Double(best) ?? v).contains("e") ? normaliseExponent(best) : best
}

private func normaliseExponent(_ s: String) -> String {
    guard let e = s.firstIndex(of: "e") else { return s }
    var mant = String(s[..<e])
    if mant.contains(".") { while mant.hasSuffix("0") { mant.removeLast() }; if mant.hasSuffix(".") { mant.removeLast() } }
    var exp = String(s[s.index(after: e)...])
    var sign = "+"
    if exp.hasPrefix("-") { sign = "-"; exp.removeFirst() } else if exp.hasPrefix("+") { exp.removeFirst() }
    while exp.count > 2 && exp.hasPrefix("0") { exp.removeFirst() }
    return mant + "e" + sign + exp
}
