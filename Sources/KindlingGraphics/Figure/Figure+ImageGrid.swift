extension Figure {
    /// fastai's `show_images(ims, nrows=1, ncols=None, titles=None, cmap=)`: a grid of images with the
    /// axis off, `ncols` defaulting to what fits them in `nrows`, and fastai's figure size of 3 inches per
    /// image (`imsize`) unless `figsize` is given. Cells beyond the images stay empty.
    public static func imageGrid(_ images: [ImageData], titles: [String?] = [], nrows: Int = 1, ncols: Int? = nil,
                                 cmap: String? = nil, imsize: Double = 3,
                                 figsize: (width: Double, height: Double)? = nil) throws -> Figure {
        let rows = max(1, nrows)
        let columns = ncols ?? max(1, (images.count + rows - 1) / rows)
        let size = figsize ?? (Double(columns) * imsize, Double(rows) * imsize)
        let figure = try Figure(figsize: size, nrows: rows, ncols: columns)
        for (index, axes) in figure.axes.enumerated() {
            axes.axisVisible = false
            guard index < images.count else { continue }
            try axes.imshow(images[index], cmap: cmap)
            if index < titles.count { axes.title = titles[index] }
        }
        return figure
    }

    /// fastai's `show_image` figure size for an image of `height x width`: `_fig_bounds` of each side
    /// (`min(5, max(1, side // 32))` inches), width first as matplotlib expects.
    public static func showImageSize(height: Int, width: Int) -> (width: Double, height: Double) {
        func bound(_ side: Int) -> Double { Double(min(5, max(1, side / 32))) }
        return (bound(height), bound(width))
    }
}
