/// One item of a subscript such as `x[1, :, None, ..., idx]`, as the language
/// hands it to `Tensor.index(_:)` and `Tensor.indexPut(_:_:)`. Python lists of
/// ints or bools arrive as `.tensor` (int64 or bool); `True`/`False` as 0-dim
/// bool tensors.
public enum TensorIndex {
    /// An integer (negative counts from the end): selects and drops a dim.
    case int(Int)
    /// `start:stop:step` with Python's defaults for nil (step must be positive).
    case slice(start: Int?, stop: Int?, step: Int?)
    /// `None`: inserts a dim of size 1.
    case none
    /// `...`: as many full slices as the other items leave dims.
    case ellipsis
    /// An int64 index tensor or a bool mask (advanced indexing: copies).
    case tensor(Tensor)

    /// `:`.
    public static let all = TensorIndex.slice(start: nil, stop: nil, step: nil)

    /// The number of the tensor's dims this item consumes (None and ... none;
    /// a bool mask as many as it has).
    var consumedDims: Int {
        switch self {
        case .int, .slice: return 1
        case .none, .ellipsis: return 0
        case .tensor(let t): return t.dtype == .bool ? t.dim : 1
        }
    }

    /// Python refuses a zero step before PyTorch sees it; PyTorch refuses negative ones.
    static func checkStep(_ step: Int) throws {
        if step == 0 { throw TensorError(.valueError, "slice step cannot be zero") }
        if step < 0 { throw TensorError(.valueError, "step must be greater than zero") }
    }
}
