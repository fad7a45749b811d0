import Foundation
import KindlingBindings
import KindlingLanguage
import KindlingNotebook

/// The line magics beyond `%time` (which `CellRunner` handles): `%timeit`, `%whos`,
/// `%inspect`, `%graph`, `%run`, `%load`, `%history`, `%reset`, `%lesson`, `%help`.
/// Installed on every executor by `KindlingSession.makeExecutor`, so lessons can use
/// them too (`# %timeit x @ w`).
public final class REPLMagics {
    public let executor: InterpreterCellExecutor
    /// The history, oldest first, for `%history` (the REPL sets it).
    public var historyProvider: (() -> [String])?
    /// Enters step mode on a lesson, for `%lesson NAME` (the REPL sets it).
    public var lessonHandler: ((String) -> CellResult)?
    /// Parameter names of functions typed in the session, for `f?` (the REPL sets it).
    public var signatures: DefinedSignatures?
    /// Names bound before the user typed anything: `%whos` and `%reset` leave them alone.
    public private(set) var hiddenNames: Set<String>

    public init(executor: InterpreterCellExecutor) {
        self.executor = executor
        self.hiddenNames = Set(executor.interpreter.globalNames)
    }

    var interpreter: Interpreter { executor.interpreter }

    public static let help = """
        Kindling magics (type them at the prompt, or as `# %name ...` lines in a lesson):
          %time STATEMENT     run once and print CPU and wall time
          %timeit STATEMENT   run many times: mean ± std. dev. of 7 runs
          %whos               your variables: name, type, and shape/dtype/bytes for tensors
          %inspect EXPR       a tensor's shape, dtype, strides, grad, statistics, histogram, picture
          EXPR?               the same for tensors; type and docstring for anything else
          %graph EXPR         the autograd graph behind a tensor, as a tree of grad_fn nodes
          %run FILE           run a Python file in this namespace
          %load FILE          show a file's code and run it here
          %history            the inputs of this and earlier sessions
          %reset              delete every variable you defined
          %lesson NAME        step through a lesson (Lessons/NAME.py) in this namespace
          %help               this list
        Ctrl-C interrupts a running program (your variables stay); Ctrl-D exits.
        """

    /// Runs `magic`; nil when the name is not a Kindling magic.
    public func run(_ magic: Magic) -> CellResult? {
        let argument = magic.argument
        switch magic.name {
        case "timeit": return timeit(argument, line: magic.line)
        case "whos": return CellResult(stdout: whos())
        case "inspect": return evaluating(argument) { TensorInspector.inspect($0, expression: argument, interpreter: self.interpreter) }
        case "graph": return evaluating(argument) { TensorInspector.graph($0, expression: argument) }
        case "run": return runFile(argument, echo: false)
        case "load": return runFile(argument, echo: true)
        case "history": return CellResult(stdout: history())
        case "reset": return CellResult(stdout: reset())
        case "help", "lsmagic", "magic": return CellResult(stdout: REPLMagics.help + "\n")
        case "lesson":
            guard let lessonHandler else { return usage("%lesson is available in the REPL") }
            return lessonHandler(argument)
        default: return nil
        }
    }

    /// `obj?`: tensors get `%inspect`; anything else its type, value and docstring.
    public func describe(_ expression: String) -> CellResult {
        evaluating(expression) { value in
            if value.as(TensorObject.self) != nil {
                return TensorInspector.inspect(value, expression: expression, interpreter: self.interpreter)
            }
            var text = "Type:        \(value.typeName)\n"
            let form = self.interpreter.str(value)
            text += "String form: \(form.count > 200 ? String(form.prefix(200)) + "..." : form)\n"
            if let function = value.as(PyFunction.self) {
                let parameters = self.signatures?.parameters[function.name].map { $0.joined(separator: ", ") } ?? "..."
                text += "Signature:   \(function.name)(\(parameters))\n"
                text += "Docstring:   \(function.doc ?? "<no docstring>")\n"
            } else if let function = value.as(NativeFunction.self) {
                text += "Docstring:   \(function.doc ?? "<no docstring>")\n"
            } else if let cls = value.as(PyClass.self) {
                let methods = cls.dict.keys.filter { !$0.hasPrefix("_") }.sorted()
                if !methods.isEmpty { text += "Methods:     \(methods.joined(separator: ", "))\n" }
            }
            return text
        }
    }

    // MARK: - Helpers

    func usage(_ message: String) -> CellResult {
        CellResult(error: CellError(ename: "UsageError", evalue: message))
    }

    /// Evaluates `expression` (without showing it) and formats the value with `body`.
    func evaluating(_ expression: String, _ body: (Value) -> String) -> CellResult {
        let code = expression.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty else { return usage("an expression is needed") }
        do {
            guard let value = try interpreter.run(source: code, filename: "<magic>", mode: .interactive) else {
                return CellResult(stdout: "None\n")
            }
            return CellResult(stdout: body(value))
        } catch let e as PyException {
            return CellResult(error: CellError(ename: e.typeName, evalue: e.message, traceback: interpreter.formatException(e)))
        } catch {
            return CellResult(error: CellError(ename: "SystemError", evalue: "\(error)"))
        }
    }

    /// `%timeit`: IPython's scheme: loops of 1, 10, 100, ... until one batch takes 0.2 s,
    /// then 7 runs of that many loops; prints the mean and spread per loop.
    func timeit(_ statement: String, line: Int) -> CellResult {
        guard !statement.isEmpty else { return usage("%timeit needs a statement") }
        // Like IPython, the statement is compiled once into a function that loops over
        // it, so its names are that function's locals and parsing is not timed.
        let body = statement.split(separator: "\n", omittingEmptySubsequences: false).map { "        " + $0 }.joined(separator: "\n")
        let runner = "__kindling_timeit__"
        func fail(_ error: Error) -> CellError {
            if let e = error as? PyException {
                return CellError(ename: e.typeName, evalue: e.message, traceback: interpreter.formatException(e))
            }
            return CellError(ename: "SystemError", evalue: "\(error)")
        }
        do {
            try interpreter.run(source: "def \(runner)(_n):\n    for _i in range(_n):\n\(body)\n",
                                filename: "<timeit>", mode: .file)
        } catch { return CellResult(error: fail(error)) }
        defer { interpreter.setGlobal(runner, nil) }
        func batch(_ loops: Int) -> Result<Double, CellError> {
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                try interpreter.run(source: "\(runner)(\(loops))", filename: "<timeit>", mode: .file)
            } catch { return .failure(fail(error)) }
            return .success(Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9)
        }
        let previousOutput = interpreter.output
        interpreter.output = { _ in }  // like IPython, the statement's prints are not shown
        defer { interpreter.output = previousOutput }
        var loops = 1
        var total: Double
        while true {
            switch batch(loops) {
            case .failure(let error): return CellResult(error: error)
            case .success(let t): total = t
            }
            if total >= 0.2 || loops >= 100_000_000 { break }
            loops *= 10
        }
        var runs = [total / Double(loops)]
        for _ in 1..<7 {
            switch batch(loops) {
            case .failure(let error): return CellResult(error: error)
            case .success(let t): runs.append(t / Double(loops))
            }
        }
        return CellResult(stdout: REPLMagics.timeitSummary(runs, loops: loops) + "\n")
    }

    /// `1.23 ms ± 45.6 µs per loop (mean ± std. dev. of 7 runs, 100 loops each)`.
    public static func timeitSummary(_ perLoop: [Double], loops: Int) -> String {
        let mean = perLoop.reduce(0, +) / Double(max(1, perLoop.count))
        let variance = perLoop.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, perLoop.count))
        let runs = perLoop.count
        return "\(formatTimespan(mean)) ± \(formatTimespan(variance.squareRoot())) per loop (mean ± std. dev. of "
            + "\(runs) run\(runs == 1 ? "" : "s"), \(loops) loop\(loops == 1 ? "" : "s") each)"
    }

    /// The user's variables: not the startup names, modules, or what `import *` brought.
    func userVariables() -> [(String, Value)] {
        interpreter.globalNames.compactMap { name in
            guard !name.hasPrefix("_"), !hiddenNames.contains(name), let value = interpreter.getGlobal(name) else { return nil }
            if value.as(PyModule.self) != nil || value.as(NativeFunction.self) != nil { return nil }
            if let cls = value.as(PyClass.self), cls.isNative || cls.moduleName != "__main__" { return nil }
            if let function = value.as(PyFunction.self), function.qualifiedName != function.name { return nil }
            return (name, value)
        }
    }

    func whos() -> String {
        let variables = userVariables()
        guard !variables.isEmpty else { return "Interactive namespace is empty.\n" }
        let rows = variables.map { name, value in (name, value.typeName, dataInfo(value)) }
        let nameWidth = max(8, rows.map(\.0.count).max() ?? 0) + 3
        let typeWidth = max(4, rows.map(\.1.count).max() ?? 0) + 3
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(1, n - s.count)) }
        var out = pad("Variable", nameWidth) + pad("Type", typeWidth) + "Data/Info\n"
        out += String(repeating: "-", count: nameWidth + typeWidth + 9) + "\n"
        for (name, type, info) in rows { out += pad(name, nameWidth) + pad(type, typeWidth) + info + "\n" }
        return out
    }

    /// For tensors `shape (2, 3), float32, 24 bytes`; otherwise a short str().
    func dataInfo(_ value: Value) -> String {
        if let t = value.as(TensorObject.self)?.tensor { return TensorInspector.summary(t) }
        if value.as(PyFunction.self) != nil || value.as(PyClass.self) != nil { return "" }
        let text = interpreter.str(value).replacingOccurrences(of: "\n", with: " ")
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }

    func history() -> String {
        let entries = historyProvider?() ?? []
        return entries.enumerated().map { index, entry in
            let lines = entry.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.enumerated().map { i, line in (i == 0 ? String(format: "%4d: ", index + 1) : "      ") + line }
                .joined(separator: "\n")
        }.joined(separator: "\n") + (entries.isEmpty ? "" : "\n")
    }

    func reset() -> String {
        let names = userVariables().map(\.0)
        for name in names { interpreter.setGlobal(name, nil) }
        for name in ["_", "__", "___"] { interpreter.setGlobal(name, nil) }
        return "Deleted \(names.count) variable\(names.count == 1 ? "" : "s").\n"
    }

    /// `%run FILE` / `%load FILE`: the file runs in this namespace; `%load` shows it first.
    func runFile(_ argument: String, echo: Bool) -> CellResult {
        let path = (argument.trimmingCharacters(in: .whitespaces) as NSString).expandingTildeInPath
        guard !path.isEmpty else { return usage("a file name is needed") }
        guard let data = FileManager.default.contents(atPath: path), let source = String(data: data, encoding: .utf8) else {
            return CellResult(error: CellError(ename: "FileNotFoundError",
                                               evalue: "[Errno 2] No such file or directory: '\(path)'"))
        }
        var result = CellResult()
        if echo {
            // Through the stream first, so the code shows before what it prints.
            result.stdout = source.hasSuffix("\n") ? source : source + "\n"
            executor.streamHandler?(result.stdout)
        }
        let previousArgv = interpreter.argv
        interpreter.argv = [path]
        defer { interpreter.argv = previousArgv }
        result.append(executor.execute(code: source, filename: path, firstLine: 1))
        if !echo { result.value = nil }
        return result
    }
}
