/// CPython 3.11's `statistics`: `mean`, `fmean`, `median` (and `_low`/`_high`/`_grouped` is not
/// supported), `mode`, `multimode`, `variance`, `pvariance`, `stdev`, `pstdev`, `quantiles`,
/// `StatisticsError`. CPython computes means and variances with exact fractions; Kindling sums
/// ints exactly (128-bit) and floats exactly (non-overlapping partials), carrying ~106 bits
/// (`DoubleDouble`) into the final rounding, so ordinary inputs give CPython's floats, and all-int
/// data gives an int when the exact result is whole, as CPython's does.
enum StatisticsModule {
    static func register(_ interpreter: Interpreter) {
        interpreter.registerSourceModule("statistics", source: source) { m in
            m.define("_mean") { a in try mean(try numbers(a[0])) }
            m.define("_variance") { a in
                try variance(try numbers(a[0]), center: a[1].isNone ? nil : try numbers(.object(PyList([a[1]])))[0],
                             ddof: try a[2].asInt(), root: try a[3].isTruthy())
            }
            m.define("_fsum") { a in .float(DoubleDouble.exactSum(try numbers(a[0]).map(\.double)).hi) }
        }
    }

    /// One data point: an exact int or a float.
    enum Number {
        case int(Int), float(Double)
        var double: Double {
            switch self {
            case .int(let i): return Double(i)
            case .float(let d): return d
            }
        }
    }

    static func numbers(_ v: Value) throws -> [Number] {
        guard let list = v.as(PyList.self) else { throw PyException.make(.typeError, "expected a list of numbers") }
        return try list.items.map { x in
            switch x {
            case .int(let i): return .int(i)
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d): return .float(d)
            default: throw PyException.make(.typeError, "can't convert type '\(x.typeName)' to numerator/denominator")
            }
        }
    }

    static func allInts(_ xs: [Number]) -> [Int]? {
        var out: [Int] = []
        out.reserveCapacity(xs.count)
        for x in xs { guard case .int(let i) = x else { return nil }; out.append(i) }
        return out
    }

    /// The exact ratio p/q as CPython's `_convert` gives it for int data: an int when whole.
    static func ratio(_ p: Int128, _ q: Int128) -> Value {
        if p % q == 0, let whole = Int(exactly: p / q) { return .int(whole) }
        return .float((DoubleDouble(p) / DoubleDouble(q)).hi)
    }

    static func mean(_ xs: [Number]) throws -> Value {
        let n = xs.count
        if let ints = allInts(xs) {
            var s: Int128 = 0
            var exact = true
            for i in ints {
                let (r, o) = s.addingReportingOverflow(Int128(i))
                if o { exact = false; break }
                s = r
            }
            if exact { return ratio(s, Int128(n)) }
        }
        return .float((DoubleDouble.exactSum(xs.map(\.double)) / DoubleDouble(Double(n))).hi)
    }

    static func variance(_ xs: [Number], center: Number?, ddof: Int, root: Bool) throws -> Value {
        let n = xs.count, divisor = n - ddof
        if center == nil, let ints = allInts(xs), let (num, den) = exactIntSS(ints, divisor: divisor) {
            if root { return .float((DoubleDouble(num) / DoubleDouble(den)).squareRoot) }
            return ratio(num, den)
        }
        var ss = DoubleDouble(0)
        if let c = center {
            // CPython: sum((x - c) * (x - c)) with Python arithmetic for each term, then summed exactly.
            if case .int(let ci) = c, let ints = allInts(xs) {
                var terms: Int128 = 0
                for i in ints {
                    let d = Int128(i) - Int128(ci)
                    let (r, o) = terms.addingReportingOverflow(d * d)
                    if o { throw PyException.make(.overflowError, "integer result too large for Kindling's 64-bit int") }
                    terms = r
                }
                if root { return .float((DoubleDouble(terms) / DoubleDouble(Double(divisor))).squareRoot) }
                return ratio(terms, Int128(divisor))
            }
            ss = DoubleDouble.exactSum(xs.map { let d = $0.double - c.double; return d * d })
        } else {
            let values = xs.map(\.double)
            let m = DoubleDouble.exactSum(values) / DoubleDouble(Double(n))
            var special = 0.0
            for v in values {
                guard v.isFinite else { special += v; continue }
                let d = DoubleDouble(v) + -m
                ss = ss + d * d
            }
            if special.isNaN || special.isInfinite { return .float(.nan) }
            if !m.hi.isFinite { return .float(.nan) }
        }
        let v = ss / DoubleDouble(Double(divisor))
        return .float(root ? v.squareRoot : v.hi)
    }

    /// n·Σx² − (Σx)² over n·divisor, exactly, or nil when 128 bits do not hold it.
    static func exactIntSS(_ xs: [Int], divisor: Int) -> (Int128, Int128)? {
        var sx: Int128 = 0, sxx: Int128 = 0
        for i in xs {
            let x = Int128(i)
            let (a, o1) = sx.addingReportingOverflow(x)
            let (sq, o2) = x.multipliedReportingOverflow(by: x)
            guard !o1, !o2 else { return nil }
            let (b, o3) = sxx.addingReportingOverflow(sq)
            guard !o3 else { return nil }
            sx = a; sxx = b
        }
        let n = Int128(xs.count)
        let (t1, o1) = n.multipliedReportingOverflow(by: sxx)
        let (t2, o2) = sx.multipliedReportingOverflow(by: sx)
        guard !o1, !o2 else { return nil }
        let (den, o3) = n.multipliedReportingOverflow(by: Int128(divisor))
        guard !o3 else { return nil }
        return (t1 - t2, den)
    }

    static let source = #"""
class StatisticsError(ValueError):
    pass


def _data(data):
    return list(data)


def mean(data):
    data = _data(data)
    if len(data) < 1:
        raise StatisticsError('mean requires at least one data point')
    return _mean(data)


def fmean(data, weights=None):
    data = _data(data)
    if weights is None:
        if not data:
            raise StatisticsError('fmean requires at least one data point')
        return _fsum(data) / len(data)
    weights = _data(weights)
    if len(weights) != len(data):
        raise StatisticsError('data and weights must be the same length')
    if not data:
        raise StatisticsError('fmean requires at least one data point')
    total = _fsum(weights)
    if not total:
        raise StatisticsError('sum of weights must be non-zero')
    return _fsum([x * w for x, w in zip(data, weights)]) / total


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    half = n // 2
    if n % 2 == 1:
        return data[half]
    return (data[half - 1] + data[half]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    counts = _counts(data)
    if not counts:
        raise StatisticsError('no mode for empty data')
    best = None
    best_count = 0
    for value, count in counts.items():
        if count > best_count:
            best, best_count = value, count
    return best


def multimode(data):
    counts = _counts(data)
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, count in counts.items() if count == top]


def variance(data, xbar=None):
    data = _data(data)
    if len(data) < 2:
        raise StatisticsError('variance requires at least two data points')
    return _variance(data, xbar, 1, False)


def pvariance(data, mu=None):
    data = _data(data)
    if len(data) < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _variance(data, mu, 0, False)


def stdev(data, xbar=None):
    data = _data(data)
    if len(data) < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _variance(data, xbar, 1, True)


def pstdev(data, mu=None):
    data = _data(data)
    if len(data) < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _variance(data, mu, 0, True)


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    size = len(data)
    if size < 2:
        raise StatisticsError('must have at least two data points')
    cuts = []
    if method == 'inclusive':
        span = size - 1
        for i in range(1, n):
            j, delta = divmod(i * span, n)
            cuts.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return cuts
    if method == 'exclusive':
        span = size + 1
        for i in range(1, n):
            j = min(max(i * span // n, 1), size - 1)
            delta = i * span - j * n
            cuts.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return cuts
    raise ValueError(f'Unknown method: {method!r}')
"""#
}
