/// Building arrays of a given NumPy dtype, reading their values, and `astype`.
extension NDArray {
    /// `array([], dtype=float64)`.
    public static let emptyFloat64 = NDArray(unchecked: .float64([]), shape: [0], elementType: .float64)

    /// An array of `type` from Doubles (converted to the type as `astype` does).
    public static func make(_ values: [Double], shape: [Int], type: ArrayElementType) throws -> NDArray {
        try NDArray(buffer(values, type: type), shape: shape, elementType: type)
    }

    /// An array of `type` from Int64s (wrapped to the type's width).
    public static func make(_ values: [Int64], shape: [Int], type: ArrayElementType) throws -> NDArray {
        let buffer: NumericBuffer
        switch type {
        case .float32, .float64: buffer = .float64(values.map { type.convert(Double($0)) })
        case .bool: buffer = .bool(values.map { $0 != 0 })
        case .uint8: buffer = .uint8(values.map { UInt8(truncatingIfNeeded: $0) })
        case .int32, .int64: buffer = .int64(type == .int64 ? values : values.map { type.wrap($0) })
        }
        return try NDArray(buffer, shape: shape, elementType: type)
    }

    /// A boolean array.
    public static func make(_ values: [Bool], shape: [Int]) throws -> NDArray {
        try NDArray(.bool(values), shape: shape, elementType: .bool)
    }

    static func buffer(_ values: [Double], type: ArrayElementType) -> NumericBuffer {
        switch type {
        case .float64: return .float64(values)
        case .float32: return .float64(values.map { Double(Float($0)) })
        case .bool: return .bool(values.map { $0 != 0 })
        case .uint8: return .uint8(values.map { UInt8(truncatingIfNeeded: type.wrap(truncatingDouble: $0)) })
        case .int32, .int64: return .int64(values.map { type.wrap(truncatingDouble: $0) })
        }
    }

    /// The same values with another shape (sizes must match).
    public func reshaped(_ newShape: [Int]) throws -> NDArray {
        try NDArray(storage, shape: newShape, elementType: elementType)
    }

    /// `a.astype(type)`.
    public func astype(_ type: ArrayElementType) -> NDArray {
        if type == elementType { return self }
        let buffer: NumericBuffer
        switch (storage, type) {
        case (.float64(let a), _): buffer = NDArray.buffer(a, type: type)
        case (_, .float32), (_, .float64): buffer = NDArray.buffer(storage.toDoubles(), type: type)
        case (_, .bool): buffer = .bool(storage.toInt64s().map { $0 != 0 })
        case (.uint8(let a), .int32), (.uint8(let a), .int64): buffer = .uint8(a)
        default:
            let ints = storage.toInt64s()
            buffer = type == .uint8 ? .uint8(ints.map { UInt8(truncatingIfNeeded: $0) }) : .int64(ints.map { type.wrap($0) })
        }
        return NDArray(unchecked: buffer, shape: shape, elementType: type)
    }

    /// The value at flat position `i` as this array's Python scalar.
    public func scalar(at i: Int) -> FrameScalar { storage.scalar(at: i) }

    /// The values, each converted to Int64 (for integer and bool arrays).
    public var int64Values: [Int64] { storage.toInt64s() }
    /// The values as Doubles.
    public var doubleValues: [Double] { storage.toDoubles() }

    /// Row-major strides in elements.
    public var elementStrides: [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) { s[i] = acc; acc *= shape[i] }
        return s
    }

    /// The elements at the flat positions, keeping the dtype.
    public func gathered(_ positions: [Int], shape newShape: [Int]) throws -> NDArray {
        try NDArray(storage.take(positions), shape: newShape, elementType: elementType)
    }
}
