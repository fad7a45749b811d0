#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Splits big flat loops over the cores. Below `minimum` elements, or on one core,
/// the body runs once on the calling thread (no dispatch overhead for small tensors).
enum ParallelLoop {
    /// Elements below which a loop stays on one thread (about 1 MB of floats).
    static let defaultMinimum = 1 << 18
    static let cores = Swift.max(1, Swift.min(sysconfCores(), 8))

    /// Calls `body(range)` on disjoint ranges covering `0..<n`, concurrently when `n` is big.
    /// Ranges start at multiples of 64 elements so threads never share a cache line.
    @inline(__always)
    static func chunks(_ n: Int, minimum: Int = defaultMinimum, _ body: (Range<Int>) -> Void) {
        let parts = n >= minimum ? cores : 1
        if parts <= 1 { body(0..<n); return }
        let per = ((n + parts - 1) / parts + 63) & ~63
        DispatchQueue.concurrentPerform(iterations: parts) { k in
            let start = Swift.min(k * per, n), end = Swift.min(start + per, n)
            if start < end { body(start..<end) }
        }
    }

    private static func sysconfCores() -> Int {
        #if canImport(Glibc)
        return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
        return 1
        #endif
    }
}
