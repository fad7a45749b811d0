/// 2-D max pooling over the last two dims of a [C, H, W] or [N, C, H, W] tensor
/// (`F.max_pool2d`, `nn.MaxPool2d`), with PyTorch's window arithmetic (padding, dilation,
/// ceil mode), NaN propagation, flat per-plane indices, and MaxPool2DWithIndicesBackward0.
public struct Pool2dGeometry: Equatable {
    public let planes: Int, height: Int, width: Int
    public let kernel: [Int], stride: [Int], padding: [Int], dilation: [Int]
    public let outHeight: Int, outWidth: Int
}

extension Tensor {
    /// `max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode)`: the maxima and
    /// their indices (int64, `h * W + w` within each plane, as `return_indices=True` gives).
    public static func maxPool2d(_ input: Tensor, kernel: [Int], stride: [Int], padding: [Int], dilation: [Int],
                                 ceilMode: Bool) throws -> (values: Tensor, indices: Tensor) {
        guard (input.dim == 3 || input.dim == 4), !input.shape.dropFirst().contains(0) else {
            throw TensorError(.runtimeError, "non-empty 3D or 4D (batch mode) tensor expected for input")
        }
        guard input.dtype.isFloatingPoint else {
            throw TensorError(.notImplementedError, "max_pool2d of \(input.dtype.kernelName) tensors is not supported by Kindling")
        }
        let g = try poolGeometry(input.shape, kernel: kernel, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode)
        let x = try input.contiguousValues()
        let outShape = Array(input.shape.dropLast(2)) + [g.outHeight, g.outWidth]
        let values = try Tensor.empty(outShape, input.dtype)
        let indices = try Tensor.empty(outShape, .int64)
        if input.dtype == .float64 {
            PoolKernels.maxForward(x.basePointer(Double.self), values.basePointer(Double.self), indices.basePointer(Int64.self), g)
        } else {
            PoolKernels.maxForward(x.basePointer(Float.self), values.basePointer(Float.self), indices.basePointer(Int64.self), g)
        }
        if Tensor.needsGrad(input) {
            values.attach(.maxPool2d(indices: indices, inputShape: input.shape), [input])
        }
        return (values, indices)
    }

    /// PyTorch's pooling checks and output size (`pooling_output_shape`).
    static func poolGeometry(_ shape: [Int], kernel: [Int], stride: [Int], padding: [Int], dilation: [Int],
                             ceilMode: Bool) throws -> Pool2dGeometry {
        guard kernel.count == 2, stride.count == 2, padding.count == 2, dilation.count == 2 else {
            throw TensorError(.runtimeError, "max_pool2d: kernel_size, stride, padding and dilation must each be a single int, or a tuple of two ints")
        }
        guard kernel.allSatisfy({ $0 > 0 }) else {
            throw TensorError(.runtimeError, "kernel size should be greater than zero, but got kH: \(kernel[0]) kW: \(kernel[1])")
        }
        guard stride.allSatisfy({ $0 > 0 }) else {
            throw TensorError(.runtimeError, "stride should be greater than zero, but got dH: \(stride[0]) dW: \(stride[1])")
        }
        guard dilation.allSatisfy({ $0 > 0 }) else {
            throw TensorError(.runtimeError, "dilation should be greater than zero, but got dilationH: \(dilation[0]) dilationW: \(dilation[1])")
        }
        for i in 0..<2 where padding[i] < 0 || padding[i] > ((kernel[i] - 1) * dilation[i] + 1) / 2 {
            throw TensorError(.runtimeError,
                "pad should be at most half of effective kernel size, but got pad=\(padding[i]), kernel_size=\(kernel[i]) and dilation=\(dilation[i])")
        }
        let h = shape[shape.count - 2], w = shape[shape.count - 1]
        func outSize(_ size: Int, _ i: Int) -> Int {
            let span = dilation[i] * (kernel[i] - 1) + 1
            let numerator = size + 2 * padding[i] - span + (ceilMode ? stride[i] - 1 : 0)
            var n = Int((Double(numerator) / Double(stride[i])).rounded(.down)) + 1
            if ceilMode && (n - 1) * stride[i] >= size + padding[i] { n -= 1 }
            return n
        }
        let oh = outSize(h, 0), ow = outSize(w, 1)
        guard oh >= 1, ow >= 1 else {
            let lead = shape.count == 4 ? shape[1] : shape[0]
            throw TensorError(.runtimeError,
                "Given input size: (\(lead)x\(h)x\(w)). Calculated output size: (\(lead)x\(oh)x\(ow)). Output size is too small")
        }
        return Pool2dGeometry(planes: shape.dropLast(2).reduce(1, *), height: h, width: w, kernel: kernel, stride: stride,
                              padding: padding, dilation: dilation, outHeight: oh, outWidth: ow)
    }

    /// The input gradient of max pooling: each output gradient added at its maximum's place.
    static func maxPool2dInputGradient(_ grad: Tensor, indices: Tensor, inputShape: [Int]) throws -> Tensor {
        let g = try grad.contiguousValues()
        let result = try Tensor.zeros(inputShape, dtype: grad.dtype)
        let planeIn = inputShape.suffix(2).reduce(1, *), planeOut = indices.shape.suffix(2).reduce(1, *)
        let planes = planeOut == 0 ? 0 : indices.numel / planeOut
        let idx = indices.basePointer(Int64.self)
        func scatter<T: FloatElement>(_ src: UnsafeMutablePointer<T>, _ dst: UnsafeMutablePointer<T>) {
            for p in 0..<planes {
                for o in 0..<planeOut {
                    dst[p * planeIn + Int(idx[p * planeOut + o])] += src[p * planeOut + o]
                }
            }
        }
        if grad.dtype == .float64 {
            scatter(g.basePointer(Double.self), result.basePointer(Double.self))
        } else {
            scatter(g.basePointer(Float.self), result.basePointer(Float.self))
        }
        return result
    }
}

enum PoolKernels {
    static func maxForward<T: FloatElement>(_ x: UnsafeMutablePointer<T>, _ y: UnsafeMutablePointer<T>,
                                            _ indices: UnsafeMutablePointer<Int64>, _ g: Pool2dGeometry) {
        let (kh, kw) = (g.kernel[0], g.kernel[1]), (sh, sw) = (g.stride[0], g.stride[1])
        let (ph, pw) = (g.padding[0], g.padding[1]), (dh, dw) = (g.dilation[0], g.dilation[1])
        for p in 0..<g.planes {
            let plane = x + p * g.height * g.width
            for oh in 0..<g.outHeight {
                var h0 = oh * sh - ph
                let h1 = min(h0 + (kh - 1) * dh + 1, g.height)
                while h0 < 0 { h0 += dh }
                for ow in 0..<g.outWidth {
                    var w0 = ow * sw - pw
                    let w1 = min(w0 + (kw - 1) * dw + 1, g.width)
                    while w0 < 0 { w0 += dw }
                    var best = -T.infinity
                    var bestIndex = h0 * g.width + w0
                    var h = h0
                    while h < h1 {
                        var w = w0
                        while w < w1 {
                            let v = plane[h * g.width + w]
                            if v > best || v.isNaN { best = v; bestIndex = h * g.width + w }
                            w += dw
                        }
                        h += dh
                    }
                    let o = (p * g.outHeight + oh) * g.outWidth + ow
                    y[o] = best
                    indices[o] = Int64(bestIndex)
                }
            }
        }
    }
}
