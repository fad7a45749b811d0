import Foundation

/// Gathers printed text into one `stream` message per burst, as ipykernel's
/// `OutStream` does: text is published when another kind of output comes, when
/// the other stream is written, when the request ends, or 0.2 s after the first
/// unpublished text (so progress still shows while a cell runs). A loop of prints
/// becomes one stream output in the notebook, as with ipykernel.
final class StreamBuffer: @unchecked Sendable {
    static let flushInterval = 0.2

    private let lock = NSLock()
    private let publish: (String, KernelJSON, KernelMessage?) -> Void
    private var name: String?
    private var text = ""
    private var parent: KernelMessage?
    private var generation = 0

    init(publish: @escaping (String, KernelJSON, KernelMessage?) -> Void) {
        self.publish = publish
    }

    /// Adds text written to `stream` while `parent` runs.
    func write(_ stream: String, _ piece: String, parent: KernelMessage) {
        lock.lock()
        defer { lock.unlock() }
        if name != nil && (name != stream || self.parent?.id != parent.id) { flushLocked() }
        if name == nil {
            name = stream
            self.parent = parent
            let scheduled = generation
            DispatchQueue.global().asyncAfter(deadline: .now() + StreamBuffer.flushInterval) { [weak self] in
                self?.flush(ifGeneration: scheduled)
            }
        }
        text += piece
    }

    /// Publishes buffered text now (before other outputs and at the end of a request).
    func flush() {
        lock.lock()
        defer { lock.unlock() }
        flushLocked()
    }

    private func flush(ifGeneration scheduled: Int) {
        lock.lock()
        defer { lock.unlock() }
        if generation == scheduled { flushLocked() }
    }

    /// Publishing under the lock keeps stream messages in order with everything after them.
    private func flushLocked() {
        guard let stream = name else { return }
        if !text.isEmpty { publish("stream", ["name": .string(stream), "text": .string(text)], parent) }
        name = nil
        text = ""
        parent = nil
        generation &+= 1
    }
}
