@preconcurrency import Crypto
import Foundation

/// Signs and checks wire messages with HMAC-SHA256 over the header, parent header,
/// metadata and content frames, as the connection file's key says.
public struct MessageSigner: @unchecked Sendable {
    private let key: SymmetricKey?

    /// An empty key turns signing off (the signature frame is empty and not checked).
    public init(key: String) {
        self.key = key.isEmpty ? nil : SymmetricKey(data: Data(key.utf8))
    }

    /// The lowercase hex signature of the four frames, or "" when signing is off.
    public func signature(of frames: [Data]) -> String {
        guard let key else { return "" }
        var hmac = HMAC<SHA256>(key: key)
        for frame in frames { hmac.update(data: frame) }
        return Data(hmac.finalize()).map { String(format: "%02x", $0) }.joined()
    }

    /// True when `signature` is the right one for the frames (always true with signing off).
    public func verify(signature: Data, frames: [Data]) -> Bool {
        guard let key else { return true }
        guard let hex = String(data: signature, encoding: .ascii), let expected = MessageSigner.bytes(fromHex: hex) else {
            return false
        }
        var hmac = HMAC<SHA256>(key: key)
        for frame in frames { hmac.update(data: frame) }
        // `==` on a MAC compares in constant time.
        return hmac.finalize() == expected
    }

    private static func bytes(fromHex hex: String) -> Data? {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes = Data(capacity: 32)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
