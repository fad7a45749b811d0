/// The pixels an `imshow` call shows: H x W scalars (coloured through a colour map), or H x W x 3 / x 4
/// colours with floats in 0...1 (matplotlib clips them).
public struct ImageData: Equatable {
    public let width: Int
    public let height: Int
    /// 1 (scalars through a colour map), 3 (RGB) or 4 (RGBA).
    public let channels: Int
    /// `height * width * channels` values, row-major from the top-left, channels last.
    public let values: [Float]

    /// Throws matplotlib's `TypeError` for a wrong channel count and a `ValueError` when the sizes disagree.
    public init(width: Int, height: Int, channels: Int = 1, values: [Float]) throws {
        guard channels == 1 || channels == 3 || channels == 4 else {
            throw GraphicsError.invalidType("Invalid shape (\(height), \(width), \(channels)) for image data")
        }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard width >= 0, height >= 0, !overflow, values.count / channels == pixels, values.count % channels == 0 else {
            throw GraphicsError.invalidValue(
                "cannot reshape array of size \(values.count) into shape (\(height),\(width)\(channels == 1 ? "" : ",\(channels)"))")
        }
        self.width = width
        self.height = height
        self.channels = channels
        self.values = values
    }

    /// A grayscale (scalar) image from rows of values.
    public init(rows: [[Float]]) throws {
        let width = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == width }) else {
            throw GraphicsError.invalidValue("setting an array element with a sequence. The requested array has an inhomogeneous shape")
        }
        try self.init(width: width, height: rows.count, values: rows.flatMap { $0 })
    }

    /// Whether there is nothing to draw.
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// "28x28" or "28x28x3", for text summaries.
    public var shapeDescription: String { channels == 1 ? "\(height)x\(width)" : "\(height)x\(width)x\(channels)" }
}

/// An image placed on an axes: its data and how scalars become colours.
public struct AxesImage: Equatable {
    public var data: ImageData
    public var colorMap: ColorMap
    public var normalization: Normalization

    /// Throws when the colour limits are invalid (`vmin > vmax`).
    public init(data: ImageData, colorMap: ColorMap, vmin: Double? = nil, vmax: Double? = nil) throws {
        self.data = data
        self.colorMap = colorMap
        self.normalization = data.channels == 1
            ? try Normalization.fitting(data.values, vmin: vmin, vmax: vmax)
            : try Normalization(vmin: 0, vmax: 1)
    }

    /// The colour of pixel (x, y) (no bounds checks beyond the data's).
    @inline(__always)
    public func color(x: Int, y: Int) -> RGBA {
        let base = (y * data.width + x) * data.channels
        if data.channels == 1 {
            return colorMap.color(for: Double(data.values[base]), normalization: normalization)
        }
        let alpha = data.channels == 4 ? Double(data.values[base + 3]) : 1
        return RGBA(unit: Double(data.values[base]), Double(data.values[base + 1]), Double(data.values[base + 2]),
                    alpha.isNaN ? 0 : alpha)
    }

    /// The image as a raster, one pixel per data pixel, or sampled (nearest neighbour) to `width x height`
    /// without building the full-size raster first.
    public func raster(width: Int? = nil, height: Int? = nil) -> Raster {
        let w = max(1, width ?? data.width), h = max(1, height ?? data.height)
        var out = Raster(width: w, height: h, background: .clear)
        guard !data.isEmpty else { return out }
        for y in 0..<h {
            let sy = min(data.height - 1, y * data.height / h)
            for x in 0..<w {
                out.pixels[y * w + x] = color(x: min(data.width - 1, x * data.width / w), y: sy)
            }
        }
        return out
    }
}
