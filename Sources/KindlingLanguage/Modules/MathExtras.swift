import Foundation

/// The rest of CPython 3.11's `math` that pasted code reaches for: `perm`, `isqrt`, `lcm`,
/// `cbrt`, `exp2`, `asinh`/`acosh`/`atanh`, `frexp`/`ldexp`, `ulp`, `nextafter`, `remainder`,
/// with CPython's errors (ints stay Kindling's 64-bit ints: a larger result is an OverflowError).
extension MathModule {
    static func addExtras(to m: PyModule) {
        func real(_ name: String, domain: @escaping (Double) -> Bool, _ f: @escaping (Double) -> Double) {
            m.define(name) { a in
                let x = try a[0].asDouble()
                guard x.isNaN || domain(x) else { throw PyException.make(.valueError, "math domain error") }
                return .float(f(x))
            }
        }
        real("cbrt", domain: { _ in true }, Foundation.cbrt)
        real("exp2", domain: { _ in true }, Foundation.exp2)
        real("asinh", domain: { _ in true }, Foundation.asinh)
        real("acosh", domain: { $0 >= 1 }, Foundation.acosh)
        real("atanh", domain: { abs($0) < 1 }, Foundation.atanh)
        m.define("perm") { a in
            let n = try a[0].asInt()
            if n < 0 { throw PyException.make(.valueError, "n must be a non-negative integer") }
            let kValue: Value = a.positional.count > 1 ? try a[1] : .none
            let k = kValue.isNone ? n : try kValue.asInt()
            if k < 0 { throw PyException.make(.valueError, "k must be a non-negative integer") }
            if k > n { return .int(0) }
            var r = 1
            var i = n - k + 1
            while i <= n { r = try Arithmetic.mul(r, i); i += 1 }
            return .int(r)
        }
        m.define("isqrt") { a in
            let n = try a[0].asInt()
            if n < 0 { throw PyException.make(.valueError, "isqrt() argument must be nonnegative") }
            var r = Int(Double(n).squareRoot())
            while r > 0 && r.multipliedReportingOverflow(by: r).overflow || r * r > n { r -= 1 }
            while !(r + 1).multipliedReportingOverflow(by: r + 1).overflow && (r + 1) * (r + 1) <= n { r += 1 }
            return .int(r)
        }
        m.define("lcm") { a in
            var l = 1
            for v in a.positional {
                let x = try v.asInt().magnitude
                if x == 0 || l == 0 { l = 0; continue }
                var g = UInt(l), y = x
                while y != 0 { (g, y) = (y, g % y) }
                l = try Arithmetic.mul(l / Int(g), Int(x))
            }
            return .int(l)
        }
        m.define("frexp") { a in
            let x = try a[0].asDouble()
            if x == 0 || !x.isFinite { return .object(PyTuple([.float(x), .int(0)])) }
            let e = x.exponent + 1
            return .object(PyTuple([.float(Foundation.scalbn(x, -Int(e))), .int(Int(e))]))
        }
        m.define("ldexp") { a in
            let x = try a[0].asDouble(), i = try a[1].asInt()
            let r = Foundation.scalbn(x, Int(Swift.max(Swift.min(i, 100_000), -100_000)))
            if r.isInfinite && x.isFinite { throw PyException.make(.overflowError, "math range error") }
            return .float(r)
        }
        m.define("ulp") { a in
            let x = try a[0].asDouble()
            if x.isNaN { return .float(x) }
            if x.isInfinite { return .float(.infinity) }
            return .float(abs(x).ulp)
        }
        m.define("nextafter") { a in
            let x = try a[0].asDouble(), y = try a[1].asDouble()
            return .float(Foundation.nextafter(x, y))
        }
        m.define("remainder") { a in
            let x = try a[0].asDouble(), y = try a[1].asDouble()
            if x.isNaN || y.isNaN { return .float(.nan) }
            if x.isInfinite || y == 0 { throw PyException.make(.valueError, "math domain error") }
            return .float(x.remainder(dividingBy: y))
        }
    }
}
