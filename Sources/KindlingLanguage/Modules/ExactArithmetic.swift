import Foundation

/// A double-double number (hi + lo, |lo| <= ulp(hi)/2): about 106 bits, enough to round sums,
/// means and variances of floats the way CPython's exact fractions do on ordinary inputs.
struct DoubleDouble {
    var hi: Double
    var lo: Double

    init(_ hi: Double, _ lo: Double = 0) { self.hi = hi; self.lo = lo }

    /// An integer, split into a rounded part and the exact remainder.
    init(_ n: Int128) {
        let h = Double(n)
        if h.isFinite, abs(h) < 1.7e38 { self.init(h, Double(n - Int128(h))) } else { self.init(h, 0) }
    }

    static func twoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b, bb = s - a
        return DoubleDouble(s, (a - (s - bb)) + (b - bb))
    }

    static func twoProduct(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        return DoubleDouble(p, (-p).addingProduct(a, b))
    }

    private static func normalized(_ s: Double, _ e: Double) -> DoubleDouble {
        let h = s + e
        guard h.isFinite else { return DoubleDouble(h, 0) }
        return DoubleDouble(h, e - (h - s))
    }

    static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let s = twoSum(a.hi, b.hi)
        guard s.hi.isFinite else { return DoubleDouble(s.hi, 0) }
        return normalized(s.hi, s.lo + a.lo + b.lo)
    }

    static prefix func - (a: DoubleDouble) -> DoubleDouble { DoubleDouble(-a.hi, -a.lo) }

    static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let p = twoProduct(a.hi, b.hi)
        guard p.hi.isFinite else { return DoubleDouble(p.hi, 0) }
        return normalized(p.hi, p.lo + a.hi * b.lo + a.lo * b.hi)
    }

    static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let q1 = a.hi / b.hi
        guard q1.isFinite, q1 != 0 else { return DoubleDouble(q1, 0) }
        let r = a + -(b * DoubleDouble(q1))
        let q2 = r.hi / b.hi
        let r2 = r + -(b * DoubleDouble(q2))
        return normalized(q1, q2 + r2.hi / b.hi)
    }

    /// The square root, rounded to a Double.
    var squareRoot: Double {
        let s = hi.squareRoot()
        guard s.isFinite, s > 0 else { return s }
        let p = DoubleDouble.twoProduct(s, s)
        let r = (hi - p.hi - p.lo + lo)
        return s + r / (2 * s)
    }

    /// The exact sum of doubles (Shewchuk's non-overlapping partials), as a double-double.
    static func exactSum(_ xs: [Double]) -> DoubleDouble {
        var partials: [Double] = []
        var special = 0.0
        for var x in xs {
            guard x.isFinite else { special += x; continue }
            var kept = 0
            for var y in partials {
                if abs(x) < abs(y) { swap(&x, &y) }
                let s = twoSum(x, y)
                if s.lo != 0 { partials[kept] = s.lo; kept += 1 }
                x = s.hi
            }
            partials.removeSubrange(kept...)
            partials.append(x)
        }
        if special != 0 || special.isNaN { return DoubleDouble(special, 0) }
        var total = DoubleDouble(0)
        for p in partials { total = total + DoubleDouble(p) }
        return total
    }

    /// math.fsum: the correctly rounded sum of doubles.
    static func correctlyRoundedSum(_ xs: [Double]) -> Double {
        exactSum(xs).hi
    }
}
