import Foundation
import KindlingNotebook

/// `kindling kernel -f CONNECTION_FILE`: binds the five channels of the connection file
/// and serves Jupyter messaging protocol 5.3 until a `shutdown_request`.
///
/// Threads (each ZeroMQ socket belongs to one): the calling thread owns shell and stdin
/// and runs all code; a control thread answers `interrupt`, `shutdown` and `kernel_info`
/// even while code runs; a heartbeat thread echoes pings. iopub is shared under a lock.
public final class KernelServer {
    private let context: ZMQContext
    private let shell: ZMQSocket
    private let control: ZMQSocket
    private let stdinSocket: ZMQSocket
    private let heartbeat: Heartbeat
    private let iopub: IOPubChannel
    private let wire: WireFormat
    private let handler: KernelRequestHandler
    private let lifecycle = KernelLifecycle()
    private let log = KernelLog()
    private let controlFinished = DispatchSemaphore(value: 0)

    /// Binds every channel; throws when a port cannot be bound.
    /// `makeSession` runs on a background thread while the kernel starts answering.
    public init(connection: ConnectionInfo, implementationVersion: String,
                makeSession: @escaping () -> NotebookSession) throws {
        context = try ZMQContext()
        wire = WireFormat(signer: MessageSigner(key: connection.key))
        let factory = MessageFactory()
        shell = try ZMQSocket(context: context, kind: .router)
        control = try ZMQSocket(context: context, kind: .router)
        stdinSocket = try ZMQSocket(context: context, kind: .router)
        let iopubSocket = try ZMQSocket(context: context, kind: .pub)
        let heartbeatSocket = try ZMQSocket(context: context, kind: .rep)
        try shell.bind(connection.endpoint(port: connection.shellPort))
        try control.bind(connection.endpoint(port: connection.controlPort))
        try stdinSocket.bind(connection.endpoint(port: connection.stdinPort))
        try iopubSocket.bind(connection.endpoint(port: connection.iopubPort))
        try heartbeatSocket.bind(connection.endpoint(port: connection.heartbeatPort))
        heartbeat = Heartbeat(socket: heartbeatSocket)
        iopub = IOPubChannel(socket: iopubSocket, wire: wire, log: log)
        let stdin = StdinBridge(socket: stdinSocket, wire: wire, factory: factory, log: log)
        let loader = SessionLoader {
            let session = makeSession()
            session.inputProvider = stdin.provider(for: nil, allowed: false)
            return session
        }
        let handler = KernelRequestHandler(loader: loader, factory: factory, iopub: iopub, stdin: stdin,
                                       lifecycle: lifecycle, implementationVersion: implementationVersion, log: log)
        let shell = self.shell
        handler.takeQueuedShellRequests = {
            var queued: [[Data]] = []
            while let frames = try? shell.receiveNow() { queued.append(frames) }
            return queued
        }
        self.handler = handler
    }

    /// Serves until shut down; returns the process exit status.
    public func run() -> Int32 {
        KernelLifecycle.installSignalHandler()
        heartbeat.start()
        let controlThread = Thread { [self] in
            serve(control, channel: .control)
            controlFinished.signal()
        }
        controlThread.name = "kindling-control"
        controlThread.start()
        handler.publishStatus("starting", parent: nil)
        serve(shell, channel: .shell)
        controlFinished.wait()
        shell.close()
        control.close()
        stdinSocket.close()
        iopub.close()
        context.terminate()  // ends the heartbeat thread, after pending replies leave
        return 0
    }

    /// Reads and answers requests on one ROUTER socket until the kernel stops.
    private func serve(_ socket: ZMQSocket, channel: KernelChannel) {
        while !lifecycle.isStopping {
            guard socket.waitReadable(timeout: 100) else { continue }
            guard let frames = try? socket.receive() else { continue }
            dispatch(frames, on: socket, channel: channel)
            if channel == .shell && !handler.requestsToAbort.isEmpty { abortQueuedExecutes() }
        }
    }

    private func dispatch(_ frames: [Data], on socket: ZMQSocket, channel: KernelChannel) {
        let request: KernelMessage
        do { request = try wire.decode(frames) } catch {
            // Not executed, not answered: a client without the key gets nothing.
            log.error("refused a message on \(channel.rawValue): \(error)")
            return
        }
        handler.handle(request, on: channel) { [self] reply in
            do { try socket.send(wire.encode(reply)) } catch { log.error("cannot send \(reply.type): \(error)") }
        }
    }

    /// After an error with `stop_on_error`, answers the execute requests that were already
    /// queued on shell with `aborted` (other requests are answered normally), as ipykernel does.
    private func abortQueuedExecutes() {
        let queued = handler.requestsToAbort
        handler.requestsToAbort = []
        handler.abortingQueuedExecutes = true
        defer { handler.abortingQueuedExecutes = false }
        for frames in queued where !lifecycle.isStopping {
            dispatch(frames, on: shell, channel: .shell)
        }
    }
}
