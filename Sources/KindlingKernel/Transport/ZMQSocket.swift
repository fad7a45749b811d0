import CZMQ
import Foundation

/// A ZeroMQ context: owns the I/O threads; every socket is made from one.
public final class ZMQContext: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    public init() throws {
        guard let handle = zmq_ctx_new() else { throw KernelError.zmq("cannot create a ZeroMQ context: \(zmqErrorText())") }
        self.handle = handle
    }

    /// Ends the context once every socket is closed (pending messages are sent within each socket's linger).
    public func terminate() {
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }
}

/// One ZeroMQ socket. Not thread-safe (ZeroMQ's rule): each socket is used by
/// one thread at a time; `KernelChannels` says which thread owns which.
public final class ZMQSocket: @unchecked Sendable {
    /// Socket kinds the kernel uses.
    public enum Kind {
        case router, pub, rep, dealer, sub, req

        var value: Int32 {
            switch self {
            case .router: return ZMQ_ROUTER
            case .pub: return ZMQ_PUB
            case .rep: return ZMQ_REP
            case .dealer: return ZMQ_DEALER
            case .sub: return ZMQ_SUB
            case .req: return ZMQ_REQ
            }
        }
    }

    private var handle: UnsafeMutableRawPointer?

    public init(context: ZMQContext, kind: Kind) throws {
        guard let handle = zmq_socket(context.handle, kind.value) else {
            throw KernelError.zmq("cannot create a socket: \(zmqErrorText())")
        }
        self.handle = handle
        // Pending replies get one second to leave when the kernel shuts down, never forever.
        var linger: Int32 = 1000
        zmq_setsockopt(handle, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
    }

    deinit { close() }

    public func bind(_ endpoint: String) throws {
        guard let handle else { throw KernelError.zmq("socket is closed") }
        guard zmq_bind(handle, endpoint) == 0 else {
            throw KernelError.zmq("cannot bind \(endpoint): \(zmqErrorText())")
        }
    }

    public func connect(_ endpoint: String) throws {
        guard let handle else { throw KernelError.zmq("socket is closed") }
        guard zmq_connect(handle, endpoint) == 0 else {
            throw KernelError.zmq("cannot connect to \(endpoint): \(zmqErrorText())")
        }
    }

    /// `ZMQ_IDENTITY`: the routing id a DEALER presents to a ROUTER.
    public static let identityOption = ZMQ_IDENTITY
    /// `ZMQ_SUBSCRIBE`: a SUB socket's topic prefix.
    public static let subscribeOption = ZMQ_SUBSCRIBE

    /// Sets a binary socket option (`ZMQ_SUBSCRIBE`, `ZMQ_IDENTITY`).
    public func setOption(_ option: Int32, _ value: Data) {
        guard let handle else { return }
        value.withUnsafeBytes { _ = zmq_setsockopt(handle, option, $0.baseAddress, value.count) }
    }

    /// Sends a multipart message; retries when a signal interrupts the call.
    public func send(_ frames: [Data]) throws {
        guard let handle else { throw KernelError.zmq("socket is closed") }
        for (position, frame) in frames.enumerated() {
            let flags: Int32 = position + 1 < frames.count ? ZMQ_SNDMORE : 0
            while true {
                let sent = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, frame.count, flags) }
                if sent >= 0 { break }
                if zmq_errno() != EINTR { throw KernelError.zmq("send failed: \(zmqErrorText())") }
            }
        }
    }

    /// Waits up to `timeout` milliseconds (-1: forever) for a message to read.
    /// A signal ends the wait early with false.
    public func waitReadable(timeout: Int) -> Bool {
        guard let handle else { return false }
        var item = zmq_pollitem_t(socket: handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
        let ready = zmq_poll(&item, 1, timeout)
        return ready > 0 && item.revents & Int16(ZMQ_POLLIN) != 0
    }

    /// Receives one whole multipart message, blocking; retries when a signal interrupts the call.
    public func receive() throws -> [Data] {
        guard let handle else { throw KernelError.zmq("socket is closed") }
        var frames: [Data] = []
        while true {
            var message = zmq_msg_t()
            zmq_msg_init(&message)
            defer { zmq_msg_close(&message) }
            var received: Int32
            repeat { received = zmq_msg_recv(&message, handle, 0) } while received < 0 && zmq_errno() == EINTR
            guard received >= 0 else { throw KernelError.zmq("receive failed: \(zmqErrorText())") }
            let size = zmq_msg_size(&message)
            if let bytes = zmq_msg_data(&message), size > 0 {
                frames.append(Data(bytes: bytes, count: size))
            } else {
                frames.append(Data())
            }
            if zmq_msg_more(&message) == 0 { return frames }
        }
    }

    /// Receives a message if one is waiting, without blocking.
    public func receiveNow() throws -> [Data]? {
        waitReadable(timeout: 0) ? try receive() : nil
    }

    public func close() {
        if let handle { zmq_close(handle) }
        handle = nil
    }
}

func zmqErrorText() -> String {
    String(cString: zmq_strerror(zmq_errno()))
}
