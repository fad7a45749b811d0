import Foundation

/// The heartbeat channel: a REP socket on its own thread that echoes every ping,
/// so a client sees the kernel alive even while a cell runs.
final class Heartbeat: @unchecked Sendable {
    private let socket: ZMQSocket

    init(socket: ZMQSocket) {
        self.socket = socket
    }

    func start() {
        let thread = Thread { [socket] in
            // Ends when the context is terminated (receive throws ETERM).
            while let ping = try? socket.receive() {
                if (try? socket.send(ping)) == nil { break }
            }
            socket.close()
        }
        thread.name = "kindling-heartbeat"
        thread.start()
    }
}
