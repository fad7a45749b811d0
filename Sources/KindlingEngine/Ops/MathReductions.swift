/// Reductions composed from the core ones but recorded as one autograd node
/// with PyTorch's name: vector norms, amax/amin, logsumexp, nansum and the
/// two outputs of var_mean/std_mean.
public enum MathReduction: Sendable, Equatable {
    /// `torch.linalg.vector_norm(x, ord)` (also `Tensor.norm`): LinalgVectorNormBackward0.
    case norm(Double)
    /// `torch.dist(a, b, p)`: the norm of a - b, recorded as DistBackward0.
    case dist(Double)
    case amax, amin, logsumexp, nansum
    /// The var (or std) output of `var_mean`/`std_mean`.
    case pairSpread(correction: Int, std: Bool)
    /// The mean output of `var_mean`/`std_mean`.
    case pairMean(std: Bool)

    public var gradName: String {
        switch self {
        case .norm: return "LinalgVectorNormBackward0"
        case .dist: return "DistBackward0"
        case .amax: return "AmaxBackward0"
        case .amin: return "AminBackward0"
        case .logsumexp: return "LogsumexpBackward0"
        case .nansum: return "NansumBackward0"
        case .pairSpread(_, let std), .pairMean(let std): return std ? "StdMeanBackward0" : "VarMeanBackward0"
        }
    }
}

extension Tensor {
    /// `dims` wrapped and checked as PyTorch does; nil or empty means every dim.
    public func reductionDims(_ dims: [Int]?) throws -> [Int] {
        guard let dims, !dims.isEmpty else { return Array(0..<dim) }
        var seen: [Int] = []
        for d in dims {
            let w = try Shape.wrapDim(d, rank: Swift.max(dim, 1))
            if seen.contains(w) { throw TensorError(.runtimeError, "dim \(w) appears multiple times in the list of dims") }
            seen.append(w)
        }
        return dim == 0 ? [] : seen.sorted()
    }

    /// Reduces `dims` one at a time with `step` (keeping them), then drops them unless `keepdim`.
    private func foldDims(_ dims: [Int], keepdim: Bool, _ step: (Tensor, Int) throws -> Tensor) throws -> Tensor {
        var r = self
        for d in dims.reversed() { r = try step(r, d) }
        if !keepdim { for d in dims.reversed() { r = try r.squeeze(d) } }
        return dims.isEmpty ? try CopyKernel.materialize(self, dtype: dtype) : r
    }

    /// `amax`/`amin` over `dims` (all when nil/empty); the gradient is shared
    /// evenly among tied extremes, as PyTorch's.
    public func amax(dims: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
        try extremeValues(.amax, dims, keepdim)
    }

    public func amin(dims: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
        try extremeValues(.amin, dims, keepdim)
    }

    private func extremeValues(_ kind: MathReduction, _ given: [Int]?, _ keepdim: Bool) throws -> Tensor {
        let dims = try reductionDims(given)
        let name = kind == .amax ? "amax" : "amin"
        for d in dims where shape[d] == 0 {
            throw TensorError(.indexError, "\(name)(): Expected reduction dim \(d) to have non-zero size.")
        }
        if numel == 0 && dims.isEmpty && dim > 0 {
            throw TensorError(.runtimeError, "\(name)(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
        }
        let out = try GradMode.withNoGrad {
            try foldDims(dims, keepdim: keepdim) { t, d in
                kind == .amax ? try t.max(dim: d, keepdim: true).values : try t.min(dim: d, keepdim: true).values
            }
        }
        return try recordReduction(kind, out, dims, keepdim)
    }

    /// `logsumexp(dims, keepdim)`: log(sum(exp(x - m))) + m with m the (finite) maximum.
    public func logsumexp(dims given: [Int], keepdim: Bool = false) throws -> Tensor {
        let dims = try reductionDims(given)
        let x = try converted(to: dtype.floatResult)
        let out = try GradMode.withNoGrad { () -> Tensor in
            if x.numel == 0 {
                return try x.exp().sum(dims: dims, keepdim: keepdim).log()
            }
            var m = try x.amax(dims: dims, keepdim: true)
            m = try Tensor.where_(try m.isInfinite(), .scalar(.float(0)), .tensor(m))
            let shifted = try Tensor.binary(.sub, .tensor(x), .tensor(m))
            let s = try shifted.exp().sum(dims: dims, keepdim: keepdim).log()
            var mr = m
            if !keepdim { for d in dims.reversed() { mr = try mr.squeeze(d) } }
            return try Tensor.binary(.add, .tensor(s), .tensor(mr))
        }
        return try recordReduction(.logsumexp, out, dims, keepdim)
    }

    /// `nansum`: the sum treating NaN as zero (integers sum as `sum` does).
    public func nansum(dims given: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
        guard dtype.isFloatingPoint else { return try sum(dims: (given ?? []).isEmpty ? nil : given, keepdim: keepdim) }
        let dims = try reductionDims(given)
        let out = try GradMode.withNoGrad {
            try Tensor.where_(try isNaN(), .scalar(.float(0)), .tensor(self)).sum(dims: dims, keepdim: keepdim)
        }
        return try recordReduction(.nansum, out, dims, keepdim)
    }

    /// `var_mean`/`std_mean`: (var or std, mean), both recorded under one name as PyTorch's pair.
    public func spreadAndMean(dims given: [Int]?, correction: Int, keepdim: Bool, std: Bool) throws -> (Tensor, Tensor) {
        let dims = try reductionDims(given)
        let (spread, mean) = try GradMode.withNoGrad { () -> (Tensor, Tensor) in
            let d: [Int]? = (given ?? []).isEmpty ? nil : dims
            return (std ? try self.std(dims: d, correction: correction, keepdim: keepdim)
                        : try variance(dims: d, correction: correction, keepdim: keepdim),
                    try self.mean(dims: d, keepdim: keepdim))
        }
        return (try recordReduction(.pairSpread(correction: correction, std: std), spread, dims, keepdim),
                try recordReduction(.pairMean(std: std), mean, dims, keepdim))
    }

    /// Attaches the reduction's node when this tensor needs a gradient.
    func recordReduction(_ kind: MathReduction, _ out: Tensor, _ dims: [Int], _ keepdim: Bool) throws -> Tensor {
        if Tensor.needsGrad(self) && out.dtype.isFloatingPoint {
            out.attach(.mathReduction(kind, x: SavedTensor(self), result: SavedTensor(output: out, producer: kind.gradName),
                                      dims: dims, keepdim: keepdim), [self])
        }
        return out
    }
}
