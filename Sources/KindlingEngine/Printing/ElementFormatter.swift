#if canImport(Glibc)
import Glibc  // links libm, which rounded(_:) calls
#endif

/// One tensor's element formatter (`_Formatter` in torch/_tensor_str.py):
/// scans the values that will be shown once to choose the notation
/// (integer-valued `1.`, fixed `1.5000` or scientific `1.5000e+00`) and the
/// common width, then right-aligns every element to that width.
struct ElementFormatter {
    private let dtype: DType
    private let precision: Int
    private(set) var intMode = true
    private(set) var sciMode = false
    private(set) var maxWidth = 1

    /// - Parameter scan: calls its argument once per scanned element.
    init(dtype: DType, options: PrintOptions, scan: ((Scalar) -> Void) -> Void) {
        self.dtype = dtype
        self.precision = options.precision
        guard dtype.isFloatingPoint else {
            var width = 1
            scan { width = max(width, Self.plainText($0).count) }
            maxWidth = width
            return
        }

        // Nonzero finite values decide the notation; nan, inf and zeros never do.
        var count = 0
        var minimum = Double.infinity
        var maximum = 0.0
        var allIntegral = true
        scan { scalar in
            let value = scalar.doubleValue
            guard value.isFinite, value != 0 else { return }
            count += 1
            minimum = min(minimum, abs(value))
            maximum = max(maximum, abs(value))
            if allIntegral, value != value.rounded(.up) { allIntegral = false }
        }
        guard count > 0 else { return }  // torch returns early: sci_mode option ignored

        intMode = allIntegral
        let wideRange = maximum / minimum > 1000.0 || maximum > 1.0e8
        sciMode = intMode ? wideRange : (wideRange || minimum < 1.0e-4)

        let precision = self.precision
        let sci = sciMode, integral = intMode
        var width = 1
        scan { scalar in
            let value = scalar.doubleValue
            guard value.isFinite, value != 0 else { return }
            if sci {
                width = max(width, PythonFloatFormat.scientific(value, precision: precision).count)
            } else if integral {
                width = max(width, PythonFloatFormat.fixed(value, precision: 0).count + 1)
            } else {
                width = max(width, PythonFloatFormat.fixed(value, precision: precision).count)
            }
        }
        maxWidth = width
        if let forced = options.sciMode { sciMode = forced }
    }

    var width: Int { maxWidth }

    /// The element right-aligned to the common width (never truncated).
    func format(_ scalar: Scalar) -> String {
        let text: String
        if dtype.isFloatingPoint {
            let value = scalar.doubleValue
            if sciMode {
                text = PythonFloatFormat.scientific(value, precision: precision)
            } else if intMode {
                let whole = PythonFloatFormat.fixed(value, precision: 0)
                text = value.isFinite ? whole + "." : whole
            } else {
                text = PythonFloatFormat.fixed(value, precision: precision)
            }
        } else {
            text = Self.plainText(scalar)
        }
        let padding = maxWidth - text.count
        return padding > 0 ? String(repeating: " ", count: padding) + text : text
    }

    /// `'{}'.format(item)` for integer and bool elements.
    private static func plainText(_ scalar: Scalar) -> String {
        switch scalar {
        case .int(let v): return String(v)
        case .bool(let b): return b ? "True" : "False"
        case .float(let f): return PythonFloatFormat.repr(f)
        }
    }
}
