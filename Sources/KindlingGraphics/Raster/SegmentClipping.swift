/// Liang–Barsky clipping of a segment to an axis-aligned rectangle, in floating point, so lines with
/// far-away or huge coordinates cost only their visible part (and never overflow an integer conversion).
enum SegmentClipping {
    typealias Point = (x: Double, y: Double)

    /// The part of p-q inside [minX, maxX] x [minY, maxY], or nil when none is.
    static func clip(_ p: Point, _ q: Point, minX: Double, minY: Double, maxX: Double, maxY: Double) -> (Point, Point)? {
        guard p.x.isFinite, p.y.isFinite, q.x.isFinite, q.y.isFinite else { return nil }
        let dx = q.x - p.x, dy = q.y - p.y
        var t0 = 0.0, t1 = 1.0
        for (denominator, numerator) in [(-dx, p.x - minX), (dx, maxX - p.x), (-dy, p.y - minY), (dy, maxY - p.y)] {
            if denominator == 0 {
                if numerator < 0 { return nil }
                continue
            }
            let t = numerator / denominator
            if denominator < 0 {
                if t > t1 { return nil }
                t0 = max(t0, t)
            } else {
                if t < t0 { return nil }
                t1 = min(t1, t)
            }
        }
        guard dx.isFinite, dy.isFinite else { return nil }
        return ((p.x + t0 * dx, p.y + t0 * dy), (p.x + t1 * dx, p.y + t1 * dy))
    }
}
