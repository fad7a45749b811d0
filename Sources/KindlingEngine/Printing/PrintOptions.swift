/// PyTorch's print options (`torch.set_printoptions`), with its defaults.
public struct PrintOptions: Sendable, Equatable {
    /// Digits after the decimal point (`precision`, default 4).
    public var precision: Int
    /// Tensors with more elements than this are summarized with `...`
    /// (`threshold`, default 1000; `.infinity` never summarizes).
    public var threshold: Double
    /// Items shown at each end of a summarized dimension (`edgeitems`, default 3).
    public var edgeItems: Int
    /// Characters per line before rows wrap (`linewidth`, default 80).
    public var lineWidth: Int
    /// `true`/`false` forces scientific notation on or off; `nil` lets the
    /// formatter choose (`sci_mode`, default None).
    public var sciMode: Bool?

    public init(precision: Int = 4, threshold: Double = 1000, edgeItems: Int = 3,
                lineWidth: Int = 80, sciMode: Bool? = nil) {
        self.precision = precision
        self.threshold = threshold
        self.edgeItems = edgeItems
        self.lineWidth = lineWidth
        self.sciMode = sciMode
    }

    /// `torch.set_printoptions(profile="default")`.
    public static let `default` = PrintOptions()
    /// `profile="short"`.
    public static let short = PrintOptions(precision: 2, edgeItems: 2)
    /// `profile="full"`: never summarize.
    public static let full = PrintOptions(threshold: .infinity)

    /// The same options with values that cannot make printing misbehave
    /// (negative precision or edge items, absurdly large counts).
    var sanitized: PrintOptions {
        var copy = self
        copy.precision = min(max(0, precision), 1000)
        copy.edgeItems = min(max(0, edgeItems), 1 << 40)
        copy.lineWidth = min(max(-(1 << 40), lineWidth), 1 << 40)
        if copy.threshold.isNaN { copy.threshold = .infinity }
        return copy
    }
}
