#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// erfinv(y): the x with erf(x) = y, for `torch.erfinv`. A single-precision
/// starting point (M. Giles' published polynomial fit, "Approximating the
/// erfinv function", 2010) refined by Newton steps on the C library's erf
/// in double precision, so float64 results are accurate to an ulp or two.
enum InverseErrorFunction {
    static func value(_ y: Double) -> Double {
        if y.isNaN || Swift.abs(y) > 1 { return .nan }
        if y == 1 { return .infinity }
        if y == -1 { return -.infinity }
        if y == 0 { return y }
        var x = initialGuess(y)
        let slope = 2 / Double.pi.squareRoot()
        for _ in 0..<3 {
            let derivative = slope * Glibc.exp(-x * x)
            if derivative == 0 || !derivative.isFinite { break }
            let step = (Glibc.erf(x) - y) / derivative
            x -= step
            if Swift.abs(step) <= Swift.abs(x) * 1e-17 { break }
        }
        return x
    }

    private static func initialGuess(_ y: Double) -> Double {
        var w = -Glibc.log((1 - y) * (1 + y))
        var p: Double
        if w < 5 {
            w -= 2.5
            p = 2.81022636e-08
            for c in [3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087, -0.00125372503,
                      -0.00417768164, 0.246640727, 1.50140941] { p = c + p * w }
        } else {
            w = w.squareRoot() - 3
            p = -0.000200214257
            for c in [0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613,
                      0.00943887047, 1.00167406, 2.83297682] { p = c + p * w }
        }
        return p * y
    }
}
