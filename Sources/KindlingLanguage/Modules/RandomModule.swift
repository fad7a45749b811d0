import Foundation

enum RandomModule {
    static func make() -> PyModule {
        let m = PyModule(name: "random")
        let rng = MersenneTwister(seed: Int(Date().timeIntervalSince1970 * 1e6))
        m.define("seed") { a in
            let v = a.positional.first ?? .none
            switch v {
            case .none: rng.seed(Int(Date().timeIntervalSince1970 * 1e6))
            case .int(let i): rng.seed(i)
            case .bool(let b): rng.seed(b ? 1 : 0)
            case .float(let d): rng.seed(Int(truncatingIfNeeded: d.bitPattern))
            default: rng.seed(try HashKey(v).pythonHash)
            }
            return .none
        }
        m.define("random") { _ in .float(rng.random()) }
        m.define("getrandbits") { a in
            let k = try a[0].asInt()
            guard k >= 0, k <= 63 else { throw PyException.make(.valueError, "getrandbits() supports 0..63 bits in Kindling") }
            return .int(k == 0 ? 0 : Int(rng.bits(k)))
        }
        func randrange(_ start: Int, _ stop: Int?, _ step: Int) throws -> Int {
            guard let stop = stop else {
                if start <= 0 { throw PyException.make(.valueError, "empty range for randrange()") }
                return rng.below(start)
            }
            let width = stop - start
            if step == 1 {
                if width <= 0 { throw PyException.make(.valueError, "empty range for randrange() (\(start), \(stop), \(width))") }
                return start + rng.below(width)
            }
            if step == 0 { throw PyException.make(.valueError, "zero step for randrange()") }
            let n = step > 0 ? (width + step - 1) / step : (width + step + 1) / step
            if n <= 0 { throw PyException.make(.valueError, "empty range for randrange()") }
            return start + step * rng.below(n)
        }
        m.define("randrange") { a in
            let b = try a.bind(["start", "stop=None", "step=1"])
            return .int(try randrange(try b.int("start"), try b.optionalInt("stop"), try b.int("step")))
        }
        m.define("randint") { a in
            let lo = try a[0].asInt(), hi = try a[1].asInt()
            return .int(try randrange(lo, hi + 1, 1))
        }
        m.define("choice") { a in
            let seq = try a[0]
            let n = try Runtime.length(seq)
            if n == 0 { throw PyException.make(.indexError, "Cannot choose from an empty sequence") }
            return try Runtime.getItem(seq, .int(rng.below(n)))
        }
        m.define("shuffle") { a in
            guard let l = try a[0].as(PyList.self) else { throw PyException.make(.typeError, "shuffle() needs a list") }
            var i = l.items.count - 1
            while i >= 1 {
                let j = rng.below(i + 1)
                l.items.swapAt(i, j)
                i -= 1
            }
            return .none
        }
        m.define("sample") { a in
            let b = try a.bind(["population", "k"])
            let pop = try Runtime.iterateToArray(b["population"])
            let n = pop.count, k = try b.int("k")
            if k < 0 || k > n { throw PyException.make(.valueError, "Sample larger than population or is negative") }
            var result = [Value](repeating: .none, count: k)
            var setsize = 21
            if k > 5 { setsize += Int(Foundation.pow(4.0, Foundation.ceil(Foundation.log(Double(k * 3)) / Foundation.log(4.0)))) }
            if n <= setsize {
                var pool = pop
                for i in 0..<k {
                    let j = rng.below(n - i)
                    result[i] = pool[j]
                    pool[j] = pool[n - i - 1]
                }
            } else {
                var selected = Set<Int>()
                for i in 0..<k {
                    var j = rng.below(n)
                    while selected.contains(j) { j = rng.below(n) }
                    selected.insert(j)
                    result[i] = pop[j]
                }
            }
            return .object(PyList(result))
        }
        m.define("uniform") { a in
            let x = try a[0].asDouble(), y = try a[1].asDouble()
            return .float(x + (y - x) * rng.random())
        }
        m.define("gauss") { a in
            let b = try a.bind(["mu=0.0", "sigma=1.0"])
            var z: Double
            if let g = rng.gaussNext { z = g; rng.gaussNext = nil } else {
                let x2pi = rng.random() * 2 * Double.pi
                let g2rad = Foundation.sqrt(-2.0 * Foundation.log(1.0 - rng.random()))
                z = Foundation.cos(x2pi) * g2rad
                rng.gaussNext = Foundation.sin(x2pi) * g2rad
            }
            return .float(try b.double("mu") + z * b.double("sigma"))
        }
        return m
    }
}
