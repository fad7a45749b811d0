import Foundation

/// The Python interpreter: a persistent main namespace, native module registry, output sink.
///
///     let interp = Interpreter()
///     interp.registerNativeModule("torch") { interp in makeTorchModule(interp) }
///     let value = try interp.run(source: "1 + 1", filename: "<stdin>", mode: .interactive)
public final class Interpreter {
    /// How `run` treats the source.
    public enum Mode {
        /// A script: nothing is returned.
        case file
        /// A REPL input or notebook cell: the value of a trailing expression statement is returned.
        case interactive
    }

    /// The `__main__` namespace, persistent across `run` calls.
    public let mainModule: PyModule
    /// The builtins (`print`, `len`, exceptions...).
    public let builtinsModule: PyModule
    /// Loaded modules by dotted name.
    public private(set) var modules: [String: PyModule] = [:]
    private var loaders: [String: (Interpreter) throws -> PyModule] = [:]
    private var eagerSubmodules: [String: [String]] = [:]
    /// Where `print` writes. Default: the process's stdout (flushed after each `run`).
    public var output: (String) -> Void = { s in fputs(s, stdout) }
    /// Where `input(prompt)` reads a line (a notebook kernel asks its front end); nil reads
    /// standard input. Receives the prompt; throwing (EOFError, KeyboardInterrupt) propagates.
    public var inputReader: ((String) throws -> String)?
    /// Source lines by file name, for traceback lines.
    public let sources = SourceRegistry()
    /// The command-line arguments `sys.argv` shows.
    public var argv: [String] = [""]
    /// The running script's folder (`sys.path[0]`); nil for the REPL and notebooks (the current folder).
    public var scriptDirectory: String?
    /// Says why a module that cannot be found is missing (e.g. "not supported by Kindling") for the
    /// packages a front end knows of; nil keeps CPython's plain message.
    public var missingModuleNote: (String) -> String? = { _ in nil }
    /// Where `sys.stderr` writes (warnings, for one). Default: the process's stderr.
    /// (Declared last: code built against the earlier layout keeps the other fields' offsets.)
    public var errorOutput: (String) -> Void = { s in fputs(s, stderr) }

    /// The interpreter running on the current thread (native code that needs one, e.g. `print`).
    nonisolated(unsafe) public static var current: Interpreter?

    public init() {
        _ = Builtins.installed
        _ = Interrupts.flag  // initialise now: requestInterrupt() must not run lazy initialisation in a signal handler
        mainModule = PyModule(name: "__main__")
        builtinsModule = PyModule(name: "builtins")
        mainModule.namespace.set("__builtins__", .object(builtinsModule))
        installBuiltinFunctions()
        registerStandardModules()
        modules["builtins"] = builtinsModule
        modules["__main__"] = mainModule
        if Interpreter.current == nil { Interpreter.current = self }
    }

    // MARK: - Modules

    /// Registers a module implemented in Swift, loaded on first import. Dotted names ("torch.nn")
    /// are set as attributes of their parent package when loaded.
    public func registerNativeModule(_ name: String, _ loader: @escaping (Interpreter) throws -> PyModule) {
        loaders[name] = loader
    }

    /// Submodules imported right after their package, so that `import torch` binds `torch.nn`
    /// as the real package's `__init__` does.
    public func registerEagerSubmodules(of package: String, _ submodules: [String]) {
        eagerSubmodules[package, default: []] += submodules
    }

    /// `import name` (dotted): loads parents first; returns the named module itself.
    public func importModule(_ name: String) throws -> PyModule {
        if let m = modules[name] { return m }
        let parts = name.split(separator: ".").map(String.init)
        var parent: PyModule? = nil
        if parts.count > 1 { parent = try importModule(parts.dropLast().joined(separator: ".")) }
        if let m = modules[name] { return m }
        guard let loader = loaders[name] else {
            if let p = parent, let v = p.namespace.get(parts.last ?? ""), let m = v.as(PyModule.self) { return m }
            // A package with no code of its own ("fastai" for "fastai.vision.all"): an empty module.
            if loaders.keys.contains(where: { $0.hasPrefix(name + ".") }) {
                let m = PyModule(name: name)
                m.isPartialLibrary = true
                modules[name] = m
                if let p = parent, let last = parts.last, p.namespace.get(last) == nil { p.namespace.set(last, .object(m)) }
                return m
            }
            if let m = try loadSourceModule(name, parent: parent) {
                if let p = parent, let last = parts.last, p.namespace.get(last) == nil { p.namespace.set(last, .object(m)) }
                return m
            }
            let note = missingModuleNote(name).map { " (\($0))" } ?? ""
            throw PyException.make(.moduleNotFoundError, "No module named '\(name)'\(note)")
        }
        let m = try loader(self)
        m.isNative = true
        modules[name] = m
        if let p = parent, let last = parts.last, p.namespace.get(last) == nil { p.namespace.set(last, .object(m)) }
        for sub in eagerSubmodules[name] ?? [] { _ = try importModule(sub) }
        return m
    }

    /// Registers (or, with nil, forgets) a loaded module.
    func setModule(_ name: String, _ module: PyModule?) { modules[name] = module }

    // MARK: - Running code

    /// Parses, compiles and runs source in the main namespace. In `.interactive` mode returns the
    /// value of a trailing expression statement (nil for None or when there is none).
    /// Throws `PyException` (format it with `formatException`).
    @discardableResult
    public func run(source: String, filename: String = "<string>", lineOffset: Int = 0, mode: Mode = .file) throws -> Value? {
        sources.register(source, filename: filename, lineOffset: lineOffset)
        if mode == .file && !filename.hasPrefix("<") {
            mainModule.namespace.set("__file__", .str(filename))
            if scriptDirectory == nil {
                let dir = (filename as NSString).deletingLastPathComponent
                scriptDirectory = dir.isEmpty ? FileManager.default.currentDirectoryPath : dir
            }
        }
        return try onBigStack {
            let previous = Interpreter.current
            Interpreter.current = self
            defer { Interpreter.current = previous; fflush(stdout) }
            let module: Module
            do { module = try parseModule(source: source, filename: filename, lineOffset: lineOffset) } catch {
                throw PyException.wrap(error)
            }
            var body = module.body
            var trailing: Expr? = nil
            if mode == .interactive, let last = body.last, case .expression(let e) = last.kind {
                trailing = e
                body.removeLast()
            }
            let analysis = ScopeAnalysis()
            var all = body
            if let t = trailing { all.append(Stmt(.expression(t), t.range)) }
            let scope = analysis.analyzeModule(all)
            if let e = analysis.errors.first { throw e }
            let compiler = Compiler(analysis: analysis, module: scope, filename: filename, globals: self.mainModule.namespace,
                                    builtins: self.builtinsModule.namespace, importer: { [unowned self] in try self.importModule($0) })
            let code = CodeObject(name: "<module>", qualifiedName: "<module>", filename: filename, signature: Signature(positional: []),
                                  slotCount: scope.localOrder.count, cellParameterSlots: scope.cellVars.map { _ in nil }, freeCount: 0)
            code.body = try compiler.compileBlock(body)
            let valueCode = try trailing.map { try compiler.compileExpr($0) }
            let frame = Frame(code: code, globals: self.mainModule.namespace, builtins: self.builtinsModule.namespace)
            frame.cells = scope.cellVars.map { _ in Cell() }
            return try self.runModuleBody(filename: filename, frame: frame) {
                _ = try code.body(frame)
                guard let vc = valueCode, let t = trailing else { return nil }
                let v: Value
                frame.line = t.range.line
                do { v = try vc(frame) } catch { throw Compiler.annotate(error, t.range.line) }
                return v.isNone ? nil : v
            }
        }
    }

    /// Runs a module's compiled body; an exception leaving it gets the `<module>` line of
    /// its traceback and the interrupt depth is restored (scripts and imported modules alike).
    func runModuleBody<T>(filename: String, frame: Frame, _ body: () throws -> T) throws -> T {
        let depth = Interrupts.depth
        let stackSlot = FrameStack.slot(depth)
        let saved = stackSlot?.pointee
        stackSlot?.pointee = Unmanaged.passUnretained(frame)
        defer { stackSlot?.pointee = saved }
        do {
            return try body()
        } catch {
            Interrupts.depth = depth
            let e = PyException.wrap(error)
            if e.syntaxInfo == nil {
                e.exception.traceback.append(TraceEntry(filename: filename, line: e.pendingLine ?? 0, function: "<module>"))
            }
            e.pendingLine = nil
            throw e
        }
    }

    /// Calls a Python callable from Swift (e.g. the Learner calling a user's loss function).
    public func call(_ callable: Value, args: [Value], kwargs: [(String, Value)] = []) throws -> Value {
        try onBigStack { try Runtime.call(callable, args, kwargs) }
    }

    /// `repr(v)` / `str(v)` (exceptions from user `__repr__` become a placeholder).
    public func repr(_ v: Value) -> String { (try? Runtime.repr(v)) ?? "<repr failed>" }
    public func str(_ v: Value) -> String { (try? Runtime.str(v)) ?? "<str failed>" }

    // MARK: - Globals

    /// A global of the main namespace.
    public func getGlobal(_ name: String) -> Value? { mainModule.namespace.get(name) }
    public func setGlobal(_ name: String, _ value: Value?) {
        if let v = value { mainModule.namespace.set(name, v) } else { mainModule.namespace.delete(name) }
    }
    /// Bound names of the main namespace in definition order.
    public var globalNames: [String] { mainModule.namespace.names }

    // MARK: - Interrupts

    /// Requests a KeyboardInterrupt at the next statement or loop iteration. Async-signal-safe.
    public static func requestInterrupt() { Interrupts.flag.pointee = 1 }
    public func requestInterrupt() { Interpreter.requestInterrupt() }

    // MARK: - Stack

    nonisolated(unsafe) static var interpreterThreads = Set<ObjectIdentifier>()
    /// The interpreter thread's stack: 1 GiB of address space (pages are only used as touched).
    static let stackSize = 1 << 30

    /// Runs `body` on a thread with a 1 GiB stack (deep recursion raises RecursionError long
    /// before it could overflow). Reentrant calls run directly.
    func onBigStack<T>(_ body: @escaping () throws -> T) throws -> T {
        if Interpreter.interpreterThreads.contains(ObjectIdentifier(Thread.current)) { return try body() }
        let outcome = ThreadOutcome<T>()
        let done = DispatchSemaphore(value: 0)
        let lock = NSLock()
        let thread = Thread {
            let me = ObjectIdentifier(Thread.current)
            lock.lock(); Interpreter.interpreterThreads.insert(me); lock.unlock()
            let previousGuard = Interrupts.guardStack(size: Interpreter.stackSize)
            outcome.result = Result { try body() }
            Interrupts.restoreStackGuard(previousGuard)
            lock.lock(); Interpreter.interpreterThreads.remove(me); lock.unlock()
            done.signal()
        }
        thread.stackSize = Interpreter.stackSize
        thread.start()
        done.wait()
        guard let r = outcome.result else { throw PyException.make(.systemError, "interpreter thread did not finish") }
        return try r.get()
    }
}

/// What the big-stack thread hands back; the semaphore orders the write before the read.
private final class ThreadOutcome<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}
