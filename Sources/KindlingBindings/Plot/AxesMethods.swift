import KindlingGraphics
import KindlingLanguage

/// Defines `name(self, params...)` on a matplotlib class whose instances are `T`.
func plotMethod<T: PyObject>(_ c: PyClass, _ type: T.Type, _ name: String, _ params: [String] = [],
                             _ body: @escaping (T, BoundArguments) throws -> Value) {
    let signature = Signature(parsing: ["self"] + params)
    c.define(name) { args in
        var a = args
        a.functionName = name
        return try body(try a.selfObject(T.self), try a.bind(signature))
    }
}

/// `Axes` methods; pyplot's functions of the same names call these on `gca()`.
enum AxesMethods {
    static func install(on c: PyClass) {
        plotMethod(c, AxesObject.self, "__repr__") { me, _ in .str(axesRepr(me.axes)) }
        plotMethod(c, AxesObject.self, "imshow", ["X", "cmap=None", "norm=None", "*", "aspect=None", "interpolation=None",
                                                  "alpha=None", "vmin=None", "vmax=None", "**kwargs"]) { me, b in
            try imshow(me.axes, b, defaultCmap: me.state.imageCmap)
        }
        plotMethod(c, AxesObject.self, "plot", ["*args", "**kwargs"]) { me, b in try plot(me.axes, b.varargs, b.varkw) }
        plotMethod(c, AxesObject.self, "scatter", Scatter.parameters) { me, b in try Scatter.scatter(me.axes, b) }
        plotMethod(c, AxesObject.self, "set_title", ["label", "fontdict=None", "loc=None", "pad=None", "**kwargs"]) { me, b in
            try setTitle(me.axes, b)
        }
        plotMethod(c, AxesObject.self, "get_title", ["loc='center'"]) { me, _ in .str(me.axes.title ?? "") }
        plotMethod(c, AxesObject.self, "set_xlabel", ["xlabel", "fontdict=None", "labelpad=None", "**kwargs"]) { me, b in
            let s = try Runtime.str(b["xlabel"])
            me.axes.xlabel = s
            return PlotTypes.textValue("0.5", "0", s)
        }
        plotMethod(c, AxesObject.self, "set_ylabel", ["ylabel", "fontdict=None", "labelpad=None", "**kwargs"]) { me, b in
            let s = try Runtime.str(b["ylabel"])
            me.axes.ylabel = s
            return PlotTypes.textValue("0", "0.5", s)
        }
        plotMethod(c, AxesObject.self, "get_xlabel") { me, _ in .str(me.axes.xlabel ?? "") }
        plotMethod(c, AxesObject.self, "get_ylabel") { me, _ in .str(me.axes.ylabel ?? "") }
        plotMethod(c, AxesObject.self, "legend", ["*args", "**kwargs"]) { me, b in try legend(me.axes, b) }
        plotMethod(c, AxesObject.self, "axis", ["arg=None", "**kwargs"]) { me, b in try axis(me.axes, b["arg"]) }
        plotMethod(c, AxesObject.self, "set_axis_off") { me, _ in me.axes.axisVisible = false; return .none }
        plotMethod(c, AxesObject.self, "set_axis_on") { me, _ in me.axes.axisVisible = true; return .none }
        plotMethod(c, AxesObject.self, "set_xlim", ["left=None", "right=None"]) { me, b in
            try limits(b["left"], b["right"], current: me.axes.xlim) { me.axes.xlim = $0 }
        }
        plotMethod(c, AxesObject.self, "set_ylim", ["bottom=None", "top=None"]) { me, b in
            try limits(b["bottom"], b["top"], current: me.axes.ylim) { me.axes.ylim = $0 }
        }
        for name in ["cla", "clear"] {
            plotMethod(c, AxesObject.self, name) { me, _ in me.axes.clear(); return .none }
        }
        plotMethod(c, AxesObject.self, "get_figure") { me, _ in .object(FigureObject(me.figure, state: me.state)) }
        c.defineProperty("figure", get: { v in
            guard let me = v.as(AxesObject.self) else { return .none }
            return .object(FigureObject(me.figure, state: me.state))
        })
    }

    static func imshow(_ axes: Axes, _ b: BoundArguments, defaultCmap: String?) throws -> Value {
        if !b["norm"].isNone { throw notSupported("imshow(norm=...)") }
        if !b["alpha"].isNone { throw notSupported("imshow(alpha=...)") }
        if let extra = b.varkw.first { throw notSupported("imshow(\(extra.0)=...)") }
        let cmap = try colorMapName(b["cmap"]) ?? defaultCmap
        let data = try PixelArray(b["X"]).imageData()
        try axes.imshow(data, cmap: cmap, vmin: try b.optionalDouble("vmin"), vmax: try b.optionalDouble("vmax"))
        let shape = data.channels == 1 ? "(\(data.height), \(data.width))" : "(\(data.height), \(data.width), \(data.channels))"
        return .object(ArtistObject(PlotTypes.axesImage, str: "AxesImage(shape=\(shape))"))
    }

    /// `cmap=`: None, a colour map's name, or a colour map object (its `name`).
    static func colorMapName(_ v: Value) throws -> String? {
        if v.isNone { return nil }
        if case .str(let s) = v { return s }
        if let n = try? Runtime.getAttribute(v, "name"), case .str(let s) = n { return s }
        throw pyError(.typeError, "cmap must be a str or Colormap, not \(v.typeName)")
    }

    static func setTitle(_ axes: Axes, _ b: BoundArguments) throws -> Value {
        if case .str(let loc) = b["loc"], loc != "center" { throw notSupported("set_title(loc='\(loc)')") }
        let s = try Runtime.str(b["label"])
        axes.title = s
        return PlotTypes.textValue("0.5", "1.0", s)
    }

    static func legend(_ axes: Axes, _ b: BoundArguments) throws -> Value {
        if !b.varargs.isEmpty { throw notSupported("legend() with handles or labels") }
        for (k, _) in b.varkw where !["loc", "fontsize", "frameon"].contains(k) { throw notSupported("legend(\(k)=...)") }
        axes.legend()
        return .object(ArtistObject(PlotTypes.legend, str: "Legend"))
    }

    /// `ax.axis('off')` / `'on'`; returns the limits as matplotlib does.
    static func axis(_ axes: Axes, _ arg: Value) throws -> Value {
        switch arg {
        case .none: break
        case .bool(let on): axes.axisVisible = on
        case .str("off"): axes.axisVisible = false
        case .str("on"): axes.axisVisible = true
        case .str("equal"), .str("scaled"), .str("tight"), .str("image"), .str("auto"), .str("square"): break
        case .str(let s):
            throw pyError(.valueError, "Unrecognized string \(Runtime.quoteString(s)) to axis; try 'on' or 'off'")
        default: throw notSupported("axis(\(arg.typeName))")
        }
        var box = (0.0, 1.0, 0.0, 1.0)
        if let image = axes.image {
            box = (-0.5, Double(image.data.width) - 0.5, Double(image.data.height) - 0.5, -0.5)
        } else if !axes.lines.isEmpty {
            let xs = axes.lines.flatMap { $0.x }.filter { $0.isFinite }, ys = axes.lines.flatMap { $0.y }.filter { $0.isFinite }
            if let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() {
                let dx = (x1 - x0) * 0.05, dy = (y1 - y0) * 0.05
                box = (x0 - dx, x1 + dx, y0 - dy, y1 + dy)
            }
        }
        if let x = axes.xlim { box.0 = x.lowerBound; box.1 = x.upperBound }
        if let y = axes.ylim { box.2 = y.lowerBound; box.3 = y.upperBound }
        return .object(PyTuple([.float(box.0), .float(box.1), .float(box.2), .float(box.3)]))
    }

    static func limits(_ low: Value, _ high: Value, current: ClosedRange<Double>?,
                       set: (ClosedRange<Double>) -> Void) throws -> Value {
        var lo = low, hi = high
        if let t = low.as(PyTuple.self), t.items.count == 2, high.isNone { lo = t.items[0]; hi = t.items[1] }
        let a = lo.isNone ? (current?.lowerBound ?? 0) : try lo.asDouble()
        let z = hi.isNone ? (current?.upperBound ?? 1) : try hi.asDouble()
        guard a.isFinite, z.isFinite else { throw pyError(.valueError, "Axis limits cannot be NaN or Inf") }
        guard a <= z else { throw notSupported("inverted axis limits") }
        set(a...z)
        return .object(PyTuple([.float(a), .float(z)]))
    }

    /// `plot([x], y, [fmt], x2, y2, [fmt2], ..., label=, color=, linewidth=)`.
    static func plot(_ axes: Axes, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        var label: String?, color: String?, width = 1.5, extraFormat = ""
        for (k, v) in kwargs {
            switch k {
            case "label": label = try Runtime.str(v)
            case "color", "c": color = try v.asString()
            case "linewidth", "lw": width = try v.asDouble()
            case "marker": extraFormat += try v.asString()
            case "linestyle", "ls": extraFormat += try v.asString()
            default: throw notSupported("plot(\(k)=...)")
            }
        }
        if args.isEmpty { return .object(PyList([])) }
        var lines: [Value] = []
        var i = 0
        while i < args.count {
            var x: [Double]?, y: [Double], fmt: String?
            if case .str = args[i] { throw pyError(.typeError, "plot() got a format string where data was expected") }
            if i + 1 < args.count, case .str(let f) = args[i + 1] {
                y = try PlotNumbers.doubles(args[i]); fmt = f; i += 2
            } else if i + 1 < args.count {
                x = try PlotNumbers.doubles(args[i]); y = try PlotNumbers.doubles(args[i + 1]); i += 2
                if i < args.count, case .str(let f) = args[i] { fmt = f; i += 1 }
            } else {
                y = try PlotNumbers.doubles(args[i]); i += 1
            }
            let format = (fmt ?? "") + extraFormat
            try axes.plot(x: x, y: y, format: format.isEmpty ? nil : format, label: label, color: color, lineWidth: width)
            lines.append(.object(ArtistObject(PlotTypes.line2D, str: "Line2D(\(label ?? "_child\(axes.lines.count - 1)"))")))
        }
        return .object(PyList(lines))
    }
}
