import Foundation
import KindlingLanguage

/// `input()` over the stdin channel: sends `input_request` to the client that sent the
/// running execute request and waits for its `input_reply`. Used only by the shell
/// thread, which owns the stdin socket.
final class StdinBridge: @unchecked Sendable {
    private let socket: ZMQSocket
    private let wire: WireFormat
    private let factory: MessageFactory
    private let log: KernelLog

    /// IPython's `StdinNotImplementedError` (a `NotImplementedError`), raised by `input()`
    /// when the request did not allow stdin.
    static let notImplementedClass: PyClass = {
        let cls = PyClass(native: "StdinNotImplementedError", base: Builtins.exc(.notImplementedError))
        cls.factory = { cls in PyBaseException(cls, args: []) }
        return cls
    }()

    init(socket: ZMQSocket, wire: WireFormat, factory: MessageFactory, log: KernelLog) {
        self.socket = socket
        self.wire = wire
        self.factory = factory
        self.log = log
    }

    /// What `input(prompt)` calls while `request` runs.
    func provider(for request: KernelMessage?, allowed: Bool) -> (String, Bool) throws -> String {
        guard let request, allowed else {
            return { _, _ in
                throw PyException.make(StdinBridge.notImplementedClass,
                                       args: [.str("raw_input was called, but this frontend does not support input requests.")])
            }
        }
        return { [self] prompt, password in try read(prompt: prompt, password: password, parent: request) }
    }

    /// Asks the client for a line; an interrupt while waiting raises KeyboardInterrupt.
    private func read(prompt: String, password: Bool, parent: KernelMessage) throws -> String {
        // Replies to an earlier, abandoned request must not answer this one.
        while let stale = try? socket.receiveNow() { _ = stale }
        var message = factory.make("input_request", content: ["prompt": .string(prompt), "password": .bool(password)],
                                   parent: parent)
        message.identities = parent.identities
        try send(message)
        while true {
            try Interrupts.check()
            guard socket.waitReadable(timeout: 50) else { continue }
            let frames = try socket.receive()
            do {
                let reply = try wire.decode(frames)
                guard reply.type == "input_reply" else {
                    log.warning("unexpected \(reply.type) on stdin; ignored")
                    continue
                }
                return reply.content["value"]?.stringValue ?? ""
            } catch {
                log.error("refused a message on stdin: \(error)")
            }
        }
    }

    private func send(_ message: KernelMessage) throws {
        do { try socket.send(wire.encode(message)) } catch {
            throw PyException.make(.osError, "cannot send input_request: \(error)")
        }
    }
}
