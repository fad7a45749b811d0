import Foundation

/// A thread with a big stack that runs generator bodies, one after another. Finished workers
/// wait in a small idle pool, so making a generator does not cost a thread start (and a stack
/// mapping) each time.
final class GeneratorWorker: @unchecked Sendable {
    /// Idle workers kept for reuse; more than this many finishing at once simply exit.
    static let poolLimit = 8
    nonisolated(unsafe) private static var idle: [GeneratorWorker] = []
    private static let lock = NSLock()

    private let wake = DispatchSemaphore(value: 0)
    private var job: GeneratorCoroutine?

    /// An idle worker, or a new thread when none is free.
    static func take() throws -> GeneratorWorker {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        if let w = reused { return w }
        let w = GeneratorWorker()
        try w.startThread()
        return w
    }

    /// Gives the worker its next body (it starts running it at the coroutine's first resume).
    func assign(_ coroutine: GeneratorCoroutine) {
        job = coroutine
        wake.signal()
    }

    private func startThread() throws {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, GeneratorCoroutine.stackSize)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<GeneratorWorker>.fromOpaque(raw).takeRetainedValue().loop()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<GeneratorWorker>.fromOpaque(context).release()
            throw PyException.make(.notImplementedError,
                "starting another generator thread failed (error \(status)); that many unfinished generators is not supported by Kindling")
        }
    }

    private func loop() {
        var marker = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        let floor = here &- UInt(GeneratorCoroutine.stackSize) &+ Interrupts.stackMargin
        while true {
            wake.wait()
            guard let coroutine = job else { continue }
            job = nil
            coroutine.runOnWorker(stackFloor: floor)
            // Back into the pool before the consumer can ask for a worker again.
            GeneratorWorker.lock.lock()
            let keep = GeneratorWorker.idle.count < GeneratorWorker.poolLimit
            if keep { GeneratorWorker.idle.append(self) }
            GeneratorWorker.lock.unlock()
            coroutine.finishOnWorker()
            if !keep { return }
        }
    }
}
