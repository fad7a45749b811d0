import Foundation
import KindlingData
import KindlingLanguage

/// `np.random`: the legacy global `RandomState` (MT19937), so `np.random.seed(42)` followed by
/// `rand`, `randn`, `randint`, `normal`, `choice`, `permutation`... gives NumPy's numbers.
enum NumpyRandom {
    /// The global state; seeded from the system until `np.random.seed` is called.
    nonisolated(unsafe) static var state = LegacyRandomState(seed: UInt32.random(in: 0...UInt32.max))

    static func make() -> PyModule {
        let m = PyModule(name: "numpy.random")
        define(m, "seed", ["seed=None"]) { b in
            if b["seed"].isNone { state.reseed(UInt32.random(in: 0...UInt32.max)); return .none }
            if b["seed"].as(NDArrayObject.self) != nil || b["seed"].as(PyList.self) != nil {
                throw notSupported("np.random.seed of a sequence")
            }
            let s = try b["seed"].asInt()
            guard s >= 0 && s <= Int(UInt32.max) else { throw pyError(.valueError, "Seed must be between 0 and 2**32 - 1") }
            state.reseed(UInt32(s))
            return .none
        }
        define(m, "rand", ["*shape"]) { b in try doubles(try b.varargs.map { try $0.asInt() }, scalarIfEmpty: true) { state.nextDouble() } }
        define(m, "randn", ["*shape"]) { b in try doubles(try b.varargs.map { try $0.asInt() }, scalarIfEmpty: true) { state.nextGauss() } }
        for name in ["random", "random_sample", "sample", "ranf"] {
            define(m, name, ["size=None"]) { b in try doubles(try size(b["size"]), scalarIfEmpty: b["size"].isNone) { state.nextDouble() } }
        }
        define(m, "standard_normal", ["size=None"]) { b in
            try doubles(try size(b["size"]), scalarIfEmpty: b["size"].isNone) { state.nextGauss() }
        }
        define(m, "normal", ["loc=0.0", "scale=1.0", "size=None"]) { b in
            let loc = try b.double("loc"), scale = try b.double("scale")
            if scale < 0 { throw pyError(.valueError, "scale < 0") }
            return try doubles(try size(b["size"]), scalarIfEmpty: b["size"].isNone) { loc + scale * state.nextGauss() }
        }
        define(m, "uniform", ["low=0.0", "high=1.0", "size=None"]) { b in
            let low = try b.double("low"), high = try b.double("high")
            return try doubles(try size(b["size"]), scalarIfEmpty: b["size"].isNone) { low + (high - low) * state.nextDouble() }
        }
        define(m, "randint", ["low", "high=None", "size=None", "dtype=None"]) { b in
            var low = Int64(try b["low"].asInt()), high: Int64
            if b["high"].isNone { high = low; low = 0 } else { high = Int64(try b["high"].asInt()) }
            guard low < high else { throw pyError(.valueError, "low >= high") }
            if !b["dtype"].isNone, try NumpyTypes.elementType(b["dtype"], function: "randint") != .int64 {
                throw notSupported("np.random.randint(dtype=...) other than int64")
            }
            let shape = try size(b["size"])
            try NumpyConvert.checkShape(shape)
            let values = (0..<shape.reduce(1, *)).map { _ in state.randomInteger(low: low, high: high) }
            if b["size"].isNone { return .int(Int(values[0])) }
            return .object(NDArrayObject(numpy: try NDArray.make(values, shape: shape, type: .int64)))
        }
        define(m, "permutation", ["x"]) { b in
            if case .int(let n) = b["x"] {
                return .object(NDArrayObject(numpy: try NDArray.make(state.permutation(n).map { Int64($0) }, shape: [max(n, 0)], type: .int64)))
            }
            let a = try NumpyConvert.array(b["x"], dtype: nil)
            return .object(NDArrayObject(numpy: try shuffled(a)))
        }
        define(m, "shuffle", ["x"]) { b in
            if let l = b["x"].as(PyList.self) {
                var i = l.items.count - 1
                while i >= 1 {
                    let j = Int(state.interval(UInt64(i)))
                    l.items.swapAt(i, j)
                    i -= 1
                }
                return .none
            }
            guard let a = b["x"].as(NDArrayObject.self) else { throw notSupported("np.random.shuffle of a \(b["x"].typeName)") }
            a.array = try shuffled(a.array)
            return .none
        }
        define(m, "choice", ["a", "size=None", "replace=True", "p=None"]) { b in
            let pool: NDArray? = b["a"].isInt ? nil : try NumpyConvert.array(b["a"], dtype: nil)
            let n = try pool.map { p -> Int in
                guard p.ndim == 1 else { throw pyError(.valueError, "a must be 1-dimensional") }
                return p.count
            } ?? b["a"].asInt()
            if n <= 0 { throw pyError(.valueError, pool == nil ? "a must be greater than 0 unless no samples are taken" : "'a' cannot be empty unless no samples are taken") }
            let shape = try size(b["size"])
            let total = shape.reduce(1, *)
            let replace = try b.bool("replace")
            if !replace && total > n {
                throw pyError(.valueError, "Cannot take a larger sample than population when 'replace=False'")
            }
            let picks: [Int]
            if b["p"].isNone {
                picks = replace ? state.choiceWithReplacement(n, size: total) : state.choiceWithoutReplacement(n, size: total)
            } else {
                let p = try NumpyChoice.probabilities(b["p"], count: n)
                picks = replace ? NumpyChoice.withReplacement(p, size: total, state: &state)
                    : try NumpyChoice.withoutReplacement(p, size: total, state: &state)
            }
            // NumPy gives a Python int for `choice(n)` without a size, the array's scalar for `choice(a)`.
            if pool == nil && b["size"].isNone, let i = picks.first { return .int(i) }
            let chosen = try pool.map { try $0.gathered(picks, shape: shape) } ?? NDArray.make(picks.map { Int64($0) }, shape: shape, type: .int64)
            return NumpyConvert.wrap(chosen)
        }
        define(m, "get_state") { _ in throw notSupported("np.random.get_state") }
        return m
    }

    /// A copy of `a` with its first axis shuffled as legacy `shuffle` does.
    private static func shuffled(_ a: NDArray) throws -> NDArray {
        guard let n = a.shape.first else { throw pyError(.valueError, "x must be an integer or at least 1-dimensional") }
        let inner = a.count / max(n, 1)
        var rows = Array(0..<n)
        var i = n - 1
        while i >= 1 {
            let j = Int(state.interval(UInt64(i)))
            rows.swapAt(i, j)
            i -= 1
        }
        return try a.gathered(rows.flatMap { r in (r * inner)..<((r + 1) * inner) }, shape: a.shape)
    }

    private static func size(_ v: Value) throws -> [Int] {
        if v.isNone { return [] }
        let s = try NumpyConvert.shape(v)
        try NumpyConvert.checkShape(s)
        return s
    }

    /// `count` draws as a float64 array of `shape`, or a Python float when no shape is asked for.
    private static func doubles(_ shape: [Int], scalarIfEmpty: Bool, _ draw: () -> Double) throws -> Value {
        try NumpyConvert.checkShape(shape)
        if shape.isEmpty && scalarIfEmpty { return .float(draw()) }
        let values = (0..<shape.reduce(1, *)).map { _ in draw() }
        return .object(NDArrayObject(numpy: try NDArray.make(values, shape: shape, type: .float64)))
    }

    private static func define(_ m: PyModule, _ name: String, _ params: [String] = [], _ body: @escaping (BoundArguments) throws -> Value) {
        let sig = Signature(parsing: params)
        m["\(name)"] = .object(NativeFunction(name: name) { args in
            var a = args
            a.functionName = name
            return try body(try a.bind(sig))
        })
    }
}

private extension Value {
    var isInt: Bool { if case .int = self { return true } else { return false } }
}
