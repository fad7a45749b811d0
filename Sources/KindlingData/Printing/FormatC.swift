import Foundation

/// C `printf` formatting of one double (`%.6f`, `%.3e`, ...), locale independent.
func formatC(_ format: String, _ v: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 512)
    let n = buffer.withUnsafeMutableBufferPointer { buf -> Int32 in
        withVaList([v]) { vsnprintf(buf.baseAddress, buf.count, format, $0) }
    }
    guard n >= 0 else { return "\(v)" }
    return String(decoding: buffer.prefix(Int(min(n, 511))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
