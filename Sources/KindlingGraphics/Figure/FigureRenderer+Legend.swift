extension FigureRenderer {
    /// A legend box like matplotlib's `loc='best'`: of the candidate corners (tried in matplotlib's order:
    /// upper right, upper left, lower left, lower right, upper centre, lower centre) the one covering
    /// the fewest plotted points.
    func drawLegend(_ entries: [LineSeries], of axes: Axes, x: AxisMapping, y: AxisMapping, frame: PixelRect,
                    scale: Int, on raster: inout Raster) {
        guard !entries.isEmpty else { return }
        let lineHeight = BitmapFont.lineHeight * scale + scale * 2
        let sample = 10 * scale * 2
        let gap = 4 * scale
        let textWidth = entries.map { BitmapFont.width(of: $0.label ?? "", scale: scale) }.max() ?? 0
        let boxWidth = gap + sample + gap + textWidth + gap
        let boxHeight = gap + lineHeight * entries.count
        let inset = gap * 2
        let leftX = frame.x + inset, rightX = frame.maxX - inset - boxWidth
        let centreX = frame.x + (frame.width - boxWidth) / 2
        let topY = frame.y + inset, bottomY = frame.maxY - inset - boxHeight
        let candidates = [(rightX, topY), (leftX, topY), (leftX, bottomY), (rightX, bottomY), (centreX, topY),
                          (centreX, bottomY)]
        let vertices = axes.lines.flatMap { line in zip(line.x, line.y).map { (x.pixel($0), y.pixel($1)) } }
        func covered(_ corner: (Int, Int)) -> Int {
            let (left, top) = (Double(corner.0), Double(corner.1))
            return vertices.reduce(0) { count, p in
                count + ((p.0 >= left && p.0 <= left + Double(boxWidth) && p.1 >= top && p.1 <= top + Double(boxHeight)) ? 1 : 0)
            }
        }
        var best = candidates[0]
        var bestCount = Int.max
        for candidate in candidates {
            let count = covered(candidate)
            if count < bestCount { best = candidate; bestCount = count }
            if count == 0 { break }
        }
        let (left, top) = best
        raster.fill(x0: left, y0: top, x1: left + boxWidth, y1: top + boxHeight, color: RGBA(255, 255, 255, 204))
        raster.strokeRect(x0: left, y0: top, x1: left + boxWidth, y1: top + boxHeight, color: RGBA(204, 204, 204))
        for (index, entry) in entries.enumerated() {
            let rowTop = top + gap + index * lineHeight
            let middle = Double(rowTop) + Double(7 * scale) / 2
            let sampleLeft = Double(left + gap)
            raster.drawLine(from: (sampleLeft, middle), to: (sampleLeft + Double(sample), middle),
                            width: points(entry.lineWidth), color: entry.color)
            raster.drawText(entry.label ?? "", x: left + gap * 2 + sample, y: rowTop, scale: scale)
        }
    }
}
