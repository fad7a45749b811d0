import KindlingData
import KindlingEngine
import KindlingGraphics
import KindlingLanguage

/// Pixel values taken from a tensor, an ndarray or nested lists: a shape and row-major floats.
struct PixelArray {
    var shape: [Int]
    var values: [Float]
    /// Integer data (RGB integers are 0...255 in matplotlib, floats 0...1).
    var isInteger: Bool

    /// Reads `v` without a Python-level loop for tensors and ndarrays.
    init(_ v: Value, what: String = "image data") throws {
        if let t = v.tensorValue {
            shape = t.shape
            values = t.floatValues()
            isInteger = !t.dtype.isFloatingPoint
            return
        }
        if let a = v.as(NDArrayObject.self) {
            shape = a.array.shape
            values = a.array.toFloats()
            isInteger = a.array.dtype != .float64
            return
        }
        if v.as(PyList.self) != nil || v.as(PyTuple.self) != nil || v.as(LObject.self) != nil {  // L: fastcore's list
            var shape: [Int] = []
            var out: [Float] = []
            var sawFloat = false
            try PixelArray.flatten(v, depth: 0, shape: &shape, out: &out, sawFloat: &sawFloat)
            self.shape = shape
            self.values = out
            self.isInteger = !sawFloat
            return
        }
        throw pyError(.typeError, "Image data of dtype object cannot be converted to float")
    }

    private static func flatten(_ v: Value, depth: Int, shape: inout [Int], out: inout [Float], sawFloat: inout Bool) throws {
        if depth > 8 { throw pyError(.typeError, "Image data of dtype object cannot be converted to float") }
        switch v {
        case .int(let i): out.append(Float(i)); return
        case .bool(let b): out.append(b ? 1 : 0); return
        case .float(let d): out.append(Float(d)); sawFloat = true; return
        default: break
        }
        if let t = v.tensorValue, t.numel == 1 {
            out.append(Float(try t.item().doubleValue))
            if t.dtype.isFloatingPoint { sawFloat = true }
            return
        }
        let items: [Value]
        if let l = v.as(PyList.self) { items = l.items } else if let t = v.as(PyTuple.self) { items = t.items }
        else if let l = v.as(LObject.self) { items = l.items } else {
            throw pyError(.typeError, "Image data of dtype object cannot be converted to float")
        }
        if depth == shape.count { shape.append(items.count) } else if shape[depth] != items.count {
            throw pyError(.valueError, "setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth) dimensions.")
        }
        for item in items { try flatten(item, depth: depth + 1, shape: &shape, out: &out, sawFloat: &sawFloat) }
    }

    /// numpy's shape text: `(3, 28, 28)`, `(784,)`.
    var shapeText: String { ShapeText.tuple(shape) }

    /// matplotlib's accepted image shapes: (H, W), (H, W, 3), (H, W, 4).
    func imageData() throws -> ImageData {
        let channels: Int
        if shape.count == 2 { channels = 1 }
        else if shape.count == 3 && (shape[2] == 3 || shape[2] == 4) { channels = shape[2] }
        else { throw pyError(.typeError, "Invalid shape \(shapeText) for image data") }
        var pixels = values
        if channels > 1 && isInteger { pixels = pixels.map { $0 / 255 } }
        return try ImageData(width: shape[1], height: shape[0], channels: channels, values: pixels)
    }

    /// (C, H, W) -> (H, W, C), as `permute(1, 2, 0)` does.
    func channelsLast() -> PixelArray {
        guard shape.count == 3 else { return self }
        let (c, h, w) = (shape[0], shape[1], shape[2])
        var out = [Float](repeating: 0, count: values.count)
        for k in 0..<c { for y in 0..<h { for x in 0..<w { out[(y * w + x) * c + k] = values[(k * h + y) * w + x] } } }
        return PixelArray(shape: [h, w, c], values: out, isInteger: isInteger)
    }

    private init(shape: [Int], values: [Float], isInteger: Bool) {
        self.shape = shape; self.values = values; self.isInteger = isInteger
    }

    /// `im[..., 0]` for a trailing axis of size 1.
    func droppingSingleChannel() -> PixelArray {
        guard shape.count >= 1, shape.last == 1 else { return self }
        return PixelArray(shape: Array(shape.dropLast()), values: values, isInteger: isInteger)
    }
}

/// Numbers for `plot`: lists, tuples, ranges, 1-D tensors, ndarrays or Series.
enum PlotNumbers {
    static func doubles(_ v: Value) throws -> [Double] {
        if let r = v.as(PyRange.self) { return (0..<r.count).map { Double(r.element($0)) } }
        if let s = v.as(SeriesObject.self) { return s.series.values.toDoubles() }
        let p = try PixelArray(v, what: "plot data")
        guard p.shape.count <= 1 else {
            throw notSupported("plotting a \(p.shape.count)-D array (one line per column)")
        }
        return p.values.map(Double.init)
    }
}
