/// PyTorch's tensor printing (torch/_tensor_str.py). PLACEHOLDER: the
/// signature is fixed, the body is replaced by the printing work.
public enum TensorFormatter {
    /// `repr(t)` exactly as PyTorch prints it, with `requires_grad=True` or
    /// `grad_fn=<NAME>` suffixes when given (grad_fn wins, as in PyTorch).
    public static func repr(_ t: some FormattableTensor, requiresGrad: Bool = false, gradFnName: String? = nil) -> String {
        "tensor(<\(t.shape)>)"
    }

    /// `torch.Size([2, 3])`
    public static func sizeRepr(_ shape: [Int]) -> String {
        "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
    }
}
