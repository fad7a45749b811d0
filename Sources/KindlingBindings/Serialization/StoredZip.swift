import Foundation
import KindlingData

/// Uncompressed ("stored") zip archives, as `torch.save` writes them: each
/// record's data starts on a 64-byte boundary (padding in an `FB` extra
/// field), so PyTorch can map storages straight from the file.
enum StoredZip {
    static let alignment = 64

    /// The archive holding `entries` in order.
    static func write(_ entries: [(name: String, data: [UInt8])]) throws -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for (name, data) in entries {
            let nameBytes = Array(name.utf8)
            guard out.count < Int(UInt32.max) - data.count - 4096, data.count < Int(UInt32.max) else {
                throw pyError(.runtimeError, "torch.save: archives of 4 GB or more are not supported by Kindling")
            }
            let offset = out.count
            let crc = CRC32.checksum(data)
            // The FB extra field pads the header so the data lands on the alignment.
            let pad = (alignment - (offset + 30 + nameBytes.count + 4) % alignment) % alignment
            let extra: [UInt8] = [0x46, 0x42] + le16(pad) + [UInt8](repeating: 0x5A, count: pad)
            out += [0x50, 0x4B, 0x03, 0x04] + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
            out += le32(crc) + le32(data.count) + le32(data.count) + le16(nameBytes.count) + le16(extra.count)
            out += nameBytes + extra + data
            central += [0x50, 0x4B, 0x01, 0x02] + le16(20) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
            central += le32(crc) + le32(data.count) + le32(data.count) + le16(nameBytes.count) + le16(0) + le16(0)
            central += le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
        }
        let centralOffset = out.count
        out += central
        out += [0x50, 0x4B, 0x05, 0x06] + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
        out += le32(central.count) + le32(centralOffset) + le16(0)
        return out
    }

    /// The records of a zip archive by name (stored records only).
    static func read(_ bytes: [UInt8]) throws -> [String: ArraySlice<UInt8>] {
        func bad(_ why: String) -> Error {
            pyError(.runtimeError, "PytorchStreamReader failed reading zip archive: \(why)")
        }
        guard bytes.count >= 22 else { throw bad("failed finding central directory") }
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while end >= lowest, !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 5 && bytes[end + 3] == 6) {
            end -= 1
        }
        guard end >= lowest else { throw bad("failed finding central directory") }
        let count = u16(bytes, end + 10)
        var p = u32(bytes, end + 16)
        var records: [String: ArraySlice<UInt8>] = [:]
        for _ in 0..<count {
            guard p + 46 <= bytes.count, u32(bytes, p) == 0x0201_4B50 else { throw bad("invalid central directory") }
            let method = u16(bytes, p + 10)
            let size = u32(bytes, p + 20)
            let nameLength = u16(bytes, p + 28), extraLength = u16(bytes, p + 30), commentLength = u16(bytes, p + 32)
            let local = u32(bytes, p + 42)
            guard p + 46 + nameLength <= bytes.count else { throw bad("invalid central directory") }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            p += 46 + nameLength + extraLength + commentLength
            guard local + 30 <= bytes.count, u32(bytes, local) == 0x0403_4B50 else { throw bad("invalid local header") }
            let start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28)
            guard start + size <= bytes.count else { throw bad("truncated record '\(name)'") }
            guard method == 0 else { throw notSupported("compressed records in a torch.load archive ('\(name)')") }
            records[name] = bytes[start..<(start + size)]
        }
        return records
    }

    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    static func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
    static func le32(_ v: UInt32) -> [UInt8] { le32(Int(v)) }
    static func u16(_ b: [UInt8], _ i: Int) -> Int { i + 2 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : 0 }
    static func u32(_ b: [UInt8], _ i: Int) -> Int { i + 4 <= b.count ? u16(b, i) | u16(b, i + 2) << 16 : 0 }
}
