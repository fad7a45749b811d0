/// 2-D convolution on NCHW tensors (`F.conv2d`, `nn.Conv2d`): each batch item is unfolded
/// into columns (im2col) and multiplied by the flattened weight, so the arithmetic is the
/// engine's matrix product. Recorded as PyTorch's ConvolutionBackward0.
public struct Conv2dGeometry: Equatable {
    public let batch: Int, channels: Int, height: Int, width: Int
    public let outChannels: Int, kernelHeight: Int, kernelWidth: Int
    public let stride: [Int], padding: [Int], dilation: [Int]
    public let outHeight: Int, outWidth: Int

    /// Rows of the unfolded input: channels × kernel positions.
    var columnRows: Int { channels * kernelHeight * kernelWidth }
    /// Columns of the unfolded input: output positions.
    var columnCount: Int { outHeight * outWidth }
}

extension Tensor {
    /// `conv2d(input, weight, bias, stride, padding, dilation)` with groups=1. `input` is
    /// [N, C, H, W] (or [C, H, W], unbatched), `weight` [Cout, C, KH, KW], `bias` [Cout].
    public static func conv2d(_ input: Tensor, weight: Tensor, bias: Tensor?, stride: [Int], padding: [Int],
                              dilation: [Int]) throws -> Tensor {
        guard input.dim == 3 || input.dim == 4 else {
            throw TensorError(.runtimeError,
                "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: \(Shape.describe(input.shape))")
        }
        let unbatched = input.dim == 3
        let x = unbatched ? try input.unsqueeze(0) : input
        let geometry = try convGeometry(x, weight, bias, stride: stride, padding: padding, dilation: dilation)
        let out = try GradMode.withNoGrad { () -> Tensor in
            let columns = try unfold(x, geometry)
            let w = try weight.contiguousValues().reshape([geometry.outChannels, geometry.columnRows])
            var y = try w.matmul(columns)                      // [N, Cout, OH*OW]
            if let bias { y = try Tensor.binary(.add, .tensor(y), .tensor(try bias.reshape([geometry.outChannels, 1]))) }
            return try y.reshape([geometry.batch, geometry.outChannels, geometry.outHeight, geometry.outWidth])
        }
        let inputs = [x, weight] + (bias.map { [$0] } ?? [])
        if GradMode.isEnabled, inputs.contains(where: { $0.requiresGrad }) {
            out.attach(.conv2d(input: SavedTensor(x), weight: SavedTensor(weight), geometry: geometry, hasBias: bias != nil), inputs)
        }
        return unbatched ? try out.squeeze(0) : out
    }

    /// Checks shapes and dtypes as PyTorch does and computes the output size.
    static func convGeometry(_ x: Tensor, _ w: Tensor, _ bias: Tensor?, stride: [Int], padding: [Int],
                             dilation: [Int]) throws -> Conv2dGeometry {
        guard x.dtype.isFloatingPoint, w.dtype.isFloatingPoint else {
            throw TensorError(.notImplementedError, "conv2d of \(x.dtype.kernelName) tensors is not supported by Kindling")
        }
        guard x.dtype == w.dtype else {
            throw TensorError(.runtimeError, "expected scalar type \(x.dtype.kernelName) but found \(w.dtype.kernelName)")
        }
        if let bias, bias.dtype != x.dtype {
            func cName(_ d: DType) -> String { d == .float64 ? "double" : d == .float32 ? "float" : d.kernelName.lowercased() }
            throw TensorError(.runtimeError, "Input type (\(cName(x.dtype))) and bias type (\(cName(bias.dtype))) should be the same")
        }
        guard w.dim == 4 else {
            throw TensorError(.runtimeError,
                "weight should have at least three dimensions")
        }
        for (name, v) in [("stride", stride), ("padding", padding), ("dilation", dilation)] where v.count != 2 {
            throw TensorError(.runtimeError, "expected \(name) to be a single integer value or a list of 2 values to match the convolution dimensions, but got \(name)=\(Shape.describe(v))")
        }
        if stride.contains(where: { $0 <= 0 }) { throw TensorError(.runtimeError, "non-positive stride is not supported") }
        if padding.contains(where: { $0 < 0 }) { throw TensorError(.runtimeError, "negative padding is not supported") }
        if dilation.contains(where: { $0 <= 0 }) { throw TensorError(.runtimeError, "dilation should be greater than zero") }
        let (n, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (cout, cin, kh, kw) = (w.shape[0], w.shape[1], w.shape[2], w.shape[3])
        guard cin == c else {
            throw TensorError(.runtimeError,
                "Given groups=1, weight of size \(Shape.describe(w.shape)), expected input\(Shape.describe(x.shape)) to have \(cin) channels, but got \(c) channels instead")
        }
        if let bias, bias.dim != 1 || bias.shape[0] != cout {
            throw TensorError(.runtimeError,
                "Given weight of size \(Shape.describe(w.shape)), expected bias to be 1-dimensional with \(cout) elements, but got bias of size \(Shape.describe(bias.shape)) instead")
        }
        let paddedH = h + 2 * padding[0], paddedW = wd + 2 * padding[1]
        let spanH = dilation[0] * (kh - 1) + 1, spanW = dilation[1] * (kw - 1) + 1
        guard paddedH >= spanH, paddedW >= spanW else {
            throw TensorError(.runtimeError,
                "Calculated padded input size per channel: (\(paddedH) x \(paddedW)). Kernel size: (\(spanH) x \(spanW)). Kernel size can't be greater than actual input size")
        }
        return Conv2dGeometry(batch: n, channels: c, height: h, width: wd, outChannels: cout, kernelHeight: kh,
                              kernelWidth: kw, stride: stride, padding: padding, dilation: dilation,
                              outHeight: (paddedH - spanH) / stride[0] + 1, outWidth: (paddedW - spanW) / stride[1] + 1)
    }

    /// im2col: [N, C, H, W] → [N, C·KH·KW, OH·OW], zeros where the kernel hangs over the padding.
    static func unfold(_ x: Tensor, _ g: Conv2dGeometry) throws -> Tensor {
        let src = try x.contiguousValues()
        let out = try Tensor.zeros([g.batch, g.columnRows, g.columnCount], dtype: x.dtype)
        if x.dtype == .float64 {
            ConvKernels.unfold(src.basePointer(Double.self), out.basePointer(Double.self), g)
        } else {
            ConvKernels.unfold(src.basePointer(Float.self), out.basePointer(Float.self), g)
        }
        return out
    }

    /// col2im, the adjoint of `unfold`: sums each column entry back into the pixel it came from.
    static func fold(_ columns: Tensor, _ g: Conv2dGeometry) throws -> Tensor {
        let src = try columns.contiguousValues()
        let out = try Tensor.zeros([g.batch, g.channels, g.height, g.width], dtype: columns.dtype)
        if columns.dtype == .float64 {
            ConvKernels.fold(src.basePointer(Double.self), out.basePointer(Double.self), g)
        } else {
            ConvKernels.fold(src.basePointer(Float.self), out.basePointer(Float.self), g)
        }
        return out
    }

    /// The input, weight and bias gradients of `conv2d` for the output gradient `grad`.
    static func conv2dGradients(_ grad: Tensor, input: Tensor, weight: Tensor, _ g: Conv2dGeometry,
                                needInput: Bool, needWeight: Bool, needBias: Bool) throws -> (Tensor?, Tensor?, Tensor?) {
        let gy = try grad.contiguousValues().reshape([g.batch, g.outChannels, g.columnCount])
        var gx: Tensor?, gw: Tensor?, gb: Tensor?
        if needInput {
            let w = try weight.contiguousValues().reshape([g.outChannels, g.columnRows])
            gx = try fold(try w.t().matmul(gy), g)
        }
        if needWeight {
            let columns = try unfold(input, g)
            gw = try gy.matmul(try columns.transpose(1, 2)).sum(dims: [0])
                .reshape([g.outChannels, g.channels, g.kernelHeight, g.kernelWidth])
        }
        if needBias { gb = try gy.sum(dims: [0, 2]) }
        return (gx, gw, gb)
    }
}

/// The index loops of im2col and col2im over contiguous buffers.
enum ConvKernels {
    static func unfold<T: FloatElement>(_ x: UnsafeMutablePointer<T>, _ cols: UnsafeMutablePointer<T>, _ g: Conv2dGeometry) {
        forEachTap(g) { image, row, column, pixel in
            cols[(image * g.columnRows + row) * g.columnCount + column] = x[image * g.channels * g.height * g.width + pixel]
        }
    }

    static func fold<T: FloatElement>(_ cols: UnsafeMutablePointer<T>, _ x: UnsafeMutablePointer<T>, _ g: Conv2dGeometry) {
        forEachTap(g) { image, row, column, pixel in
            x[image * g.channels * g.height * g.width + pixel] += cols[(image * g.columnRows + row) * g.columnCount + column]
        }
    }

    /// Calls `body(image, columnRow, column, pixel)` for every kernel tap that lands inside the
    /// image (taps on the padding are skipped); `pixel` indexes the image's [C, H, W] block.
    @inline(__always)
    static func forEachTap(_ g: Conv2dGeometry, _ body: (Int, Int, Int, Int) -> Void) {
        for image in 0..<g.batch {
            for c in 0..<g.channels {
                for kh in 0..<g.kernelHeight {
                    for kw in 0..<g.kernelWidth {
                        let row = (c * g.kernelHeight + kh) * g.kernelWidth + kw
                        for oh in 0..<g.outHeight {
                            let ih = oh * g.stride[0] - g.padding[0] + kh * g.dilation[0]
                            guard ih >= 0, ih < g.height else { continue }
                            for ow in 0..<g.outWidth {
                                let iw = ow * g.stride[1] - g.padding[1] + kw * g.dilation[1]
                                guard iw >= 0, iw < g.width else { continue }
                                body(image, row, oh * g.outWidth + ow, (c * g.height + ih) * g.width + iw)
                            }
                        }
                    }
                }
            }
        }
    }
}
