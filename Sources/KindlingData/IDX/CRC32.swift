import CZlib

/// The CRC-32 that zip and gzip store beside their entries, computed by the system zlib.
public enum CRC32 {
    /// The CRC-32 of `bytes`.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var value = crc32(0, nil, 0)
        var start = 0
        // zlib takes a 32-bit length: feed huge arrays in slices.
        while start < bytes.count {
            let count = min(bytes.count - start, 1 << 30)
            value = bytes.withUnsafeBufferPointer { crc32(value, $0.baseAddress.map { $0 + start }, uInt(count)) }
            start += count
        }
        return UInt32(truncatingIfNeeded: value)
    }
}
