import Foundation

enum MathModule {
    static func make() -> PyModule {
        let m = PyModule(name: "math")
        m["pi"] = .float(Double.pi)
        m["e"] = .float(M_E)
        m["tau"] = .float(2 * Double.pi)
        m["inf"] = .float(.infinity)
        m["nan"] = .float(.nan)
        func unary(_ name: String, domain: ((Double) -> Bool)? = nil, _ f: @escaping (Double) -> Double) {
            m.define(name) { a in
                let x = try a[0].asDouble()
                if let ok = domain, !ok(x) { throw PyException.make(.valueError, "math domain error") }
                let r = f(x)
                if r.isInfinite && x.isFinite { throw PyException.make(.overflowError, "math range error") }
                return .float(r)
            }
        }
        unary("sqrt", domain: { $0 >= 0 || $0.isNaN }, Foundation.sqrt)
        unary("exp", Foundation.exp)
        unary("log2", domain: { $0 > 0 || $0.isNaN }, Foundation.log2)
        unary("log10", domain: { $0 > 0 || $0.isNaN }, Foundation.log10)
        unary("log1p", domain: { $0 > -1 || $0.isNaN }, Foundation.log1p)
        unary("expm1", Foundation.expm1)
        unary("sin", Foundation.sin); unary("cos", Foundation.cos); unary("tan", Foundation.tan)
        unary("asin", domain: { abs($0) <= 1 }, Foundation.asin); unary("acos", domain: { abs($0) <= 1 }, Foundation.acos)
        unary("atan", Foundation.atan)
        unary("sinh", Foundation.sinh); unary("cosh", Foundation.cosh); unary("tanh", Foundation.tanh)
        unary("fabs", Swift.abs)
        unary("degrees") { $0 * 180 / Double.pi }
        unary("radians") { $0 * Double.pi / 180 }
        unary("erf", Foundation.erf); unary("erfc", Foundation.erfc)
        unary("gamma", Foundation.tgamma); unary("lgamma", Foundation.lgamma)
        m.define("log") { a in
            let x = try a[0].asDouble()
            guard x > 0 else { throw PyException.make(.valueError, "math domain error") }
            if a.positional.count > 1 {
                let b = try a[1].asDouble()
                guard b > 0, b != 1 else { throw PyException.make(b == 1 ? .zeroDivisionError : .valueError, b == 1 ? "float division by zero" : "math domain error") }
                return .float(Foundation.log(x) / Foundation.log(b))
            }
            return .float(Foundation.log(x))
        }
        m.define("atan2") { a in .float(Foundation.atan2(try a[0].asDouble(), try a[1].asDouble())) }
        m.define("hypot") { a in .float(Foundation.sqrt(try a.positional.map { let d = try $0.asDouble(); return d * d }.reduce(0, +))) }
        m.define("pow") { a in
            let x = try a[0].asDouble(), y = try a[1].asDouble()
            if x == 0 && y < 0 { throw PyException.make(.valueError, "math domain error") }
            if x < 0 && y != y.rounded() { throw PyException.make(.valueError, "math domain error") }
            let r = Foundation.pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw PyException.make(.overflowError, "math range error") }
            return .float(r)
        }
        func rounding(_ name: String, _ rule: FloatingPointRoundingRule) {
            m.define(name) { a in
                let v = try a[0]
                if case .int = v { return v }
                if case .bool(let b) = v { return .int(b ? 1 : 0) }
                if case .object = v, let r = try Runtime.callSpecialIfPresent(v, "__\(name)__", []) { return r }
                return .int(try Builtins.floatToInt(try v.asDouble().rounded(rule)))
            }
        }
        rounding("floor", .down); rounding("ceil", .up); rounding("trunc", .towardZero)
        m.define("isnan") { a in .bool(try a[0].asDouble().isNaN) }
        m.define("isinf") { a in .bool(try a[0].asDouble().isInfinite) }
        m.define("isfinite") { a in .bool(try a[0].asDouble().isFinite) }
        m.define("isclose") { a in
            let b = try a.bind(["a", "b", "*", "rel_tol=1e-09", "abs_tol=0.0"])
            let x = try b.double("a"), y = try b.double("b")
            if x == y { return .bool(true) }
            if x.isInfinite || y.isInfinite { return .bool(false) }
            let diff = Swift.abs(x - y)
            let rel = try b.double("rel_tol"), abst = try b.double("abs_tol")
            return .bool(diff <= Swift.abs(rel * y) || diff <= Swift.abs(rel * x) || diff <= abst)
        }
        m.define("copysign") { a in .float(Foundation.copysign(try a[0].asDouble(), try a[1].asDouble())) }
        m.define("fmod") { a in
            let y = try a[1].asDouble()
            if y == 0 { throw PyException.make(.valueError, "math domain error") }
            return .float(Foundation.fmod(try a[0].asDouble(), y))
        }
        m.define("modf") { a in
            let x = try a[0].asDouble()
            let i = x.rounded(.towardZero)
            return .object(PyTuple([.float(x - i), .float(i)]))
        }
        m.define("factorial") { a in
            let n = try a[0].asInt()
            if n < 0 { throw PyException.make(.valueError, "factorial() not defined for negative values") }
            var r = 1
            if n > 1 { for i in 2...n { r = try Arithmetic.mul(r, i) } }
            return .int(r)
        }
        m.define("comb") { a in
            let n = try a[0].asInt(), k = try a[1].asInt()
            if n < 0 || k < 0 { throw PyException.make(.valueError, "n must be a non-negative integer") }
            if k > n { return .int(0) }
            var r = 1
            let kk = Swift.min(k, n - k)
            if kk > 0 { for i in 1...kk { r = try Arithmetic.mul(r, n - kk + i) / i } }
            return .int(r)
        }
        m.define("gcd") { a in
            var g: UInt = 0
            for v in a.positional {
                var x = try v.asInt().magnitude, y = g
                while y != 0 { (x, y) = (y, x % y) }
                g = x
            }
            guard g <= UInt(Int.max) else { throw Arithmetic.overflow() }
            return .int(Int(g))
        }
        m.define("prod") { a in
            let b = try a.bind(["iterable", "*", "start=1"])
            var acc = b["start"]
            try Runtime.forEach(b["iterable"]) { acc = try Runtime.binary(.multiply, acc, $0) }
            return acc
        }
        m.define("fsum") { a in
            // Neumaier summation: exact enough for the lessons (CPython uses Shewchuk's algorithm).
            var sum = 0.0, c = 0.0
            try Runtime.forEach(try a[0]) { v in
                let x = try v.asDouble()
                let t = sum + x
                if Swift.abs(sum) >= Swift.abs(x) { c += (sum - t) + x } else { c += (x - t) + sum }
                sum = t
            }
            return .float(sum + c)
        }
        m.define("dist") { a in
            let p = try Runtime.iterateToArray(try a[0]), q = try Runtime.iterateToArray(try a[1])
            var s = 0.0
            for (x, y) in zip(p, q) { let d = try x.asDouble() - y.asDouble(); s += d * d }
            return .float(Foundation.sqrt(s))
        }
        addExtras(to: m)
        return m
    }
}

enum TimeModule {
    static func make() -> PyModule {
        let m = PyModule(name: "time")
        m.define("time") { _ in .float(Date().timeIntervalSince1970) }
        m.define("perf_counter") { _ in .float(monotonic()) }
        m.define("monotonic") { _ in .float(monotonic()) }
        m.define("process_time") { _ in .float(Double(clock()) / Double(CLOCKS_PER_SEC)) }
        m.define("perf_counter_ns") { _ in .int(Int(monotonic() * 1e9)) }
        m.define("time_ns") { _ in .int(Int(Date().timeIntervalSince1970 * 1e9)) }
        m.define("sleep") { a in
            let s = try a[0].asDouble()
            if s < 0 { throw PyException.make(.valueError, "sleep length must be non-negative") }
            var left = s
            while left > 0 {
                try Interrupts.check()
                let step = Swift.min(left, 0.05)
                usleep(UInt32(step * 1e6))
                left -= step
            }
            return .none
        }
        m.define("strftime") { a in
            let fmt = try a[0].asString()
            var t = time(nil)
            var tmv = tm()
            localtime_r(&t, &tmv)
            var buf = [Int8](repeating: 0, count: 256)
            let n = strftime(&buf, 256, fmt, &tmv)
            return .str(String(decoding: buf.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return m
    }

    static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
