import re, os, sys, subprocess
root = sys.argv[1]
os.chdir(root)

# All builtin exception classes (CPython 3.11 names Kindling builds), from PyException.swift's tree.
classes = ["BaseException","SystemExit","KeyboardInterrupt","GeneratorExit","Exception",
 "ArithmeticError","FloatingPointError","OverflowError","ZeroDivisionError",
 "LookupError","IndexError","KeyError","ImportError","ModuleNotFoundError","NameError","UnboundLocalError",
 "OSError","FileNotFoundError","FileExistsError","IsADirectoryError","NotADirectoryError","PermissionError","TimeoutError",
 "RuntimeError","NotImplementedError","RecursionError","ValueError","UnicodeError",
 "Warning","UserWarning","DeprecationWarning","RuntimeWarning","FutureWarning",
 "StopIteration","AssertionError","AttributeError","MemoryError","TypeError","BufferError","EOFError",
 "SyntaxError","IndentationError","TabError","SystemError"]
def case(name):
    m = re.match(r'^([A-Z]+)([A-Z][a-z].*)$', name)
    if m and len(m.group(1)) > 1:
        return m.group(1).lower() + m.group(2)
    return name[0].lower() + name[1:]
cases = {c: case(c) for c in classes}

# 1. Find every literal used with the string API, so no name is missed.
src = subprocess.run(['grep','-rhoE',r'(PyException\.make|pyError|\.matches|Builtins\.exc|exc)\("[A-Za-z]+"','Sources','Tests'],capture_output=True,text=True).stdout
used = set(re.findall(r'\("([A-Za-z]+)"', src))
unknown = used - set(classes)
print("literal names not in the class list:", sorted(unknown))

def read(p): return open(p).read()
def write(p, s): open(p, 'w').write(s)
def sub(p, old, new, count=1):
    s = read(p)
    if old not in s:
        print("MISSING in", p, ":", old[:80]); return
    write(p, s.replace(old, new, count))

# 2. The enum.
lines = ['/// The builtin exception classes native code raises, one case per class of CPython 3.11\'s',
         '/// hierarchy that Kindling builds: `PyException.make(.typeError, "...")`. A name that is not',
         '/// a case is a compile error, where a string once became RuntimeError without a word.',
         'public enum PyExceptionKind: String, CaseIterable, Sendable {']
for c in classes:
    lines.append(f'    case {cases[c]} = "{c}"')
lines += ['}', '',
          'extension PyExceptionKind {',
          '    /// The class of this kind in the builtins\' hierarchy.',
          '    public var pyClass: PyClass { Builtins.exc(self) }',
          '}', '']
write('Sources/KindlingLanguage/Errors/PyExceptionKind.swift', '\n'.join(lines))

# 3. SystemError joins the hierarchy (it was raised by name and silently became RuntimeError).
sub('Sources/KindlingLanguage/Errors/PyException.swift',
    'for n in ["StopIteration", "AssertionError", "AttributeError", "MemoryError", "TypeError", "BufferError", "EOFError"] {',
    'for n in ["StopIteration", "AssertionError", "AttributeError", "MemoryError", "TypeError", "BufferError", "EOFError",\n                  "SystemError"] {')

# 4. The typed API.
# The string make() (and, on newer trees, the library-class registry it fell back on) become one typed make().
s = read('Sources/KindlingLanguage/Errors/PyException.swift')
s, n = re.subn(r'    /// Makes an exception of a builtin type by name.*?public static func make\(_ typeName: String, _ message: String\) -> PyException \{.*?\n    \}\n',
    '''    /// Makes an exception of a builtin class: `PyException.make(.runtimeError, "message")`.
    public static func make(_ kind: PyExceptionKind, _ message: String) -> PyException {
        PyException(PyBaseException(kind.pyClass, args: [.str(message)]))
    }
''', s, count=1, flags=re.S)
if n != 1: print("MISSING: PyException.make(String) not found")
write('Sources/KindlingLanguage/Errors/PyException.swift', s)
sub('Sources/KindlingLanguage/Errors/PyException.swift',
'''    /// True if this exception is an instance of the named builtin class (or a subclass).
    public func matches(_ typeName: String) -> Bool {
        guard let cls = Builtins.exceptionClasses[typeName] else { return false }
        return exception.pyClass.isSubclass(of: cls)
    }''',
'''    /// True if this exception is an instance of the builtin class (or a subclass).
    public func matches(_ kind: PyExceptionKind) -> Bool {
        exception.pyClass.isSubclass(of: kind.pyClass)
    }''')
sub('Sources/KindlingLanguage/Objects/BuiltinClasses.swift',
    'static func exc(_ name: String) -> PyClass { exceptionClasses[name] ?? object }',
    '/// The class of a builtin exception kind (every kind is built by `makeExceptionClasses`).\n    public static func exc(_ kind: PyExceptionKind) -> PyClass { exceptionClasses[kind.rawValue] ?? baseExceptionFallback }')
s = read('Sources/KindlingLanguage/Objects/BuiltinClasses.swift')
s = s.replace('    public static let exceptionClasses: [String: PyClass] = makeExceptionClasses()',
              '    public static let exceptionClasses: [String: PyClass] = makeExceptionClasses()\n    /// Never used while the hierarchy holds every kind (a test checks it).\n    private static let baseExceptionFallback = PyClass(native: "BaseException", base: nil)')
write('Sources/KindlingLanguage/Objects/BuiltinClasses.swift', s)

sub('Sources/KindlingBindings/Core/ErrorBridging.swift',
'''/// Shorthand for raising a Python exception from binding code.
func pyError(_ type: String, _ message: String) -> PyException {
    PyException.make(type, message)
}''',
'''/// Shorthand for raising a Python exception from binding code.
func pyError(_ kind: PyExceptionKind, _ message: String) -> PyException {
    PyException.make(kind, message)
}''')

# 5. Mechanical conversion of the call sites. Library classes (NumPy's) raised by name from the
# bindings become their class; the registry that looked them up by name goes.
library = {"AxisError": "NumpyModule.axisError", "UFuncTypeError": "NDArrayViews.ufuncTypeError"}
lib_pat = re.compile(r'(pyError|PyException\.make)\("(' + '|'.join(library) + r')", ')
for dirpath, _, files in os.walk('Sources/KindlingBindings'):
    for f in files:
        p = os.path.join(dirpath, f)
        s0 = read(p)
        n = lib_pat.sub(lambda m: f'pyError({library[m.group(2)]}, ', s0)
        n = re.sub(r'\n\s*PyException\.libraryExceptionClasses\[[^\n]*', '', n)
        if n != s0: write(p, n)
pat = re.compile(r'(PyException\.make|pyError|\.matches|Builtins\.exc|\bexc)\("([A-Za-z]+)"')
def conv(m):
    name = m.group(2)
    if name not in cases:
        print("left as is (not a builtin class):", m.group(0)); return m.group(0)
    return f'{m.group(1)}(.{cases[name]}'
count = 0
for d in ['Sources', 'Tests']:
    for dirpath, _, files in os.walk(d):
        for f in files:
            if not f.endswith('.swift'): continue
            p = os.path.join(dirpath, f)
            s = read(p)
            n = pat.sub(conv, s)
            # exceptionClasses["X"] lookups in Swift code (not the builder) become typed too.
            if 'PyException.swift' not in p:
                n = re.sub(r'Builtins\.exceptionClasses\["([A-Za-z]+)"\]', lambda m: f'Builtins.exc(.{cases[m.group(1)]})', n)
            if n != s:
                count += len(pat.findall(s))
                write(p, n)
print("converted", count, "call sites")

# 6. The Swift-error bridge moves to Errors/, typed.
s = read('Sources/KindlingLanguage/Compiler/Compiler.swift')
start = s.index('/// Native errors that know their Python exception type')
end = s.index('        return make("RuntimeError", String(describing: error))\n    }\n}\n') + len('        return make("RuntimeError", String(describing: error))\n    }\n}\n')
write('Sources/KindlingLanguage/Compiler/Compiler.swift', s[:start].rstrip('\n') + '\n' + s[end:])
write('Sources/KindlingLanguage/Errors/ErrorBridge.swift', '''/// A Swift error from a library below the language (the engine, the data and graphics
/// libraries) that knows which Python exception it is; the bindings conform them.
public protocol PythonConvertibleError: Error {
    /// The exception a script sees.
    var pythonException: PyException { get }
}

extension PyException {
    /// Any Swift error as a Python exception: itself, its own conversion, a syntax error
    /// with its caret information, else RuntimeError with the error's description.
    public static func wrap(_ error: Error) -> PyException {
        if let e = error as? PyException { return e }
        if let c = error as? PythonConvertibleError { return c.pythonException }
        if let s = error as? SyntaxErrorInfo {
            let e = make(s.kind.pythonExceptionKind, s.message)
            e.syntaxInfo = s
            return e
        }
        return make(.runtimeError, String(describing: error))
    }
}
''')
p = 'Sources/KindlingLanguage/Syntax/SyntaxErrorInfo.swift'
sub(p, '''        /// The Python exception class name for this kind.
        public var pythonExceptionName: String {
            switch self {
            case .syntaxError: return "SyntaxError"
            case .indentationError: return "IndentationError"
            case .tabError: return "TabError"
            case .unsupported: return "NotImplementedError"
            }
        }''', '''        /// The Python exception class of this kind.
        public var pythonExceptionKind: PyExceptionKind {
            switch self {
            case .syntaxError: return .syntaxError
            case .indentationError: return .indentationError
            case .tabError: return .tabError
            case .unsupported: return .notImplementedError
            }
        }''')
s = read(p); write(p, s.replace('`kind.pythonExceptionName`', '`kind.pythonExceptionKind`'))

# Engine errors: TensorError's kinds mapped onto the exception kinds.
write('Sources/KindlingBindings/Core/ErrorBridging.swift', '''import KindlingEngine
import KindlingLanguage

/// Engine errors reach scripts as the Python exception PyTorch raises.
extension TensorError: PythonConvertibleError {
    public var pythonException: PyException { PyException.make(kind.pythonKind, message) }
}

extension TensorError.Kind {
    /// The exception class of this kind.
    var pythonKind: PyExceptionKind {
        switch self {
        case .runtimeError: return .runtimeError
        case .indexError: return .indexError
        case .typeError: return .typeError
        case .valueError: return .valueError
        case .memoryError: return .memoryError
        case .notImplementedError: return .notImplementedError
        case .keyboardInterrupt: return .keyboardInterrupt
        }
    }
}

/// Shorthand for raising a Python exception from binding code.
func pyError(_ kind: PyExceptionKind, _ message: String) -> PyException {
    PyException.make(kind, message)
}

/// A library's own exception class (NumPy's `AxisError`) raised with a message.
func pyError(_ cls: PyClass, _ message: String) -> PyException {
    PyException.make(cls, args: [.str(message)])
}

/// Refuses a feature Kindling does not have, the same way everywhere.
func notSupported(_ what: String) -> PyException {
    PyException.make(.notImplementedError, "\\(what) is not supported by Kindling")
}
''')

# 7. KindlingData's errors get kinds too (pandas' EmptyDataError and IndexingError included).
p = 'Sources/KindlingData/DataError.swift'
sub(p, '''public struct DataError: Error, Equatable, CustomStringConvertible {
    /// Python exception class name, e.g. `"ValueError"`, `"FileNotFoundError"`.
    public let pythonType: String
    /// The message as Python prints it after `Type: `.
    public let message: String

    public init(_ pythonType: String, _ message: String) {
        self.pythonType = pythonType
        self.message = message
    }''', '''public struct DataError: Error, Equatable, CustomStringConvertible {
    /// The Python exception classes KindlingData raises, pandas' own two included.
    public enum Kind: String, Sendable {
        case valueError = "ValueError", keyError = "KeyError", indexError = "IndexError", typeError = "TypeError"
        case fileNotFoundError = "FileNotFoundError", osError = "OSError", memoryError = "MemoryError"
        case permissionError = "PermissionError", isADirectoryError = "IsADirectoryError", notADirectoryError = "NotADirectoryError"
        case emptyDataError = "EmptyDataError", indexingError = "IndexingError", axisError = "AxisError"
    }

    public let kind: Kind
    /// The message as Python prints it after `Type: `.
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The exception's class name, e.g. `"ValueError"`.
    public var pythonType: String { kind.rawValue }''')
dkinds = {"ValueError": "valueError", "KeyError": "keyError", "IndexError": "indexError", "TypeError": "typeError",
          "FileNotFoundError": "fileNotFoundError", "OSError": "osError", "MemoryError": "memoryError",
          "PermissionError": "permissionError", "IsADirectoryError": "isADirectoryError", "NotADirectoryError": "notADirectoryError",
          "EmptyDataError": "emptyDataError", "IndexingError": "indexingError", "AxisError": "axisError"}
for dirpath, _, files in os.walk('Sources/KindlingData'):
    for f in files:
        p = os.path.join(dirpath, f)
        s = read(p)
        n = re.sub(r'DataError\("([A-Za-z]+)"', lambda m: f'DataError(.{dkinds[m.group(1)]}', s)
        # osError(errno, path) picks its kind in a switch.
        n = n.replace('    let type: String\n    switch code {', '    let kind: DataError.Kind\n    switch code {')
        n = re.sub(r'(case [A-Z, ]+: |default: )type = "([A-Za-z]+)"', lambda m: f'{m.group(1)}kind = .{dkinds[m.group(2)]}', n)
        n = n.replace('return DataError(type, "[Errno', 'return DataError(kind, "[Errno')
        if n != s: write(p, n)

sub('Sources/KindlingBindings/Plot/PlotObjects.swift', '''extension GraphicsError: PythonConvertibleError {
    public var pythonTypeName: String { pythonType }
    public var pythonMessage: String { message }
}''', '''extension GraphicsError: PythonConvertibleError {
    public var pythonException: PyException {
        switch self {
        case .unknownColorMap, .invalidValue: return PyException.make(.valueError, message)
        case .invalidType: return PyException.make(.typeError, message)
        case .io(let text): return PyException.make(text.hasPrefix("[Errno 2]") ? .fileNotFoundError : .osError, message)
        }
    }
}''')
p = 'Sources/KindlingBindings/Pandas/PandasObjects.swift'
sub(p, '''extension DataError: PythonConvertibleError {
    public var pythonTypeName: String { pythonType }
    /// KeyError prints the repr of its argument, and KindlingData's KeyError messages are that
    /// repr already: the argument is the text inside the quotes.
    public var pythonMessage: String {
        guard pythonType == "KeyError", message.count >= 2, let q = message.first, q == message.last,
              q == "'" || q == "\\"" else { return message }
        return String(message.dropFirst().dropLast()).replacingOccurrences(of: "\\\\'", with: "'")
    }
}''', '''extension DataError: PythonConvertibleError {
    public var pythonException: PyException {
        switch kind {
        case .valueError: return PyException.make(.valueError, message)
        case .keyError: return PyException.make(.keyError, keyArgument)
        case .indexError: return PyException.make(.indexError, message)
        case .typeError: return PyException.make(.typeError, message)
        case .fileNotFoundError: return PyException.make(.fileNotFoundError, message)
        case .osError: return PyException.make(.osError, message)
        case .memoryError: return PyException.make(.memoryError, message)
        case .permissionError: return PyException.make(.permissionError, message)
        case .isADirectoryError: return PyException.make(.isADirectoryError, message)
        case .notADirectoryError: return PyException.make(.notADirectoryError, message)
        case .emptyDataError: return PyException.make(PandasErrors.emptyDataError, args: [.str(message)])
        case .indexingError: return PandasErrors.indexing(message)
        case .axisError: return pyError(NumpyModule.axisError, message)
        }
    }

    /// KeyError prints the repr of its argument, and KindlingData's KeyError messages are that
    /// repr already: the argument is the text inside the quotes.
    private var keyArgument: String {
        guard message.count >= 2, let q = message.first, q == message.last, q == "'" || q == "\\"" else { return message }
        return String(message.dropFirst().dropLast()).replacingOccurrences(of: "\\\\'", with: "'")
    }
}''')
sub(p, '''    static func indexing(_ message: String) -> PyException {''', '''    /// `pandas.errors.EmptyDataError` (a ValueError, as in pandas).
    static let emptyDataError: PyClass = {
        let c = PyClass(native: "EmptyDataError", base: Builtins.exc(.valueError), module: "pandas.errors")
        c.factory = { cls in PyBaseException(cls, args: []) }
        return c
    }()

    static func indexing(_ message: String) -> PyException {''')

# 8. SyntaxErrorInfo's description and the parity test read the kind's class name.
for p in ['Sources/KindlingLanguage/Syntax/SyntaxErrorInfo.swift', 'Tests/KindlingLanguageTests/SyntaxMutationParityTests.swift']:
    s = read(p)
    write(p, s.replace('kind.pythonExceptionName', 'kind.pythonExceptionKind.rawValue'))
