/// `torch.where(cond, a, b)` with broadcasting and type promotion.
extension Tensor {
    public static func where_(_ cond: Tensor, _ lhs: Operand, _ rhs: Operand) throws -> Tensor {
        guard cond.dtype == .bool else {
            throw TensorError(.runtimeError,
                "where expected condition to be a boolean tensor, but got a tensor with dtype \(cond.dtype.kernelName)")
        }
        var dimensioned: [DType] = [], zeroDim: [DType] = [], scalars: [DType] = []
        for o in [lhs, rhs] {
            switch o {
            case .tensor(let t): if t.dim == 0 { zeroDim.append(t.dtype) } else { dimensioned.append(t.dtype) }
            case .scalar(let s): scalars.append(s.dtype)
            }
        }
        let dt = DType.resultType(dimensioned: dimensioned, zeroDim: zeroDim, scalars: scalars)
        func materialize(_ o: Operand) throws -> Tensor {
            switch o {
            case .tensor(let t): return t
            case .scalar(let s): return try scalarTensor(s, dt)
            }
        }
        let a0 = try materialize(lhs), b0 = try materialize(rhs)
        let shape = try Shape.broadcast(try Shape.broadcast(cond.shape, a0.shape), b0.shape)
        let a = try a0.converted(to: dt), b = try b0.converted(to: dt)
        let out = try Tensor.empty(shape, dt)
        switch dt {
        case .float32: select(cond, a, b, out, Float.self)
        case .float64: select(cond, a, b, out, Double.self)
        case .int32: select(cond, a, b, out, Int32.self)
        case .int64: select(cond, a, b, out, Int64.self)
        case .bool: select(cond, a, b, out, Bool.self)
        }
        if dt.isFloatingPoint && needsGrad(a0, b0) {
            out.attach(.whereSelect(cond: cond, a0.shape, b0.shape), [a0, b0])
        }
        return out
    }

    private static func select<T: TensorElement>(_ cond: Tensor, _ a: Tensor, _ b: Tensor, _ out: Tensor, _: T.Type) {
        ElementwiseKernel.map3(cond, a, b, out) { (c: Bool, x: T, y: T) -> T in c ? x : y }
    }
}
