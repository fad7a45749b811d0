import Foundation

/// NumPy's binary ufuncs with broadcasting. The caller decides the result dtype (NumPy's
/// promotion, including Python scalars' weak typing); values are computed in Int64 for integer
/// and bool computations (wrapping to the dtype's width) and in Double for floats (rounded to
/// float32 for float32 results).
public enum ArrayBinaryOp: String, Sendable {
    case add, subtract, multiply, trueDivide, floorDivide, remainder, power
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    case maximum, minimum, logicalAnd, logicalOr, bitwiseAnd, bitwiseOr, bitwiseXor

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .logicalAnd, .logicalOr: return true
        default: return false
        }
    }
}

extension NDArray {
    /// NumPy's broadcast shape of two shapes.
    public static func broadcastShape(_ a: [Int], _ b: [Int]) throws -> [Int] {
        let n = max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for i in 0..<n {
            let x = i < n - a.count ? 1 : a[i - (n - a.count)]
            let y = i < n - b.count ? 1 : b[i - (n - b.count)]
            guard x == y || x == 1 || y == 1 else {
                throw DataError.value("operands could not be broadcast together with shapes \(ShapeText.tuple(a)) \(ShapeText.tuple(b)) ")
            }
            out[i] = x == 1 ? y : x
        }
        return out
    }

    /// For each element of `target` (row-major), the flat position in this array it reads.
    public func broadcastPositions(to target: [Int]) throws -> [Int] {
        if target == shape { return Array(0..<count) }
        let pad = target.count - shape.count
        guard pad >= 0 else { throw DataError.value("cannot broadcast an array of shape \(ShapeText.tuple(shape)) to \(ShapeText.tuple(target))") }
        var strides = [Int](repeating: 0, count: target.count)
        let own = elementStrides
        for i in 0..<shape.count {
            let d = shape[i]
            guard d == target[pad + i] || d == 1 else {
                throw DataError.value("could not broadcast input array from shape \(ShapeText.tuple(shape)) into shape \(ShapeText.tuple(target))")
            }
            strides[pad + i] = d == 1 ? 0 : own[i]
        }
        return NDArray.stridedPositions(shape: target, strides: strides)
    }

    /// This array broadcast to `target` (a copy).
    public func broadcast(to target: [Int]) throws -> NDArray {
        if target == shape { return self }
        return try gathered(try broadcastPositions(to: target), shape: target)
    }

    /// `a op b` with broadcasting; `type` is the dtype the operation computes in (the promoted
    /// input type); comparisons give bool, true division of integers float64.
    public static func binary(_ op: ArrayBinaryOp, _ a: NDArray, _ b: NDArray, computeIn type: ArrayElementType) throws -> NDArray {
        let shape = try broadcastShape(a.shape, b.shape)
        let pa = try a.broadcastPositions(to: shape), pb = try b.broadcastPositions(to: shape)
        if type.isFloat || op == .trueDivide {
            let resultType: ArrayElementType = type.isFloat ? type : .float64
            let x = a.doubleValues, y = b.doubleValues
            if op.isComparison {
                return try make((0..<pa.count).map { compare(op, x[pa[$0]], y[pb[$0]]) }, shape: shape)
            }
            if [.bitwiseAnd, .bitwiseOr, .bitwiseXor].contains(op) {
                throw DataError.type("ufunc 'bitwise_\(op.rawValue.dropFirst(7).lowercased())' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
            }
            let single = resultType == .float32
            var out = [Double](repeating: 0, count: pa.count)
            for k in 0..<pa.count {
                let r = floatOp(op, x[pa[k]], y[pb[k]])
                out[k] = single ? Double(Float(r)) : r
            }
            return try NDArray(.float64(out), shape: shape, elementType: resultType)
        }
        let x = a.int64Values, y = b.int64Values
        if op.isComparison {
            return try make((0..<pa.count).map { compare(op, x[pa[$0]], y[pb[$0]]) }, shape: shape)
        }
        if op == .power, y.contains(where: { $0 < 0 }) {
            throw DataError.value("Integers to negative integer powers are not allowed.")
        }
        var out = [Int64](repeating: 0, count: pa.count)
        for k in 0..<pa.count { out[k] = type.wrap(intOp(op, x[pa[k]], y[pb[k]])) }
        if type == .bool {
            if [.add, .multiply, .maximum, .minimum, .bitwiseAnd, .bitwiseOr, .bitwiseXor].contains(op) {
                return try make(out.map { $0 != 0 }, shape: shape)
            }
            if op == .subtract {
                throw DataError.type("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
            }
        }
        return try make(out, shape: shape, type: type == .bool ? .int64 : type)
    }

    @inline(__always) static func compareOrdered<T: Comparable>(_ op: ArrayBinaryOp, _ x: T, _ y: T) -> Bool {
        switch op {
        case .equal: return x == y
        case .notEqual: return x != y
        case .less: return x < y
        case .lessEqual: return x <= y
        case .greater: return x > y
        case .greaterEqual: return x >= y
        default: return false
        }
    }

    @inline(__always) static func compare(_ op: ArrayBinaryOp, _ x: Double, _ y: Double) -> Bool {
        switch op {
        case .logicalAnd: return x != 0 && y != 0
        case .logicalOr: return x != 0 || y != 0
        default: return compareOrdered(op, x, y)
        }
    }

    @inline(__always) static func compare(_ op: ArrayBinaryOp, _ x: Int64, _ y: Int64) -> Bool {
        switch op {
        case .logicalAnd: return x != 0 && y != 0
        case .logicalOr: return x != 0 || y != 0
        default: return compareOrdered(op, x, y)
        }
    }

    /// Python-style floor division and modulo on floats, as NumPy's `floor_divide` / `remainder`.
    static func floatOp(_ op: ArrayBinaryOp, _ x: Double, _ y: Double) -> Double {
        switch op {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply: return x * y
        case .trueDivide: return x / y
        case .floorDivide:
            if y == 0 { return x == 0 || x.isNaN ? .nan : x / y }
            let m = fmod(x, y)
            var d = (x - m) / y
            if m != 0 && ((y < 0) != (m < 0)) { d -= 1 }
            if d == 0 { return (x / y < 0 ? -0.0 : 0.0) }
            let f = d.rounded(.down)
            return d - f > 0.5 ? f + 1 : f
        case .remainder:
            if y == 0 { return .nan }
            var m = fmod(x, y)
            if m != 0 { if (y < 0) != (m < 0) { m += y } } else { m = y < 0 ? -0.0 : 0.0 }
            return m
        case .power: return y == 2 ? x * x : pow(x, y)   // NumPy squares exactly; libm's pow(x, 2) can be 1 ulp off
        case .maximum: return x.isNaN || y.isNaN ? .nan : Swift.max(x, y)
        case .minimum: return x.isNaN || y.isNaN ? .nan : Swift.min(x, y)
        default: return .nan
        }
    }

    /// Integer arithmetic wrapping on overflow; division by zero gives 0, as NumPy does (it warns).
    static func intOp(_ op: ArrayBinaryOp, _ x: Int64, _ y: Int64) -> Int64 {
        switch op {
        case .add: return x &+ y
        case .subtract: return x &- y
        case .multiply: return x &* y
        case .floorDivide:
            if y == 0 || (x == Int64.min && y == -1) { return y == 0 ? 0 : x }
            let q = x / y
            return (x % y != 0 && ((x < 0) != (y < 0))) ? q - 1 : q
        case .remainder:
            if y == 0 || y == -1 { return 0 }
            let m = x % y
            return (m != 0 && ((m < 0) != (y < 0))) ? m + y : m
        case .power:
            var result: Int64 = 1, base = x, e = y
            while e > 0 { if e & 1 == 1 { result = result &* base }; base = base &* base; e >>= 1 }
            return result
        case .maximum: return Swift.max(x, y)
        case .minimum: return Swift.min(x, y)
        case .bitwiseAnd: return x & y
        case .bitwiseOr: return x | y
        case .bitwiseXor: return x ^ y
        default: return 0
        }
    }

    /// An element-wise function of one argument computed in Double (float32 results rounded).
    public func mapFloat(resultType: ArrayElementType, _ f: (Double) -> Double) throws -> NDArray {
        let single = resultType == .float32
        let out = doubleValues.map { single ? Double(Float(f($0))) : f($0) }
        return try NDArray(.float64(out), shape: shape, elementType: resultType)
    }

    /// An element-wise function of one argument on integer values (the dtype is kept).
    public func mapInt(_ f: (Int64) throws -> Int64) throws -> NDArray {
        try NDArray.make(try int64Values.map(f), shape: shape, type: elementType)
    }
}

extension NDArray {
    /// The flat positions a walk over `shape` in row-major order reads when each axis steps
    /// by `strides` elements (0 for a broadcast axis): an odometer over the indices.
    static func stridedPositions(shape: [Int], strides: [Int]) -> [Int] {
        let total = shape.reduce(1, *)
        var out = [Int](repeating: 0, count: total)
        var index = [Int](repeating: 0, count: shape.count)
        var offset = 0
        for k in 0..<total {
            out[k] = offset
            var axis = shape.count - 1
            while axis >= 0 {
                index[axis] += 1
                offset += strides[axis]
                if index[axis] < shape[axis] { break }
                offset -= strides[axis] * index[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return out
    }
}
