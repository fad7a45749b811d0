/// Reductions over all elements or over `dims` (negative and tuples ok), with keepdim.
extension Tensor {
    /// `sum()` / `sum(dims, keepdim)`. Integer and bool tensors sum to int64.
    public func sum(dims: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
        let l = try ReductionLayout.make(self, dims: dims, keepdim: keepdim)
        if dtype == .float32 {
            let out = try Tensor.empty(l.outShape, .float32)
            ReduceKernel.sumFloat(l, out.basePointer(Float.self))
            if Tensor.needsGrad(self) {
                out.attach(dims == nil ? .sumAll(shape) : .sumDims(shape, l.dims, keepdim), [self])
            }
            return out
        }
        if dtype == .float64 {
            let out = try Tensor.empty(l.outShape, .float64)
            ReduceKernel.sumDouble(l, out.basePointer(Double.self))
            if Tensor.needsGrad(self) {
                out.attach(dims == nil ? .sumAll(shape) : .sumDims(shape, l.dims, keepdim), [self])
            }
            return out
        }
        let li = dtype == .int64 ? l : try ReductionLayout.make(try converted(to: .int64), dims: dims, keepdim: keepdim)
        let out = try Tensor.empty(l.outShape, .int64)
        ReduceKernel.fold(li, out.basePointer(Int64.self), Int64(0)) { (a: Int64, v: Int64) in a &+ v }
        return out
    }

    /// `mean()` / `mean(dims, keepdim)`; floating point only, as in PyTorch.
    public func mean(dims: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TensorError(.notImplementedError,
                "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(dtype.kernelName)")
        }
        let l = try ReductionLayout.make(self, dims: dims, keepdim: keepdim)
        let out = try Tensor.empty(l.outShape, dtype)
        if dtype == .float64 {
            ReduceKernel.sumDouble(l, out.basePointer(Double.self), divisor: Double(l.r))
        } else {
            ReduceKernel.sumFloat(l, out.basePointer(Float.self), mean: true)
        }
        if l.r == 0 { CopyKernel.fill(out, .float(.nan)) }
        if Tensor.needsGrad(self) {
            out.attach(dims == nil ? .meanAll(shape) : .meanDims(shape, l.dims, keepdim, l.r), [self])
        }
        return out
    }

    /// `prod()` / `prod(dim, keepdim)`.
    public func prod(dim d: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        let dims = d.map { [$0] }
        if dtype.isFloatingPoint {
            let l = try ReductionLayout.make(self, dims: dims, keepdim: keepdim)
            let out = try Tensor.empty(l.outShape, dtype)
            if dtype == .float64 {
                ReduceKernel.fold(l, out.basePointer(Double.self), 1.0) { (acc: Double, v: Double) in acc * v }
            } else {
                var acc = [Double](repeating: 1, count: l.outCount)
                acc.withUnsafeMutableBufferPointer { a in
                    if let base = a.baseAddress {
                        ReduceKernel.fold(l, base, 1.0) { (acc: Double, v: Float) in acc * Double(v) }
                    }
                }
                let po = out.basePointer(Float.self)
                for i in 0..<l.outCount { po[i] = Float(acc[i]) }
            }
            if Tensor.needsGrad(self) {
                out.attach(.prod(x: SavedTensor(self), result: SavedTensor(output: out, producer: d == nil ? "ProdBackward0" : "ProdBackward1"), dim: l.dims.first, all: d == nil, keepdim: keepdim), [self])
            }
            return out
        }
        let l = try ReductionLayout.make(try converted(to: .int64), dims: dims, keepdim: keepdim)
        let out = try Tensor.empty(l.outShape, .int64)
        ReduceKernel.fold(l, out.basePointer(Int64.self), Int64(1)) { (a: Int64, v: Int64) in a &* v }
        return out
    }

    /// `max()` over all elements (0-d result).
    public func max() throws -> Tensor { try extremumAll(isMax: true) }
    /// `min()` over all elements (0-d result).
    public func min() throws -> Tensor { try extremumAll(isMax: false) }

    /// `max(dim, keepdim)` -> (values, indices).
    public func max(dim d: Int, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try extremumDim(isMax: true, d, keepdim)
    }

    /// `min(dim, keepdim)` -> (values, indices).
    public func min(dim d: Int, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try extremumDim(isMax: false, d, keepdim)
    }

    /// `argmax()` (flat index) or `argmax(dim, keepdim)`.
    public func argmax(dim d: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        try argExtremum(isMax: true, d, keepdim)
    }

    public func argmin(dim d: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        try argExtremum(isMax: false, d, keepdim)
    }

    private func extremumAll(isMax: Bool) throws -> Tensor {
        if numel == 0 {
            throw TensorError(.runtimeError,
                "\(isMax ? "max" : "min")(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
        }
        let (values, _) = try runExtremum(isMax: isMax, dims: nil, keepdim: false, wantIndices: false)
        if Tensor.needsGrad(self) {
            values.attach(.extremumAll(isMax: isMax, x: SavedTensor(self), result: SavedTensor(output: values, producer: isMax ? "MaxBackward1" : "MinBackward1")), [self])
        }
        return values
    }

    private func extremumDim(isMax: Bool, _ d: Int, _ keepdim: Bool) throws -> (values: Tensor, indices: Tensor) {
        let w = try Shape.wrapDim(d, rank: dim)
        if dim > 0 && shape[w] == 0 {
            throw TensorError(.indexError,
                "\(isMax ? "max" : "min")(): Expected reduction dim \(w) to have non-zero size.")
        }
        let (values, indices) = try runExtremum(isMax: isMax, dims: [w], keepdim: keepdim, wantIndices: true)
        if Tensor.needsGrad(self) {
            values.attach(.extremumDim(isMax: isMax, indices: indices, shape, w, keepdim), [self])
        }
        return (values, indices)
    }

    private func argExtremum(isMax: Bool, _ d: Int?, _ keepdim: Bool) throws -> Tensor {
        if let d = d {
            let w = try Shape.wrapDim(d, rank: dim)
            if dim > 0 && shape[w] == 0 {
                throw TensorError(.indexError, "arg\(isMax ? "max" : "min")(): Expected reduction dim \(w) to have non-zero size.")
            }
            return try runExtremum(isMax: isMax, dims: [w], keepdim: keepdim, wantIndices: true).1
        }
        if numel == 0 {
            throw TensorError(.runtimeError,
                "arg\(isMax ? "max" : "min")(): Expected reduction dim to be specified for input.numel() == 0.")
        }
        let flat = try contiguousValues()
        let r = try Tensor(storage: flat.storage, shape: [numel], strides: [1], offset: flat.storageOffset)
            .runExtremum(isMax: isMax, dims: nil, keepdim: false, wantIndices: true).1
        if keepdim { return try r.reshape([Int](repeating: 1, count: dim)) }
        return r
    }

    /// Values (and positions along the reduced block) of the max/min.
    private func runExtremum(isMax: Bool, dims: [Int]?, keepdim: Bool, wantIndices: Bool) throws -> (Tensor, Tensor) {
        let src = dtype == .bool ? try converted(to: .int64) : self
        let l = try ReductionLayout.make(src, dims: dims, keepdim: keepdim)
        let indices = try Tensor.empty(wantIndices ? l.outShape : [0], .int64)
        let ip: UnsafeMutablePointer<Int64>? = wantIndices ? indices.basePointer(Int64.self) : nil
        let values = try Tensor.empty(l.outShape, src.dtype)
        switch src.dtype {
        case .float32: ReduceKernel.extremum(l, isMax: isMax, Float.self, values.basePointer(Float.self), ip)
        case .float64: ReduceKernel.extremum(l, isMax: isMax, Double.self, values.basePointer(Double.self), ip)
        case .int32: ReduceKernel.extremum(l, isMax: isMax, Int32.self, values.basePointer(Int32.self), ip)
        case .int64, .bool: ReduceKernel.extremum(l, isMax: isMax, Int64.self, values.basePointer(Int64.self), ip)
        }
        return (dtype == .bool ? try values.to(.bool) : values, indices)
    }

    /// `var(dims, correction, keepdim)` (correction 1 = unbiased, PyTorch's default).
    public func variance(dims: [Int]? = nil, correction: Int = 1, keepdim: Bool = false) throws -> Tensor {
        try varianceOrStd(dims: dims, correction: correction, keepdim: keepdim, std: false)
    }

    /// `std(dims, correction, keepdim)`.
    public func std(dims: [Int]? = nil, correction: Int = 1, keepdim: Bool = false) throws -> Tensor {
        try varianceOrStd(dims: dims, correction: correction, keepdim: keepdim, std: true)
    }

    private func varianceOrStd(dims: [Int]?, correction: Int, keepdim: Bool, std: Bool) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TensorError(.notImplementedError, "std and var only support floating point and complex dtypes")
        }
        let l = try ReductionLayout.make(self, dims: dims, keepdim: keepdim)
        let out = try Tensor.empty(l.outShape, dtype)
        if dtype == .float64 {
            ReduceKernel.variance(l, correction: correction, std: std, out.basePointer(Double.self))
        } else {
            ReduceKernel.variance(l, correction: correction, std: std, out.basePointer(Float.self))
        }
        if Tensor.needsGrad(self) {
            out.attach(.variance(x: SavedTensor(self), dims: l.dims, correction: correction, keepdim: keepdim,
                                 std: std ? SavedTensor(output: out, producer: "StdBackward0") : nil), [self])
        }
        return out
    }

    /// `cumsum(dim)`; integer and bool tensors accumulate in int64.
    public func cumsum(dim d: Int) throws -> Tensor {
        let w = try Shape.wrapDim(d, rank: dim)
        let src = dtype.isFloatingPoint ? self : try converted(to: .int64)
        let l = try ReductionLayout.make(src, dims: dim == 0 ? nil : [w], keepdim: true)
        let out = try Tensor.empty(shape, src.dtype)
        let r = l.r, inner = l.inner
        if src.dtype.isFloatingPoint {
            if dtype == .float64 {
                ReduceKernel.cumulativeSum(l, out.basePointer(Double.self))
            } else {
                ReduceKernel.cumulativeSum(l, out.basePointer(Float.self))
            }
            if Tensor.needsGrad(self) { out.attach(.cumsum(w), [self]) }
        } else {
            let x = l.source.basePointer(Int64.self), po = out.basePointer(Int64.self)
            for o in 0..<l.outer {
                for i in 0..<inner {
                    var acc: Int64 = 0
                    for k in 0..<r { let j = (o * r + k) * inner + i; acc &+= x[j]; po[j] = acc }
                }
            }
        }
        return out
    }

    /// `all()` / `all(dim, keepdim)`: bool result.
    public func all(dim d: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        try boolFold(d, keepdim, initial: true) { $0 && $1 }
    }

    /// `any()` / `any(dim, keepdim)`: bool result.
    public func any(dim d: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        try boolFold(d, keepdim, initial: false) { $0 || $1 }
    }

    private func boolFold(_ d: Int?, _ keepdim: Bool, initial: Bool, _ f: (Bool, Bool) -> Bool) throws -> Tensor {
        let b = try converted(to: .bool)
        let l = try ReductionLayout.make(b, dims: d.map { [$0] }, keepdim: keepdim)
        let out = try Tensor.empty(l.outShape, .bool)
        ReduceKernel.fold(l, out.basePointer(Bool.self), initial) { (a: Bool, v: Bool) in f(a, v) }
        return out
    }
}
