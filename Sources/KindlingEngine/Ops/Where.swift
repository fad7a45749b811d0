/// `torch.where(cond, a, b)` with broadcasting and type promotion.
extension Tensor {
    public static func where_(_ cond: Tensor, _ lhs: Operand, _ rhs: Operand) throws -> Tensor {
        guard cond.dtype == .bool else {
            throw TensorError(.runtimeError,
                "where expected condition to be a boolean tensor, but got a tensor with dtype \(cond.dtype.kernelName)")
        }
        func dtypeOf(_ o: Operand) -> DType {
            switch o { case .tensor(let t): return t.dtype; case .scalar(let s): return s.dtype }
        }
        let dt = DType.promote(dtypeOf(lhs), dtypeOf(rhs))
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
        case .float32: ElementwiseKernel.map3(cond, a, b, out) { (c: Bool, x: Float, y: Float) -> Float in c ? x : y }
        case .int64: ElementwiseKernel.map3(cond, a, b, out) { (c: Bool, x: Int64, y: Int64) -> Int64 in c ? x : y }
        case .bool: ElementwiseKernel.map3(cond, a, b, out) { (c: Bool, x: Bool, y: Bool) -> Bool in c ? x : y }
        }
        if dt == .float32 && needsGrad(a0, b0) {
            out.attach(.whereSelect(cond: cond, a0.shape, b0.shape), [a0, b0])
        }
        return out
    }
}
