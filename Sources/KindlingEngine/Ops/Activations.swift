/// The activation functions of `torch.nn.functional` beyond relu/sigmoid/tanh,
/// with PyTorch's grad_fn names and its refusal of integer inputs.
extension Tensor {
    private func floatActivation(_ kernel: String, _ f: UnaryMathFunction) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TensorError(.notImplementedError, "\"\(kernel)\" not implemented for '\(dtype.kernelName)'")
        }
        return try unaryMath(f)
    }

    /// `F.gelu(x, approximate='none'|'tanh')`.
    public func gelu(approximateTanh: Bool = false) throws -> Tensor {
        try floatActivation("GeluKernelImpl", .gelu(tanh: approximateTanh))
    }

    /// `F.silu`: x * sigmoid(x).
    public func silu() throws -> Tensor { try floatActivation("silu_cpu", .silu) }

    /// `F.softplus(x, beta, threshold)`: log(1 + exp(beta x)) / beta, linear above the threshold.
    public func softplus(beta: Double = 1, threshold: Double = 20) throws -> Tensor {
        try floatActivation("softplus_cpu", .softplus(beta: beta, threshold: threshold))
    }

    /// `F.elu(x, alpha)`.
    public func elu(alpha: Double = 1) throws -> Tensor { try floatActivation("elu_cpu", .elu(alpha: alpha)) }

    /// `F.logsigmoid`.
    public func logSigmoid() throws -> Tensor { try floatActivation("log_sigmoid_cpu", .logSigmoid) }

    /// `F.hardtanh(x, min_val, max_val)` (and `F.relu6` = hardtanh(0, 6)); integers are clamped in place of their dtype.
    public func hardtanh(min lo: Double = -1, max hi: Double = 1) throws -> Tensor {
        if dtype == .bool { throw TensorError(.runtimeError, "\"clamp_cpu\" not implemented for 'Bool'") }
        if !dtype.isFloatingPoint {
            return try GradMode.withNoGrad { try clamp(min: .float(lo), max: .float(hi)).to(dtype) }
        }
        return try unaryMath(.hardtanh(min: lo, max: hi))
    }
}
