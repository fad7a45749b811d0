import Foundation

/// One Jupyter message: header, parent header, metadata, content and buffers,
/// plus the ZeroMQ routing identities of the client that sent it (for replies).
public struct KernelMessage: Equatable, Sendable {
    /// ROUTER identities before the `<IDS|MSG>` delimiter; replies go back with the same ones.
    public var identities: [Data]
    public var header: KernelJSON
    public var parentHeader: KernelJSON
    public var metadata: KernelJSON
    public var content: KernelJSON
    public var buffers: [Data]

    public init(identities: [Data] = [], header: KernelJSON, parentHeader: KernelJSON = [:],
                metadata: KernelJSON = [:], content: KernelJSON = [:], buffers: [Data] = []) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
        self.buffers = buffers
    }

    /// `header.msg_type` (`execute_request`).
    public var type: String { header["msg_type"]?.stringValue ?? "" }
    /// `header.msg_id`.
    public var id: String { header["msg_id"]?.stringValue ?? "" }
    /// `header.session`: the client's session id.
    public var session: String { header["session"]?.stringValue ?? "" }
    /// `header.username`.
    public var username: String { header["username"]?.stringValue ?? "" }
}

/// Builds new message headers for one kernel session.
public struct MessageFactory: Sendable {
    /// The protocol version Kindling speaks.
    public static let protocolVersion = "5.3"

    /// This kernel's session id (one per process, as ipykernel does).
    public let session: String
    public let username: String

    public init(session: String = UUID().uuidString.lowercased(), username: String = "kernel") {
        self.session = session
        self.username = username
    }

    /// A message of `type` answering or caused by `parent` (its header becomes the parent header).
    /// Replies keep the parent's identities so the ROUTER can route them back.
    public func make(_ type: String, content: KernelJSON, parent: KernelMessage?, metadata: KernelJSON = [:]) -> KernelMessage {
        let header: KernelJSON = [
            "msg_id": .string(UUID().uuidString.lowercased()),
            "msg_type": .string(type),
            "session": .string(session),
            "username": .string(username),
            "date": .string(MessageFactory.timestamp()),
            "version": .string(MessageFactory.protocolVersion),
        ]
        return KernelMessage(identities: parent?.identities ?? [], header: header,
                             parentHeader: parent?.header ?? [:], metadata: metadata, content: content)
    }

    /// ISO 8601 UTC with microseconds, as jupyter_client writes dates.
    static func timestamp(_ date: Date = Date()) -> String {
        let seconds = date.timeIntervalSince1970
        let whole = seconds.rounded(.down)
        let micros = min(999_999, max(0, Int(((seconds - whole) * 1_000_000).rounded())))
        var time = time_t(whole)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), micros)
    }
}
