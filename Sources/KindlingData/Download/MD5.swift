import Crypto

/// MD5 hex digests, for checking downloads against the checksums torchvision publishes for MNIST.
/// The hashing itself is swift-crypto's `Insecure.MD5` (MD5 is only a transfer check here, never security).
public enum MD5 {
    /// The lowercase hex digest of `bytes`.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = Insecure.MD5()
        hasher.update(data: Array(bytes))
        return hex(hasher.finalize())
    }

    /// The lowercase hex digest of `count` bytes at `start`, without copying them.
    public static func hex(bytes start: UnsafePointer<UInt8>, count: Int) -> String {
        var hasher = Insecure.MD5()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(start: start, count: count))
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: Insecure.MD5Digest) -> String {
        digest.map { byte in
            let s = String(byte, radix: 16)
            return byte < 16 ? "0" + s : s
        }.joined()
    }
}
