#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The memory behind one or more tensors: a typed buffer of `count` elements.
/// Views share a `Storage`; in-place operations bump `version` so autograd can
/// detect values it saved being overwritten.
///
/// A storage may instead start *compact* (see Storage+Compact.swift): its values are
/// read-only bytes 0...255 shared with their source (a pandas frame's pixels), and the
/// typed buffer is only allocated and filled on the first access to `raw`. Kernels that
/// know about compact bytes read them without widening.
public final class Storage {
    public let dtype: DType
    public let count: Int
    /// The typed buffer; nil only while the storage is still compact. Read on every kernel
    /// call: unchecked exclusivity spares each read a runtime access check (it is written
    /// only once, by `init` or under the widening lock).
    @exclusivity(unchecked) @usableFromInline var buffer: UnsafeMutableRawPointer?
    /// The values as bytes while compact (dropped once widened).
    @exclusivity(unchecked) var compact: [UInt8]?
    /// Element 0 of the typed buffer (widens a compact storage first).
    @inlinable var raw: UnsafeMutableRawPointer {
        if let b = buffer { return b }
        return widen()
    }
    /// Incremented by every in-place write (PyTorch's version counter).
    public internal(set) var version: Int = 0

    /// Allocates `count` uninitialised elements; throws PyTorch's allocator
    /// error instead of crashing when the request cannot be satisfied.
    init(dtype: DType, count: Int) throws {
        try Storage.checkAllocation(count: count, dtype: dtype)
        let bytes = count * dtype.itemSize
        var pointer: UnsafeMutableRawPointer? = nil
        guard posix_memalign(&pointer, 64, max(bytes, 64)) == 0, let allocated = pointer else {
            throw TensorError(.runtimeError,
                "[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough memory: you tried to allocate \(bytes) bytes.")
        }
        Storage.adviseHugePages(allocated, bytes)
        self.buffer = allocated
        self.dtype = dtype
        self.count = count
    }

    /// A storage of at most a few elements, for constructors that cannot throw.
    /// (If even this allocation fails, the Swift runtime itself is out of memory.)
    init(dtype: DType, smallCount: Int) {
        self.buffer = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(smallCount * dtype.itemSize, 64), alignment: 64)
        self.dtype = dtype
        self.count = smallCount
        self.fromSwiftAllocator = true
    }

    /// A compact storage of `bytes.count` elements of `dtype` (see Storage+Compact.swift).
    init(dtype: DType, compactBytes bytes: [UInt8]) throws {
        try Storage.checkAllocation(count: bytes.count, dtype: dtype)
        self.dtype = dtype
        self.count = bytes.count
        self.compact = bytes
    }

    var fromSwiftAllocator = false

    deinit {
        guard let b = buffer else { return }
        if fromSwiftAllocator { b.deallocate() } else { free(b) }
    }

    /// Throws PyTorch's allocator error when `count` elements of `dtype` could not be allocated.
    static func checkAllocation(count: Int, dtype: DType) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        if overflow || bytes > Storage.allocationLimit {
            let shown = overflow ? "\(count) * \(dtype.itemSize)" : "\(bytes)"
            throw TensorError(.runtimeError,
                "[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough memory: you tried to allocate \(shown) bytes.")
        }
    }

    /// Big buffers are faulted in 2 MiB at a time where transparent huge pages are
    /// opt-in (`madvise` mode): far fewer page faults when a fresh result is written.
    static func adviseHugePages(_ p: UnsafeMutableRawPointer, _ bytes: Int) {
        #if os(Linux)
        let huge = 2 << 20
        guard bytes >= 4 * huge else { return }
        let start = (Int(bitPattern: p) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: p) + bytes) & ~(huge - 1)
        if end > start, let at = UnsafeMutableRawPointer(bitPattern: start) {
            _ = madvise(at, end - start, 14 /* MADV_HUGEPAGE */)
        }
        #endif
    }

    /// Requests above physical memory fail up front: Linux overcommits, so
    /// malloc would succeed and the process would be killed on first touch.
    static let allocationLimit: Int = {
        tuneAllocator()
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let size = sysconf(Int32(_SC_PAGESIZE))
        if pages > 0 && size > 0 {
            let (total, overflow) = pages.multipliedReportingOverflow(by: size)
            if !overflow { return total }
        }
        return 1 << 36
    }()

    /// Training loops free and re-allocate the same gradient-sized buffers
    /// every step; glibc's defaults hand them back to the kernel each time
    /// (trim/mmap) and the next step page-faults them in again. Keep buffers
    /// up to 32 MiB in the heap and trim only beyond 256 MiB of free top.
    private static func tuneAllocator() {
        #if os(Linux)
        _ = glibcMallopt(-3 /* M_MMAP_THRESHOLD */, 32 << 20)
        _ = glibcMallopt(-1 /* M_TRIM_THRESHOLD */, 256 << 20)
        #endif
    }

    @inlinable var floats: UnsafeMutablePointer<Float> { raw.assumingMemoryBound(to: Float.self) }
    @inlinable var ints: UnsafeMutablePointer<Int64> { raw.assumingMemoryBound(to: Int64.self) }
    @inlinable var bools: UnsafeMutablePointer<Bool> { raw.assumingMemoryBound(to: Bool.self) }

    /// A typed pointer to element 0; `T` must match `dtype`.
    @inlinable func pointer<T>(_: T.Type) -> UnsafeMutablePointer<T> { raw.assumingMemoryBound(to: T.self) }
}

#if os(Linux)
/// glibc's `int mallopt(int, int)` (malloc.h is not in the Glibc module).
@_silgen_name("mallopt")
private func glibcMallopt(_ param: Int32, _ value: Int32) -> Int32
#endif
