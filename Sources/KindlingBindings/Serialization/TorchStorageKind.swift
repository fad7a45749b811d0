import KindlingEngine
import KindlingLanguage

/// A tensor dtype as a pickled storage class (`torch.FloatStorage`, ...),
/// with its little-endian element encoding.
struct TorchStorageKind {
    let dtype: DType
    let storageName: String
    let itemSize: Int

    init(_ dtype: DType) throws {
        guard let name = TorchStorageKind.names.first(where: { $0.1 == dtype })?.0 else {
            throw notSupported("saving \(dtype) tensors")
        }
        self.dtype = dtype
        storageName = name
        itemSize = dtype.itemSize
    }

    init(storageName: String) throws {
        guard let dtype = TorchStorageKind.names.first(where: { $0.0 == storageName })?.1 else {
            throw notSupported("loading torch.\(storageName) tensors")
        }
        self.dtype = dtype
        self.storageName = storageName
        itemSize = dtype.itemSize
    }

    static let names: [(String, DType)] = [("FloatStorage", .float32), ("DoubleStorage", .float64), ("IntStorage", .int32),
                                           ("LongStorage", .int64), ("BoolStorage", .bool)]

    func encode(_ values: [Scalar]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(values.count * itemSize)
        for s in values {
            // Scalars carry float elements as Double and integers as Int64: narrow to the storage's dtype.
            switch dtype {
            case .float32: out += withUnsafeBytes(of: Float(s.doubleValue).bitPattern.littleEndian) { Array($0) }
            case .float64: out += withUnsafeBytes(of: s.doubleValue.bitPattern.littleEndian) { Array($0) }
            case .int32:
                if case .int(let i) = s { out += withUnsafeBytes(of: Int32(truncatingIfNeeded: i).littleEndian) { Array($0) } }
            case .int64:
                if case .int(let i) = s { out += withUnsafeBytes(of: i.littleEndian) { Array($0) } }
            case .bool: out.append(s.doubleValue != 0 ? 1 : 0)
            }
        }
        return out
    }

    /// The tensor `_rebuild_tensor_v2` describes: `size`/`stride` elements of
    /// the storage's bytes from `offset`.
    func tensor(_ data: ArraySlice<UInt8>, offset: Int, size: [Int], stride: [Int]) throws -> Tensor {
        let count = data.count / itemSize
        var numel = 1
        for s in size {
            guard s >= 0 else { throw pyError(.runtimeError, "torch.load: negative size in a saved tensor") }
            let (n, overflow) = numel.multipliedReportingOverflow(by: s)
            if overflow { throw pyError(.runtimeError, "torch.load: a saved tensor is too large") }
            numel = n
        }
        guard stride.count == size.count else { throw pyError(.runtimeError, "torch.load: a saved tensor's stride does not match its size") }
        // A permuted contiguous layout (a saved `t()`) comes back as the same permuted view.
        let order = size.indices.sorted { stride[$0] > stride[$1] || stride[$0] == stride[$1] && $0 < $1 }
        if order != Array(size.indices), size.allSatisfy({ $0 > 1 }) {
            var expected = 1, dense = true
            for d in order.reversed() {
                if stride[d] != expected { dense = false; break }
                expected *= size[d]
            }
            if dense {
                let base = try tensor(data, offset: offset, size: order.map { size[$0] },
                                      stride: order.map { stride[$0] })
                var inverse = [Int](repeating: 0, count: order.count)
                for (i, d) in order.enumerated() { inverse[d] = i }
                return try base.permute(inverse)
            }
        }
        // Storage positions in row-major logical order.
        var positions: [Int] = []
        positions.reserveCapacity(numel)
        if numel > 0 {
            var index = [Int](repeating: 0, count: size.count)
            for _ in 0..<numel {
                var p = offset
                for d in 0..<size.count { p += index[d] * stride[d] }
                guard p >= 0, p < count else { throw pyError(.runtimeError, "torch.load: a saved tensor lies outside its storage") }
                positions.append(p)
                var d = size.count - 1
                while d >= 0 { index[d] += 1; if index[d] < size[d] { break }; index[d] = 0; d -= 1 }
            }
        }
        let base = data.startIndex
        func bytes(_ p: Int) -> UInt64 {
            var v: UInt64 = 0
            for k in 0..<itemSize { v |= UInt64(data[base + p * itemSize + k]) << (8 * UInt64(k)) }
            return v
        }
        switch dtype {
        case .float32: return try Tensor(shape: size, floats: positions.map { Float(bitPattern: UInt32(truncatingIfNeeded: bytes($0))) })
        case .float64: return try Tensor(shape: size, doubles: positions.map { Double(bitPattern: bytes($0)) })
        case .int32: return try Tensor(shape: size, int32s: positions.map { Int32(bitPattern: UInt32(truncatingIfNeeded: bytes($0))) })
        case .int64: return try Tensor(shape: size, ints: positions.map { Int64(bitPattern: bytes($0)) })
        case .bool: return try Tensor(shape: size, bools: positions.map { bytes($0) != 0 })
        }
    }
}
