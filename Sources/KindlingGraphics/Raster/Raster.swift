/// An RGBA pixel buffer, rows top to bottom, with the drawing operations figures need.
public struct Raster: Equatable {
    public let width: Int
    public let height: Int
    /// `width * height` pixels, row-major from the top-left corner.
    public var pixels: [RGBA]

    /// A raster filled with `background` (sizes below 1 become 1 so a raster is never empty).
    public init(width: Int, height: Int, background: RGBA = .white) {
        self.width = max(1, width)
        self.height = max(1, height)
        self.pixels = [RGBA](repeating: background, count: self.width * self.height)
    }

    /// The pixel at (x, y), or nil outside the raster.
    public func pixel(x: Int, y: Int) -> RGBA? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return pixels[y * width + x]
    }

    /// Paints one pixel (blending by alpha and coverage); silently ignores pixels outside.
    @inline(__always)
    public mutating func plot(x: Int, y: Int, color: RGBA, coverage: Double = 1) {
        guard x >= 0, y >= 0, x < width, y < height, coverage > 0 else { return }
        let i = y * width + x
        if color.a == 255 && coverage >= 1 {
            pixels[i] = color
        } else {
            pixels[i] = color.blended(over: pixels[i], coverage: coverage)
        }
    }

    /// Fills the rectangle [x0, x1) x [y0, y1), clipped to the raster.
    public mutating func fill(x0: Int, y0: Int, x1: Int, y1: Int, color: RGBA) {
        let left = max(0, x0), right = min(width, x1), top = max(0, y0), bottom = min(height, y1)
        guard left < right, top < bottom else { return }
        for y in top..<bottom {
            for x in left..<right { plot(x: x, y: y, color: color) }
        }
    }

    /// A one-pixel rectangle outline around [x0, x1) x [y0, y1).
    public mutating func strokeRect(x0: Int, y0: Int, x1: Int, y1: Int, color: RGBA) {
        fill(x0: x0, y0: y0, x1: x1, y1: y0 + 1, color: color)
        fill(x0: x0, y0: y1 - 1, x1: x1, y1: y1, color: color)
        fill(x0: x0, y0: y0, x1: x0 + 1, y1: y1, color: color)
        fill(x0: x1 - 1, y0: y0, x1: x1, y1: y1, color: color)
    }

    /// An antialiased line of the given width: each pixel in the segment's neighbourhood is covered
    /// by how far its centre lies from the segment (round caps). Optional clip rectangle in pixels.
    public mutating func drawLine(from p: (x: Double, y: Double), to q: (x: Double, y: Double), width lineWidth: Double,
                                  color: RGBA, clip: PixelRect? = nil) {
        guard p.x.isFinite, p.y.isFinite, q.x.isFinite, q.y.isFinite else { return }
        let half = max(lineWidth, 0.5) / 2
        let bounds = clip ?? PixelRect(x: 0, y: 0, width: width, height: height)
        let minX = max(bounds.x, max(0, Int((min(p.x, q.x) - half - 1).rounded(.down))))
        let maxX = min(bounds.x + bounds.width - 1, min(width - 1, Int(min(max(p.x, q.x) + half + 1, 1e9).rounded(.up))))
        let minY = max(bounds.y, max(0, Int((min(p.y, q.y) - half - 1).rounded(.down))))
        let maxY = min(bounds.y + bounds.height - 1, min(height - 1, Int(min(max(p.y, q.y) + half + 1, 1e9).rounded(.up))))
        guard minX <= maxX, minY <= maxY else { return }
        let dx = q.x - p.x, dy = q.y - p.y
        let lengthSquared = dx * dx + dy * dy
        for y in minY...maxY {
            let cy = Double(y) + 0.5
            for x in minX...maxX {
                let cx = Double(x) + 0.5
                var t = lengthSquared > 0 ? ((cx - p.x) * dx + (cy - p.y) * dy) / lengthSquared : 0
                t = min(max(t, 0), 1)
                let ex = p.x + t * dx - cx, ey = p.y + t * dy - cy
                let distance = (ex * ex + ey * ey).squareRoot()
                let coverage = min(1, half + 0.5 - distance)
                if coverage > 0 { plot(x: x, y: y, color: color, coverage: coverage) }
            }
        }
    }

    /// Copies another raster in with its top-left corner at (x, y), blending by alpha.
    public mutating func draw(_ other: Raster, atX x: Int, y: Int) {
        for row in 0..<other.height {
            for column in 0..<other.width {
                plot(x: x + column, y: y + row, color: other.pixels[row * other.width + column])
            }
        }
    }
}

/// An integer rectangle in raster pixels, origin top-left.
public struct PixelRect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}
