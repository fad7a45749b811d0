import KindlingData
import KindlingEngine

/// `tensor(array)` without a Python-level loop and without a full-size intermediate array:
/// the tensor is allocated once and filled a block of rows at a time, or, for compact
/// uint8-backed int64 values (pixel frames), shares the bytes without any copy.
enum NDArrayTensorConversion {
    /// Rows per block: about 2 MB of Int64 staging at a time.
    static let blockElements = 1 << 18

    static func tensor(from array: NDArray) throws -> Tensor {
        let shape = array.shape
        let total = array.count
        switch array.storage {
        case .float64(let values):
            return try filled(shape: shape, dtype: .float64, total: total) { range in
                try Tensor(shape: [range.count], doubles: Array(values[range]))
            }
        case .bool(let values):
            return try filled(shape: shape, dtype: .bool, total: total) { range in
                try Tensor(shape: [range.count], bools: Array(values[range]))
            }
        case .uint8(let values):
            // Zero-copy: the int64 tensor reads the array's bytes until something needs
            // 8-byte values (the engine then widens a private copy; the array never changes).
            return try Tensor(shape: shape, compactInt64Bytes: values)
        case .int64(let values):
            return try filled(shape: shape, dtype: .int64, total: total) { range in
                try Tensor(shape: [range.count], ints: Array(values[range]))
            }
        }
    }

    /// `tensor(df.values)` gathered from the columns a block of rows at a time (no row-major
    /// copy of the whole frame first).
    static func tensor(fromColumnsOf frame: DataFrame) throws -> Tensor {
        let rows = frame.rowCount, cols = frame.columns.count
        let all = Array(0..<cols)
        guard rows > 0, cols > 0, rows * cols > blockElements, !frame.allColumnsCompact else {
            return try tensor(from: frame.values)
        }
        let rowsPerBlock = max(1, blockElements / cols)
        var out: Tensor?
        var start = 0
        while start < rows {
            let end = min(start + rowsPerBlock, rows)
            let piece = try tensor(from: frame.block(rows: Array(start..<end), columns: all))
            let target = try out ?? Tensor.empty([rows, cols], dtype: piece.dtype)
            out = target
            _ = try target.narrow(dim: 0, start: start, length: end - start).copy_(piece)
            start = end
        }
        return try out ?? tensor(from: frame.values)
    }

    /// A contiguous tensor of `shape` whose flat elements are written block by block.
    private static func filled(shape: [Int], dtype: KindlingEngine.DType, total: Int,
                               block: (Range<Int>) throws -> Tensor) throws -> Tensor {
        if total <= blockElements {
            return try block(0..<total).reshape(shape)
        }
        let out = try Tensor.empty([total], dtype: dtype)
        var start = 0
        while start < total {
            let end = min(start + blockElements, total)
            _ = try out.narrow(dim: 0, start: start, length: end - start).copy_(try block(start..<end))
            start = end
        }
        return try out.reshape(shape)
    }
}
