/// An n-dimensional array with PyTorch's semantics: a view (shape, strides,
/// offset) onto a shared `Storage`, plus the autograd state of a variable.
///
/// The stored properties are read by every op: they skip Swift's dynamic
/// exclusivity checks (`@exclusivity(unchecked)`). The engine runs on one
/// thread at a time and never holds an inout access to a property across
/// code that reads it.
public final class Tensor {
    /// The buffer this tensor reads; shared with its views.
    @exclusivity(unchecked) public internal(set) var storage: Storage
    @exclusivity(unchecked) public internal(set) var shape: [Int]
    @exclusivity(unchecked) public internal(set) var strides: [Int]
    @exclusivity(unchecked) public internal(set) var storageOffset: Int
    @exclusivity(unchecked) public internal(set) var numel: Int
    @exclusivity(unchecked) public internal(set) var isContiguous: Bool

    // Autograd state.
    @exclusivity(unchecked) var requiresGradFlag: Bool = false
    /// The accumulated gradient (leaves, and non-leaves after `retainGrad()`).
    @exclusivity(unchecked) public var grad: Tensor?
    /// The graph node that produced this tensor (nil for leaves).
    @exclusivity(unchecked) public internal(set) var gradFn: GradFn?
    /// The tensor this one is a view of, when it is a view (PyTorch's `_base`).
    @exclusivity(unchecked) public internal(set) var viewBase: Tensor?

    public var dtype: DType { storage.dtype }
    /// Number of dimensions (`dim()` / `ndim`).
    public var dim: Int { shape.count }
    public var requiresGrad: Bool { requiresGradFlag || gradFn != nil }
    /// True for tensors created by the user rather than by a tracked op.
    public var isLeaf: Bool { gradFn == nil }

    /// Wraps existing storage; `shape`/`strides` must lie inside it.
    init(storage: Storage, shape: [Int], strides: [Int], offset: Int) {
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.storageOffset = offset
        self.numel = Shape.product(shape)
        self.isContiguous = Shape.isContiguous(shape, strides)
    }

    /// A fresh contiguous tensor with uninitialised elements.
    init(uninitialized shape: [Int], dtype: DType) throws {
        let n = try Shape.numel(shape)
        self.storage = try Storage(dtype: dtype, count: n)
        self.shape = shape
        self.strides = Shape.contiguousStrides(shape)
        self.storageOffset = 0
        self.numel = n
        self.isContiguous = true
    }

    /// A fresh contiguous tensor for shapes already validated (results of ops on
    /// existing tensors); still throws if memory runs out.
    @inline(__always) static func empty(_ shape: [Int], _ dtype: DType) throws -> Tensor {
        try Tensor(uninitialized: shape, dtype: dtype)
    }

    /// True when both tensors read the same buffer (for tests of views).
    public func sharesStorage(with other: Tensor) -> Bool { storage === other.storage }

    /// Typed pointer to this tensor's first element (storage offset applied).
    @inline(__always) func basePointer<T>(_: T.Type) -> UnsafeMutablePointer<T> {
        storage.pointer(T.self) + storageOffset
    }

    /// A new tensor object aliasing the same elements (no autograd state).
    func alias() -> Tensor {
        Tensor(storage: storage, shape: shape, strides: strides, offset: storageOffset)
    }

    /// Replaces this tensor's contents by another's, as `t.data = other` does.
    func setData(_ other: Tensor) {
        // `p.data -= x` sets back the same layout: only a real change counts.
        if other.storage !== storage || other.storageOffset != storageOffset || other.shape != shape
            || other.strides != strides {
            Tensor.identityChanged()
        }
        storage = other.storage
        shape = other.shape
        strides = other.strides
        storageOffset = other.storageOffset
        numel = other.numel
        isContiguous = other.isContiguous
    }
}
