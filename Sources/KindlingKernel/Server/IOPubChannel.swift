import Foundation

/// The iopub PUB socket, shared by the shell and control threads. ZeroMQ sockets are
/// not thread-safe, so every publish holds a lock (a full memory barrier between users,
/// which is what ZeroMQ asks for when a socket is used from several threads).
final class IOPubChannel: @unchecked Sendable {
    private let socket: ZMQSocket
    private let wire: WireFormat
    private let lock = NSLock()
    private let log: KernelLog

    init(socket: ZMQSocket, wire: WireFormat, log: KernelLog) {
        self.socket = socket
        self.wire = wire
        self.log = log
    }

    /// Publishes `message` with a topic frame naming its type, as ipykernel does
    /// (`kernel.<session>.status`); clients subscribe to every topic.
    func publish(_ message: KernelMessage) {
        var message = message
        message.identities = [Data("kernel.\(message.session).\(message.type)".utf8)]
        let frames = wire.encode(message)
        lock.lock()
        defer { lock.unlock() }
        do { try socket.send(frames) } catch { log.error("cannot publish \(message.type): \(error)") }
    }

    func close() {
        lock.lock()
        defer { lock.unlock() }
        socket.close()
    }
}

/// Log lines on stderr (a Jupyter client shows the kernel's stderr in its own log).
struct KernelLog: Sendable {
    func error(_ text: String) { write("error", text) }
    func warning(_ text: String) { write("warning", text) }

    private func write(_ level: String, _ text: String) {
        FileHandle.standardError.write(Data("[kindling kernel] \(level): \(text)\n".utf8))
    }
}
