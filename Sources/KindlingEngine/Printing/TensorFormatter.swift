/// PyTorch's tensor printing (torch/_tensor_str.py), character for character.
///
///     TensorFormatter.repr(t)                       // tensor([[1., 2.],\n        [3., 4.]])
///     TensorFormatter.repr(t, gradFnName: "MulBackward0")
///     TensorFormatter.sizeRepr([2, 3])              // torch.Size([2, 3])
///     TensorFormatter.scalarRepr(.float(0.3))       // 0.30000001192092896
public enum TensorFormatter {
    /// The options `repr` uses, as `torch.set_printoptions` sets them.
    public static var options = PrintOptions()

    /// `repr(t)` exactly as PyTorch prints it, with `requires_grad=True` or
    /// `grad_fn=<NAME>` suffixes when given (grad_fn wins, as in PyTorch).
    public static func repr(_ t: some FormattableTensor, requiresGrad: Bool = false, gradFnName: String? = nil) -> String {
        repr(t, requiresGrad: requiresGrad, gradFnName: gradFnName, options: options)
    }

    /// `repr(t)` under explicit print options.
    public static func repr(_ t: some FormattableTensor, requiresGrad: Bool, gradFnName: String?,
                            options: PrintOptions) -> String {
        let options = options.sanitized
        let prefix = "tensor("
        let indent = prefix.count
        var suffixes: [String] = []
        let layout = TensorLayout(t, options: options)
        let body = layout.body(indent: indent)

        if elementCount(of: t.shape) == 0 {
            // An empty tensor shows its shape unless it is 1-D, and any dtype
            // but the default float one, since no element can hint at it.
            if t.shape.count != 1 { suffixes.append("size=" + tupleRepr(t.shape)) }
            if t.dtype != DType.defaultFloat { suffixes.append("dtype=" + t.dtype.description) }
        } else if !hasDefaultDType(t.dtype) {
            suffixes.append("dtype=" + t.dtype.description)
        }
        if let gradFnName {
            suffixes.append("grad_fn=<\(gradFnName)>")
        } else if requiresGrad {
            suffixes.append("requires_grad=True")
        }
        return addSuffixes(prefix + body, suffixes, indent: indent, lineWidth: options.lineWidth)
    }

    /// `repr` of an `nn.Parameter`: `Parameter containing:` on its own line,
    /// then the tensor's repr (torch.nn.Parameter.__repr__).
    public static func parameterRepr(_ t: some FormattableTensor, requiresGrad: Bool = true) -> String {
        "Parameter containing:\n" + repr(t, requiresGrad: requiresGrad)
    }

    /// `repr` of a `torch.return_types` tuple such as `t.max(1)`:
    /// `torch.return_types.max(\nvalues=tensor([3., 6.]),\nindices=tensor([2, 2]))`.
    /// Field reprs are inserted as they are, without re-indenting.
    public static func returnTypesRepr(_ name: String, fields: [(name: String, repr: String)]) -> String {
        "torch.return_types." + name + "(\n"
            + fields.map { $0.name + "=" + $0.repr }.joined(separator: ",\n") + ")"
    }

    /// `torch.Size([2, 3])`
    public static func sizeRepr(_ shape: [Int]) -> String {
        "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
    }

    /// Python's `repr` of `t.item()` (and of each `tolist()` entry): `2.5`,
    /// `0.30000001192092896` (the float32 value widened to a double), `7`, `True`.
    public static func scalarRepr(_ s: Scalar) -> String {
        switch s {
        case .float(let f): return PythonFloatFormat.repr(f)
        case .int(let i): return String(i)
        case .bool(let b): return b ? "True" : "False"
        }
    }

    /// Python's `str(tuple)`: `(0, 3)`, `(0,)`, `()`.
    static func tupleRepr(_ values: [Int]) -> String {
        if values.count == 1 { return "(\(values[0]),)" }
        return "(" + values.map(String.init).joined(separator: ", ") + ")"
    }

    /// Dtypes PyTorch does not name in a non-empty tensor's repr.
    private static func hasDefaultDType(_ dtype: DType) -> Bool {
        // torch names every dtype but the default float one, int64 and bool.
        dtype == DType.defaultFloat || dtype == .int64 || dtype == .bool
    }

    /// `_add_suffixes`: each suffix follows a comma, on a new line (indented
    /// under the opening bracket) when it would pass the line width.
    static func addSuffixes(_ text: String, _ suffixes: [String], indent: Int, lineWidth: Int) -> String {
        var result = text
        // torch measures the last line as len - rfind("\n") + 1, which is two
        // more than its length (rfind gives -1 without a newline).
        let characters = Array(result)
        let lastNewline = characters.lastIndex(of: "\n") ?? -1
        var lastLineLength = characters.count - lastNewline + 1
        for suffix in suffixes {
            if lastLineLength + suffix.count + 2 > lineWidth {
                result += ",\n" + String(repeating: " ", count: indent) + suffix
                lastLineLength = indent + suffix.count
            } else {
                result += ", " + suffix
                lastLineLength += suffix.count + 2
            }
        }
        return result + ")"
    }
}
