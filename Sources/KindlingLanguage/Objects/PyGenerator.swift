import Foundation

/// A generator object: what calling a function containing `yield` returns. Its body runs on a
/// `GeneratorCoroutine` only as the consumer asks for values (`next`, `send`, `throw`, `close`);
/// a generator that is dropped unfinished is closed as CPython closes it (GeneratorExit raised at
/// its `yield`, so its `finally` blocks and `with` exits run).
final class PyGenerator: PyIterator {
    let name: String
    let qualifiedName: String
    private let coroutine: GeneratorCoroutine
    /// The return value of the body, reported once as `StopIteration.value`.
    private var pendingReturn: Value?

    init(name: String, qualifiedName: String, body: @escaping (GeneratorCoroutine) throws -> Value) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.coroutine = GeneratorCoroutine(body: body)
        super.init(cls: Builtins.generator)
    }

    deinit {
        coroutine.finishUnstarted()
        guard coroutine.started && !coroutine.finished && !coroutine.running else { return }
        do { try close() } catch {
            let e = PyException.wrap(error)
            let text = Interpreter.current?.formatException(e) ?? "\(e.description)\n"
            FileHandle.standardError.write(Data("Exception ignored in: <generator object \(qualifiedName) at \(Runtime.address(self))>\n\(text)".utf8))
        }
    }

    var isRunning: Bool { coroutine.running }
    var isSuspended: Bool { coroutine.started && !coroutine.finished && !coroutine.running }

    /// Resumes the body; nil once it has finished (the outcome says how it ended).
    func resume(_ message: GeneratorResume) throws -> GeneratorOutcome {
        if coroutine.running { throw PyException.make(.valueError, "generator already executing") }
        if coroutine.finished {
            if case .raise(let e) = message { throw e }
            return .returned(.none)
        }
        if !coroutine.started, case .raise(let e) = message {
            coroutine.finishUnstarted()
            throw e
        }
        return try coroutine.resume(message)
    }

    /// The iteration protocol (for loops, list(), sum()...): nil when exhausted.
    override func next() throws -> Value? {
        if coroutine.finished { return nil }
        switch try resume(.value(.none)) {
        case .yielded(let v): return v
        case .returned(let v): pendingReturn = v; return nil
        case .raised(let e): throw e
        }
    }

    /// `g.send(value)` (and `next(g)` / `g.__next__()` with None): StopIteration carries the return value.
    func send(_ value: Value) throws -> Value {
        if !coroutine.started && !coroutine.finished && !value.isNone {
            throw PyException.make(.typeError, "can't send non-None value to a just-started generator")
        }
        if coroutine.finished { throw stopIteration() }
        return try unwrap(try resume(.value(value)))
    }

    /// `g.throw(exc)`: raises `exc` at the suspended `yield`.
    func throwIn(_ e: PyException) throws -> Value {
        try unwrap(try resume(.raise(e)))
    }

    /// `g.close()`: GeneratorExit at the `yield`; RuntimeError if the body yields again.
    func close() throws {
        if coroutine.finished { return }
        if !coroutine.started { coroutine.finishUnstarted(); return }
        let exit = PyException.make(Builtins.exc(.generatorExit), args: [])
        switch try resume(.raise(exit)) {
        case .yielded:
            throw PyException.make(.runtimeError, "generator ignored GeneratorExit")
        case .returned: return
        case .raised(let e):
            if e.matches(.generatorExit) || e.matches(.stopIteration) { return }
            throw e
        }
    }

    private func unwrap(_ outcome: GeneratorOutcome) throws -> Value {
        switch outcome {
        case .yielded(let v): return v
        case .returned(let v): pendingReturn = v; throw stopIteration()
        case .raised(let e): throw e
        }
    }

    /// StopIteration for an exhausted generator: the return value the first time, then none.
    func stopIteration() -> PyException {
        let v = pendingReturn ?? .none
        pendingReturn = nil
        return PyException.make(Builtins.stopIteration, args: v.isNone ? [] : [v])
    }
}
