#if canImport(Glibc)
import Glibc
#endif

/// Write end of the self-pipe the signal handlers write to (-1 when none). A plain
/// global: a signal handler may only touch simple memory and call `write`.
private var interruptPipeWriteEnd: Int32 = -1

/// Turns SIGINT and SIGWINCH into bytes on a pipe, so a `poll` on the terminal and the
/// pipe wakes up cleanly for a key, a Ctrl-C, or a resize, with no race and no longjmp.
final class InterruptPipe {
    enum Wakeup { case input, interrupt, resize, failed }

    private var readEnd: Int32 = -1
    private var writeEnd: Int32 = -1
    private var previousInterrupt = sigaction()
    private var previousResize = sigaction()
    private var installed = false

    init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            readEnd = ends[0]
            writeEnd = ends[1]
            for end in ends {
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            }
        }
    }

    deinit {
        restore()
        if readEnd >= 0 { close(readEnd) }
        if writeEnd >= 0 { close(writeEnd) }
    }

    /// Installs the handlers (keeping the previous ones to restore).
    func install() {
        guard !installed, writeEnd >= 0 else { return }
        drain()
        interruptPipeWriteEnd = writeEnd
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            var byte: UInt8 = signal == SIGWINCH ? 0x57 : 0x43  // "W" or "C"
            _ = write(interruptPipeWriteEnd, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, &previousInterrupt)
        sigaction(SIGWINCH, &action, &previousResize)
        installed = true
    }

    /// Puts back the handlers that were there before `install`.
    func restore() {
        guard installed else { return }
        sigaction(SIGINT, &previousInterrupt, nil)
        sigaction(SIGWINCH, &previousResize, nil)
        interruptPipeWriteEnd = -1
        installed = false
    }

    /// Blocks until the terminal has input or a signal arrived.
    func wait(for input: Int32) -> Wakeup {
        while true {
            var fds = [pollfd(fd: input, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return .failed
            }
            if fds[1].revents & Int16(POLLIN) != 0 {
                var bytes = [UInt8](repeating: 0, count: 64)
                let count = read(readEnd, &bytes, bytes.count)
                let received = bytes.prefix(max(0, count))
                if received.contains(0x43) { return .interrupt }
                if received.contains(0x57) { return .resize }
                continue
            }
            if fds[0].revents & Int16(POLLIN | POLLHUP) != 0 { return .input }
            if fds[0].revents & Int16(POLLERR | POLLNVAL) != 0 { return .failed }
        }
    }

    private func drain() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &bytes, bytes.count) > 0 {}
    }
}
