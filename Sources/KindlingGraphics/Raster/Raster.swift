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

    /// An antialiased line of the given width: pixels near the segment are covered by how far their
    /// centres lie from it (round caps). Work is proportional to the visible length times the width.
    public mutating func drawLine(from p: (x: Double, y: Double), to q: (x: Double, y: Double), width lineWidth: Double,
                                  color: RGBA, clip: PixelRect? = nil) {
        let half = min(max(lineWidth.isFinite ? lineWidth : 1, 0.5), 100) / 2
        let bounds = clip ?? PixelRect(x: 0, y: 0, width: width, height: height)
        let left = Double(max(0, bounds.x)), top = Double(max(0, bounds.y))
        let right = Double(min(width, bounds.maxX)), bottom = Double(min(height, bounds.maxY))
        guard left < right, top < bottom else { return }
        let margin = half + 2
        guard let (a, b) = SegmentClipping.clip(p, q, minX: left - margin, minY: top - margin,
                                                maxX: right + margin, maxY: bottom + margin) else { return }
        let dx = b.x - a.x, dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        let alongX = abs(dx) >= abs(dy)
        // Walk the major axis; across it, cover the band the thick line can reach at that position.
        let start = alongX ? min(a.x, b.x) : min(a.y, b.y)
        let end = alongX ? max(a.x, b.x) : max(a.y, b.y)
        let low = alongX ? left : top, high = alongX ? right : bottom
        let firstIndex = Int(max(low, (start - half - 1).rounded(.down)))
        let lastIndex = Int(min(high - 1, (end + half + 1).rounded(.up)))
        guard firstIndex <= lastIndex else { return }
        let slope = alongX ? (dx == 0 ? 0 : dy / dx) : (dy == 0 ? 0 : dx / dy)
        let spread = half * (1 + slope * slope).squareRoot() + 1.5
        let crossLow = alongX ? top : left, crossHigh = alongX ? bottom : right
        for major in firstIndex...lastIndex {
            let centre = Double(major) + 0.5
            let clamped = min(max(centre, start), end)
            let cross = alongX ? a.y + (clamped - a.x) * slope : a.x + (clamped - a.y) * slope
            let crossFirst = Int(max(crossLow, (cross - spread).rounded(.down)))
            let crossLast = Int(min(crossHigh - 1, (cross + spread).rounded(.up)))
            guard crossFirst <= crossLast else { continue }
            for minor in crossFirst...crossLast {
                let x = alongX ? major : minor, y = alongX ? minor : major
                let cx = Double(x) + 0.5, cy = Double(y) + 0.5
                var t = lengthSquared > 0 ? ((cx - a.x) * dx + (cy - a.y) * dy) / lengthSquared : 0
                t = min(max(t, 0), 1)
                let ex = a.x + t * dx - cx, ey = a.y + t * dy - cy
                let coverage = min(1, half + 0.5 - (ex * ex + ey * ey).squareRoot())
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
