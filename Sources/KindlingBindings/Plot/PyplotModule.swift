import KindlingGraphics
import KindlingLanguage

/// The modules `matplotlib`, `matplotlib.pyplot` and `fastai.vision.core` (show_image, show_images,
/// fastai's subplots), all over the importing interpreter's PlotSession.
enum PlotModules {
    static let loaders: [(String, (Interpreter) throws -> PyModule)] = [
        ("matplotlib", { interp in matplotlib(PlotState.of(interp)) }),
        ("matplotlib.pyplot", { interp in PyplotModule.make(PlotState.of(interp)) }),
        ("fastai.vision.core", { interp in fastaiVisionCore(PlotState.of(interp)) }),
    ]

    static func matplotlib(_ state: PlotState) -> PyModule {
        let m = PyModule(name: "matplotlib")
        m.define("rc") { a in try PlotRC.rc(state, a) }
        m["__version__"] = .str("3.9.2")
        m.define("use") { _ in .none }   // backends: Kindling draws inline whatever is asked
        m.define("get_backend") { _ in .str("module://matplotlib_inline.backend_inline") }
        return m
    }

    static func fastaiVisionCore(_ state: PlotState) -> PyModule {
        let m = PyModule(name: "fastai.vision.core")
        let showImage = native(m, "show_image", ["im", "ax=None", "figsize=None", "title=None", "ctx=None", "**kwargs"]) { b in
            try ShowImage.showImage(state, b)
        }
        native(m, "show_images", ["ims", "nrows=1", "ncols=None", "titles=None", "**kwargs"]) { b in
            try ShowImage.showImages(state, b, showImage: showImage)
        }
        native(m, "subplots", ["nrows=1", "ncols=1", "**kwargs"]) { b in
            let (fig, axes) = try ShowImage.fastaiSubplots(state, nrows: try b.int("nrows"), ncols: try b.int("ncols"),
                                                           options: b.varkw)
            let shape = try b.int("nrows") == 1 ? [axes.count] : [try b.int("nrows"), try b.int("ncols")]
            return .object(PyTuple([.object(fig), .object(AxesArrayObject(axes, shape: shape))]))
        }
        return m
    }

    /// Defines a module function with a Python signature; returns it.
    @discardableResult
    static func native(_ m: PyModule, _ name: String, _ params: [String],
                       _ body: @escaping (BoundArguments) throws -> Value) -> NativeFunction {
        let signature = Signature(parsing: params)
        let f = NativeFunction(name: name) { args in
            var a = args
            a.functionName = name
            return try body(try a.bind(signature))
        }
        f.signature = signature
        m[name] = .object(f)
        return f
    }
}

/// `matplotlib.pyplot`: the stateful interface (current figure and axes).
enum PyplotModule {
    static func make(_ state: PlotState) -> PyModule {
        let m = PyModule(name: "matplotlib.pyplot")
        let s = state.session
        func gca() throws -> AxesObject {
            let axes = try s.currentAxes()
            return AxesObject(axes, figure: try s.currentFigureOrNew(), state: state)
        }
        func fn(_ name: String, _ params: [String], _ body: @escaping (BoundArguments) throws -> Value) {
            PlotModules.native(m, name, params, body)
        }
        fn("figure", ["num=None", "figsize=None", "dpi=None", "**kwargs"]) { b in
            if !b["num"].isNone { throw notSupported("figure(num=...)") }
            if let k = b.varkw.first { throw notSupported("figure(\(k.0)=...)") }
            let f = try s.newFigure(figsize: try figsize(b["figsize"]), dpi: try b.optionalDouble("dpi") ?? 100)
            return .object(FigureObject(f, state: state))
        }
        fn("subplots", ["nrows=1", "ncols=1", "*", "sharex=False", "sharey=False", "squeeze=True", "figsize=None",
                        "dpi=None", "**kwargs"]) { b in
            if let k = b.varkw.first { throw notSupported("subplots(\(k.0)=...)") }
            if case .str = b["sharey"] { throw notSupported("subplots(sharey='row'/'col')") }
            let nrows = try b.int("nrows"), ncols = try b.int("ncols")
            let made = try s.subplots(nrows: nrows, ncols: ncols, figsize: try figsize(b["figsize"]),
                                      sharey: try b.bool("sharey"))
            if let dpi = try b.optionalDouble("dpi") { try made.figure.setDPI(dpi) }
            let fig = FigureObject(made.figure, state: state)
            let axes = made.axes.map { AxesObject($0, figure: made.figure, state: state) }
            let axesValue: Value
            if try b.bool("squeeze") {
                if axes.count == 1 { axesValue = .object(axes[0]) }
                else if nrows == 1 || ncols == 1 { axesValue = .object(AxesArrayObject(axes, shape: [axes.count])) }
                else { axesValue = .object(AxesArrayObject(axes, shape: [nrows, ncols])) }
            } else {
                axesValue = .object(AxesArrayObject(axes, shape: [nrows, ncols]))
            }
            return .object(PyTuple([.object(fig), axesValue]))
        }
        fn("gca", []) { _ in .object(try gca()) }
        fn("gcf", []) { _ in .object(FigureObject(try s.currentFigureOrNew(), state: state)) }
        fn("sca", ["ax"]) { b in
            guard let a = b["ax"].as(AxesObject.self) else { throw pyError(.typeError, "sca() expects an Axes") }
            s.makeCurrent(a.axes, of: a.figure)
            return .none
        }
        fn("plot", ["*args", "**kwargs"]) { b in try AxesMethods.plot(try gca().axes, b.varargs, b.varkw) }
        fn("scatter", Scatter.parameters) { b in try Scatter.scatter(try gca().axes, b) }
        fn("imshow", ["X", "cmap=None", "norm=None", "*", "aspect=None", "interpolation=None", "alpha=None",
                      "vmin=None", "vmax=None", "**kwargs"]) { b in try AxesMethods.imshow(try gca().axes, b, defaultCmap: state.imageCmap) }
        fn("title", ["label", "fontdict=None", "loc=None", "pad=None", "**kwargs"]) { b in
            try AxesMethods.setTitle(try gca().axes, b)
        }
        fn("xlabel", ["xlabel", "fontdict=None", "labelpad=None", "**kwargs"]) { b in
            let t = try Runtime.str(b["xlabel"]); try gca().axes.xlabel = t
            return PlotTypes.textValue("0.5", "0", t)
        }
        fn("ylabel", ["ylabel", "fontdict=None", "labelpad=None", "**kwargs"]) { b in
            let t = try Runtime.str(b["ylabel"]); try gca().axes.ylabel = t
            return PlotTypes.textValue("0", "0.5", t)
        }
        fn("legend", ["*args", "**kwargs"]) { b in try AxesMethods.legend(try gca().axes, b) }
        fn("axis", ["arg=None", "**kwargs"]) { b in try AxesMethods.axis(try gca().axes, b["arg"]) }
        fn("xlim", ["left=None", "right=None"]) { b in
            let a = try gca().axes
            return try AxesMethods.limits(b["left"], b["right"], current: a.xlim) { a.xlim = $0 }
        }
        fn("ylim", ["bottom=None", "top=None"]) { b in
            let a = try gca().axes
            return try AxesMethods.limits(b["bottom"], b["top"], current: a.ylim) { a.ylim = $0 }
        }
        fn("suptitle", ["t", "**kwargs"]) { b in
            let t = try Runtime.str(b["t"])
            try s.currentFigureOrNew().suptitle = t
            return PlotTypes.textValue("0.5", "0.98", t)
        }
        fn("tight_layout", ["**kwargs"]) { _ in .none }
        fn("show", ["block=None"]) { _ in state.show(); return .none }
        fn("savefig", ["fname", "*", "dpi=None", "**kwargs"]) { b in try FigureMethods.save(try s.currentFigureOrNew(), b) }
        fn("close", ["fig=None"]) { b in
            let f = b["fig"]
            switch f {
            case .none: s.close()
            case .str("all"): s.closeAll()
            default:
                guard let fo = f.as(FigureObject.self) else { throw notSupported("close(\(f.typeName))") }
                s.close(fo.figure)
            }
            return .none
        }
        fn("get_fignums", []) { _ in .object(PyList(s.figures.indices.map { .int($0 + 1) })) }
        return m
    }

    /// `figsize=(w, h)`: None or a pair of numbers.
    static func figsize(_ v: Value) throws -> (width: Double, height: Double)? {
        if v.isNone { return nil }
        let items = try Runtime.iterateToArray(v)
        guard items.count == 2 else { throw pyError(.valueError, "figure size must be a (width, height) pair") }
        return (try items[0].asDouble(), try items[1].asDouble())
    }
}
