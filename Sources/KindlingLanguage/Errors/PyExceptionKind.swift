/// The builtin exception classes native code raises, one case per class of CPython 3.11's
/// hierarchy that Kindling builds: `PyException.make(.typeError, "...")`. A name that is not
/// a case is a compile error, where a string once became RuntimeError without a word.
public enum PyExceptionKind: String, CaseIterable, Sendable {
    case baseException = "BaseException"
    case systemExit = "SystemExit"
    case keyboardInterrupt = "KeyboardInterrupt"
    case generatorExit = "GeneratorExit"
    case exception = "Exception"
    case arithmeticError = "ArithmeticError"
    case floatingPointError = "FloatingPointError"
    case overflowError = "OverflowError"
    case zeroDivisionError = "ZeroDivisionError"
    case lookupError = "LookupError"
    case indexError = "IndexError"
    case keyError = "KeyError"
    case importError = "ImportError"
    case moduleNotFoundError = "ModuleNotFoundError"
    case nameError = "NameError"
    case unboundLocalError = "UnboundLocalError"
    case osError = "OSError"
    case fileNotFoundError = "FileNotFoundError"
    case fileExistsError = "FileExistsError"
    case isADirectoryError = "IsADirectoryError"
    case notADirectoryError = "NotADirectoryError"
    case permissionError = "PermissionError"
    case timeoutError = "TimeoutError"
    case runtimeError = "RuntimeError"
    case notImplementedError = "NotImplementedError"
    case recursionError = "RecursionError"
    case valueError = "ValueError"
    case unicodeError = "UnicodeError"
    case warning = "Warning"
    case userWarning = "UserWarning"
    case deprecationWarning = "DeprecationWarning"
    case runtimeWarning = "RuntimeWarning"
    case futureWarning = "FutureWarning"
    case stopIteration = "StopIteration"
    case assertionError = "AssertionError"
    case attributeError = "AttributeError"
    case memoryError = "MemoryError"
    case typeError = "TypeError"
    case bufferError = "BufferError"
    case eofError = "EOFError"
    case syntaxError = "SyntaxError"
    case indentationError = "IndentationError"
    case tabError = "TabError"
    case systemError = "SystemError"
}

extension PyExceptionKind {
    /// The class of this kind in the builtins' hierarchy.
    public var pyClass: PyClass { Builtins.exc(self) }
}
