/// Lays a figure out in character cells for the `blocks` and `ascii` protocols: each axes becomes a
/// panel (title line, then a half-block picture or a braille line plot with tick labels and legend),
/// panels sit in the figure's grid, and the figure is `figsize` x 10 columns wide (capped by the terminal).
public enum TextFigureLayout {
    /// Terminal columns per inch of figure width and rows per inch of height (cells are about 1:2).
    public static let columnsPerInch = 10.0
    public static let rowsPerInch = 5.0

    /// The whole figure as a cell canvas at most `maxColumns` wide.
    public static func canvas(for figure: Figure, maxColumns: Int, colored: Bool) -> CellCanvas {
        let gap = 2
        let budget = max(8, maxColumns)
        // The figure size sets the panel size, but a panel is never smaller than its image shown at one
        // pixel per column (fastai's show_image makes 1x1-inch figures for digits), unless the terminal is too narrow.
        var panelWidth = max(4, Int((figure.figsize.width * columnsPerInch).rounded()) / figure.ncols - gap)
        var panelHeight = max(3, Int((figure.figsize.height * rowsPerInch).rounded()) / figure.nrows - 1)
        for axes in figure.axes {
            guard let image = axes.image, axes.lines.isEmpty else { continue }
            panelWidth = max(panelWidth, image.data.width)
            panelHeight = max(panelHeight, (image.data.height + 1) / 2 + (axes.title?.isEmpty == false ? 1 : 0))
        }
        let widest = (budget - gap * (figure.ncols - 1)) / figure.ncols
        if panelWidth > widest {
            panelHeight = max(3, panelHeight * max(1, widest) / panelWidth)
            panelWidth = max(4, widest)
        }
        let sharedY = figure.sharey ? sharedYLimits(figure) : nil
        var panels: [[CellCanvas]] = []
        for r in 0..<figure.nrows {
            var row: [CellCanvas] = []
            for c in 0..<figure.ncols {
                guard let axes = figure.axes(row: r, column: c) else { continue }
                let rowHasYLabel = (0..<figure.ncols).contains { figure.axes(row: r, column: $0)?.ylabel?.isEmpty == false }
                let options = LinePanelOptions(sharedY: sharedY, reservesLabelRow: rowHasYLabel,
                                               showsYTickLabels: !(figure.sharey && c > 0), colored: colored)
                row.append(panel(for: axes, columns: panelWidth, rows: panelHeight, options: options))
            }
            panels.append(row)
        }
        // Shrink-wrap: each grid row is as tall as its tallest panel; columns keep their width.
        let titleRows = (figure.suptitle?.isEmpty == false) ? 1 : 0
        let rowHeights = panels.map { $0.map(\.height).max() ?? 0 }
        let usedWidth = figure.ncols == 1
            ? (panels.flatMap { $0 }.map(\.width).max() ?? 0)
            : panelWidth * figure.ncols + gap * (figure.ncols - 1)
        var out = CellCanvas(width: max(1, usedWidth), height: titleRows + rowHeights.reduce(0, +) + max(0, figure.nrows - 1))
        if let title = figure.suptitle, !title.isEmpty { out.writeCentered(title, x: 0, span: out.width, y: 0) }
        var y = titleRows
        for (r, row) in panels.enumerated() {
            for (c, panel) in row.enumerated() { out.place(panel, x: c * (panelWidth + gap), y: y) }
            y += rowHeights[r] + 1
        }
        return out
    }

    static func sharedYLimits(_ figure: Figure) -> ClosedRange<Double>? {
        let ys = figure.axes.flatMap { $0.lines.flatMap { $0.y } }
        return ys.isEmpty ? nil : Ticks.paddedLimits(ys)
    }

    /// One axes in at most `columns x rows` cells (an image panel is only as wide as its picture).
    static func panel(for axes: Axes, columns: Int, rows: Int, options: LinePanelOptions) -> CellCanvas {
        let title = axes.title ?? ""
        let titleRows = title.isEmpty ? 0 : 1
        let colored = options.colored
        if !axes.lines.isEmpty {
            var plot = LinePlotPanel.canvas(for: axes, columns: columns, rows: max(2, rows - titleRows), options: options)
            if titleRows == 1 { plot = withTitle(title, above: plot, width: columns) }
            return plot
        }
        if let image = axes.image, !image.data.isEmpty {
            let size = HalfBlockPicture.fittedSize(width: image.data.width, height: image.data.height,
                                                   columns: columns, rows: max(1, rows - titleRows))
            let picture = HalfBlockPicture.cells(
                colored ? image.raster(width: size.width, height: size.height)
                        : HalfBlockPicture.inkRaster(image, width: size.width, height: size.height),
                colored: colored)
            return titleRows == 1 ? withTitle(title, above: picture, width: max(picture.width, min(columns, title.count)))
                                  : picture
        }
        var empty = CellCanvas(width: min(columns, max(title.count, 1)), height: titleRows)
        if titleRows == 1 { empty.writeCentered(title, x: 0, span: empty.width, y: 0) }
        return empty
    }

    static func withTitle(_ title: String, above body: CellCanvas, width: Int) -> CellCanvas {
        var out = CellCanvas(width: max(width, body.width), height: body.height + 1)
        out.writeCentered(title, x: 0, span: out.width, y: 0)
        out.place(body, x: (out.width - body.width) / 2, y: 1)
        return out
    }
}

/// How a line-plot panel is drawn within its figure.
struct LinePanelOptions {
    /// Limits shared by all axes (`sharey=True`), if any.
    var sharedY: ClosedRange<Double>?
    /// Keep a row above the plot for y labels, so panels in one grid row line up.
    var reservesLabelRow = false
    /// matplotlib hides the y tick labels of inner columns when `sharey=True`.
    var showsYTickLabels = true
    var colored = true
}

/// A line plot in cells: y tick labels on the left, a braille plot area with a frame corner,
/// x tick labels and the x label below, then the legend.
enum LinePlotPanel {
    static func canvas(for axes: Axes, columns: Int, rows: Int, options: LinePanelOptions) -> CellCanvas {
        // There is no vertical text in a terminal: the y label gets its own row above the plot.
        let ylabel = axes.ylabel ?? ""
        guard !ylabel.isEmpty || options.reservesLabelRow else {
            return plot(for: axes, columns: columns, rows: rows, options: options)
        }
        let body = plot(for: axes, columns: columns, rows: max(2, rows - 1), options: options)
        var out = CellCanvas(width: body.width, height: body.height + 1)
        out.write(String(ylabel.prefix(body.width)), x: 0, y: 0)
        out.place(body, x: 0, y: 1)
        return out
    }

    static func plot(for axes: Axes, columns: Int, rows: Int, options: LinePanelOptions) -> CellCanvas {
        let colored = options.colored
        let xRange = axes.xlim ?? Ticks.paddedLimits(axes.lines.flatMap { $0.x })
        let yRange = axes.ylim ?? options.sharedY ?? Ticks.paddedLimits(axes.lines.flatMap { $0.y })
        let legend = axes.showsLegend ? axes.legendEntries : []
        let footerRows = 2 + (axes.xlabel?.isEmpty == false ? 1 : 0) + (legend.isEmpty ? 0 : 1)
        let plotRows = max(2, rows - footerRows)
        let yTicks = Ticks.values(low: yRange.lowerBound, high: yRange.upperBound, maxCount: max(1, min(5, plotRows / 2)))
        let yLabels = Ticks.labels(for: yTicks)
        let gutter = options.showsYTickLabels ? (yLabels.map(\.count).max() ?? 0) + 1 : 0
        let plotColumns = max(2, columns - gutter - 1)
        var braille = BrailleCanvas(columns: plotColumns, rows: plotRows)
        let xMap = AxisMapping(low: xRange.lowerBound, high: xRange.upperBound, start: 0, end: Double(braille.dotWidth - 1))
        let yMap = AxisMapping(low: yRange.lowerBound, high: yRange.upperBound, start: Double(braille.dotHeight - 1), end: 0)
        for line in axes.lines {
            var previous: (x: Double, y: Double)?
            for (vx, vy) in zip(line.x, line.y) {
                guard vx.isFinite, vy.isFinite else { previous = nil; continue }
                let point = (x: xMap.pixel(vx), y: yMap.pixel(vy))
                let maxX = Double(braille.dotWidth - 1), maxY = Double(braille.dotHeight - 1)
                let from = line.drawsLine ? (previous ?? point) : point
                if let (a, b) = SegmentClipping.clip(from, point, minX: 0, minY: 0, maxX: maxX, maxY: maxY) {
                    braille.line(from: (Int(a.x.rounded()), Int(a.y.rounded())), to: (Int(b.x.rounded()), Int(b.y.rounded())),
                                 color: colored ? line.color : nil)
                }
                previous = point
            }
        }
        var out = CellCanvas(width: gutter + 1 + plotColumns, height: plotRows + footerRows)
        for (value, label) in zip(yTicks, yLabels) {
            let row = Int((yMap.pixel(value) / 4).rounded(.down))
            guard row >= 0, row < plotRows else { continue }
            if options.showsYTickLabels {
                out.write(String(repeating: " ", count: gutter - 1 - label.count) + label, x: 0, y: row)
            }
            out[gutter, row] = TerminalCell("┤")
        }
        for row in 0..<plotRows where out[gutter, row].character == " " { out[gutter, row] = TerminalCell("│") }
        out.place(braille.cells(), x: gutter + 1, y: 0)
        // x axis: a rule with tick marks, then labels centred under them.
        let axisRow = plotRows
        out[gutter, axisRow] = TerminalCell("└")
        for column in 0..<plotColumns { out[gutter + 1 + column, axisRow] = TerminalCell("─") }
        let xTicks = Ticks.values(low: xRange.lowerBound, high: xRange.upperBound, maxCount: max(1, min(6, plotColumns / 8)))
        var labelRow = CellCanvas(width: out.width, height: 1)
        var nextFree = 0
        for (value, label) in zip(xTicks, Ticks.labels(for: xTicks)) {
            let column = gutter + 1 + Int((xMap.pixel(value) / 2).rounded(.down))
            out[column, axisRow] = TerminalCell("┬")
            let start = max(nextFree, column - label.count / 2)
            guard start + label.count <= out.width else { continue }
            labelRow.write(label, x: start, y: 0)
            nextFree = start + label.count + 1
        }
        var footer = axisRow + 1
        if footer < out.height { out.place(labelRow, x: 0, y: footer) }
        footer += 1
        if let xlabel = axes.xlabel, !xlabel.isEmpty {
            out.writeCentered(xlabel, x: gutter + 1, span: plotColumns, y: footer)
            footer += 1
        }
        if !legend.isEmpty {
            var x = gutter + 1
            for entry in legend {
                out.write("──", x: x, y: footer, foreground: colored ? entry.color : nil)
                out.write(" " + (entry.label ?? ""), x: x + 2, y: footer)
                x += 4 + (entry.label ?? "").count + 1
            }
        }
        return out
    }
}
