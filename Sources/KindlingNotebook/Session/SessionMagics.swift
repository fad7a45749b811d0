import Foundation
import KindlingBindings
import KindlingLanguage

/// The line and cell magics, the same for every front end (typed at a prompt, in a
/// Jupyter cell, or as `# %name ...` lines in a lesson).
extension NotebookSession {
    /// Names `%` completes to.
    public static let magicNames = ["time", "timeit", "whos", "inspect", "graph", "run", "load", "history", "reset",
                                    "lesson", "help"]

    public static let magicHelp = """
        Kindling magics (type them at the prompt, or as `# %name ...` lines in a lesson):
          %time STATEMENT     run once and print CPU and wall time (%%time: the whole cell)
          %timeit STATEMENT   run many times: mean ± std. dev. of 7 runs (%%timeit: the cell)
          %whos               your variables: name, type, and shape/dtype/bytes for tensors
          %inspect EXPR       a tensor's shape, dtype, strides, grad, statistics, histogram, picture
          NAME? / NAME??      signature and docstring (?? adds the source); tensors as %inspect
          %graph EXPR         the autograd graph behind a tensor, as a tree of grad_fn nodes
          %run FILE           run a Python file in this namespace
          %load FILE          show a file's code and run it here
          %history            the inputs of this session
          %reset              delete every variable you defined
          %lesson NAME        step through a lesson (Lessons/NAME.py) in this namespace
          %help               this list
        Ctrl-C interrupts a running program (your variables stay); Ctrl-D exits.
        """

    /// Runs `%name argument`; returns the value to show as `Out[n]` (only `%time` has one).
    func runLineMagic(_ magic: Magic, filename: String) -> Value? {
        let argument = magic.argument
        switch magic.name {
        case "time": return timed { runCode(argument, filename: filename, firstLine: magic.line) }
        case "timeit": timeit(argument)
        case "whos": write(whos())
        case "inspect":
            evaluating(argument) { TensorInspector.inspect($0, expression: argument, interpreter: interpreter,
                                                            capabilities: terminal ?? .init(imageProtocol: .none)) }
        case "graph": evaluating(argument) { TensorInspector.graph($0, expression: argument) }
        case "run": runFile(argument, echo: false)
        case "load": runFile(argument, echo: true)
        case "history": write(historyText())
        case "reset": write(reset())
        case "help", "lsmagic", "magic": write(NotebookSession.magicHelp + "\n")
        case "lesson":
            guard let lessonHandler else {
                emit(.error(.usage("%lesson steps through a lesson in a terminal: use `kindling step LESSON` or the REPL")))
                return nil
            }
            switch lessonHandler(argument) {
            case let .success(text): write(text)
            case let .failure(error): emit(.error(error))
            }
        default:
            emit(.error(.usage("Line magic function `%\(magic.name)` not found.")))
        }
        return nil
    }

    /// `%%time` / `%%timeit` on a cell's first line.
    func runCellMagic(_ magic: Magic, body: String, firstLine: Int, filename: String) -> Value? {
        switch magic.name {
        case "time": return timed { runCode(body, filename: filename, firstLine: firstLine) }
        case "timeit": timeit(magic.argument.isEmpty ? body : magic.argument + "\n" + body)
        default: emit(.error(.usage("Cell magic `%%\(magic.name)` not found.")))
        }
        return nil
    }

    /// Runs `body` and prints IPython's `CPU times: ...` / `Wall time: ...` after its output.
    func timed(_ body: () -> Value?) -> Value? {
        let cpuStart = ProcessTimes.now()
        let wallStart = DispatchTime.now().uptimeNanoseconds
        let value = body()
        let wall = Double(DispatchTime.now().uptimeNanoseconds &- wallStart) / 1e9
        let cpu = ProcessTimes.now().since(cpuStart)
        if case let .stream(.stdout, text)? = current.outputs.last, !text.hasSuffix("\n") { write("\n") }
        write("CPU times: user \(formatTimespan(cpu.user)), sys: \(formatTimespan(cpu.system)), "
              + "total: \(formatTimespan(cpu.user + cpu.system))\nWall time: \(formatTimespan(wall))\n")
        return value
    }

    /// Evaluates `expression` (without showing it) and prints what `body` makes of it.
    func evaluating(_ expression: String, _ body: (Value) -> String) {
        let code = expression.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty else { emit(.error(.usage("an expression is needed"))); return }
        do {
            let value = try interpreter.run(source: code, filename: "<magic>", mode: .interactive) ?? .none
            write(body(value))
        } catch {
            emit(.error(CellError.from(error, interpreter: interpreter)))
        }
    }

    /// The user's variables: not the startup names, modules, or what `import *` brought.
    func userVariables() -> [(String, Value)] {
        interpreter.globalNames.compactMap { name in
            guard !name.hasPrefix("_"), !startupNames.contains(name), let value = interpreter.getGlobal(name) else { return nil }
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

    /// `%history`: this session's inputs, numbered by execution count.
    func historyText() -> String {
        history.map { entry in
            let lines = entry.source.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.enumerated().map { i, line in (i == 0 ? String(format: "%4d: ", entry.line) : "      ") + line }
                .joined(separator: "\n") + "\n"
        }.joined()
    }

    func reset() -> String {
        let names = userVariables().map(\.0)
        for name in names { interpreter.setGlobal(name, nil) }
        for name in ["_", "__", "___"] { interpreter.setGlobal(name, nil) }
        return "Deleted \(names.count) variable\(names.count == 1 ? "" : "s").\n"
    }

    /// `%run FILE` / `%load FILE`: the file runs in this namespace; `%load` shows it first.
    func runFile(_ argument: String, echo: Bool) {
        let path = (argument.trimmingCharacters(in: .whitespaces) as NSString).expandingTildeInPath
        guard !path.isEmpty else { emit(.error(.usage("a file name is needed"))); return }
        guard let data = FileManager.default.contents(atPath: path), let source = String(data: data, encoding: .utf8) else {
            emit(.error(CellError(exception: PyException.make(.fileNotFoundError, "[Errno 2] No such file or directory: '\(path)'"))))
            return
        }
        if echo { write(source.hasSuffix("\n") ? source : source + "\n") }
        let previousArgv = interpreter.argv
        interpreter.argv = [path]
        defer { interpreter.argv = previousArgv }
        _ = runCode(source, filename: path, firstLine: 1)
    }
}
