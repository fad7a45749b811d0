import Foundation

/// NumPy's reductions along one axis or over all elements, with NumPy's result dtypes and its
/// summation order (pairwise over contiguous runs, so float results match to the last bit).
public enum ArrayReduction: String, Sendable {
    case sum, prod, mean, max, min, argmax, argmin, variance, std, any, all
}

extension NDArray {
    /// The dtype NumPy gives `reduction` of this array.
    public func reductionType(_ r: ArrayReduction) -> ArrayElementType {
        switch r {
        case .sum, .prod: return elementType.isFloat ? elementType : .int64
        case .mean, .variance, .std: return elementType.isFloat ? elementType : .float64
        case .max, .min: return elementType
        case .argmax, .argmin: return .int64
        case .any, .all: return .bool
        }
    }

    /// `a.<reduction>(axis=axis, keepdims=keepdims)`; `axis` nil reduces everything. `ddof` is
    /// for var/std.
    public func reduce(_ r: ArrayReduction, axis: Int?, keepdims: Bool = false, ddof: Int = 0) throws -> NDArray {
        let type = reductionType(r)
        let axisShape: (outer: Int, length: Int, inner: Int)
        var outShape: [Int]
        if let ax = axis {
            guard ax >= -ndim && ax < ndim else {
                throw DataError(.axisError, "axis \(ax) is out of bounds for array of dimension \(ndim)")
            }
            let a = ax < 0 ? ax + ndim : ax
            axisShape = (shape[..<a].reduce(1, *), shape[a], shape[(a + 1)...].reduce(1, *))
            outShape = shape
            if keepdims { outShape[a] = 1 } else { outShape.remove(at: a) }
        } else {
            axisShape = (1, count, 1)
            outShape = keepdims ? shape.map { _ in 1 } : []
        }
        let (outer, length, inner) = axisShape
        if length == 0 {
            switch r {
            case .max, .min, .argmax, .argmin:
                let name = r == .argmax || r == .argmin ? "attempt to get \(r.rawValue) of an empty sequence"
                    : "zero-size array to reduction operation \(r == .max ? "maximum" : "minimum") which has no identity"
                throw DataError.value(name)
            default: break
            }
        }
        var results: [Double] = []
        var intResults: [Int64] = []
        results.reserveCapacity(outer * inner)
        let useInts = !type.isFloat && r != .argmax && r != .argmin && r != .any && r != .all
        let values = doubleValues
        let ints = useInts || r == .argmax || r == .argmin ? (elementType.isFloat ? [] : int64Values) : []
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * length * inner + i
                if useInts && (r == .sum || r == .prod || r == .max || r == .min) {
                    var acc: Int64 = r == .prod ? 1 : (r == .sum ? 0 : ints.isEmpty ? 0 : ints[base])
                    for k in 0..<length {
                        let v = ints[base + k * inner]
                        switch r {
                        case .sum: acc = acc &+ v
                        case .prod: acc = acc &* v
                        case .max: acc = Swift.max(acc, v)
                        default: acc = Swift.min(acc, v)
                        }
                    }
                    intResults.append(acc)
                    continue
                }
                results.append(reduceRun(r, values, ints, base: base, length: length, stride: inner, type: type, ddof: ddof))
            }
        }
        if useInts && (r == .sum || r == .prod || r == .max || r == .min) {
            return try NDArray.make(intResults, shape: outShape, type: type)
        }
        if type == .int64 { return try NDArray.make(results.map { Int64($0) }, shape: outShape, type: .int64) }
        if type == .bool { return try NDArray.make(results.map { $0 != 0 }, shape: outShape) }
        return try NDArray.make(results, shape: outShape, type: type)
    }

    private func reduceRun(_ r: ArrayReduction, _ v: [Double], _ ints: [Int64], base: Int, length: Int, stride: Int,
                           type: ArrayElementType, ddof: Int) -> Double {
        let single = type == .float32
        func run() -> [Double] { (0..<length).map { v[base + $0 * stride] } }
        switch r {
        case .sum: return NDArray.sum(run(), single: single, contiguous: stride == 1)
        case .prod:
            var acc = 1.0
            for x in run() { acc = single ? Double(Float(acc * x)) : acc * x }
            return acc
        case .mean:
            let s = NDArray.sum(run(), single: single, contiguous: stride == 1)
            return single ? Double(Float(s / Double(length))) : s / Double(length)
        case .variance, .std:
            let xs = run()
            let s = NDArray.sum(xs, single: single, contiguous: stride == 1)
            let mean = single ? Double(Float(s / Double(length))) : s / Double(length)
            let squares = xs.map { x -> Double in
                let d = single ? Double(Float(x - mean)) : x - mean
                return single ? Double(Float(d * d)) : d * d
            }
            let n = Double(length - ddof)
            var variance = NDArray.sum(squares, single: single, contiguous: stride == 1) / n
            if n <= 0 { variance = .nan }
            if single { variance = Double(Float(variance)) }
            let result = r == .std ? variance.squareRoot() : variance
            return single ? Double(Float(result)) : result
        case .max, .min:
            var best = v[base]
            for k in 0..<length {
                let x = v[base + k * stride]
                if x.isNaN { return .nan }
                if r == .max ? x > best : x < best { best = x }
            }
            return best
        case .argmax, .argmin:
            var bestIndex = 0
            if !ints.isEmpty {
                var best = ints[base]
                for k in 0..<length where r == .argmax ? ints[base + k * stride] > best : ints[base + k * stride] < best {
                    best = ints[base + k * stride]; bestIndex = k
                }
                return Double(bestIndex)
            }
            var best = v[base]
            for k in 0..<length {
                let x = v[base + k * stride]
                if x.isNaN { return Double(k) }
                if r == .argmax ? x > best : x < best { best = x; bestIndex = k }
            }
            return Double(bestIndex)
        case .any: return run().contains { $0 != 0 } ? 1 : 0
        case .all: return run().allSatisfy { $0 != 0 } ? 1 : 0
        }
    }

    /// NumPy's summation: pairwise (blocks of 8 partial sums, split halves past 128 elements)
    /// for contiguous runs, in order otherwise; float32 sums round at every step.
    static func sum(_ xs: [Double], single: Bool, contiguous: Bool) -> Double {
        if !contiguous {
            var acc = 0.0
            for x in xs { acc = single ? Double(Float(acc + x)) : acc + x }
            return acc
        }
        return xs.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return 0 }
            return single ? Double(pairwise(base, p.count, as: Float.self)) : pairwise(base, p.count, as: Double.self)
        }
    }

    private static func pairwise<T: BinaryFloatingPoint>(_ a: UnsafePointer<Double>, _ n: Int, as: T.Type) -> T {
        if n < 8 {
            var res: T = -0.0
            for i in 0..<n { res += T(a[i]) }
            return res
        }
        if n <= 128 {
            var r = (0..<8).map { T(a[$0]) }
            var i = 8
            while i < n - (n % 8) {
                for j in 0..<8 { r[j] += T(a[i + j]) }
                i += 8
            }
            var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n { res += T(a[i]); i += 1 }
            return res
        }
        var n2 = n / 2
        n2 -= n2 % 8
        return pairwise(a, n2, as: T.self) + pairwise(a + n2, n - n2, as: T.self)
    }

    /// `np.cumsum` / `np.cumprod` along an axis (nil: of the flattened array).
    public func cumulative(product: Bool, axis: Int?) throws -> NDArray {
        let type: ArrayElementType = elementType.isFloat ? elementType : .int64
        let source = axis == nil ? try reshaped([count]) : self
        let a0 = axis ?? 0
        guard a0 >= -source.ndim && a0 < source.ndim else {
            throw DataError(.axisError, "axis \(a0) is out of bounds for array of dimension \(source.ndim)")
        }
        let a = a0 < 0 ? a0 + source.ndim : a0
        let outer = source.shape[..<a].reduce(1, *), length = source.shape[a], inner = source.shape[(a + 1)...].reduce(1, *)
        if type.isFloat {
            var v = source.doubleValues
            for o in 0..<outer { for i in 0..<inner {
                let base = o * length * inner + i
                for k in 1..<max(length, 1) {
                    let p = base + k * inner, q = base + (k - 1) * inner
                    v[p] = type.convert(product ? v[q] * v[p] : v[q] + v[p])
                }
            } }
            return try NDArray.make(v, shape: source.shape, type: type)
        }
        var v = source.int64Values
        for o in 0..<outer { for i in 0..<inner {
            let base = o * length * inner + i
            for k in 1..<max(length, 1) {
                let p = base + k * inner, q = base + (k - 1) * inner
                v[p] = product ? v[q] &* v[p] : v[q] &+ v[p]
            }
        } }
        return try NDArray.make(v, shape: source.shape, type: type)
    }
}
