#if canImport(Glibc)
import Glibc  // links libm, which rounded(_:) calls
#endif

/// The bracketed body of a tensor's repr (`_tensor_str` in
/// torch/_tensor_str.py): nested brackets, `...` for summarized dimensions,
/// rows wrapped at the line width, blank lines between higher-dimensional
/// blocks.
struct TensorLayout<T: FormattableTensor> {
    let tensor: T
    let options: PrintOptions
    private let shape: [Int]
    /// Row-major strides of the logical index space.
    private let strides: [Int]
    private let summarize: Bool

    init(_ tensor: T, options: PrintOptions) {
        self.tensor = tensor
        self.options = options
        self.shape = tensor.shape
        var strides = [Int](repeating: 1, count: shape.count)
        var running = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = running
            running = running.multipliedReportingOverflow(by: max(shape[axis], 1)).partialValue
        }
        self.strides = strides
        self.summarize = Double(elementCount(of: shape)) > options.threshold
    }

    /// The body, e.g. `[[1., 2.],\n        [3., 4.]]`; `indent` is the
    /// column where the body starts (7 after `tensor(`).
    func body(indent: Int) -> String {
        if elementCount(of: shape) == 0 { return "[]" }
        let formatter = ElementFormatter(dtype: tensor.dtype, options: options) { visit in
            forEachShownIndex(axis: 0, offset: 0) { visit(tensor.scalar(atLogical: $0)) }
        }
        var out = ""
        render(axis: 0, offset: 0, indent: indent, formatter: formatter, into: &out)
        return out
    }

    /// Whether `axis` is cut down to its edge items.
    private func isElided(axis: Int) -> Bool {
        summarize && shape[axis] > 2 * options.edgeItems
    }

    /// The indices of `axis` that are printed, in order.
    private func shownIndices(axis: Int) -> [Int] {
        let size = shape[axis]
        guard isElided(axis: axis) else { return Array(0..<size) }
        return Array(0..<options.edgeItems) + Array((size - options.edgeItems)..<size)
    }

    /// Visits the flat index of every printed element (`get_summarized_data`).
    private func forEachShownIndex(axis: Int, offset: Int, _ body: (Int) -> Void) {
        if axis == shape.count {
            body(offset)
            return
        }
        for i in shownIndices(axis: axis) {
            forEachShownIndex(axis: axis + 1, offset: offset + i * strides[axis], body)
        }
    }

    private func render(axis: Int, offset: Int, indent: Int, formatter: ElementFormatter,
                        into out: inout String) {
        let remainingDims = shape.count - axis
        if remainingDims == 0 {
            out += formatter.format(tensor.scalar(atLogical: offset))
            return
        }
        if remainingDims == 1 {
            renderVector(axis: axis, offset: offset, indent: indent, formatter: formatter, into: &out)
            return
        }
        let separator = "," + String(repeating: "\n", count: remainingDims - 1)
            + String(repeating: " ", count: indent + 1)
        out += "["
        var first = true
        for item in itemsOf(axis: axis) {
            if !first { out += separator }
            first = false
            if let index = item {
                render(axis: axis + 1, offset: offset + index * strides[axis], indent: indent + 1,
                       formatter: formatter, into: &out)
            } else {
                out += "..."
            }
        }
        out += "]"
    }

    /// The printed indices of `axis` with `nil` where `...` stands.
    private func itemsOf(axis: Int) -> [Int?] {
        let indices = shownIndices(axis: axis)
        guard isElided(axis: axis) else { return indices }
        let edge = options.edgeItems
        return Array(indices[..<edge]) + [nil] + Array(indices[edge...])
    }

    private func renderVector(axis: Int, offset: Int, indent: Int, formatter: ElementFormatter,
                              into out: inout String) {
        let elementLength = formatter.width + 2
        let available = Double(options.lineWidth - indent) / Double(elementLength)
        let perLine = max(1, Int(available.rounded(.down)))
        let lineBreak = ",\n" + String(repeating: " ", count: indent + 1)
        out += "["
        var column = 0
        var first = true
        for item in itemsOf(axis: axis) {
            if !first { out += column == 0 ? lineBreak : ", " }
            first = false
            if let index = item {
                out += formatter.format(tensor.scalar(atLogical: offset + index * strides[axis]))
            } else {
                out += " ..."
            }
            column += 1
            if column == perLine { column = 0 }
        }
        out += "]"
    }
}

/// The number of elements of a shape, saturating instead of overflowing.
func elementCount(of shape: [Int]) -> Int {
    var count = 1
    for size in shape {
        let (product, overflow) = count.multipliedReportingOverflow(by: max(size, 0))
        count = overflow ? Int.max : product
    }
    return count
}
