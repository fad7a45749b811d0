#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Elementwise loops. `out` is always a fresh contiguous tensor (or a
/// contiguous tensor being updated in place) shaped like the broadcast result;
/// inputs are read through broadcast strides. Contiguous same-shape,
/// tensor-scalar and row-broadcast cases run as flat loops.
enum ElementwiseKernel {
    @inline(__always)
    static func map2<A: TensorElement, B: TensorElement, R: TensorElement>(
        _ a: Tensor, _ b: Tensor, _ out: Tensor, _ f: (A, B) -> R
    ) {
        let n = out.numel
        let pa = a.basePointer(A.self), pb = b.basePointer(B.self), po = out.basePointer(R.self)
        let aFull = a.isContiguous && a.numel == n
        let bFull = b.isContiguous && b.numel == n
        if aFull && bFull {
            if A.self == R.self && UnsafeRawPointer(pa) == UnsafeRawPointer(po) {
                // In place (`x += y`): read through `po` itself, so the vectoriser
                // sees one buffer updated element by element rather than two
                // overlapping ones (whose overlap check sends it to scalar code).
                let pio = UnsafeMutableRawPointer(po).assumingMemoryBound(to: A.self)
                ParallelLoop.chunks(n) { r in for i in r { po[i] = f(pio[i], pb[i]) } }
                return
            }
            ParallelLoop.chunks(n) { r in for i in r { po[i] = f(pa[i], pb[i]) } }
            return
        }
        if aFull && b.numel == 1 {
            let y = pb[0]
            ParallelLoop.chunks(n) { r in for i in r { po[i] = f(pa[i], y) } }
            return
        }
        if bFull && a.numel == 1 {
            let x = pa[0]
            ParallelLoop.chunks(n) { r in for i in r { po[i] = f(x, pb[i]) } }
            return
        }
        // Row broadcast: a is the full matrix, b one contiguous row (or the reverse).
        if let last = out.shape.last, last > 0, n > 0 {
            if aFull && b.isContiguous && b.numel == last && b.shape.last == last {
                let rows = n / last
                for r in 0..<rows {
                    let base = r * last
                    for j in 0..<last { po[base + j] = f(pa[base + j], pb[j]) }
                }
                return
            }
            if bFull && a.isContiguous && a.numel == last && a.shape.last == last {
                let rows = n / last
                for r in 0..<rows {
                    let base = r * last
                    for j in 0..<last { po[base + j] = f(pa[j], pb[base + j]) }
                }
                return
            }
        }
        let sa = Shape.broadcastStrides(a.shape, a.strides, to: out.shape)
        let sb = Shape.broadcastStrides(b.shape, b.strides, to: out.shape)
        let ra = a.storage.pointer(A.self), rb = b.storage.pointer(B.self)
        StridedLoop.forEach2(out.shape, sa, a.storageOffset, sb, b.storageOffset) { i, oa, ob in
            po[i] = f(ra[oa], rb[ob])
        }
    }

    @inline(__always)
    static func map1<A: TensorElement, R: TensorElement>(_ a: Tensor, _ out: Tensor, _ f: (A) -> R) {
        let po = out.basePointer(R.self)
        if a.isContiguous {
            let pa = a.basePointer(A.self)
            ParallelLoop.chunks(out.numel) { r in for i in r { po[i] = f(pa[i]) } }
            return
        }
        let ra = a.storage.pointer(A.self)
        StridedLoop.forEach1(a.shape, a.strides, a.storageOffset) { i, oa in po[i] = f(ra[oa]) }
    }

    @inline(__always)
    static func map3<A: TensorElement, B: TensorElement, C: TensorElement, R: TensorElement>(
        _ a: Tensor, _ b: Tensor, _ c: Tensor, _ out: Tensor, _ f: (A, B, C) -> R
    ) {
        let n = out.numel
        let po = out.basePointer(R.self)
        if a.isContiguous && b.isContiguous && c.isContiguous && a.numel == n && b.numel == n && c.numel == n {
            let pa = a.basePointer(A.self), pb = b.basePointer(B.self), pc = c.basePointer(C.self)
            for i in 0..<n { po[i] = f(pa[i], pb[i], pc[i]) }
            return
        }
        let sa = Shape.broadcastStrides(a.shape, a.strides, to: out.shape)
        let sb = Shape.broadcastStrides(b.shape, b.strides, to: out.shape)
        let sc = Shape.broadcastStrides(c.shape, c.strides, to: out.shape)
        let ra = a.storage.pointer(A.self), rb = b.storage.pointer(B.self), rc = c.storage.pointer(C.self)
        StridedLoop.forEach3(out.shape, sa, a.storageOffset, sb, b.storageOffset, sc, c.storageOffset) { i, oa, ob, oc in
            po[i] = f(ra[oa], rb[ob], rc[oc])
        }
    }
}

/// Arithmetic shared by the float and integer kernels (integers wrap like PyTorch's).
protocol NumericElement: TensorElement, Comparable {
    static func plus(_ a: Self, _ b: Self) -> Self
    static func minus(_ a: Self, _ b: Self) -> Self
    static func times(_ a: Self, _ b: Self) -> Self
    static func maximum(_ a: Self, _ b: Self) -> Self
    static func minimum(_ a: Self, _ b: Self) -> Self
    var isNaNElement: Bool { get }
}

/// Float and Double: one kernel source for both, with the C math library's
/// single- or double-precision function underneath.
protocol FloatElement: NumericElement, BinaryFloatingPoint {
    static func squareRootOf(_ x: Self) -> Self
    static func power(_ x: Self, _ y: Self) -> Self
    static func exponential(_ x: Self) -> Self
    static func logarithm(_ x: Self) -> Self
    static func hyperbolicTangent(_ x: Self) -> Self
    static func sine(_ x: Self) -> Self
    static func cosine(_ x: Self) -> Self
}

/// Int32 and Int64 (wrapping arithmetic).
protocol IntElement: NumericElement, FixedWidthInteger {}

extension FloatElement {
    @inline(__always) static func plus(_ a: Self, _ b: Self) -> Self { a + b }
    @inline(__always) static func minus(_ a: Self, _ b: Self) -> Self { a - b }
    @inline(__always) static func times(_ a: Self, _ b: Self) -> Self { a * b }
    /// NaN-propagating, as torch.maximum.
    @inline(__always) static func maximum(_ a: Self, _ b: Self) -> Self { (a > b || a.isNaN) ? a : b }
    @inline(__always) static func minimum(_ a: Self, _ b: Self) -> Self { (a < b || a.isNaN) ? a : b }
    @inline(__always) var isNaNElement: Bool { isNaN }
}

extension IntElement {
    @inline(__always) static func plus(_ a: Self, _ b: Self) -> Self { a &+ b }
    @inline(__always) static func minus(_ a: Self, _ b: Self) -> Self { a &- b }
    @inline(__always) static func times(_ a: Self, _ b: Self) -> Self { a &* b }
    @inline(__always) static func maximum(_ a: Self, _ b: Self) -> Self { a > b ? a : b }
    @inline(__always) static func minimum(_ a: Self, _ b: Self) -> Self { a < b ? a : b }
    @inline(__always) var isNaNElement: Bool { false }
}

extension Float: FloatElement {
    @inline(__always) static func squareRootOf(_ x: Float) -> Float { sqrtf(x) }
    @inline(__always) static func power(_ x: Float, _ y: Float) -> Float { powf(x, y) }
    @inline(__always) static func exponential(_ x: Float) -> Float { expf(x) }
    @inline(__always) static func logarithm(_ x: Float) -> Float { logf(x) }
    @inline(__always) static func hyperbolicTangent(_ x: Float) -> Float { tanhf(x) }
    @inline(__always) static func sine(_ x: Float) -> Float { sinf(x) }
    @inline(__always) static func cosine(_ x: Float) -> Float { cosf(x) }
}

extension Double: FloatElement {
    @inline(__always) static func squareRootOf(_ x: Double) -> Double { x.squareRoot() }
    @inline(__always) static func power(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
    @inline(__always) static func exponential(_ x: Double) -> Double { Glibc.exp(x) }
    @inline(__always) static func logarithm(_ x: Double) -> Double { Glibc.log(x) }
    @inline(__always) static func hyperbolicTangent(_ x: Double) -> Double { Glibc.tanh(x) }
    @inline(__always) static func sine(_ x: Double) -> Double { Glibc.sin(x) }
    @inline(__always) static func cosine(_ x: Double) -> Double { Glibc.cos(x) }
}

extension Int64: IntElement {}
extension Int32: IntElement {}

/// Scalar math helpers with PyTorch's edge-case behaviour.
enum ScalarMath {
    @inline(__always) static func floorDiv<T: IntElement>(_ a: T, _ b: T) -> T {
        let (q, overflow) = a.dividedReportingOverflow(by: b)
        if overflow { return q }
        let r = a &- q &* b
        return (r != 0 && ((r < 0) != (b < 0))) ? q &- 1 : q
    }

    @inline(__always) static func remainder<T: IntElement>(_ a: T, _ b: T) -> T {
        let (r, overflow) = a.remainderReportingOverflow(dividingBy: b)
        if overflow { return 0 }
        return (r != 0 && ((r < 0) != (b < 0))) ? r &+ b : r
    }

    @inline(__always) static func remainder<T: FloatElement>(_ a: T, _ b: T) -> T {
        var m = a.truncatingRemainder(dividingBy: b)
        if m != 0 && ((b < 0) != (m < 0)) { m += b }
        return m
    }

    @inline(__always) static func floorDiv<T: FloatElement>(_ a: T, _ b: T) -> T {
        if b == 0 { return a / b }
        let m = a.truncatingRemainder(dividingBy: b)
        var div = (a - m) / b
        if m != 0 && ((b < 0) != (m < 0)) { div -= 1 }
        if div == 0 { return T(0).sign == (a / b).sign ? 0 : -0.0 }
        let f = div.rounded(.down)
        return (div - f > 0.5) ? f + 1 : f
    }

    /// Integer power by squaring (wrapping); exponent must be >= 0.
    @inline(__always) static func pow<T: IntElement>(_ base: T, _ exponent: T) -> T {
        var result: T = 1, b = base, e = exponent
        while e > 0 {
            if e & 1 == 1 { result = result &* b }
            b = b &* b
            e >>= 1
        }
        return result
    }

    @inline(__always) static func sigmoid<T: FloatElement>(_ x: T) -> T { 1 / (1 + T.exponential(-x)) }
}
