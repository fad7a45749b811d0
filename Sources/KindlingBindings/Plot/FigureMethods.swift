import KindlingGraphics
import KindlingLanguage

/// `Figure` methods.
enum FigureMethods {
    static func install(on c: PyClass) {
        plotMethod(c, FigureObject.self, "__repr__") { me, _ in .str(figureRepr(me.figure)) }
        plotMethod(c, FigureObject.self, "__str__") { me, _ in
            let w = Int((me.figure.figsize.width * me.figure.dpi).rounded())
            let h = Int((me.figure.figsize.height * me.figure.dpi).rounded())
            return .str("Figure(\(w)x\(h))")
        }
        plotMethod(c, FigureObject.self, "savefig", ["fname", "*", "dpi=None", "**kwargs"]) { me, b in
            try save(me.figure, b)
        }
        plotMethod(c, FigureObject.self, "suptitle", ["t", "**kwargs"]) { me, b in
            let s = try Runtime.str(b["t"])
            me.figure.suptitle = s
            return PlotTypes.textValue("0.5", "0.98", s)
        }
        plotMethod(c, FigureObject.self, "set_size_inches", ["w", "h=None"]) { me, b in
            var w = b["w"], h = b["h"]
            if let t = w.as(PyTuple.self), t.items.count == 2, h.isNone { w = t.items[0]; h = t.items[1] }
            try me.figure.setSize(width: try w.asDouble(), height: try h.asDouble())
            return .none
        }
        plotMethod(c, FigureObject.self, "get_size_inches") { me, _ in
            .object(PyTuple([.float(me.figure.figsize.width), .float(me.figure.figsize.height)]))
        }
        plotMethod(c, FigureObject.self, "tight_layout", ["**kwargs"]) { _, _ in .none }
        plotMethod(c, FigureObject.self, "show", ["warn=True"]) { _, _ in .none }
        c.defineProperty("axes", get: { v in
            guard let me = v.as(FigureObject.self) else { return .none }
            return .object(PyList(me.figure.axes.map { .object(AxesObject($0, figure: me.figure, state: me.state)) }))
        })
        c.defineProperty("dpi", get: { v in .float(v.as(FigureObject.self)?.figure.dpi ?? 100) })
    }

    /// `savefig(fname, dpi=)`: PNG only; `bbox_inches`, `facecolor` and the like are accepted and ignored.
    static func save(_ figure: Figure, _ b: BoundArguments) throws -> Value {
        for (k, _) in b.varkw where !["bbox_inches", "pad_inches", "facecolor", "transparent", "format"].contains(k) {
            throw notSupported("savefig(\(k)=...)")
        }
        if let f = b.varkw.first(where: { $0.0 == "format" })?.1, case .str(let fmt) = f, fmt.lowercased() != "png" {
            throw pyError(.valueError, "Format '\(fmt)' is not supported (supported formats: png)")
        }
        var dpi: Double?
        if case .str("figure") = b["dpi"] { dpi = nil } else { dpi = try b.optionalDouble("dpi") }
        if let d = dpi, !(d.isFinite && d > 0) { throw pyError(.valueError, "dpi must be positive, not \(d)") }
        try figure.save(toPath: try PandasModule.pathString(b["fname"]), dpi: dpi)
        return .none
    }
}
