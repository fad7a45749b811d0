import Foundation
import KindlingNotebook

/// A tiny scripted stand-in for the interpreter, one statement per line:
/// `name = value` stores a string, `print(text)` prints, `raise Name("msg")` raises,
/// `figure()` shows a 2x1 figure, a bare name as the last line is the value.
final class FakeExecutor: CellExecutor {
    struct Call: Equatable {
        var code: String
        var filename: String
        var firstLine: Int
    }

    var variables: [String: String] = [:]
    var calls: [Call] = []
    var magics: [Magic] = []

    func execute(code: String, filename: String, firstLine: Int) -> CellResult {
        calls.append(Call(code: code, filename: filename, firstLine: firstLine))
        var result = CellResult()
        let lines = code.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        for (offset, line) in lines.enumerated() {
            if line.hasPrefix("print("), line.hasSuffix(")") {
                result.stdout += unquote(String(line.dropFirst(6).dropLast())) + "\n"
            } else if line.hasPrefix("raise ") {
                let body = line.dropFirst(6)
                let name = String(body.prefix { $0 != "(" })
                let message = unquote(String(body.dropFirst(name.count + 1).dropLast()))
                let traceback = "Traceback (most recent call last):\n  File \"\(filename)\", line \(firstLine + offset), in <module>\n\(name): \(message)"
                result.error = CellError(ename: name, evalue: message, traceback: traceback)
                return result
            } else if line == "figure()" {
                result.figures.append(CellFigure(png: Data([0x89, 0x50, 0x4E, 0x47, UInt8(result.figures.count)]),
                                                 width: 2, height: 1, terminalRendering: "[pixels]"))
            } else if let equals = line.firstIndex(of: "=") {
                let name = line[..<equals].trimmingCharacters(in: .whitespaces)
                variables[name] = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            } else if offset == lines.count - 1 {
                guard let value = variables[line] else {
                    result.error = CellError(ename: "NameError", evalue: "name '\(line)' is not defined")
                    return result
                }
                result.value = value
            }
        }
        return result
    }

    func executeMagic(_ magic: Magic, filename: String) -> CellResult? {
        magics.append(magic)
        return magic.name == "whos" ? CellResult(stdout: "Variable   Type\n") : nil
    }

    private func unquote(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first {
            return String(trimmed.dropFirst().dropLast())
        }
        return variables[trimmed] ?? trimmed
    }
}
