/// The builtin exception classes native code raises, one case per class of CPython 3.11's
/// hierarchy that Kindling builds: `PyException.make(.typeError, "...")`. A name that is not
/// a case is a compile error, where a string once became RuntimeError without a word.
public enum PyExceptionKind: String, CaseIterable, Sendable {
    case baseException = "BaseException", systemExit = "SystemExit", keyboardInterrupt = "KeyboardInterrupt"
    case generatorExit = "GeneratorExit", exception = "Exception"
    case arithmeticError = "ArithmeticError", floatingPointError = "FloatingPointError"
    case overflowError = "OverflowError", zeroDivisionError = "ZeroDivisionError"
    case lookupError = "LookupError", indexError = "IndexError", keyError = "KeyError"
    case importError = "ImportError", moduleNotFoundError = "ModuleNotFoundError"
    case nameError = "NameError", unboundLocalError = "UnboundLocalError"
    case osError = "OSError", fileNotFoundError = "FileNotFoundError", fileExistsError = "FileExistsError"
    case isADirectoryError = "IsADirectoryError", notADirectoryError = "NotADirectoryError"
    case permissionError = "PermissionError", timeoutError = "TimeoutError"
    case runtimeError = "RuntimeError", notImplementedError = "NotImplementedError", recursionError = "RecursionError"
    case valueError = "ValueError", unicodeError = "UnicodeError"
    case warning = "Warning", userWarning = "UserWarning", deprecationWarning = "DeprecationWarning"
    case runtimeWarning = "RuntimeWarning", futureWarning = "FutureWarning"
    case pendingDeprecationWarning = "PendingDeprecationWarning", syntaxWarning = "SyntaxWarning"
    case importWarning = "ImportWarning", unicodeWarning = "UnicodeWarning", bytesWarning = "BytesWarning"
    case resourceWarning = "ResourceWarning", encodingWarning = "EncodingWarning"
    case stopIteration = "StopIteration", assertionError = "AssertionError", attributeError = "AttributeError"
    case memoryError = "MemoryError", typeError = "TypeError", bufferError = "BufferError", eofError = "EOFError"
    case systemError = "SystemError"
    case syntaxError = "SyntaxError", indentationError = "IndentationError", tabError = "TabError"
}

extension PyExceptionKind {
    /// The class of this kind in the builtins' hierarchy.
    public var pyClass: PyClass { Builtins.exc(self) }
}
