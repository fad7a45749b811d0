/// How a statement finished.
enum Completion { case normal, breakLoop, continueLoop, returned }

typealias ExprCode = (Frame) throws -> Value
typealias CondCode = (Frame) throws -> Bool
typealias StmtCode = (Frame) throws -> Completion

/// A variable captured by an inner function.
final class Cell {
    @exclusivity(unchecked) var value: Value?
    init(_ v: Value? = nil) { value = v }
}

/// The compiled form of a function body, module or class body.
final class CodeObject {
    let name: String
    var qualifiedName: String
    let filename: String
    let signature: Signature
    /// Fast-local slots (parameters first).
    let slotCount: Int
    /// For each own cell variable: the parameter slot that initialises it, or nil.
    let cellParameterSlots: [Int?]
    let freeCount: Int
    var body: StmtCode = { _ in .normal }
    /// Positional parameters count (without *args).
    let positionalCount: Int
    /// True when calls with exactly `positionalCount` positional arguments can fill slots directly.
    let simpleSignature: Bool
    var doc: String?
    /// The interpreter-wide counters, held here so the call path reads them without lazy-global checks.
    let depthPointer = Interrupts.depthPointer
    let limitPointer = Interrupts.limitPointer
    let flagPointer = Interrupts.flag

    init(name: String, qualifiedName: String, filename: String, signature: Signature, slotCount: Int,
         cellParameterSlots: [Int?], freeCount: Int) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.filename = filename
        self.signature = signature
        self.slotCount = slotCount
        self.cellParameterSlots = cellParameterSlots
        self.freeCount = freeCount
        self.positionalCount = signature.positionalCount
        self.simpleSignature = signature.varargsName == nil && signature.varkwName == nil && signature.keywordOnlyCount == 0
    }
}

/// One activation: fast locals, cells, the globals, and the class namespace for class bodies.
final class Frame {
    let slots: UnsafeMutablePointer<Value?>
    let slotCount: Int
    @exclusivity(unchecked) var cells: [Cell]
    let globals: Namespace
    let builtins: Namespace
    let code: CodeObject
    @exclusivity(unchecked) var returnValue: Value = .none
    /// The namespace a class body assigns into.
    @exclusivity(unchecked) var classNamespace: AttributeDict?
    /// The exception being handled (for a bare `raise`).
    @exclusivity(unchecked) var handling: PyException?
    /// The function being run (for `super()` without arguments: its defining class).
    @exclusivity(unchecked) var function: PyFunction?
    /// Set while a generator's body runs in this frame: where `yield` hands its values.
    @exclusivity(unchecked) var coroutine: GeneratorCoroutine?
    /// The line of the statement this frame is running (for `warnings`; tracebacks record lines while unwinding).
    @exclusivity(unchecked) var line = 0

    init(code: CodeObject, globals: Namespace, builtins: Namespace) {
        self.code = code
        self.globals = globals
        self.builtins = builtins
        slotCount = code.slotCount
        slots = UnsafeMutablePointer<Value?>.allocate(capacity: max(slotCount, 1))
        slots.initialize(repeating: nil, count: max(slotCount, 1))
        cells = []
    }

    deinit {
        slots.deinitialize(count: max(slotCount, 1))
        slots.deallocate()
    }
}

/// A user-defined function (`def` or `lambda`).
public final class PyFunction: PyObject {
    let code: CodeObject
    let globals: Namespace
    let builtins: Namespace
    var defaults: [String: Value]
    let closure: [Cell]
    /// The class whose body defined this function (for zero-argument `super()`).
    var definingClass: PyClass?

    public var name: String { code.name }
    public var qualifiedName: String { code.qualifiedName }
    public var doc: String? { code.doc }
    /// The parameter list (`f?` shows it, keyword completion offers its names).
    public var signature: Signature { code.signature }
    /// The default values by parameter name.
    public var defaultValues: [String: Value] { defaults }

    init(code: CodeObject, globals: Namespace, builtins: Namespace, defaults: [String: Value], closure: [Cell]) {
        self.code = code
        self.globals = globals
        self.builtins = builtins
        self.defaults = defaults
        self.closure = closure
        super.init(pyClass: Builtins.function, hasAttributes: true)
    }

    /// A new frame for a call, cells not yet set up.
    @inline(__always)
    func makeFrame() -> Frame {
        let f = Frame(code: code, globals: globals, builtins: builtins)
        f.function = self
        return f
    }

    /// Calls the function with arguments (general path: keywords, defaults, *args, **kwargs).
    public func invoke(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let frame = makeFrame()
        if kwargs.isEmpty && code.simpleSignature && args.count == code.positionalCount {
            for i in 0..<args.count { frame.slots[i] = args[i] }
        } else {
            let bound = try code.signature.bind(positional: args, keywords: kwargs, defaults: defaults,
                                                functionName: code.qualifiedName)
            for i in 0..<bound.count { frame.slots[i] = bound[i] }
        }
        return try run(frame)
    }

    /// Runs a frame whose parameter slots are filled.
    @inline(__always)
    func run(_ frame: Frame) throws -> Value {
        if !code.cellParameterSlots.isEmpty || !closure.isEmpty {
            var cells: [Cell] = []
            cells.reserveCapacity(code.cellParameterSlots.count + closure.count)
            for p in code.cellParameterSlots { cells.append(Cell(p.flatMap { frame.slots[$0] })) }
            cells.append(contentsOf: closure)
            frame.cells = cells
        }
        let depth = code.depthPointer
        depth.pointee += 1
        defer { depth.pointee -= 1 }
        if depth.pointee > code.limitPointer.pointee {
            throw PyException.make(.recursionError, "maximum recursion depth exceeded")
        }
        try Interrupts.checkStackIfDeep(depth.pointee)
        if code.flagPointer.pointee != 0 { try Interrupts.check() }
        let stackSlot = FrameStack.slot(depth.pointee)
        let saved = stackSlot?.pointee
        stackSlot?.pointee = Unmanaged.passUnretained(frame)
        defer { stackSlot?.pointee = saved }
        do {
            _ = try code.body(frame)
        } catch let e as PyException {
            e.exception.traceback.append(TraceEntry(filename: code.filename, line: e.pendingLine ?? 0, function: code.name))
            e.pendingLine = nil
            throw e
        }
        return frame.returnValue
    }
}

/// The interrupt flag (set from a signal handler) and the recursion depth.
public enum Interrupts {
    /// Set to nonzero to raise KeyboardInterrupt at the next statement boundary. Safe from signal handlers.
    nonisolated(unsafe) public static let flag: UnsafeMutablePointer<Int32> = {
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()
    /// Current call depth; a pointer so the hot call path has no dynamic exclusivity checks.
    static let depthPointer: UnsafeMutablePointer<Int> = {
        let p = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()
    static var depth: Int {
        @inline(__always) get { depthPointer.pointee }
        @inline(__always) set { depthPointer.pointee = newValue }
    }
    /// `sys.getrecursionlimit()`.
    public static var recursionLimit: Int {
        get { limitPointer.pointee }
        set { limitPointer.pointee = newValue }
    }

    /// True when an interrupt is pending (engine loops may poll this).
    @inline(__always) public static var isPending: Bool { flag.pointee != 0 }

    /// Raises KeyboardInterrupt if one was requested (clearing the request).
    @inline(__always) public static func check() throws {
        if flag.pointee != 0 { try raiseInterrupt() }
    }

    @inline(never) static func raiseInterrupt() throws {
        flag.pointee = 0
        throw PyException.make(Builtins.exc(.keyboardInterrupt), args: [])
    }

    @inline(__always) static func enterCall() throws {
        let d = depthPointer
        d.pointee += 1
        if d.pointee > limitPointer.pointee {
            d.pointee -= 1
            throw PyException.make(.recursionError, "maximum recursion depth exceeded")
        }
        do { try checkStackIfDeep(d.pointee) } catch { d.pointee -= 1; throw error }
        if flag.pointee != 0 { d.pointee -= 1; try raiseInterrupt() }
    }

    static let limitPointer: UnsafeMutablePointer<Int> = {
        let p = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        p.initialize(to: 1000)
        return p
    }()
}
