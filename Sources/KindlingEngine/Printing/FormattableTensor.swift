/// What the printer needs from a tensor: its shape, dtype and elements in
/// logical (row-major) order, whatever the memory layout. `Tensor` conforms;
/// tests can feed plain arrays.
public protocol FormattableTensor {
    var shape: [Int] { get }
    var dtype: DType { get }
    /// The element at a flat row-major logical index (0 ..< product of shape).
    func scalar(atLogical index: Int) -> Scalar
}
