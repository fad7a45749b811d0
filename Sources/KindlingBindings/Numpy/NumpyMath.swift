import Foundation
import KindlingData
import KindlingLanguage

/// The NumPy functions of the math: binary ufuncs with promotion, element-wise functions,
/// reductions with `axis`/`keepdims`/`ddof`, matmul, clip, round, comparisons of whole arrays.
enum NumpyMath {
    /// `a op b` for two operands, with NumPy 2's result dtype; 0-d results are scalars.
    static func apply(_ op: ArrayBinaryOp, _ a: NumpyConvert.Operand, _ b: NumpyConvert.Operand) throws -> Value {
        let type = try NumpyConvert.computeType(a, b)
        return NumpyConvert.wrap(try NDArray.binary(op, a.array.astype(type), b.array.astype(type), computeIn: type))
    }

    /// Both arguments of a module-level binary function as operands (tensors refused clearly).
    static func operands(_ x: Value, _ y: Value, function: String) throws -> (NumpyConvert.Operand, NumpyConvert.Operand) {
        guard let a = try operand(x, function: function), let b = try operand(y, function: function) else {
            throw notSupported("np.\(function) of a tensor (convert with t.numpy() first)")
        }
        return (a, b)
    }

    static func operand(_ v: Value, function: String) throws -> NumpyConvert.Operand? {
        if let o = try NumpyConvert.operand(v) { return o }
        if v.tensorValue != nil { return nil }
        throw pyError(.typeError, "unsupported operand type for np.\(function): '\(v.typeName)'")
    }

    /// An array argument (anything `np.asarray` takes).
    static func arrayArgument(_ v: Value, function: String) throws -> NDArray {
        if v.tensorValue != nil {
            if let t = v.tensorValue, t.requiresGrad {
                throw pyError(.runtimeError, "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
            }
        }
        return try NumpyConvert.array(v, dtype: nil)
    }

    static func matmul(_ a: NumpyConvert.Operand, _ other: Value) throws -> Value {
        guard let b = try NumpyConvert.operand(other) else { return Builtins.notImplemented }
        if case .array(let x) = a, case .array(let y) = b, x.ndim == 0 || y.ndim == 0 {
            throw pyError(.valueError, "matmul: Input operand \(x.ndim == 0 ? 0 : 1) does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
        }
        return NumpyConvert.wrap(try NDArray.matmul(a.array, b.array))
    }

    /// `np.dot(a, b)`: a scalar operand multiplies, otherwise as matmul for 1-D/2-D.
    static func dot(_ x: Value, _ y: Value) throws -> Value {
        let (a, b) = try operands(x, y, function: "dot")
        if a.array.ndim == 0 || b.array.ndim == 0 { return try apply(.multiply, a, b) }
        if a.array.ndim > 2 || b.array.ndim > 2 { throw notSupported("np.dot of arrays with more than 2 dimensions") }
        return NumpyConvert.wrap(try NDArray.matmul(a.array, b.array))
    }

    /// The float dtype NumPy computes `exp`, `log`... in for an input dtype.
    static func floatType(_ a: NDArray, function: String) throws -> ArrayElementType {
        if a.elementType == .bool || a.elementType == .uint8 { throw notSupported("np.\(function) of a \(a.elementType.rawValue) array (NumPy gives float16)") }
        return a.elementType == .float32 ? .float32 : .float64
    }

    static let unaryFloat: [(String, (Double) -> Double)] = [
        ("exp", { Foundation.exp($0) }), ("log", { Foundation.log($0) }), ("sqrt", { $0.squareRoot() }),
        ("tanh", { Foundation.tanh($0) }), ("sin", { Foundation.sin($0) }), ("cos", { Foundation.cos($0) }),
        ("tan", { Foundation.tan($0) }), ("log1p", { Foundation.log1p($0) }), ("expm1", { Foundation.expm1($0) }),
        ("log2", { Foundation.log2($0) }), ("log10", { Foundation.log10($0) }), ("arctan", { Foundation.atan($0) }),
        ("arcsin", { Foundation.asin($0) }), ("arccos", { Foundation.acos($0) }), ("sinh", { Foundation.sinh($0) }),
        ("cosh", { Foundation.cosh($0) }),
    ]

    /// `np.abs`: integers stay integers.
    static func absolute(_ a: NDArray) throws -> NDArray {
        if a.elementType == .bool || a.elementType == .uint8 { return a }
        return a.elementType.isFloat ? try a.mapFloat(resultType: a.elementType) { Swift.abs($0) } : try a.mapInt { $0 < 0 ? 0 &- $0 : $0 }
    }

    /// `np.floor` / `np.ceil` / `np.sign` (integers pass through floor/ceil unchanged in value).
    static func rounding(_ a: NDArray, _ rule: FloatingPointRoundingRule) throws -> NDArray {
        if !a.elementType.isFloat { return a.astype(a.elementType == .bool ? .float64 : .float64) }
        return try a.mapFloat(resultType: a.elementType) { $0.rounded(rule) }
    }

    /// `np.round(a, decimals)`: halves to even, as NumPy.
    static func round(_ a: NDArray, decimals: Int) throws -> Value {
        if !a.elementType.isFloat {
            guard decimals < 0 else { return NumpyConvert.wrap(a) }
            throw notSupported("np.round of integers with negative decimals")
        }
        let scale = Foundation.pow(10.0, Double(Swift.abs(decimals)))
        return NumpyConvert.wrap(try a.mapFloat(resultType: a.elementType) { x in
            decimals >= 0 ? (x * scale).rounded(.toNearestOrEven) / scale : (x / scale).rounded(.toNearestOrEven) * scale
        })
    }

    /// `np.clip(a, lo, hi)` / `a.clip(lo, hi)`.
    static func clip(_ a: NDArray, _ lo: Value, _ hi: Value) throws -> Value {
        if lo.isNone && hi.isNone { throw pyError(.valueError, "One of max or min must be given") }
        var result: Value = NumpyConvert.wrap(a)
        if !lo.isNone, let l = try NumpyConvert.operand(lo) {
            result = try apply(.maximum, .array(a), l)
        }
        if !hi.isNone, let h = try NumpyConvert.operand(hi), let r = result.as(NDArrayObject.self) {
            result = try apply(.minimum, .array(r.array), h)
        }
        return result
    }

    /// A reduction method or function: `axis` (int or None), `keepdims`, `ddof`; `dtype`/`out` refused.
    static func reduce(_ r: ArrayReduction, _ a: NDArray, _ b: BoundArguments) throws -> Value {
        if !b["out"].isNone { throw notSupported("out= in reductions") }
        var source = a
        if !b["dtype"].isNone, let t = try NumpyTypes.elementType(b["dtype"], function: r.rawValue) { source = a.astype(t) }
        let axisValue = b["axis"]
        if axisValue.as(PyTuple.self) != nil { throw notSupported("reductions over a tuple of axes") }
        let axis = axisValue.isNone ? nil : try axisValue.asInt()
        let keepdims = try b.bool("keepdims")
        let ddof = (r == .variance || r == .std) ? try b.int("ddof") : 0
        return NumpyConvert.wrap(try source.reduce(r, axis: axis, keepdims: keepdims, ddof: ddof))
    }

    /// `np.isclose` / `np.allclose` (rtol 1e-05, atol 1e-08, NaN unequal unless `equal_nan`).
    static func isclose(_ x: Value, _ y: Value, rtol: Double, atol: Double, equalNaN: Bool) throws -> NDArray {
        let (a, b) = try operands(x, y, function: "isclose")
        let shape = try NDArray.broadcastShape(a.array.shape, b.array.shape)
        let av = try a.array.broadcast(to: shape).doubleValues, bv = try b.array.broadcast(to: shape).doubleValues
        let out = zip(av, bv).map { p, q -> Bool in
            if p.isNaN || q.isNaN { return equalNaN && p.isNaN && q.isNaN }
            if p.isInfinite || q.isInfinite { return p == q }
            return Swift.abs(p - q) <= atol + rtol * Swift.abs(q)
        }
        return try NDArray.make(out, shape: shape)
    }

    /// `np.where(cond, x, y)` (the one-argument form returns the indices of nonzero elements).
    static func whereSelect(_ cond: Value, _ x: Value, _ y: Value) throws -> Value {
        let c = try arrayArgument(cond, function: "where")
        if x.isNone && y.isNone {
            let hits = c.int64Values.enumerated().filter { $0.element != 0 }.map { $0.offset }
            let strides = c.elementStrides
            let shapeDims = c.ndim == 0 ? [1] : c.shape
            let dims = c.ndim == 0 ? 1 : c.ndim
            let arrays = try (0..<dims).map { d -> Value in
                let coords = hits.map { Int64(($0 / (c.ndim == 0 ? 1 : strides[d])) % shapeDims[d]) }
                return .object(NDArrayObject(numpy: try NDArray.make(coords, shape: [coords.count], type: .int64)))
            }
            return .object(PyTuple(arrays))
        }
        let (a, b) = try operands(x, y, function: "where")
        let type = try NumpyConvert.computeType(a, b)
        let shape = try NDArray.broadcastShape(NDArray.broadcastShape(c.shape, a.array.shape), b.array.shape)
        let cv = try c.broadcast(to: shape).doubleValues
        let av = try a.array.astype(type).broadcast(to: shape), bv = try b.array.astype(type).broadcast(to: shape)
        if type.isFloat {
            let p = av.doubleValues, q = bv.doubleValues
            return NumpyConvert.wrap(try NDArray.make((0..<cv.count).map { cv[$0] != 0 ? p[$0] : q[$0] }, shape: shape, type: type))
        }
        let p = av.int64Values, q = bv.int64Values
        return NumpyConvert.wrap(try NDArray.make((0..<cv.count).map { cv[$0] != 0 ? p[$0] : q[$0] }, shape: shape, type: type))
    }
}
