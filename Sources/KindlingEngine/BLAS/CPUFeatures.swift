#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The vector instruction sets this CPU and operating system can run, as the
/// kernel reports them (on Linux the `flags` line of /proc/cpuinfo: the
/// kernel's view of `cpuid`, already cleared of features the OS does not
/// enable, such as AVX-512 without XSAVE support).
struct CPUFeatures: Sendable {
    var avx2 = false
    var fma = false
    var avx512f = false

    /// Read once per process.
    static let current = CPUFeatures.detect()

    /// The OpenBLAS core type that suits this CPU, or nil to keep OpenBLAS's own choice.
    var preferredOpenBLASCore: String? {
        if avx512f { return "SkylakeX" }
        if avx2 && fma { return "Haswell" }
        return nil
    }

    private static func detect() -> CPUFeatures {
        var features = CPUFeatures()
        for flag in cpuFlags() {
            switch flag {
            case "avx2": features.avx2 = true
            case "fma": features.fma = true
            case "avx512f": features.avx512f = true
            default: break
            }
        }
        return features
    }

    /// The words of the first `flags` line of /proc/cpuinfo (empty elsewhere).
    private static func cpuFlags() -> [Substring] {
        #if os(Linux)
        guard let file = fopen("/proc/cpuinfo", "r") else { return [] }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0 {
            guard let line else { break }
            let text = String(cString: line)
            if text.hasPrefix("flags") {
                guard let colon = text.firstIndex(of: ":") else { return [] }
                return text[text.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\n" })
            }
        }
        return []
        #else
        return []
        #endif
    }
}
