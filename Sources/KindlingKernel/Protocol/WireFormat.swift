import Foundation

/// The multipart frames of a message on the wire:
/// `identities..., "<IDS|MSG>", signature, header, parent_header, metadata, content, buffers...`.
public struct WireFormat: Sendable {
    public static let delimiter = Data("<IDS|MSG>".utf8)

    public let signer: MessageSigner

    public init(signer: MessageSigner) {
        self.signer = signer
    }

    /// Why a received multipart message was refused.
    public enum DecodeError: Error, Equatable, CustomStringConvertible {
        case noDelimiter
        case tooFewFrames
        case badSignature
        case badJSON(String)

        public var description: String {
            switch self {
            case .noDelimiter: return "no <IDS|MSG> delimiter"
            case .tooFewFrames: return "fewer than the five frames after the delimiter"
            case .badSignature: return "invalid signature"
            case let .badJSON(frame): return "the \(frame) frame is not a JSON object"
            }
        }
    }

    /// The frames to send for `message`, signed.
    public func encode(_ message: KernelMessage) -> [Data] {
        let parts = [message.header.encoded(), message.parentHeader.encoded(),
                     message.metadata.encoded(), message.content.encoded()]
        let signature = Data(signer.signature(of: parts).utf8)
        return message.identities + [WireFormat.delimiter, signature] + parts + message.buffers
    }

    /// Parses received frames, checking the signature before reading any JSON.
    public func decode(_ frames: [Data]) throws -> KernelMessage {
        guard let split = frames.firstIndex(of: WireFormat.delimiter) else { throw DecodeError.noDelimiter }
        let identities = Array(frames[..<split])
        let rest = Array(frames[(split + 1)...])
        guard rest.count >= 5 else { throw DecodeError.tooFewFrames }
        let parts = Array(rest[1...4])
        guard signer.verify(signature: rest[0], frames: parts) else { throw DecodeError.badSignature }
        let names = ["header", "parent_header", "metadata", "content"]
        var values: [KernelJSON] = []
        for (name, part) in zip(names, parts) {
            guard let value = KernelJSON.parse(part), value.objectValue != nil else { throw DecodeError.badJSON(name) }
            values.append(value)
        }
        return KernelMessage(identities: identities, header: values[0], parentHeader: values[1],
                             metadata: values[2], content: values[3], buffers: Array(rest.dropFirst(5)))
    }
}
