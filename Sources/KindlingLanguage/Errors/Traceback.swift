import Foundation

/// Source text by file name, so tracebacks can show lines (a notebook cell is registered under
/// the lesson file at its line offset). Files not registered are read from disk on demand.
public final class SourceRegistry {
    private var lines: [String: [Int: String]] = [:]
    private let lock = NSLock()

    public init() {}

    /// Registers source whose first line is line `lineOffset + 1` of `filename`.
    public func register(_ source: String, filename: String, lineOffset: Int = 0) {
        lock.lock(); defer { lock.unlock() }
        var map = lines[filename] ?? [:]
        for (i, l) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            map[lineOffset + i + 1] = String(l)
        }
        lines[filename] = map
    }

    /// The text of a line, if known.
    public func line(_ filename: String, _ number: Int) -> String? {
        lock.lock()
        if let l = lines[filename]?[number] { lock.unlock(); return l }
        lock.unlock()
        guard !filename.hasPrefix("<"), let text = try? String(contentsOfFile: filename, encoding: .utf8) else { return nil }
        register(text, filename: filename)
        lock.lock(); defer { lock.unlock() }
        return lines[filename]?[number]
    }
}

extension Interpreter {
    /// Kindling's Python code standing for what CPython implements in C (`warnings`): its frames
    /// are left out of tracebacks, as CPython's C functions have none.
    static let hiddenTracebackFiles: Set<String> = ["<kindling warnings>"]

    /// The exception as CPython prints it: chained exceptions, "Traceback (most recent call last):",
    /// one `File "...", line N, in f` entry per frame with its source line, then "Type: message".
    public func formatException(_ e: PyException) -> String {
        if let s = e.syntaxInfo {
            var info = s
            if info.sourceLine == nil { info.sourceLine = sources.line(s.filename, s.line) }
            return info.rendered() + "\n"
        }
        return format(e.exception, seen: [])
    }

    private func format(_ exc: PyBaseException, seen: Set<ObjectIdentifier>) -> String {
        var out = ""
        var seen = seen
        seen.insert(ObjectIdentifier(exc))
        if let cause = exc.cause, !seen.contains(ObjectIdentifier(cause)) {
            out += format(cause, seen: seen)
            out += "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if let context = exc.context, !exc.suppressContext, !seen.contains(ObjectIdentifier(context)) {
            out += format(context, seen: seen)
            out += "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        if !exc.traceback.isEmpty {
            out += "Traceback (most recent call last):\n"
            for entry in exc.traceback.reversed() where !Interpreter.hiddenTracebackFiles.contains(entry.filename) {
                out += "  File \"\(entry.filename)\", line \(entry.line), in \(entry.function)\n"
                if let l = sources.line(entry.filename, entry.line) {
                    let stripped = l.trimmingCharacters(in: .whitespaces)
                    if !stripped.isEmpty { out += "    \(stripped)\n" }
                }
            }
        }
        out += PyException(exc).description
        if let s = exc.suggestion { out += ". Did you mean: '\(s)'?" }
        out += "\n"
        return out
    }
}
