/// One line of a traceback: where a frame was when the exception passed through it.
public struct TraceEntry {
    public var filename: String
    public var line: Int
    public var function: String
}

/// An exception instance (`BaseException` and subclasses, user-defined ones included).
open class PyBaseException: PyObject {
    public var args: [Value]
    /// Innermost frame last once rendered (entries are appended while unwinding, innermost first).
    public var traceback: [TraceEntry] = []
    public var cause: PyBaseException?
    public var context: PyBaseException?
    public var suppressContext = false
    /// CPython 3.11 shows "Did you mean: 'x'?" after NameError/AttributeError messages in tracebacks only.
    public var suggestion: String?

    public init(_ cls: PyClass, args: [Value]) {
        self.args = args
        super.init(pyClass: cls, hasAttributes: true)
    }

    /// The message as `str(exc)` shows it (a class's own `__str__` included).
    public var message: String {
        if let f = pyClass.lookup("__str__"), !Runtime.isDefaultExceptionStr(f) {
            return (try? Runtime.str(.object(self))) ?? "<exception str() failed>"
        }
        return argsMessage
    }

    /// `BaseException.__str__`: the single argument, or the tuple of arguments.
    public var argsMessage: String {
        if pyClass.isSubclass(of: Builtins.keyError), args.count == 1 { return (try? Runtime.repr(args[0])) ?? "" }
        switch args.count {
        case 0: return ""
        case 1: return (try? Runtime.str(args[0])) ?? ""
        default: return (try? Runtime.repr(.object(PyTuple(args)))) ?? ""
        }
    }
}

/// The Swift error that carries a Python exception through native code.
public final class PyException: Error, CustomStringConvertible {
    public let exception: PyBaseException
    /// Line of the innermost statement of the current frame, recorded while unwinding.
    var pendingLine: Int?
    /// Set for SyntaxError/IndentationError raised by the parser (rendered with a caret).
    public var syntaxInfo: SyntaxErrorInfo?

    public init(_ exception: PyBaseException) { self.exception = exception }

    /// Makes an exception of a builtin class: `PyException.make(.runtimeError, "message")`.
    public static func make(_ kind: PyExceptionKind, _ message: String) -> PyException {
        PyException(PyBaseException(kind.pyClass, args: [.str(message)]))
    }

    /// Makes an exception of a given class with arguments.
    public static func make(_ cls: PyClass, args: [Value]) -> PyException {
        PyException(PyBaseException(cls, args: args))
    }

    public var typeName: String { exception.pyClass.name }
    public var message: String { exception.message }

    /// True if this exception is an instance of the builtin class (or a subclass).
    public func matches(_ kind: PyExceptionKind) -> Bool {
        exception.pyClass.isSubclass(of: kind.pyClass)
    }

    /// "Type: message" (or just "Type" when there is no message), as the last traceback line.
    public var description: String {
        let m = message
        return m.isEmpty ? typeName : "\(typeName): \(m)"
    }
}

extension Builtins {
    /// Builds the builtin exception hierarchy as CPython 3.11 has it.
    static func makeExceptionClasses() -> [String: PyClass] {
        var all: [String: PyClass] = [:]
        func add(_ name: String, _ base: PyClass?) -> PyClass {
            let c = PyClass(native: name, base: base)
            c.factory = { cls in PyBaseException(cls, args: []) }
            all[name] = c
            return c
        }
        let base = add("BaseException", nil)
        for n in ["SystemExit", "KeyboardInterrupt", "GeneratorExit"] { _ = add(n, base) }
        let exc = add("Exception", base)
        let tree: [(String, [String])] = [
            ("ArithmeticError", ["FloatingPointError", "OverflowError", "ZeroDivisionError"]),
            ("LookupError", ["IndexError", "KeyError"]),
            ("ImportError", ["ModuleNotFoundError"]),
            ("NameError", ["UnboundLocalError"]),
            ("OSError", ["FileNotFoundError", "FileExistsError", "IsADirectoryError", "NotADirectoryError",
                         "PermissionError", "TimeoutError"]),
            ("RuntimeError", ["NotImplementedError", "RecursionError"]),
            ("ValueError", ["UnicodeError"]),
            ("Warning", ["UserWarning", "DeprecationWarning", "PendingDeprecationWarning", "SyntaxWarning", "RuntimeWarning",
                         "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning",
                         "EncodingWarning"]),
        ]
        for (parent, kids) in tree {
            let p = add(parent, exc)
            for k in kids { _ = add(k, p) }
        }
        for n in ["StopIteration", "AssertionError", "AttributeError", "MemoryError", "TypeError", "BufferError", "EOFError",
                  "SystemError"] {
            _ = add(n, exc)
        }
        let syntax = add("SyntaxError", exc)
        let indent = add("IndentationError", syntax)
        _ = add("TabError", indent)
        all["EnvironmentError"] = all["OSError"]
        all["IOError"] = all["OSError"]
        return all
    }
}
