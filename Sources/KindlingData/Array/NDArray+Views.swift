/// What NumPy views need from an array: reading a window of its elements and writing one back.
extension NDArray {
    /// The elements at `positions` (each within `0..<count`) as an array of `shape`
    /// (whose size is `positions.count`), keeping the dtype.
    public func taking(_ positions: [Int], shape newShape: [Int]) -> NDArray {
        NDArray(unchecked: storage.take(positions), shape: newShape, elementType: elementType)
    }

    /// A copy whose elements at `positions` are `values`' elements in order, converted to this
    /// array's dtype as an assignment converts them. `values.count` must equal `positions.count`.
    public func replacing(_ positions: [Int], with values: NDArray) -> NDArray {
        let v = values.astype(elementType)
        let buffer: NumericBuffer
        switch storage {
        case .float64(var a):
            let x = v.doubleValues
            for (k, p) in positions.enumerated() { a[p] = x[k] }
            buffer = .float64(a)
        case .bool(var a):
            let x = v.int64Values
            for (k, p) in positions.enumerated() { a[p] = x[k] != 0 }
            buffer = .bool(a)
        case .uint8(var a):
            let x = v.int64Values
            if x.allSatisfy({ $0 >= 0 && $0 <= 255 }) {
                for (k, p) in positions.enumerated() { a[p] = UInt8(truncatingIfNeeded: x[k]) }
                buffer = .uint8(a)
            } else {   // values beyond a byte: the compact int64 storage widens
                var wide = a.map { Int64($0) }
                for (k, p) in positions.enumerated() { wide[p] = x[k] }
                buffer = .int64(wide)
            }
        case .int64(var a):
            let x = v.int64Values
            for (k, p) in positions.enumerated() { a[p] = x[k] }
            buffer = .int64(a)
        }
        return NDArray(unchecked: buffer, shape: shape, elementType: elementType)
    }

    /// The flat position of every element, shaped like this array: rearranging it as the array
    /// is rearranged (reshape, transpose, basic indexing) tells which elements a view holds.
    public var positionGrid: NDArray {
        NDArray(unchecked: .int64((0..<count).map { Int64($0) }), shape: shape, elementType: .int64)
    }
}
