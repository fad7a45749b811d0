/// Matrix-shaped selections: `tril`/`triu` (over the last two dims),
/// `diag`, `diagonal` (a view, as in PyTorch) and `trace`.
extension Tensor {
    /// `tril(diagonal=0)` / `triu(diagonal=0)`: zeros above (below) the given diagonal.
    public func triangle(lower: Bool, diagonal k: Int = 0) throws -> Tensor {
        let name = lower ? "tril" : "triu"
        guard dim >= 2 else { throw TensorError.runtime("\(name): input tensor must have at least 2 dimensions") }
        let rows = shape[dim - 2], cols = shape[dim - 1]
        var kept: [Int] = []
        for b in 0..<(numel / Swift.max(rows * cols, 1)) where rows * cols > 0 {
            for i in 0..<rows {
                for j in 0..<cols where lower ? j - i <= k : j - i >= k { kept.append((b * rows + i) * cols + j) }
            }
        }
        let zeros = try Tensor.zeros(shape, dtype: dtype)
        return try zeros.scatterPositions(self, targets: kept, sourcePositions: kept, accumulate: false,
                                          gradName: lower ? "TrilBackward0" : "TriuBackward0")
    }

    /// `tril_(diagonal=0)` / `triu_(diagonal=0)`.
    @discardableResult
    public func triangle_(lower: Bool, diagonal k: Int = 0) throws -> Tensor {
        try replaceInPlace { try $0.triangle(lower: lower, diagonal: k) }
    }

    /// `diagonal(offset=0, dim1=0, dim2=1)`: a view of the diagonal, moved to the last dim.
    public func diagonal(offset: Int = 0, dim1: Int = 0, dim2: Int = 1) throws -> Tensor {
        let a = try Shape.wrapDim(dim1, rank: dim), b = try Shape.wrapDim(dim2, rank: dim)
        guard a != b else { throw TensorError.runtime("diagonal dimensions cannot be identical \(dim1), \(dim2)") }
        guard dim >= 2 else {
            throw TensorError.index("Dimension out of range (expected to be in range of [-\(Swift.max(dim, 1)), \(Swift.max(dim, 1) - 1)], but got \(Swift.max(dim1, dim2)))")
        }
        let length = offset >= 0 ? Swift.max(Swift.min(shape[a], shape[b] - offset), 0)
                                  : Swift.max(Swift.min(shape[a] + offset, shape[b]), 0)
        var start = storageOffset
        if length > 0 { start += offset >= 0 ? offset * strides[b] : -offset * strides[a] }
        var sh: [Int] = [], st: [Int] = []
        for d in 0..<dim where d != a && d != b { sh.append(shape[d]); st.append(strides[d]) }
        sh.append(length)
        st.append(strides[a] + strides[b])
        return makeView(sh, st, start, .diagonal(shape: shape, offset: offset, dim1: a, dim2: b))
    }

    /// `diag(diagonal=0)`: a 1-d tensor's square matrix, or a matrix's diagonal (a copy).
    public func diag(_ k: Int = 0) throws -> Tensor {
        if dim == 1 {
            let n = shape[0] + Swift.abs(k)
            let targets = (0..<shape[0]).map { i in k >= 0 ? i * n + i + k : (i - k) * n + i }
            return try Tensor.zeros([n, n], dtype: dtype).scatterPositions(
                self, targets: targets, sourcePositions: Array(0..<shape[0]), accumulate: false, gradName: "DiagEmbedBackward0")
        }
        guard dim == 2 else { throw TensorError.runtime("diag(): Supports 1D or 2D tensors. Got \(dim)D") }
        return try takePositions(diagonalPositions(k), shape: [diagonalPositions(k).count], gradName: "DiagonalBackward0_copy")
    }

    /// `trace()`: the sum of a matrix's diagonal (int64 for integer matrices).
    public func trace() throws -> Tensor {
        guard dim == 2 else { throw TensorError.runtime("trace: expected a matrix, but got tensor with dim \(dim)") }
        if dtype == .bool { throw TensorError(.notImplementedError, "\"trace\" not implemented for 'Bool'") }
        let positions = diagonalPositions(0)
        let values = try GradMode.withNoGrad { try PositionKernels.take(self, positions, shape: [positions.count]).sum() }
        let out = dtype.isFloatingPoint ? try values.converted(to: dtype) : try values.converted(to: .int64)
        if dtype.isFloatingPoint && Tensor.needsGrad(self) {
            let fresh = try CopyKernel.materialize(out, dtype: out.dtype)
            // The 0-d gradient goes to every diagonal position (see PositionKernels.addAt).
            fresh.attach(.takePositions(name: "TraceBackward0", positions: positions, sourceShape: shape), [self])
            return fresh
        }
        return out
    }

    /// Row-major positions of a matrix's k-th diagonal.
    func diagonalPositions(_ k: Int) -> [Int] {
        let rows = shape[0], cols = shape[1]
        var out: [Int] = []
        var i = k >= 0 ? 0 : -k, j = k >= 0 ? k : 0
        while i < rows && j < cols { out.append(i * cols + j); i += 1; j += 1 }
        return out
    }
}
