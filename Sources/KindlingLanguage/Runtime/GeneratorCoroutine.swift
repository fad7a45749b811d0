import Foundation

/// What a consumer sends into a suspended generator body.
enum GeneratorResume {
    /// `next(g)` (None) or `g.send(value)`.
    case value(Value)
    /// `g.throw(e)` / `g.close()` (GeneratorExit).
    case raise(PyException)
}

/// What a generator body hands back to its consumer.
enum GeneratorOutcome {
    case yielded(Value)
    case returned(Value)
    case raised(PyException)
}

/// Runs one generator body on its own thread with strict hand-off: exactly one of the consumer
/// and the body runs at any time (two semaphores pass the turn back and forth), so the
/// interpreter's state stays effectively single-threaded. The closure compiler cannot suspend a
/// body half-way; a thread parked in `yield` can.
///
/// The per-thread parts of the interpreter are handed over with the turn: the body's thread
/// installs its own native-stack guard and counts one call depth (its frame) while it runs, and
/// gives both back when it yields. Grad mode and the interrupt flag are globals, as in CPython
/// where a generator runs on its consumer's thread.
final class GeneratorCoroutine: @unchecked Sendable {
    /// Native stack of a generator thread (address space; pages are used only as touched).
    static let stackSize = 64 << 20
    /// Generators started but not finished at once (each holds a parked thread).
    static let maximumLive = 2048
    nonisolated(unsafe) static var live = 0

    private let toBody = DispatchSemaphore(value: 0)
    private let toConsumer = DispatchSemaphore(value: 0)
    private var message: GeneratorResume = .value(.none)
    private var outcome: GeneratorOutcome = .returned(.none)
    /// The body, run once on the thread; cleared (releasing its frame) before the final hand-off.
    private var body: ((GeneratorCoroutine) throws -> Value)?
    private var stackFloor: UInt = 0
    private(set) var started = false
    private(set) var finished = false
    private(set) var running = false

    init(body: @escaping (GeneratorCoroutine) throws -> Value) { self.body = body }

    /// Passes the turn to the body with `resume` and waits until it yields, returns or raises.
    /// Must not be called while finished or running.
    func resume(_ resume: GeneratorResume) throws -> GeneratorOutcome {
        if !started { try startThread() }
        message = resume
        running = true
        let savedGuard = (Interrupts.stackFloor, Interrupts.stackThread)
        toBody.signal()
        toConsumer.wait()
        (Interrupts.stackFloor, Interrupts.stackThread) = savedGuard
        running = false
        let result = outcome
        outcome = .returned(.none)
        if case .yielded = result {} else {
            finished = true
            GeneratorCoroutine.live -= 1
        }
        return result
    }

    /// Marks a never-started generator finished (closing it, or throwing into it, runs nothing).
    func finishUnstarted() { if !started { finished = true; body = nil } }

    /// Called by the body's `yield`: hands `value` to the consumer and waits for the next resume.
    func suspend(yielding value: Value) throws -> Value {
        outcome = .yielded(value)
        Interrupts.depth -= 1
        toConsumer.signal()
        toBody.wait()
        installStackGuard()
        Interrupts.depth += 1
        return try takeMessage()
    }

    private func takeMessage() throws -> Value {
        let m = message
        message = .value(.none)
        switch m {
        case .value(let v): return v
        case .raise(let e): throw e
        }
    }

    private func installStackGuard() {
        Interrupts.stackFloor = stackFloor
        Interrupts.stackThread = pthread_self()
    }

    private func startThread() throws {
        guard GeneratorCoroutine.live < GeneratorCoroutine.maximumLive else {
            throw PyException.make(.notImplementedError,
                "more than \(GeneratorCoroutine.maximumLive) unfinished generators at once is not supported by Kindling")
        }
        let worker = try GeneratorWorker.take()
        started = true
        GeneratorCoroutine.live += 1
        worker.assign(self)
    }

    /// Runs on a worker thread: waits for the first resume, runs the body, hands the end back.
    func runOnWorker(stackFloor: UInt) {
        self.stackFloor = stackFloor
        toBody.wait()
        runBody()
    }

    /// The final hand-off; nothing of the interpreter may be touched after it.
    func finishOnWorker() { toConsumer.signal() }

    /// Runs the body to its end; every interpreter object it used is released before returning.
    @inline(never) private func runBody() {
        installStackGuard()
        Interrupts.depth += 1
        do {
            _ = try takeMessage()
            if let body = body { outcome = .returned(try body(self)) }
        } catch {
            outcome = .raised(PyException.wrap(error))
        }
        Interrupts.depth -= 1
        body = nil
    }
}
