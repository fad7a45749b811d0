#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `softmax` and `log_softmax` along a dim: numerically stable (the maximum is
/// subtracted first), with fused backward kernels (SoftmaxBackward0,
/// LogSoftmaxBackward0) that use the saved output.
extension Tensor {
    /// `softmax(dim, dtype=None)`: exp(x) / sum(exp(x)) along `dim` (negative
    /// counts from the end); `dtype` converts the input first.
    public func softmax(dim d: Int, dtype: DType? = nil) throws -> Tensor {
        try (dtype.map { try to($0) } ?? self).softmaxFamily(dim: d, log: false)
    }

    /// `log_softmax(dim, dtype=None)`: x - log(sum(exp(x))) along `dim`.
    public func logSoftmax(dim d: Int, dtype: DType? = nil) throws -> Tensor {
        try (dtype.map { try to($0) } ?? self).softmaxFamily(dim: d, log: true)
    }

    private func softmaxFamily(dim d: Int, log: Bool) throws -> Tensor {
        let axis = try Shape.wrapDim(d, rank: dim)
        guard dtype.isFloatingPoint else {
            let lastDim = dim == 0 || axis == dim - 1
            let kernel = (log ? "log_softmax" : "softmax") + (lastDim ? "_lastdim_kernel_impl" : "_kernel_impl")
            throw TensorError(.notImplementedError, "\"\(kernel)\" not implemented for '\(dtype.kernelName)'")
        }
        let x = try contiguousValues()
        let out = try Tensor.empty(shape, dtype)
        let layout = SoftmaxLayout(shape: shape, axis: axis)
        if dtype == .float64 {
            SoftmaxKernels.forward(x.basePointer(Double.self), out.basePointer(Double.self), layout, log: log)
        } else {
            SoftmaxKernels.forward(x.basePointer(Float.self), out.basePointer(Float.self), layout, log: log)
        }
        if Tensor.needsGrad(self) {
            let saved = SavedTensor(output: out, producer: log ? "LogSoftmaxBackward0" : "SoftmaxBackward0")
            out.attach(.softmax(output: saved, layout: layout, log: log), [self])
        }
        return out
    }
}

/// A contiguous tensor seen as [outer, size, inner] around the softmax dim.
struct SoftmaxLayout {
    let outer: Int, size: Int, inner: Int

    init(shape: [Int], axis: Int) {
        if shape.isEmpty {
            (outer, size, inner) = (1, 1, 1)
        } else {
            outer = Shape.product(Array(shape[..<axis]))
            size = shape[axis]
            inner = Shape.product(Array(shape[(axis + 1)...]))
        }
    }
}

/// The loops of softmax and log_softmax, over contiguous buffers.
enum SoftmaxKernels {
    /// The input's gradient from the output's gradient `grad` and the saved output `y` (float32 or float64).
    static func inputGradient(_ grad: Tensor, output y: Tensor, _ layout: SoftmaxLayout, log: Bool) throws -> Tensor {
        let g = try grad.values(as: y.dtype)
        let result = try Tensor.empty(y.shape, y.dtype)
        if y.dtype == .float64 {
            backward(g.basePointer(Double.self), y.basePointer(Double.self), result.basePointer(Double.self), layout, log: log)
        } else {
            backward(g.basePointer(Float.self), y.basePointer(Float.self), result.basePointer(Float.self), layout, log: log)
        }
        return result
    }

    static func forward<T: FloatElement>(_ x: UnsafeMutablePointer<T>, _ y: UnsafeMutablePointer<T>, _ layout: SoftmaxLayout, log: Bool) {
        let (size, inner) = (layout.size, layout.inner)
        guard size > 0, inner > 0 else { return }
        if inner == 1 {
            for o in 0..<layout.outer {
                let row = x + o * size, outRow = y + o * size
                var maximum = -T.infinity
                for i in 0..<size where row[i] > maximum || row[i].isNaN { maximum = row[i] }
                // All -inf: subtract 0 so exp gives 0/0 = nan as PyTorch does.
                let shift = maximum == -.infinity ? 0 : maximum
                var total: T = 0
                if log {
                    for i in 0..<size { total += T.exponential(row[i] - shift) }
                    let logTotal = T.logarithm(total)
                    for i in 0..<size { outRow[i] = (row[i] - shift) - logTotal }
                } else {
                    for i in 0..<size {
                        let e = T.exponential(row[i] - shift)
                        outRow[i] = e
                        total += e
                    }
                    let scale = 1 / total
                    for i in 0..<size { outRow[i] *= scale }
                }
            }
            return
        }
        // Softmax over a non-last dim: work on whole inner rows at a time.
        var maximum = [T](repeating: 0, count: inner)
        var total = [T](repeating: 0, count: inner)
        for o in 0..<layout.outer {
            let block = x + o * size * inner, outBlock = y + o * size * inner
            for j in 0..<inner { maximum[j] = block[j] }
            for i in 1..<max(size, 1) {
                let row = block + i * inner
                for j in 0..<inner where row[j] > maximum[j] || row[j].isNaN { maximum[j] = row[j] }
            }
            for j in 0..<inner where maximum[j] == -.infinity { maximum[j] = 0 }
            for j in 0..<inner { total[j] = 0 }
            for i in 0..<size {
                let row = block + i * inner, outRow = outBlock + i * inner
                for j in 0..<inner {
                    let e = T.exponential(row[j] - maximum[j])
                    if !log { outRow[j] = e }
                    total[j] += e
                }
            }
            if log {
                for j in 0..<inner { total[j] = T.logarithm(total[j]) }
                for i in 0..<size {
                    let row = block + i * inner, outRow = outBlock + i * inner
                    for j in 0..<inner { outRow[j] = (row[j] - maximum[j]) - total[j] }
                }
            } else {
                for j in 0..<inner { total[j] = 1 / total[j] }
                for i in 0..<size {
                    let outRow = outBlock + i * inner
                    for j in 0..<inner { outRow[j] *= total[j] }
                }
            }
        }
    }

    /// softmax: gx = y * (g - sum(g * y)); log_softmax: gx = g - exp(y) * sum(g).
    static func backward<T: FloatElement>(_ g: UnsafeMutablePointer<T>, _ y: UnsafeMutablePointer<T>, _ gx: UnsafeMutablePointer<T>,
                         _ layout: SoftmaxLayout, log: Bool) {
        let (size, inner) = (layout.size, layout.inner)
        guard size > 0, inner > 0 else { return }
        var total = [T](repeating: 0, count: inner)
        for o in 0..<layout.outer {
            let base = o * size * inner
            for j in 0..<inner { total[j] = 0 }
            for i in 0..<size {
                let at = base + i * inner
                for j in 0..<inner { total[j] += log ? g[at + j] : g[at + j] * y[at + j] }
            }
            for i in 0..<size {
                let at = base + i * inner
                for j in 0..<inner {
                    gx[at + j] = log ? g[at + j] - T.exponential(y[at + j]) * total[j]
                                     : y[at + j] * (g[at + j] - total[j])
                }
            }
        }
    }
}
