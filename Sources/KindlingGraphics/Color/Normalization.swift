/// Linear scaling of data to 0...1, like matplotlib's `Normalize(vmin, vmax)`.
public struct Normalization: Equatable, Sendable {
    public let vmin: Double
    public let vmax: Double

    /// Throws matplotlib's `ValueError` message when `vmin > vmax`.
    public init(vmin: Double, vmax: Double) throws {
        guard !(vmin > vmax) else { throw GraphicsError.invalidValue("minvalue must be less than or equal to maxvalue") }
        self.vmin = vmin
        self.vmax = vmax
    }

    /// What `imshow` uses: the given limits, each defaulting to the finite data's min / max
    /// (0...1 when there is no finite value at all).
    public static func fitting<C: Collection>(_ values: C, vmin: Double? = nil, vmax: Double? = nil) throws
        -> Normalization where C.Element: BinaryFloatingPoint
    {
        var low = Double.infinity
        var high = -Double.infinity
        if vmin == nil || vmax == nil {
            for value in values {
                let v = Double(value)
                guard v.isFinite else { continue }
                if v < low { low = v }
                if v > high { high = v }
            }
        }
        if low > high { low = 0; high = 1 }
        return try Normalization(vmin: vmin ?? low, vmax: vmax ?? high)
    }

    /// The value scaled to 0...1 (outside values go outside; all zero when vmin == vmax, like matplotlib).
    @inline(__always)
    public func unit(_ value: Double) -> Double {
        guard !value.isNaN else { return .nan }
        if vmin == vmax { return 0 }
        return (value - vmin) / (vmax - vmin)
    }
}
