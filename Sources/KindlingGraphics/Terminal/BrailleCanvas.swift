/// A dot canvas drawn with Unicode braille characters: each cell holds 2 x 4 dots, so a plot of
/// `columns x rows` cells has `2 * columns x 4 * rows` dots. Each cell takes the colour of the last line through it.
public struct BrailleCanvas {
    public let columns: Int
    public let rows: Int
    var bits: [UInt8]
    var colors: [RGBA?]

    public init(columns: Int, rows: Int) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        bits = [UInt8](repeating: 0, count: self.columns * self.rows)
        colors = [RGBA?](repeating: nil, count: self.columns * self.rows)
    }

    public var dotWidth: Int { columns * 2 }
    public var dotHeight: Int { rows * 4 }

    /// Braille dot numbering: bit for the dot at column (0, 1) and row (0...3) inside a cell.
    static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets one dot (origin top-left); dots outside are ignored.
    public mutating func set(x: Int, y: Int, color: RGBA?) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let index = (y / 4) * columns + x / 2
        bits[index] |= BrailleCanvas.dotBits[x % 2][y % 4]
        if let color { colors[index] = color }
    }

    /// A straight line between two dots (Bresenham), clipped to the canvas.
    public mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), color: RGBA?) {
        var x = a.x, y = a.y
        let dx = abs(b.x - x), dy = -abs(b.y - y)
        let sx = x < b.x ? 1 : -1, sy = y < b.y ? 1 : -1
        var error = dx + dy
        var steps = 0
        while steps <= dx - dy + 1 {
            set(x: x, y: y, color: color)
            if x == b.x && y == b.y { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
            steps += 1
        }
    }

    /// The canvas as terminal cells (empty cells are blank).
    public func cells() -> CellCanvas {
        var canvas = CellCanvas(width: columns, height: rows)
        for row in 0..<rows {
            for column in 0..<columns {
                let index = row * columns + column
                guard bits[index] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits[index])) else { continue }
                canvas[column, row] = TerminalCell(Character(scalar), foreground: colors[index])
            }
        }
        return canvas
    }
}
