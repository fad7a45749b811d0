import CZlib

/// gzip through the system zlib: inflate (gzip or zlib header detected) and gzip deflate.
public enum Gzip {
    /// True when the bytes start with the gzip magic `1f 8b`.
    public static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b }

    /// The bytes inflated when they are gzip, unchanged otherwise. `name` goes into error messages.
    public static func decompressIfNeeded(_ bytes: [UInt8], name: String) throws -> [UInt8] {
        isGzip(bytes) ? try decompress(bytes, name: name) : bytes
    }

    /// Inflates a gzip (or zlib) stream, including concatenated gzip members.
    public static func decompress(_ bytes: [UInt8], name: String) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataError.value("\(name): zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 4)
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        var input = bytes
        return try input.withUnsafeMutableBufferPointer { inBuf -> [UInt8] in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_STREAM_END:
                    // Another gzip member may follow (as `cat a.gz b.gz` makes).
                    if stream.avail_in >= 2, let p = stream.next_in, p[0] == 0x1f, p[1] == 0x8b {
                        inflateReset(&stream)
                        continue
                    }
                    return output
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw DataError.value("\(name): the gzip data is truncated (it ends before the compressed stream does)")
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    throw DataError.value("\(name): not a valid gzip stream (zlib: \(reason))")
                }
            }
        }
    }

    /// gzip-compresses bytes (used to write test files and caches).
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) throws -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataError.value("zlib could not start deflating")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        var input = bytes
        let status = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf -> Int32 in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw DataError.value("zlib deflate failed (\(status))") }
        output.removeLast(Int(stream.avail_out))
        return output
    }
}
