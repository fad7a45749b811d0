import Foundation
import KindlingBindings
import KindlingData
import KindlingEngine
import KindlingGraphics
import KindlingLanguage

/// What `%inspect t` / `t?` and `%graph t` print for tensors.
public enum TensorInspector {
    /// `shape (2, 3), float32, 24 bytes` (for `%whos`).
    public static func summary(_ t: Tensor) -> String {
        "shape \(shapeText(t.shape)), \(t.dtype), \(t.numel * t.dtype.itemSize) bytes"
    }

    /// `%inspect`: layout, autograd state, statistics, histogram, and a picture when the
    /// tensor looks like an image. Anything that is not a tensor gets its repr.
    public static func inspect(_ value: Value, expression: String, interpreter: Interpreter,
                               capabilities: TerminalCapabilities = .current()) -> String {
        guard let t = value.as(TensorObject.self)?.tensor else {
            return "\(expression): \(value.typeName) = \(interpreter.repr(value))\n"
        }
        var out = "\(expression): \(value.typeName) \(summary(t))\n"
        out += "  strides \(shapeText(t.strides)), storage offset \(t.storageOffset), "
            + (t.isContiguous ? "contiguous" : "not contiguous") + "\n"
        out += "  requires_grad=\(t.requiresGrad ? "True" : "False")"
            + ", grad_fn=\(t.gradFn?.name ?? "None"), is_leaf=\(t.isLeaf ? "True" : "False")"
            + (t.grad.map { ", grad \(shapeText($0.shape))" } ?? "") + "\n"
        guard t.numel > 0 else { return out + "  (no elements)\n" }
        let values = t.floatValues()
        let finite = values.filter { $0.isFinite }
        let nanCount = values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        let infCount = values.reduce(0) { $0 + ($1.isInfinite ? 1 : 0) }
        if let stats = Statistics(finite) {
            out += "  min \(number(stats.min))  max \(number(stats.max))  mean \(number(stats.mean))  std \(number(stats.std))\n"
        }
        out += "  NaN \(nanCount)  Inf \(infCount)\n"
        if finite.count > 1 {
            out += TextHistogram.lines(values: finite, bins: 10, barWidth: 30, unicode: capabilities.imageProtocol != .ascii)
                .map { "  " + $0 + "\n" }.joined()
        }
        if let (height, width, first) = imageShape(t) {
            let pixels = Array(values[first..<(first + height * width)])
            out += "  as an image (\(height)x\(width)\(t.dim == 3 ? ", the first of \(t.shape[0])" : "")):\n"
            out += InspectPicture.lines(values: pixels, width: width, height: height, capabilities: capabilities)
                .map { "  " + $0 + "\n" }.joined()
        }
        return out
    }

    /// `%graph`: the grad_fn tree behind a tensor, inputs indented under the node using them.
    public static func graph(_ value: Value, expression: String) -> String {
        guard let t = value.as(TensorObject.self)?.tensor else {
            return "\(expression) is a \(value.typeName), not a tensor\n"
        }
        guard let root = t.gradFn else {
            return "\(expression): shape \(shapeText(t.shape)), no grad_fn "
                + (t.requiresGrad ? "(a leaf that requires grad)\n" : "(does not require grad)\n")
        }
        var out = "\(expression): shape \(shapeText(t.shape))\n"
        var seen = Set<ObjectIdentifier>()
        func walk(_ node: GradFn, _ prefix: String, _ depth: Int) {
            let shapes = node.inputShapes
            let inputs = Array(zip(node.nextFunctionNames, node.nextFunctions).enumerated())
            for (index, (bareName, child)) in inputs {
                let name = bareName.map { n in shapes[index].map { n + " " + shapeText($0) } ?? n }
                let last = index == inputs.count - 1
                let branch = prefix + (last ? "└─ " : "├─ ")
                let nextPrefix = prefix + (last ? "   " : "│  ")
                guard let name else { out += branch + "None\n"; continue }
                guard let child else { out += branch + name + "\n"; continue }
                if seen.contains(ObjectIdentifier(child)) { out += branch + name + " (shared, shown above)\n"; continue }
                seen.insert(ObjectIdentifier(child))
                out += branch + name + "\n"
                if depth > 200 { out += nextPrefix + "...\n"; continue }
                walk(child, nextPrefix, depth + 1)
            }
        }
        out += root.name + " " + shapeText(root.outputShape) + "\n"
        seen.insert(ObjectIdentifier(root))
        walk(root, "", 0)
        return out
    }

    // MARK: - Helpers

    /// (height, width, offset of the first image) for HxW, NxHxW, or 784 values.
    static func imageShape(_ t: Tensor) -> (Int, Int, Int)? {
        func plausible(_ h: Int, _ w: Int) -> Bool { h >= 4 && w >= 4 && h <= 1024 && w <= 1024 }
        if t.dim == 2, plausible(t.shape[0], t.shape[1]) { return (t.shape[0], t.shape[1], 0) }
        if t.dim == 3, t.shape[0] > 0, plausible(t.shape[1], t.shape[2]) { return (t.shape[1], t.shape[2], 0) }
        if t.numel == 784 { return (28, 28, 0) }
        return nil
    }

    static func shapeText(_ dims: [Int]) -> String { ShapeText.tuple(dims) }

    static func elementSize(_ dtype: DType) -> Int {
        dtype.itemSize
    }

    static func number(_ x: Double) -> String { String(format: "%.4g", x) }

    struct Statistics {
        var min: Double, max: Double, mean: Double, std: Double

        /// Unbiased std, like `torch.std`; nil for no values.
        init?(_ values: [Float]) {
            guard let first = values.first else { return nil }
            var lo = Double(first), hi = Double(first), sum = 0.0
            for v in values { let d = Double(v); lo = Swift.min(lo, d); hi = Swift.max(hi, d); sum += d }
            let mean = sum / Double(values.count)
            var squares = 0.0
            for v in values { let d = Double(v) - mean; squares += d * d }
            self.min = lo; self.max = hi; self.mean = mean
            self.std = values.count > 1 ? (squares / Double(values.count - 1)).squareRoot() : .nan
        }
    }
}
