/// A shape as Python prints a tuple of ints: `(3, 28, 28)`, `(784,)`, `()`. numpy shows
/// shapes this way; the bindings and the REPL use it for arrays and tensors alike.
public enum ShapeText {
    public static func tuple(_ dims: [Int]) -> String {
        dims.count == 1 ? "(\(dims[0]),)" : "(" + dims.map(String.init).joined(separator: ", ") + ")"
    }
}
