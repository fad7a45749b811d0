#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compact storages: int64 (or float32, bool) values that all fit in a byte, held as
/// the read-only `[UInt8]` they came from (a pandas frame's pixel block) instead of
/// 8 bytes each. `tensor(df.values)` of a 60,000 x 784 pixel frame then costs nothing
/// and `.float()` of it reads 47 MB instead of 376 MB.
///
/// Semantics are those of an ordinary storage: the first access to `raw` (any kernel
/// that wants typed pointers, any in-place write) allocates the typed buffer, fills it
/// from the bytes and drops them (copy-on-write: the source array is never written).
/// Kernels that know compact bytes (conversions, scalar arithmetic, element reads)
/// read them directly and leave the storage compact.
extension Storage {
    /// True while the values are still held as bytes.
    var isCompact: Bool { buffer == nil && compact != nil }

    /// Calls `body` with the compact bytes (nil when the storage is not compact).
    @inline(__always)
    func withCompactBytes<R>(_ body: (UnsafePointer<UInt8>) throws -> R) rethrows -> R? {
        guard buffer == nil, let bytes = compact else { return nil }
        return try bytes.withUnsafeBufferPointer { b -> R? in
            guard let p = b.baseAddress else { return nil }
            return try body(p)
        }
    }

    /// Element `i` of a compact storage (nil when not compact): reads such as printing and
    /// `item()` leave the storage compact.
    func compactByte(at i: Int) -> UInt8? {
        guard buffer == nil, let bytes = compact, i >= 0, i < bytes.count else { return nil }
        return bytes[i]
    }

    /// A new compact storage of `dtype` sharing this one's bytes (nil when not compact).
    func compactCopy(as dtype: DType) throws -> Storage? {
        guard buffer == nil, let bytes = compact else { return nil }
        return try Storage(dtype: dtype, compactBytes: bytes)
    }

    /// Allocates the typed buffer and fills it from the compact bytes; called by `raw`.
    /// The size was checked against physical memory when the storage was made.
    @usableFromInline func widen() -> UnsafeMutableRawPointer {
        compactWidenLock.lock()
        defer { compactWidenLock.unlock() }
        if let b = buffer { return b }   // another thread widened it meanwhile
        let bytes = Swift.max(count * dtype.itemSize, 64)
        var pointer: UnsafeMutableRawPointer? = nil
        let fresh: UnsafeMutableRawPointer
        if posix_memalign(&pointer, 64, bytes) == 0, let p = pointer {
            fresh = p
        } else {
            // As for any Swift allocation, only a process truly out of memory stops here.
            fresh = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
            fromSwiftAllocator = true
        }
        Storage.adviseHugePages(fresh, bytes)
        if let source = compact {
            source.withUnsafeBufferPointer { src in
                guard let s = src.baseAddress else { return }
                CompactKernels.widen(s, fresh, count, to: dtype)
            }
        }
        buffer = fresh
        compact = nil
        return fresh
    }
}

/// Serialises widening (kernels may touch a storage from two threads).
private let compactWidenLock = WidenLock()

private final class WidenLock {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
        return m
    }()
    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
}

extension Tensor {
    /// An int64 tensor of `shape` holding `bytes` (row-major), stored compactly: no
    /// copy is made, and the bytes are never written (writes go to a private copy).
    public convenience init(shape: [Int], compactInt64Bytes bytes: [UInt8]) throws {
        let n = try Shape.numel(shape)
        if n != bytes.count {
            throw TensorError(.valueError, "expected \(n) values for shape \(Shape.describe(shape)), got \(bytes.count)")
        }
        let storage = try Storage(dtype: .int64, compactBytes: bytes)
        self.init(storage: storage, shape: shape, strides: Shape.contiguousStrides(shape), offset: 0)
    }

    /// True while this tensor's values are still held as compact bytes (for tests).
    public var isCompactStorage: Bool { storage.isCompact }
}
