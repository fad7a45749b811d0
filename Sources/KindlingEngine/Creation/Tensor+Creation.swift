/// Creation functions: from values, constant fills, ranges, identity.
extension Tensor {
    /// A 0-d tensor (`torch.tensor(3.)`).
    public convenience init(scalar: Scalar) {
        self.init(scalar: scalar, dtype: scalar.dtype)
    }

    /// A 0-d tensor of `dtype` holding `scalar` converted to it.
    public convenience init(scalar: Scalar, dtype: DType) {
        let storage = Storage(dtype: dtype, smallCount: 1)
        self.init(storage: storage, shape: [], strides: [], offset: 0)
        CopyKernel.fill(self, scalar)
    }

    /// A float64 tensor of `shape` from row-major values.
    public convenience init(shape: [Int], doubles: [Double]) throws {
        try self.init(uninitialized: shape, dtype: .float64)
        try checkCount(doubles.count)
        doubles.withUnsafeBufferPointer { if let b = $0.baseAddress { storage.pointer(Double.self).update(from: b, count: numel) } }
    }

    /// An int32 tensor of `shape` from row-major values.
    public convenience init(shape: [Int], int32s: [Int32]) throws {
        try self.init(uninitialized: shape, dtype: .int32)
        try checkCount(int32s.count)
        int32s.withUnsafeBufferPointer { if let b = $0.baseAddress { storage.pointer(Int32.self).update(from: b, count: numel) } }
    }

    /// A float32 tensor of `shape` from row-major values.
    public convenience init(shape: [Int], floats: [Float]) throws {
        try self.init(uninitialized: shape, dtype: .float32)
        try checkCount(floats.count)
        floats.withUnsafeBufferPointer { if let b = $0.baseAddress { storage.floats.update(from: b, count: numel) } }
    }

    /// An int64 tensor of `shape` from row-major values.
    public convenience init(shape: [Int], ints: [Int64]) throws {
        try self.init(uninitialized: shape, dtype: .int64)
        try checkCount(ints.count)
        ints.withUnsafeBufferPointer { if let b = $0.baseAddress { storage.ints.update(from: b, count: numel) } }
    }

    /// A bool tensor of `shape` from row-major values.
    public convenience init(shape: [Int], bools: [Bool]) throws {
        try self.init(uninitialized: shape, dtype: .bool)
        try checkCount(bools.count)
        bools.withUnsafeBufferPointer { if let b = $0.baseAddress { storage.bools.update(from: b, count: numel) } }
    }

    /// A tensor of `shape` and `dtype` from scalars (converted to `dtype`).
    public convenience init(shape: [Int], scalars: [Scalar], dtype: DType) throws {
        if dtype == .int32 || dtype == .int64 {
            for s in scalars { try s.checkFits(in: dtype, naming: .dtype) }
        }
        try self.init(uninitialized: shape, dtype: dtype)
        try checkCount(scalars.count)
        switch dtype {
        case .float32: fill(Float.self, scalars)
        case .float64: fill(Double.self, scalars)
        case .int32: fill(Int32.self, scalars)
        case .int64: fill(Int64.self, scalars)
        case .bool: fill(Bool.self, scalars)
        }
    }

    private func fill<T: TensorElement>(_: T.Type, _ scalars: [Scalar]) {
        let p = storage.pointer(T.self)
        for (i, s) in scalars.enumerated() { p[i] = T.fromScalar(s) }
    }

    private func checkCount(_ count: Int) throws {
        if count != numel {
            throw TensorError(.valueError, "expected \(numel) values for shape \(Shape.describe(shape)), got \(count)")
        }
    }

    /// `torch.empty` (values unspecified; zero-filled here for determinism).
    public static func empty(_ shape: [Int], dtype: DType? = nil) throws -> Tensor {
        try zeros(shape, dtype: dtype)
    }

    public static func zeros(_ shape: [Int], dtype: DType? = nil) throws -> Tensor {
        let dtype = dtype ?? DType.defaultFloat
        let t = try Tensor(uninitialized: shape, dtype: dtype)
        t.storage.raw.initializeMemory(as: UInt8.self, repeating: 0, count: t.numel * dtype.itemSize)
        return t
    }

    public static func ones(_ shape: [Int], dtype: DType? = nil) throws -> Tensor {
        try full(shape, value: .int(1), dtype: dtype ?? DType.defaultFloat)
    }

    /// `torch.full(shape, value)`; dtype defaults to the value's (default float, int64, bool).
    public static func full(_ shape: [Int], value: Scalar, dtype: DType? = nil) throws -> Tensor {
        let dtype = dtype ?? value.dtype
        try value.checkFits(in: dtype, naming: .element)
        let t = try Tensor(uninitialized: shape, dtype: dtype)
        CopyKernel.fill(t, value)
        return t
    }

    public static func zerosLike(_ t: Tensor, dtype: DType? = nil) throws -> Tensor { try zeros(t.shape, dtype: dtype ?? t.dtype) }
    public static func onesLike(_ t: Tensor, dtype: DType? = nil) throws -> Tensor { try ones(t.shape, dtype: dtype ?? t.dtype) }
    public static func fullLike(_ t: Tensor, value: Scalar, dtype: DType? = nil) throws -> Tensor {
        try full(t.shape, value: value, dtype: dtype ?? t.dtype)
    }

    /// `torch.arange(start, end, step)`; int64 unless any argument is a float.
    public static func arange(start: Scalar = .int(0), end: Scalar, step: Scalar = .int(1), dtype: DType? = nil) throws -> Tensor {
        let isFloat = start.dtype.isFloatingPoint || end.dtype.isFloatingPoint || step.dtype.isFloatingPoint
        let dt = dtype ?? (isFloat ? DType.defaultFloat : .int64)
        let s = start.doubleValue, e = end.doubleValue, st = step.doubleValue
        if st == 0 { throw TensorError(.runtimeError, "step must be nonzero") }
        if !s.isFinite || !e.isFinite {
            throw TensorError(.runtimeError, "unsupported range: \(s) -> \(e)")
        }
        if (st > 0 && e < s) || (st < 0 && e > s) {
            throw TensorError(.runtimeError, "upper bound and larger bound inconsistent with step sign")
        }
        let countD = ((e - s) / st).rounded(.up)
        if !countD.isFinite || countD > Double(Int.max / 16) {
            throw TensorError(.runtimeError,
                "Storage size calculation overflowed with sizes=[\(countD)]")
        }
        let count = Swift.max(Int(countD), 0)
        let t = try Tensor(uninitialized: [count], dtype: dt)
        switch dt {
        case .float32:
            for i in 0..<count { t.storage.floats[i] = Float(s + Double(i) * st) }
        case .float64:
            let p = t.storage.pointer(Double.self)
            for i in 0..<count { p[i] = s + Double(i) * st }
        case .int32, .int64:
            var values = [Int64](repeating: 0, count: count)
            if case .int(let si) = start, case .int(let sti) = step {
                for i in 0..<count { values[i] = si &+ Int64(i) &* sti }
            } else {
                for i in 0..<count { values[i] = Float(s + Double(i) * st).asInt }
            }
            if dt == .int64 {
                for i in 0..<count { t.storage.ints[i] = values[i] }
            } else {
                let p = t.storage.pointer(Int32.self)
                for i in 0..<count { p[i] = Int32(truncatingIfNeeded: values[i]) }
            }
        case .bool:
            for i in 0..<count { t.storage.bools[i] = (s + Double(i) * st) != 0 }
        }
        return t
    }

    /// `torch.linspace(start, end, steps)` as ATen's CPU kernel computes it, in the float
    /// dtype (float32 for integer results): the first half counts up from `start`, the
    /// second half down from `end`, each value one fused multiply-add (the kernel's
    /// `start + step * i` is contracted to an FMA), so the values equal PyTorch's bit for bit.
    public static func linspace(start: Double, end: Double, steps: Int, dtype: DType? = nil) throws -> Tensor {
        if steps < 0 { throw TensorError(.runtimeError, "number of steps must be non-negative") }
        let target = dtype ?? DType.defaultFloat
        if target == .float64 {
            let values = try Tensor(uninitialized: [steps], dtype: .float64)
            linspaceFill(values.storage.pointer(Double.self), start, end, steps)
            return values
        }
        if !target.isFloatingPoint {
            // ATen converts start and end to the integer type first, steps in double and truncates.
            let (limit, typeName) = target == .int32 ? (2_147_483_648.0, "int") : (9_223_372_036_854_775_808.0, "int64_t")
            func integral(_ v: Double) throws -> Double {
                let whole = v.rounded(.towardZero)
                guard whole.isFinite, whole >= -limit, whole < limit else {
                    throw TensorError(.runtimeError, "value cannot be converted to type \(typeName) without overflow")
                }
                return whole
            }
            let values = try Tensor(uninitialized: [steps], dtype: .float64)
            linspaceFill(values.storage.pointer(Double.self), try integral(start), try integral(end), steps)
            return try values.to(target)
        }
        let values = try Tensor(uninitialized: [steps], dtype: .float32)
        linspaceFill(values.storage.floats, Float(start), Float(end), steps)
        return try values.to(target)
    }

    private static func linspaceFill<T: BinaryFloatingPoint>(_ p: UnsafeMutablePointer<T>, _ a: T, _ b: T, _ steps: Int) {
        if steps == 1 { p[0] = a }
        guard steps > 1 else { return }
        let step = (b - a) / T(steps - 1)
        let half = steps / 2
        for i in 0..<steps {
            p[i] = i < half ? a.addingProduct(step, T(i)) : b.addingProduct(-step, T(steps - i - 1))
        }
    }

    /// `torch.eye(n, m)`.
    public static func eye(n: Int, m: Int? = nil, dtype: DType? = nil) throws -> Tensor {
        let cols = m ?? n
        if n < 0 { throw TensorError(.runtimeError, "n must be greater or equal to 0, got \(n)") }
        if cols < 0 { throw TensorError(.runtimeError, "m must be greater or equal to 0, got \(cols)") }
        let t = try zeros([n, cols], dtype: dtype)
        let diagonal = Tensor(storage: t.storage, shape: [Swift.min(n, cols)], strides: [cols + 1], offset: 0)
        CopyKernel.fill(diagonal, .int(1))
        return t
    }
}

