/// A rectangle in figure fractions with the origin at the bottom-left, like matplotlib's `Bbox` bounds.
public struct UnitRect: Equatable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    /// The same rectangle in raster pixels (origin top-left) for a figure of `size` pixels.
    public func pixels(in size: (width: Int, height: Int)) -> PixelRect {
        let left = (x * Double(size.width)).rounded()
        let right = ((x + width) * Double(size.width)).rounded()
        let top = ((1 - y - height) * Double(size.height)).rounded()
        let bottom = ((1 - y) * Double(size.height)).rounded()
        return PixelRect(x: Int(left), y: Int(top), width: Int(right - left), height: Int(bottom - top))
    }
}

/// Where subplots go: matplotlib's default `SubplotParams` and `GridSpec.get_grid_positions`.
public enum FigureLayout {
    public static let left = 0.125, right = 0.9, bottom = 0.11, top = 0.88, wspace = 0.2, hspace = 0.2

    /// The rectangle of every cell of an `nrows x ncols` grid, row-major (what `ax.get_position()` gives
    /// before an image's aspect ratio shrinks it).
    public static func subplotRects(nrows: Int, ncols: Int) -> [UnitRect] {
        let rows = max(1, nrows), cols = max(1, ncols)
        let cellHeight = (top - bottom) / (Double(rows) + hspace * Double(rows - 1))
        let cellWidth = (right - left) / (Double(cols) + wspace * Double(cols - 1))
        var rects: [UnitRect] = []
        for r in 0..<rows {
            let cellTop = top - Double(r) * cellHeight * (1 + hspace)
            for c in 0..<cols {
                let cellLeft = left + Double(c) * cellWidth * (1 + wspace)
                rects.append(UnitRect(x: cellLeft, y: cellTop - cellHeight, width: cellWidth, height: cellHeight))
            }
        }
        return rects
    }

    /// The part of `rect` an image of `imageWidth x imageHeight` data pixels fills with square pixels
    /// (matplotlib's `aspect='equal'` with anchor 'C'), for a figure of the given pixel size.
    public static func aspectFitted(_ rect: PixelRect, imageWidth: Int, imageHeight: Int) -> PixelRect {
        guard imageWidth > 0, imageHeight > 0, rect.width > 0, rect.height > 0 else { return rect }
        let imageAspect = Double(imageHeight) / Double(imageWidth)
        let boxAspect = Double(rect.height) / Double(rect.width)
        if imageAspect < boxAspect {
            let height = max(1, Int((Double(rect.width) * imageAspect).rounded()))
            return PixelRect(x: rect.x, y: rect.y + (rect.height - height) / 2, width: rect.width, height: height)
        }
        let width = max(1, Int((Double(rect.height) / imageAspect).rounded()))
        return PixelRect(x: rect.x + (rect.width - width) / 2, y: rect.y, width: width, height: rect.height)
    }
}
