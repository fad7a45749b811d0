#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Work the worker does while no product needs it: the DataLoader posts the
/// copy of the next batch here, so the second core gathers it during the
/// parts of a training step that run on one thread (the loss, the small ops,
/// the optimizer). The poster must later call `finish` on the job, which runs
/// every part the worker has not claimed and waits for those it has, so a
/// busy or parked worker only means the copy is done where it would have
/// been done anyway.
@available(macOS 15.0, *)
final class BackgroundJob: @unchecked Sendable {
    let parts: Int
    let body: (Int) -> Void
    private let next = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)

    init(parts: Int, body: @escaping (Int) -> Void) {
        self.parts = parts
        self.body = body
    }

    /// Claims the next part, or nil when all are claimed.
    func claim() -> Int? {
        let part = next.add(1, ordering: .acquiringAndReleasing).oldValue
        return part < parts ? part : nil
    }

    func partDone() { finished.add(1, ordering: .releasing) }

    var isFinished: Bool { finished.load(ordering: .acquiring) >= parts }
    var hasOpenParts: Bool { next.load(ordering: .relaxed) < parts }
}

@available(macOS 15.0, *)
extension GemmWorker {
    /// Posts `body(0) ... body(parts - 1)` for the worker to run when it has
    /// nothing else to do; returns nil (and runs nothing) when no worker can
    /// take it: another background job is still open, the worker is owned by
    /// another thread or cannot start. Call `finish` on the result.
    func post(parts: Int, _ body: @escaping (Int) -> Void) -> BackgroundJob? {
        guard parts > 0, owned.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            return nil
        }
        defer { owned.store(false, ordering: .releasing) }
        if !started { started = startThread() }
        guard started else { return nil }
        let job = BackgroundJob(parts: parts, body: body)
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let current = background, current.hasOpenParts { return nil }
        background = job
        backgroundOpen.store(true, ordering: .sequentiallyConsistent)
        // A parked worker waits on `condition` under `mutex`, which we hold.
        if sleeping.load(ordering: .sequentiallyConsistent) {
            wakeups.add(1, ordering: .relaxed)
            pthread_cond_signal(condition)
        }
        return job
    }

    /// Runs the parts of `job` nobody has claimed, waits for the others, and
    /// forgets the job. On return every part has run exactly once.
    func finish(_ job: BackgroundJob) {
        while let part = job.claim() {
            job.body(part)
            job.partDone()
        }
        var spins = 0
        while !job.isFinished {
            spins += 1
            if spins & 1023 == 0 { sched_yield() }
        }
        pthread_mutex_lock(mutex)
        if background === job {
            background = nil
            backgroundOpen.store(false, ordering: .relaxed)
        }
        pthread_mutex_unlock(mutex)
    }

    /// Worker side: runs one part of the background job; false when it has
    /// none left (and stops looking until the next post).
    func runBackgroundPart() -> Bool {
        pthread_mutex_lock(mutex)
        let job = background
        pthread_mutex_unlock(mutex)
        guard let job else { return false }  // `finish` clears both together
        if let part = job.claim() {
            job.body(part)
            job.partDone()
            return true
        }
        pthread_mutex_lock(mutex)
        if background === job { backgroundOpen.store(false, ordering: .relaxed) }
        pthread_mutex_unlock(mutex)
        return false
    }
}
