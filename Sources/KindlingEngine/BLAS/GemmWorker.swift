#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A persistent second thread that helps split one matrix product in parts.
///
/// The caller posts a job of `parts` parts, then claims and runs parts itself
/// while the worker claims the others; a part nobody has claimed by the time
/// the caller is free runs on the caller, so a late, parked or busy worker
/// costs nothing but its own absence. After each job the worker polls for
/// the next one: back to back for `busySeconds` after the last new job
/// (a handoff then costs well
/// under a microsecond), then polls with `sched_yield` in between (so on a
/// busy machine it gives its core away instead of taking CPU time from the
/// caller) for `yieldingSeconds`, then parks on a condition variable. Waking
/// a parked worker costs the caller a system call (a few microseconds in a
/// VM), at most once per parking; the woken worker usually misses that job
/// (the caller claims its parts meanwhile) but is ready for the next ones.
///
/// One caller at a time: a second concurrent caller finds the worker owned
/// and runs all its parts itself.
///
/// On a busy machine the scheduler may put the worker on the caller's own
/// core, where its polling only steals the caller's time: the caller posts
/// its CPU number with each job and a worker polling on that CPU yields.
/// The worker may also be descheduled while it holds a part,
/// and the caller would wait for it for a scheduler time slice: when a wait
/// exceeds `slowWaitSeconds` and the caller's own share of the work, the next
/// `cooldownJobs` jobs run on the caller alone.
@available(macOS 15.0, *)
final class GemmWorker: @unchecked Sendable {
    static let shared = GemmWorker()

    /// How long after the last new job the worker polls back to back.
    static let busySeconds = 0.0005
    /// How long the worker polls with yields before it parks.
    static let yieldingSeconds = 0.001
    static let slowWaitSeconds = 50e-6
    static let cooldownJobs = 200

    /// Bits of `ticket`: job number << 16 | parts << 8 | next unclaimed part.
    private let ticket = Atomic<Int>(0)
    /// Parts of the current job the worker has finished.
    private let finished = Atomic<Int>(0)
    let owned = Atomic<Bool>(false)
    let sleeping = Atomic<Bool>(false)
    /// The CPU the caller ran on when it posted the last job (-1: unknown).
    private let callerCPU = Atomic<Int>(-1)
    /// The current job's body; written by the owner before the ticket is
    /// published, read by the worker only while it holds a claimed part.
    private var body: ((Int) -> Void)?
    private var jobNumber = 0
    /// Jobs left to run without the worker after a slow wait (owner-only state).
    private var cooldown = 0
    let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    var started = false
    /// The background job (see GemmWorker+Background.swift): taken by the
    /// worker under `mutex` when `backgroundOpen` says it has unclaimed parts.
    var background: BackgroundJob?
    let backgroundOpen = Atomic<Bool>(false)
    /// Diagnostics: jobs posted, parts the worker ran, wake-ups, cooldowns.
    let jobCount = Atomic<Int>(0), workerParts = Atomic<Int>(0)
    let wakeups = Atomic<Int>(0), cooldowns = Atomic<Int>(0)

    private init() {
        // KINDLING_GEMM_STATS=1: print the counters on exit (tuning aid).
        if getenv("KINDLING_GEMM_STATS") != nil {
            atexit { fputs("kindling product worker: \(Gemm.workerStatistics)\n", stderr) }
        }
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    /// Runs `body(0) ... body(parts - 1)`, some on the worker thread, and
    /// returns when all have finished. `parts` is clamped to 1...255.
    func run(parts requested: Int, _ body: @escaping (Int) -> Void) {
        let parts = min(max(requested, 1), 255)
        guard parts > 1, owned.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            for part in 0..<parts { body(part) }
            return
        }
        defer { owned.store(false, ordering: .releasing) }
        if !started { started = startThread() }
        guard started, cooldown == 0 else {
            cooldown = max(0, cooldown - 1)
            for part in 0..<parts { body(part) }
            return
        }
        jobNumber = (jobNumber + 1) & 0xFFFF_FFFF
        let job = jobNumber
        self.body = body
        finished.store(0, ordering: .relaxed)
        callerCPU.store(GemmWorker.currentCPU(), ordering: .relaxed)
        ticket.store(job << 16 | parts << 8, ordering: .sequentiallyConsistent)
        jobCount.add(1, ordering: .relaxed)
        if sleeping.load(ordering: .sequentiallyConsistent) {
            wakeups.add(1, ordering: .relaxed)
            pthread_mutex_lock(mutex)
            pthread_cond_signal(condition)
            pthread_mutex_unlock(mutex)
        }
        let start = monotonicSeconds()
        var done = 0
        while let part = claim(job: job) {
            body(part)
            done += 1
        }
        if finished.load(ordering: .acquiring) + done < parts {
            let waitStart = monotonicSeconds()
            var spins = 0
            while finished.load(ordering: .acquiring) + done < parts {
                spins += 1
                // Past a few microseconds, let a worker queued on this core run.
                if spins & 1023 == 0 { sched_yield() }
            }
            let waited = monotonicSeconds() - waitStart
            if waited > GemmWorker.slowWaitSeconds && waited > waitStart - start {
                cooldown = GemmWorker.cooldownJobs
                cooldowns.add(1, ordering: .relaxed)
            }
        }
        self.body = nil
    }

    /// Claims the next part of `job`, or nil when all are claimed or the
    /// ticket belongs to another job.
    private func claim(job: Int) -> Int? {
        while true {
            let current = ticket.load(ordering: .acquiring)
            let next = current & 0xFF, parts = (current >> 8) & 0xFF
            guard current >> 16 == job, next < parts else { return nil }
            if ticket.compareExchange(expected: current, desired: current + 1,
                                      ordering: .acquiringAndReleasing).exchanged {
                return next
            }
        }
    }

    func startThread() -> Bool {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        #if canImport(Glibc)
        let result = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            Unmanaged<GemmWorker>.fromOpaque(context).takeUnretainedValue().loop()
            return nil
        }, context)
        #else
        let result = pthread_create(&thread, nil, { context in
            Unmanaged<GemmWorker>.fromOpaque(context).takeUnretainedValue().loop()
            return nil
        }, context)
        #endif
        if result != 0 {
            Unmanaged<GemmWorker>.fromOpaque(context).release()
            return false
        }
        pthread_detach(thread)
        return true
    }

    private func loop() {
        var polls = 0
        var lastJob = -1
        var lastJobSeen = monotonicSeconds()
        while true {
            let current = ticket.load(ordering: .sequentiallyConsistent)
            if current >> 16 != lastJob {
                // A new job, even one the caller has already claimed whole:
                // products are coming, so keep polling without yielding.
                lastJob = current >> 16
                lastJobSeen = monotonicSeconds()
                polls = 0
            }
            if (current & 0xFF) < ((current >> 8) & 0xFF) {
                while let part = claim(job: lastJob) {
                    if let body { body(part) }
                    workerParts.add(1, ordering: .relaxed)
                    finished.add(1, ordering: .releasing)
                }
                continue
            }
            // No product part open: copy a part of the background job, if any
            // (one part at a time, so a product posted meanwhile waits little).
            if backgroundOpen.load(ordering: .relaxed), runBackgroundPart() {
                lastJobSeen = monotonicSeconds()  // work is coming: stay ready
                polls = 0
                continue
            }
            polls += 1
            if polls & 1023 != 0 { continue }
            let cpu = GemmWorker.currentCPU()
            if cpu >= 0 && cpu == callerCPU.load(ordering: .relaxed) {
                sched_yield()  // sharing the caller's core: let it run (and the kernel move us)
            }
            let idle = monotonicSeconds() - lastJobSeen
            if idle < GemmWorker.busySeconds { continue }
            if idle < GemmWorker.busySeconds + GemmWorker.yieldingSeconds {
                sched_yield()
                continue
            }
            park(after: lastJob)
            lastJobSeen = monotonicSeconds()
        }
    }

    /// Sleeps until a job after `lastJob` is posted, claimed or not: the
    /// caller may well have run that one whole before the woken worker got a
    /// core (the scheduler tends to wake it on the caller's own core), but
    /// polling again keeps the worker ready for the next ones.
    private func park(after lastJob: Int) {
        pthread_mutex_lock(mutex)
        sleeping.store(true, ordering: .sequentiallyConsistent)
        while ticket.load(ordering: .sequentiallyConsistent) >> 16 == lastJob
                && !backgroundOpen.load(ordering: .sequentiallyConsistent) {
            pthread_cond_wait(condition, mutex)
        }
        sleeping.store(false, ordering: .sequentiallyConsistent)
        pthread_mutex_unlock(mutex)
    }

    private typealias GetCPUFunction = @convention(c) () -> Int32
    /// glibc's `sched_getcpu` (not in Swift's Glibc module), found at run time.
    private static let getCPU: GetCPUFunction? = {
        #if os(Linux)
        guard let symbol = dlsym(nil, "sched_getcpu") else { return nil }
        return unsafeBitCast(symbol, to: GetCPUFunction.self)
        #else
        return nil
        #endif
    }()

    /// The CPU this thread runs on, or -1 when unknown.
    private static func currentCPU() -> Int {
        guard let getCPU else { return -1 }
        return Int(getCPU())
    }

    private func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }
}
