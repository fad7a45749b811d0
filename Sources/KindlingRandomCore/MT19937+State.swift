/// The raw state, for generators that save and restore it (`torch.Generator.get_state`).
extension MT19937 {
    /// The 624 state words.
    public var words: [UInt32] {
        get { state }
        set { if newValue.count == MT19937.size { state = newValue } }
    }

    /// How many words of the current block were used; 624 means the next draw twists first.
    public var position: Int {
        get { index }
        set { index = min(max(newValue, 0), MT19937.size) }
    }

    /// The number of state words (624).
    public static var wordCount: Int { size }
}
