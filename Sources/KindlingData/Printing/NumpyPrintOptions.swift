/// NumPy's print options (`np.set_printoptions`) that Kindling's array printing honours, with
/// NumPy's defaults. One set per process, as NumPy keeps them (per context in NumPy 2, which a
/// single-threaded program never tells apart).
public struct NumpyPrintOptions: Equatable, Sendable {
    /// Digits after the point at most (`maxprec` mode: fewer when fewer round-trip).
    public var precision = 8
    /// True: never switch to scientific notation for small values (values below the precision print as 0).
    public var suppress = false
    /// Arrays with more elements than this are summarised with `...`.
    public var threshold = 1000
    /// Elements shown at each end of a summarised axis.
    public var edgeitems = 3
    /// Characters per line before wrapping.
    public var linewidth = 75

    public init() {}

    /// The options in effect.
    nonisolated(unsafe) public static var current = NumpyPrintOptions()
}
