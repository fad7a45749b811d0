import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process on a pseudo-terminal, driven like a user at a keyboard: send keys,
/// wait for text to appear, check how it exited. Used to test the REPL, the line
/// editor and anything else that behaves differently on a real terminal.
final class PTYProcess {
    enum Key {
        static let enter = "\r"
        static let tab = "\t"
        static let ctrlC = "\u{03}"
        static let ctrlD = "\u{04}"
        static let ctrlR = "\u{12}"
        static let up = "\u{1B}[A"
        static let down = "\u{1B}[B"
        static func bracketedPaste(_ text: String) -> String { "\u{1B}[200~" + text + "\u{1B}[201~" }
    }

    struct LaunchError: Error, CustomStringConvertible {
        var description: String
    }

    let pid: pid_t
    private let master: Int32
    private var bytes: [UInt8] = []
    /// Where the next `expect` starts looking.
    private var searchStart = 0
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments` on a new terminal of `columns` x `rows`.
    init(executable: String, arguments: [String] = [], environment: [String: String],
         columns: UInt16 = 80, rows: UInt16 = 24) throws {
        // Everything the child needs is prepared before fork: after it, only execve.
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var masterFD: Int32 = -1
        let child = forkpty(&masterFD, nil, nil, &size)
        if child < 0 { throw LaunchError(description: "forkpty failed: errno \(errno)") }
        if child == 0 {
            execve(executable, argv, envp)
            _exit(127)
        }
        pid = child
        master = masterFD
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        terminate()
        close(master)
    }

    /// Everything the child wrote so far (escape sequences included).
    var output: String { String(decoding: bytes, as: UTF8.self) }

    /// Types `text` (use `Key` for special keys).
    func send(_ text: String) {
        var data = Array(text.utf8)
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeMutableBytes { write(master, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EAGAIN || errno == EINTR { usleep(1000); continue }
                return
            }
            offset += written
        }
    }

    /// Waits until `text` appears after the previous match; true when it did in time.
    @discardableResult
    func expect(_ text: String, timeout: Double = 10) -> Bool {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let found = find(needle) {
                searchStart = found + needle.count
                return true
            }
            if Date() >= deadline { return false }
            pump(until: deadline)
        }
    }

    /// Reads whatever arrives within `seconds` (to check that something did NOT appear).
    func settle(for seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline { pump(until: deadline) }
    }

    /// Output after the last match.
    var unmatchedOutput: String { String(decoding: bytes[min(searchStart, bytes.count)...], as: UTF8.self) }

    /// Waits for the child to exit and returns its exit status (128+n for signal n).
    func waitForExit(timeout: Double = 10) -> Int32? {
        if let exitStatus { return exitStatus }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let signal = status & 0x7F
                exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
                return exitStatus
            }
            pump(until: Date().addingTimeInterval(0.02))
        }
        return nil
    }

    /// Kills the child if it is still running.
    func terminate() {
        guard exitStatus == nil else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        exitStatus = 128 + SIGKILL
    }

    private func pump(until deadline: Date) {
        let milliseconds = max(0, Int32(deadline.timeIntervalSinceNow * 1000))
        var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, 1, min(milliseconds, 50)) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 {
            bytes += buffer[..<count]
        } else {
            // EOF or EIO: the child closed the terminal; avoid spinning.
            usleep(10_000)
        }
    }

    private func find(_ needle: [UInt8]) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, searchStart <= bytes.count - needle.count else { return nil }
        for start in searchStart...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }
}
