/// Whether ops record the autograd graph (PyTorch's grad mode; `torch.no_grad()`).
/// A plain global: the interpreter runs scripts on one thread.
public enum GradMode {
    /// Stored behind a pointer: a plain global var costs a dynamic
    /// exclusivity check on every op.
    nonisolated(unsafe) private static let flag: UnsafeMutablePointer<Bool> = {
        let p = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
        p.initialize(to: true)
        return p
    }()

    public static var isEnabled: Bool {
        @inline(__always) get { flag.pointee }
        set { flag.pointee = newValue }
    }

    /// Sets grad mode, returning the previous value (for `with` blocks).
    @discardableResult
    public static func set(_ enabled: Bool) -> Bool {
        let previous = isEnabled
        isEnabled = enabled
        return previous
    }

    /// Runs `body` with grad mode off, restoring the previous mode afterwards.
    public static func withNoGrad<T>(_ body: () throws -> T) rethrows -> T {
        let previous = set(false)
        defer { isEnabled = previous }
        return try body()
    }

    /// Runs `body` with grad mode on (`torch.enable_grad()`).
    public static func withGrad<T>(_ body: () throws -> T) rethrows -> T {
        let previous = set(true)
        defer { isEnabled = previous }
        return try body()
    }
}
