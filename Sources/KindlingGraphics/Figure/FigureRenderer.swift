/// Draws a `Figure` to a raster the way matplotlib lays it out: subplot grid, images with square pixels
/// (nearest neighbour), line plots with antialiased lines, frames, ticks with numbers, titles, labels, legends.
struct FigureRenderer {
    let figure: Figure
    let dpi: Double

    /// Points to pixels at this resolution.
    func points(_ value: Double) -> Double { value * dpi / 72 }
    /// Integer font scale for text of `size` points (the font's capitals are 7 pixels tall).
    func fontScale(points size: Double) -> Int { max(1, Int((points(size) / 7).rounded())) }

    func render() -> Raster {
        let size = (width: max(1, Int((figure.figsize.width * dpi).rounded())),
                    height: max(1, Int((figure.figsize.height * dpi).rounded())))
        var raster = Raster(width: size.width, height: size.height, background: .white)
        let rects = FigureLayout.subplotRects(nrows: figure.nrows, ncols: figure.ncols)
        let sharedY = figure.sharey ? sharedYLimits() : nil
        for (axes, rect) in zip(figure.axes, rects) {
            draw(axes, in: rect.pixels(in: size), sharedY: sharedY, on: &raster)
        }
        if let title = figure.suptitle, !title.isEmpty {
            drawTitle(title, centeredOn: size.width / 2, y: Int(Double(size.height) * 0.02), on: &raster)
        }
        return raster
    }

    func sharedYLimits() -> ClosedRange<Double>? {
        let ys = figure.axes.flatMap { $0.lines.flatMap { $0.y } }
        return ys.isEmpty ? nil : Ticks.paddedLimits(ys)
    }

    // MARK: - One axes

    func draw(_ axes: Axes, in cell: PixelRect, sharedY: ClosedRange<Double>?, on raster: inout Raster) {
        var frame = cell
        var xAxis = AxisMapping(low: 0, high: 1, start: Double(cell.x), end: Double(cell.maxX))
        var yAxis = AxisMapping(low: 0, high: 1, start: Double(cell.maxY), end: Double(cell.y))
        if let image = axes.image, !image.data.isEmpty, axes.lines.isEmpty {
            frame = FigureLayout.aspectFitted(cell, imageWidth: image.data.width, imageHeight: image.data.height)
            xAxis = AxisMapping(low: -0.5, high: Double(image.data.width) - 0.5,
                                start: Double(frame.x), end: Double(frame.maxX))
            yAxis = AxisMapping(low: -0.5, high: Double(image.data.height) - 0.5,
                                start: Double(frame.y), end: Double(frame.maxY))
            drawImage(image, in: frame, on: &raster)
        } else if !axes.lines.isEmpty || axes.image != nil {
            let xs = axes.lines.flatMap { $0.x }
            let ys = axes.lines.flatMap { $0.y }
            let xRange = axes.xlim ?? Ticks.paddedLimits(xs)
            let yRange = axes.ylim ?? sharedY ?? Ticks.paddedLimits(ys)
            xAxis = AxisMapping(low: xRange.lowerBound, high: xRange.upperBound,
                                start: Double(frame.x), end: Double(frame.maxX))
            yAxis = AxisMapping(low: yRange.lowerBound, high: yRange.upperBound,
                                start: Double(frame.maxY), end: Double(frame.y))
            if let image = axes.image { drawImage(image, in: frame, on: &raster) }
            for line in axes.lines { drawLine(line, x: xAxis, y: yAxis, clip: frame, on: &raster) }
        }
        let tickScale = fontScale(points: 10)
        if axes.axisVisible {
            raster.strokeRect(x0: frame.x, y0: frame.y, x1: frame.maxX, y1: frame.maxY, color: .black)
            drawTicks(x: xAxis, y: yAxis, frame: frame, scale: tickScale, axes: axes, on: &raster)
        }
        if axes.showsLegend {
            drawLegend(axes.legendEntries, of: axes, x: xAxis, y: yAxis, frame: frame, scale: tickScale, on: &raster)
        }
        if let title = axes.title, !title.isEmpty {
            let scale = titleScale(title, width: raster.width)
            drawTitle(title, centeredOn: frame.x + frame.width / 2, y: frame.y - Int(points(6)) - 7 * scale, on: &raster)
        }
    }

    /// 12-point text, smaller when that would be wider than the figure.
    func titleScale(_ title: String, width: Int) -> Int {
        var scale = fontScale(points: 12)
        while scale > 1 && BitmapFont.width(of: title, scale: scale) > width - 2 { scale -= 1 }
        return scale
    }

    /// Draws a title centred on `center` but kept inside the figure (a long title over
    /// a narrow image, or a small figure with no room above the axes, is not clipped).
    func drawTitle(_ title: String, centeredOn center: Int, y: Int, on raster: inout Raster) {
        let scale = titleScale(title, width: raster.width)
        let width = BitmapFont.width(of: title, scale: scale)
        let x = min(max(1, center - width / 2), max(0, raster.width - width - 1))
        raster.drawText(title, x: x, y: max(1, y), scale: scale)
    }

    func drawImage(_ image: AxesImage, in frame: PixelRect, on raster: inout Raster) {
        let data = image.data
        guard frame.width > 0, frame.height > 0, !data.isEmpty else { return }
        for py in 0..<frame.height {
            let sy = min(data.height - 1, py * data.height / frame.height)
            for px in 0..<frame.width {
                let sx = min(data.width - 1, px * data.width / frame.width)
                raster.plot(x: frame.x + px, y: frame.y + py, color: image.color(x: sx, y: sy))
            }
        }
    }

    func drawLine(_ line: LineSeries, x: AxisMapping, y: AxisMapping, clip: PixelRect, on raster: inout Raster) {
        let width = points(line.lineWidth)
        let markerRadius = points(3)
        var previous: (x: Double, y: Double)?
        for (vx, vy) in zip(line.x, line.y) {
            guard vx.isFinite, vy.isFinite else { previous = nil; continue }
            let point = (x: x.pixel(vx), y: y.pixel(vy))
            if line.drawsLine, width > 0 {
                if let start = previous {
                    raster.drawLine(from: start, to: point, width: width, color: line.color, clip: clip)
                } else if line.x.count == 1 {
                    raster.drawLine(from: point, to: point, width: width, color: line.color, clip: clip)
                }
            }
            if line.drawsMarkers {
                // A zero-length thick line is a filled disc.
                raster.drawLine(from: point, to: point, width: markerRadius * 2, color: line.color, clip: clip)
            }
            previous = point
        }
    }

    func drawTicks(x: AxisMapping, y: AxisMapping, frame: PixelRect, scale: Int, axes: Axes, on raster: inout Raster) {
        let tickLength = max(2, Int(points(3.5).rounded()))
        let pad = max(1, Int(points(3.5).rounded()))
        let textHeight = 7 * scale
        let yBins = min(9, max(1, frame.height / (textHeight * 2)))
        // As many x ticks as fit with their labels a character apart (matplotlib's MaxNLocator 'auto').
        var xBins = min(9, max(1, frame.width / (textHeight * 3)))
        var xTicks = Ticks.values(low: min(x.low, x.high), high: max(x.low, x.high), maxCount: xBins)
        while xBins > 1 {
            let widest = Ticks.labels(for: xTicks).map { BitmapFont.width(of: $0, scale: scale) }.max() ?? 0
            let spacing = xTicks.count > 1 ? abs(x.pixel(xTicks[1]) - x.pixel(xTicks[0])) : Double(frame.width)
            if spacing >= Double(widest + BitmapFont.advance * scale) { break }
            xBins -= 1
            xTicks = Ticks.values(low: min(x.low, x.high), high: max(x.low, x.high), maxCount: xBins)
        }
        let yTicks = Ticks.values(low: min(y.low, y.high), high: max(y.low, y.high), maxCount: yBins)
        var labelBottom = frame.maxY
        for (value, label) in zip(xTicks, Ticks.labels(for: xTicks)) {
            let px = Int(x.pixel(value).rounded(.down))
            raster.fill(x0: px, y0: frame.maxY, x1: px + 1, y1: frame.maxY + tickLength, color: .black)
            let top = frame.maxY + tickLength + pad
            raster.drawText(label, x: px - BitmapFont.width(of: label, scale: scale) / 2, y: top, scale: scale)
            labelBottom = top + textHeight
        }
        var labelLeft = frame.x
        for (value, label) in zip(yTicks, Ticks.labels(for: yTicks)) {
            let py = Int(y.pixel(value).rounded(.down))
            raster.fill(x0: frame.x - tickLength, y0: py, x1: frame.x, y1: py + 1, color: .black)
            // With sharey=True matplotlib labels the y ticks of the first column only.
            guard !(figure.sharey && axes.column > 0) else { continue }
            let left = frame.x - tickLength - pad - BitmapFont.width(of: label, scale: scale)
            raster.drawText(label, x: left, y: py - textHeight / 2, scale: scale)
            labelLeft = min(labelLeft, left)
        }
        if let xlabel = axes.xlabel, !xlabel.isEmpty {
            let left = frame.x + (frame.width - BitmapFont.width(of: xlabel, scale: scale)) / 2
            raster.drawText(xlabel, x: left, y: labelBottom + pad, scale: scale)
        }
        if let ylabel = axes.ylabel, !ylabel.isEmpty {
            let length = BitmapFont.width(of: ylabel, scale: scale)
            raster.drawText(ylabel, x: labelLeft - pad - 9 * scale, y: frame.y + (frame.height - length) / 2,
                            scale: scale, direction: .vertical)
        }
    }
}

/// Maps data values on one axis to pixel coordinates.
struct AxisMapping {
    var low: Double
    var high: Double
    var start: Double
    var end: Double

    func pixel(_ value: Double) -> Double {
        guard high != low else { return (start + end) / 2 }
        return start + (value - low) / (high - low) * (end - start)
    }
}
