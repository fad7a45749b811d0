import Foundation
import KindlingLanguage
import KindlingNotebook

/// Shared state between the shell and control threads (and the SIGINT handler):
/// whether code is running, and whether the kernel should stop.
final class KernelLifecycle: @unchecked Sendable {
    /// Nonzero while the shell thread runs code. A raw pointer so the signal handler
    /// can read it without locks or lazy initialisation.
    nonisolated(unsafe) private static let executing: UnsafeMutablePointer<Int32> = {
        let flag = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        flag.initialize(to: 0)
        return flag
    }()

    private let lock = NSLock()
    private var stopping = false
    private(set) var restart = false

    init() {
        _ = KernelLifecycle.executing  // initialise before any signal handler reads it
    }

    /// SIGINT raises KeyboardInterrupt in the running code (`interrupt_mode: "signal"`
    /// clients, or Ctrl-C in a terminal); while idle it is ignored, as ipykernel does.
    static func installSignalHandler() {
        _ = executing
        signal(SIGINT) { _ in
            if KernelLifecycle.executing.pointee != 0 { NotebookSession.interrupt() }
        }
    }

    /// Runs `body` marked as executing; an interrupt that arrives just as it ends is dropped,
    /// so it cannot hit the next request.
    func executing<T>(_ body: () -> T) -> T {
        KernelLifecycle.executing.pointee = 1
        defer {
            KernelLifecycle.executing.pointee = 0
            Interrupts.flag.pointee = 0
        }
        return body()
    }

    var isExecuting: Bool { KernelLifecycle.executing.pointee != 0 }

    /// `interrupt_request`: stops the running code with KeyboardInterrupt; the namespace survives.
    func interrupt() {
        if isExecuting { NotebookSession.interrupt() }
    }

    func requestStop(restart: Bool) {
        lock.lock()
        stopping = true
        self.restart = restart
        lock.unlock()
        interrupt()
    }

    var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }
}
