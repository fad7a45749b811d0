/// One character cell of terminal output with optional colours (nil means the terminal's default).
public struct TerminalCell: Equatable, Sendable {
    public var character: Character
    public var foreground: RGBA?
    public var background: RGBA?

    public init(_ character: Character, foreground: RGBA? = nil, background: RGBA? = nil) {
        self.character = character
        self.foreground = foreground
        self.background = background
    }

    public static let blank = TerminalCell(" ")
}

/// A rectangle of terminal cells that pictures, plots and text are composed on, then written out
/// with SGR colour escapes (24-bit or the xterm 256-colour palette) or as plain characters.
public struct CellCanvas: Equatable, Sendable {
    public let width: Int
    public private(set) var rows: [[TerminalCell]]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.rows = [[TerminalCell]](repeating: [TerminalCell](repeating: .blank, count: max(0, width)),
                                     count: max(0, height))
    }

    public var height: Int { rows.count }

    public subscript(x: Int, y: Int) -> TerminalCell {
        get { (x >= 0 && y >= 0 && x < width && y < height) ? rows[y][x] : .blank }
        set { if x >= 0, y >= 0, x < width, y < height { rows[y][x] = newValue } }
    }

    /// Writes text from (x, y), cut off at the right edge.
    public mutating func write(_ text: String, x: Int, y: Int, foreground: RGBA? = nil) {
        for (offset, character) in text.enumerated() {
            self[x + offset, y] = TerminalCell(character, foreground: foreground)
        }
    }

    /// Writes text centred in [x, x + span).
    public mutating func writeCentered(_ text: String, x: Int, span: Int, y: Int) {
        let clipped = String(text.prefix(max(0, span)))
        write(clipped, x: x + (span - clipped.count) / 2, y: y)
    }

    /// Copies another canvas in with its top-left corner at (x, y).
    public mutating func place(_ other: CellCanvas, x: Int, y: Int) {
        for row in 0..<other.height {
            for column in 0..<other.width { self[x + column, y + row] = other.rows[row][column] }
        }
    }

    /// The lines of text, with colour escapes when `color` is given (each coloured line ends in a reset);
    /// trailing blank cells are trimmed.
    public func lines(color: TerminalColorDepth?) -> [String] {
        rows.map { row in
            var cells = row[...]
            while let last = cells.last, last == .blank { cells = cells.dropLast() }
            guard let depth = color else { return String(cells.map(\.character)) }
            var out = ""
            var current: (RGBA?, RGBA?) = (nil, nil)
            for cell in cells {
                if cell.foreground != current.0 || cell.background != current.1 {
                    // Going back to a default colour needs a reset; otherwise only the changed colour is sent.
                    let needsReset = (cell.foreground == nil && current.0 != nil) || (cell.background == nil && current.1 != nil)
                    if needsReset { out += "\u{1B}[0m" }
                    if let fg = cell.foreground, needsReset || fg != current.0 {
                        out += CellCanvas.sgr(fg, background: false, depth: depth)
                    }
                    if let bg = cell.background, needsReset || bg != current.1 {
                        out += CellCanvas.sgr(bg, background: true, depth: depth)
                    }
                    current = (cell.foreground, cell.background)
                }
                out.append(cell.character)
            }
            if current.0 != nil || current.1 != nil { out += "\u{1B}[0m" }
            return out
        }
    }

    /// The SGR escape selecting a colour.
    public static func sgr(_ color: RGBA, background: Bool, depth: TerminalColorDepth) -> String {
        switch depth {
        case .trueColor: return "\u{1B}[\(background ? 48 : 38);2;\(color.r);\(color.g);\(color.b)m"
        case .palette256: return "\u{1B}[\(background ? 48 : 38);5;\(xterm256(color))m"
        }
    }

    /// The nearest colour of the xterm 256-colour palette (6x6x6 cube 16...231 or gray ramp 232...255).
    public static func xterm256(_ color: RGBA) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func cubeIndex(_ v: UInt8) -> Int {
            let value = Int(v)
            return value < 48 ? 0 : value < 115 ? 1 : (value - 35) / 40
        }
        let ri = cubeIndex(color.r), gi = cubeIndex(color.g), bi = cubeIndex(color.b)
        let cube = (levels[ri], levels[gi], levels[bi])
        let average = (Int(color.r) + Int(color.g) + Int(color.b)) / 3
        let grayIndex = average > 238 ? 23 : max(0, (average - 3) / 10)
        let grayValue = 8 + grayIndex * 10
        func distance(_ a: (Int, Int, Int)) -> Int {
            let dr = a.0 - Int(color.r), dg = a.1 - Int(color.g), db = a.2 - Int(color.b)
            return dr * dr + dg * dg + db * db
        }
        if distance((grayValue, grayValue, grayValue)) < distance(cube) { return 232 + grayIndex }
        return 16 + 36 * ri + 6 * gi + bi
    }
}
