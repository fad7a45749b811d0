/// Creation functions: from values, constant fills, ranges, identity.
extension Tensor {
    /// A 0-d tensor (`torch.tensor(3.)`).
    public convenience init(scalar: Scalar) {
        let storage = Storage(dtype: scalar.dtype, smallCount: 1)
        self.init(storage: storage, shape: [], strides: [], offset: 0)
        switch scalar {
        case .float(let v): storage.floats[0] = v
        case .int(let v): storage.ints[0] = v
        case .bool(let v): storage.bools[0] = v
        }
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
        try self.init(uninitialized: shape, dtype: dtype)
        try checkCount(scalars.count)
        switch dtype {
        case .float32: for (i, s) in scalars.enumerated() { storage.floats[i] = Float.fromScalar(s) }
        case .int64: for (i, s) in scalars.enumerated() { storage.ints[i] = Int64.fromScalar(s) }
        case .bool: for (i, s) in scalars.enumerated() { storage.bools[i] = Bool.fromScalar(s) }
        }
    }

    private func checkCount(_ count: Int) throws {
        if count != numel {
            throw TensorError(.valueError, "expected \(numel) values for shape \(Shape.describe(shape)), got \(count)")
        }
    }

    /// `torch.empty` (values unspecified; zero-filled here for determinism).
    public static func empty(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        try zeros(shape, dtype: dtype)
    }

    public static func zeros(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        let t = try Tensor(uninitialized: shape, dtype: dtype)
        t.storage.raw.initializeMemory(as: UInt8.self, repeating: 0, count: t.numel * dtype.itemSize)
        return t
    }

    public static func ones(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        try full(shape, value: .int(1), dtype: dtype)
    }

    /// `torch.full(shape, value)`; dtype defaults to the value's (float32, int64, bool).
    public static func full(_ shape: [Int], value: Scalar, dtype: DType? = nil) throws -> Tensor {
        let t = try Tensor(uninitialized: shape, dtype: dtype ?? value.dtype)
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
        let isFloat = start.dtype == .float32 || end.dtype == .float32 || step.dtype == .float32
        let dt = dtype ?? (isFloat ? .float32 : .int64)
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
        case .int64:
            if case .int(let si) = start, case .int(let sti) = step {
                for i in 0..<count { t.storage.ints[i] = si &+ Int64(i) &* sti }
            } else {
                for i in 0..<count { t.storage.ints[i] = Float(s + Double(i) * st).asInt }
            }
        case .bool:
            for i in 0..<count { t.storage.bools[i] = (s + Double(i) * st) != 0 }
        }
        return t
    }

    /// `torch.linspace(start, end, steps)` (float32) as ATen's CPU kernel computes it: the first
    /// half counts up from `start`, the second half down from `end`, each value one fused
    /// multiply-add in float (the kernel's `start + step * i` is contracted to an FMA), so the
    /// values equal PyTorch's bit for bit.
    public static func linspace(start: Double, end: Double, steps: Int, dtype: DType = .float32) throws -> Tensor {
        if steps < 0 { throw TensorError(.runtimeError, "number of steps must be non-negative") }
        let values = try Tensor(uninitialized: [steps], dtype: .float32)
        let p = values.storage.floats
        if steps == 1 { p[0] = Float(start) }
        if steps > 1 {
            let a = Float(start), b = Float(end)
            let step = (b - a) / Float(steps - 1)
            let half = steps / 2
            for i in 0..<steps {
                p[i] = i < half ? a.addingProduct(step, Float(i)) : b.addingProduct(-step, Float(steps - i - 1))
            }
        }
        return try values.to(dtype)
    }

    /// `torch.eye(n, m)`.
    public static func eye(n: Int, m: Int? = nil, dtype: DType = .float32) throws -> Tensor {
        let cols = m ?? n
        if n < 0 { throw TensorError(.runtimeError, "n must be greater or equal to 0, got \(n)") }
        if cols < 0 { throw TensorError(.runtimeError, "m must be greater or equal to 0, got \(cols)") }
        let t = try zeros([n, cols], dtype: dtype)
        for i in 0..<Swift.min(n, cols) {
            switch dtype {
            case .float32: t.storage.floats[i * cols + i] = 1
            case .int64: t.storage.ints[i * cols + i] = 1
            case .bool: t.storage.bools[i * cols + i] = true
            }
        }
        return t
    }
}

