import Foundation
import KindlingNotebook

/// Builds the notebook session (an interpreter with torch, fastai, pandas and
/// matplotlib installed) on a background thread while the kernel already answers
/// `kernel_info`, so start-up is not held up by it. The first request that needs
/// the session waits for it.
final class SessionLoader: @unchecked Sendable {
    private var loaded: NotebookSession?
    private let ready = DispatchSemaphore(value: 0)
    private let lock = NSLock()

    init(_ make: @escaping () -> NotebookSession) {
        let thread = Thread { [self] in
            let session = make()
            lock.lock()
            loaded = session
            lock.unlock()
            ready.signal()
        }
        thread.name = "kindling-session-loader"
        thread.start()
    }

    /// The session, once built (waits the first time).
    var session: NotebookSession {
        while true {
            lock.lock()
            let current = loaded
            lock.unlock()
            if let current { return current }
            ready.wait()
            ready.signal()  // wakes any other waiter too
        }
    }
}
