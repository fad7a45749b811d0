#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// OpenBLAS (or, on macOS, Accelerate) reached through `dlopen`/`dlsym` on the
/// first large matrix product, so its start-up cost stays out of Kindling's.
///
/// Two measured problems with Debian's OpenBLAS 0.3.21 are handled here:
/// - its run-time CPU detection may pick a core without AVX kernels (`Prescott`)
///   on CPUs it does not know; unless the user set `OPENBLAS_CORETYPE`, the core
///   is chosen from the CPU's features (SkylakeX with AVX-512, Haswell with AVX2).
///   When the library was already loaded (linked at load time), OpenBLAS's own
///   `gotoblas_dynamic_quit`/`gotoblas_dynamic_init` redo the choice.
/// - its threads slow skinny products down; `setThreads` is called per product
///   with the count `Gemm` chooses from the shape.
final class BLASLibrary: @unchecked Sendable {
    typealias SgemmFunction = @convention(c) (
        Int32, Int32, Int32, Int32, Int32, Int32, Float,
        UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32,
        Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    typealias DgemmFunction = @convention(c) (
        Int32, Int32, Int32, Int32, Int32, Int32, Double,
        UnsafePointer<Double>?, Int32, UnsafePointer<Double>?, Int32,
        Double, UnsafeMutablePointer<Double>?, Int32) -> Void
    typealias SetThreadsFunction = @convention(c) (Int32) -> Void
    typealias GetIntFunction = @convention(c) () -> Int32
    typealias GetNameFunction = @convention(c) () -> UnsafeMutablePointer<CChar>?
    typealias VoidFunction = @convention(c) () -> Void

    static let rowMajor: Int32 = 101, noTrans: Int32 = 111, trans: Int32 = 112

    /// The library, loaded on first use; nil when none could be loaded.
    static let shared: BLASLibrary? = BLASLibrary.load()

    let sgemm: SgemmFunction
    /// `cblas_dgemm` (float64 products), when the library has it.
    let dgemm: DgemmFunction?
    let path: String
    /// OpenBLAS's core (kernel set) in use, e.g. "SkylakeX"; "" when unknown.
    let coreName: String
    /// The most threads the library may use (OPENBLAS_NUM_THREADS or the core count).
    let maxThreads: Int
    private let setThreadsFunction: SetThreadsFunction?
    private var currentThreads: Int

    private init(sgemm: SgemmFunction, dgemm: DgemmFunction?, path: String, coreName: String, maxThreads: Int,
                 setThreads: SetThreadsFunction?) {
        self.sgemm = sgemm
        self.dgemm = dgemm
        self.path = path
        self.coreName = coreName
        self.maxThreads = max(1, maxThreads)
        self.setThreadsFunction = setThreads
        self.currentThreads = self.maxThreads
    }

    /// Use `count` threads (clamped to 1...maxThreads) for the next products.
    func setThreads(_ count: Int) {
        let wanted = min(max(1, count), maxThreads)
        guard wanted != currentThreads, let setThreadsFunction else { return }
        setThreadsFunction(Int32(wanted))
        currentThreads = wanted
    }

    #if os(macOS)
    private static let candidates = [
        "/System/Library/Frameworks/Accelerate.framework/Accelerate",
        "/opt/homebrew/opt/openblas/lib/libopenblas.dylib",
        "/usr/local/opt/openblas/lib/libopenblas.dylib",
    ]
    #else
    private static let candidates = [
        "libopenblas.so.0",
        "libopenblas.so",
        "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
        "/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblas.so.0",
    ]
    #endif

    private static func load() -> BLASLibrary? {
        let wantedCore = getenv("OPENBLAS_CORETYPE") == nil ? CPUFeatures.current.preferredOpenBLASCore : nil
        for path in candidates {
            guard let handle = open(path, wantedCore: wantedCore),
                  let sgemmSymbol = dlsym(handle, "cblas_sgemm") else { continue }
            let sgemm = unsafeBitCast(sgemmSymbol, to: SgemmFunction.self)
            if let wantedCore { upgradeCore(handle, to: wantedCore) }
            let getThreads = symbol(handle, "openblas_get_num_threads", as: GetIntFunction.self)
            let setThreads = symbol(handle, "openblas_set_num_threads", as: SetThreadsFunction.self)
            return BLASLibrary(sgemm: sgemm, dgemm: symbol(handle, "cblas_dgemm", as: DgemmFunction.self), path: path, coreName: coreName(handle),
                               maxThreads: Int(getThreads?() ?? 1), setThreads: setThreads)
        }
        return nil
    }

    /// dlopen `path`; when it is not loaded yet, OPENBLAS_CORETYPE is set for
    /// the duration of the load so OpenBLAS's constructor picks `wantedCore`.
    private static func open(_ path: String, wantedCore: String?) -> UnsafeMutableRawPointer? {
        if let loaded = dlopen(path, RTLD_NOW | RTLD_NOLOAD) { return loaded }
        guard let wantedCore else { return dlopen(path, RTLD_NOW | RTLD_LOCAL) }
        setenv("OPENBLAS_CORETYPE", wantedCore, 1)
        defer { unsetenv("OPENBLAS_CORETYPE") }
        return dlopen(path, RTLD_NOW | RTLD_LOCAL)
    }

    /// If OpenBLAS runs a weaker core than `wanted` (it was loaded before we could
    /// set the environment, or it does not know this CPU), redo its core choice.
    private static func upgradeCore(_ handle: UnsafeMutableRawPointer, to wanted: String) {
        guard coreRank(coreName(handle)) < coreRank(wanted),
              let quit = symbol(handle, "gotoblas_dynamic_quit", as: VoidFunction.self),
              let initialise = symbol(handle, "gotoblas_dynamic_init", as: VoidFunction.self) else { return }
        setenv("OPENBLAS_CORETYPE", wanted, 1)
        defer { unsetenv("OPENBLAS_CORETYPE") }
        quit()
        initialise()
    }

    /// 2 for AVX-512 kernel sets, 1 for AVX2 ones, 0 for older ones.
    static func coreRank(_ name: String) -> Int {
        switch name.lowercased() {
        case "skylakex", "cooperlake", "sapphirerapids": return 2
        case "haswell", "zen", "excavator": return 1
        default: return 0
        }
    }

    private static func coreName(_ handle: UnsafeMutableRawPointer) -> String {
        guard let get = symbol(handle, "openblas_get_corename", as: GetNameFunction.self),
              let name = get() else { return "" }
        return String(cString: name)
    }

    private static func symbol<F>(_ handle: UnsafeMutableRawPointer, _ name: String, as type: F.Type) -> F? {
        guard let pointer = dlsym(handle, name) else { return nil }
        return unsafeBitCast(pointer, to: type)
    }
}
