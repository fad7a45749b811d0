import KindlingEngine
import KindlingGraphics
import KindlingLanguage

/// fastai's `show_image` and `show_images` (fastai.torch_core), over pyplot's state.
enum ShowImage {
    /// `show_image(im, ax=None, figsize=None, title=None, ctx=None, **kwargs)`: draws `im` on `ax`
    /// (a new figure sized by fastai's `_fig_bounds` when none), axis off; returns the Axes.
    static func showImage(_ state: PlotState, _ b: BoundArguments) throws -> Value {
        let im = b["im"]
        var pixels = try PixelArray(im)
        if let t = im.tensorValue, let first = t.shape.first, first < 5 {
            // fastai treats a leading axis shorter than 5 as channels: im.permute(1, 2, 0).
            guard t.dim == 3 else {
                throw pyError(.runtimeError, "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = \(t.dim) is not equal to len(dims) = 3")
            }
            pixels = pixels.channelsLast()
        }
        pixels = pixels.droppingSingleChannel()
        let ax = b["ax"].isNone ? b["ctx"] : b["ax"]
        let target: AxesObject
        if ax.isNone {
            var size: (width: Double, height: Double)
            if b["figsize"].isNone {
                guard pixels.shape.count >= 2 else { throw pyError(.typeError, "Invalid shape \(pixels.shapeText) for image data") }
                size = Figure.showImageSize(height: pixels.shape[0], width: pixels.shape[1])
            } else {
                size = try PyplotModule.figsize(b["figsize"]) ?? Figure.defaultSize
            }
            let made = try state.session.subplots(figsize: size)
            target = AxesObject(made.axes[0], figure: made.figure, state: state)
        } else if let a = ax.as(AxesObject.self) {
            target = a
        } else {
            throw pyError(.attributeError, "'\(ax.typeName)' object has no attribute 'imshow'")
        }
        var cmap: String?, vmin: Double?, vmax: Double?
        for (k, v) in b.varkw {
            switch k {
            case "cmap": cmap = try AxesMethods.colorMapName(v)
            case "vmin": vmin = v.isNone ? nil : try v.asDouble()
            case "vmax": vmax = v.isNone ? nil : try v.asDouble()
            default: throw notSupported("show_image(\(k)=...)")
            }
        }
        try target.axes.imshow(try pixels.imageData(), cmap: cmap ?? state.imageCmap, vmin: vmin, vmax: vmax)
        if !b["title"].isNone { target.axes.title = try Runtime.str(b["title"]) }
        target.axes.axisVisible = false
        return .object(target)
    }

    /// `show_images(ims, nrows=1, ncols=None, titles=None, **kwargs)`: a grid of images, fastai's
    /// `subplots` sizing (3 inches per image); `kwargs` go to `subplots` (figsize=, imsize=, suptitle=).
    static func showImages(_ state: PlotState, _ b: BoundArguments, showImage: NativeFunction) throws -> Value {
        let ims = try Runtime.iterateToArray(b["ims"])
        let nrows = try b.int("nrows")
        guard nrows >= 1 else { throw pyError(.valueError, "Number of rows must be a positive integer, not \(nrows)") }
        let ncols = try b.optionalInt("ncols") ?? max(1, (ims.count + nrows - 1) / nrows)
        let titles = b["titles"].isNone ? [] : try Runtime.iterateToArray(b["titles"])
        let (_, axes) = try fastaiSubplots(state, nrows: nrows, ncols: ncols, options: b.varkw)
        for (i, im) in ims.enumerated() where i < axes.count {
            let title = i < titles.count ? titles[i] : .none
            _ = try showImage.call([im], [("ax", .object(axes[i])), ("title", title)])
        }
        return .none
    }

    /// fastai's `subplots(nrows, ncols, figsize=None, imsize=3, suptitle=None, **kwargs)`.
    static func fastaiSubplots(_ state: PlotState, nrows: Int, ncols: Int, options: [(String, Value)])
        throws -> (FigureObject, [AxesObject])
    {
        var figsize: (width: Double, height: Double)?
        var imsize = 3.0
        var suptitle: String?
        var sharey = false
        for (k, v) in options {
            switch k {
            case "figsize": figsize = try PyplotModule.figsize(v)
            case "imsize": imsize = try v.asDouble()
            case "suptitle": suptitle = v.isNone ? nil : try Runtime.str(v)
            case "sharey": sharey = try v.isTruthy()
            default: throw notSupported("subplots(\(k)=...)")
            }
        }
        let size = figsize ?? (Double(ncols) * imsize, Double(nrows) * imsize + (suptitle == nil ? 0 : 0.6))
        let made = try state.session.subplots(nrows: nrows, ncols: ncols, figsize: size, sharey: sharey)
        made.figure.suptitle = suptitle
        return (FigureObject(made.figure, state: state), made.axes.map { AxesObject($0, figure: made.figure, state: state) })
    }
}
