import KindlingEngine
import KindlingLanguage

/// The `out=` argument of torch functions: the result is written into the
/// given tensor, which is returned.
enum OutArgument {
    static func store(_ result: Value, into out: Value, function: String) throws -> Value {
        guard let dst = out.tensorValue else {
            throw pyError(.typeError, "\(function)(): argument 'out' must be Tensor, not \(out.typeName)")
        }
        guard let src = result.tensorValue else { throw notSupported("torch.\(function)(out=...)") }
        if GradMode.isEnabled && (src.requiresGrad || dst.requiresGrad) {
            throw pyError(.runtimeError, "\(function)(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.")
        }
        if src.dtype != dst.dtype {
            throw pyError(.runtimeError, "Found dtype \(kernelName(dst.dtype)) but expected \(kernelName(src.dtype))")
        }
        if src.shape != dst.shape {
            throw notSupported("\(function)(out=...) with an out tensor of another shape (\(dst.shape) for a \(src.shape) result)")
        }
        _ = try dst.copy_(src)
        return out
    }

    /// PyTorch's scalar type name ("Float", "Long", ...).
    static func kernelName(_ d: DType) -> String {
        let names = ["torch.float32": "Float", "torch.int64": "Long", "torch.bool": "Bool", "torch.float64": "Double", "torch.int32": "Int"]
        return names[d.description] ?? d.description
    }
}
