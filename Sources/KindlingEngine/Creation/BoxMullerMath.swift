/// The float log and sine/cosine of ATen's vectorised Box-Muller (`normal_fill_16_AVX2`, which
/// uses avx_mathfun's cephes polynomials), written out per element with the same operations in
/// the same order. GCC compiles those intrinsics with multiply-adds fused (the first product of
/// a sum of two products is the fused one), so the sums here are fused the same way: the
/// normals `torch.randn` makes from a seed then equal PyTorch's bit for bit.
enum BoxMullerMath {
    private static let logCoefficients: [Float] = [
        7.0376836292E-2, -1.1514610310E-1, 1.1676998740E-1, -1.2420140846E-1, 1.4249322787E-1,
        -1.6668057665E-1, 2.0000714765E-1, -2.4999993993E-1, 3.3333331174E-1,
    ].map { (c: Double) in Float(c) }
    private static let logQ1 = Float(-2.12194440e-4 as Double)
    private static let logQ2 = Float(0.693359375 as Double)
    private static let sqrtHalf = Float(0.707106781186547524 as Double)

    /// Natural log of a positive float (NaN for x <= 0).
    static func log(_ value: Float) -> Float {
        if !(value > 0) { return .nan }
        var x = Swift.max(value, Float(bitPattern: 0x0080_0000))   // denormals cut off
        let bits = x.bitPattern
        var e = Float(Int32(bitPattern: bits >> 23) - 0x7f) + 1
        x = Float(bitPattern: (bits & ~UInt32(0x7f80_0000)) | Float(0.5).bitPattern)   // mantissa in [0.5, 1)
        if x < sqrtHalf {
            e = e - 1
            x = (x - 1) + x
        } else {
            x = x - 1
        }
        let z = x * x
        var y = logCoefficients[0]
        for c in logCoefficients.dropFirst() { y = c.addingProduct(y, x) }
        y = y * x
        y = (e * logQ1).addingProduct(y, z)
        y = y.addingProduct(-z, 0.5)
        return (x + y).addingProduct(e, logQ2)
    }

    private static let fourOverPi = Float(1.27323954473516 as Double)
    private static let dp1 = Float(-0.78515625 as Double)
    private static let dp2 = Float(-2.4187564849853515625e-4 as Double)
    private static let dp3 = Float(-3.77489497744594108e-8 as Double)
    private static let sinP0 = Float(-1.9515295891E-4 as Double), sinP1 = Float(8.3321608736E-3 as Double)
    private static let sinP2 = Float(-1.6666654611E-1 as Double)
    private static let cosP0 = Float(2.443315711809948E-005 as Double), cosP1 = Float(-1.388731625493765E-003 as Double)
    private static let cosP2 = Float(4.166664568298827E-002 as Double)

    /// Sine and cosine of a float of moderate size (|x| < 8192 keeps full precision).
    static func sinCos(_ value: Float) -> (sin: Float, cos: Float) {
        guard value.isFinite else { return (.nan, .nan) }
        var x = Swift.abs(value)
        // The octant: j = (trunc(x * 4/pi) + 1) rounded down to even.
        let j = (Int32(truncatingIfNeeded: Int64((x * fourOverPi).rounded(.towardZero))) &+ 1) & ~1
        let y = Float(j)
        let sinPolynomialIsSine = (j & 2) == 0
        let negateSin = (value.sign == .minus) != ((j & 4) != 0)
        let negateCos = (~(j &- 2) & 4) != 0
        // Extended-precision reduction: x - y * pi/4 in three parts.
        x = x.addingProduct(y, dp1)
        x = x.addingProduct(y, dp2)
        x = x.addingProduct(y, dp3)
        let z = x * x
        var c = cosP1.addingProduct(cosP0, z)
        c = cosP2.addingProduct(c, z)
        c = c * z
        c = (-(z * 0.5)).addingProduct(c, z)
        c = c + 1
        var s = sinP1.addingProduct(sinP0, z)
        s = sinP2.addingProduct(s, z)
        s = s * z
        s = x.addingProduct(s, x)
        var sine = sinPolynomialIsSine ? s : c
        var cosine = sinPolynomialIsSine ? c : s
        if negateSin { sine = -sine }
        if negateCos { cosine = -cosine }
        return (sine, cosine)
    }
}
