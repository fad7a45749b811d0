/// A quick guess at whether typed code needs more lines before it can run: an open
/// bracket or triple-quoted string, a trailing backslash, or a block opened with `:`
/// that has not been closed by a blank line. The REPL can supply the interpreter's own
/// check instead (`StepSession.needsMoreInput`).
public enum InputCompleteness {
    public static func needsMoreInput(_ code: String) -> Bool {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var depth = 0
        var quote: String?
        var lastLineContinues = false
        for line in lines {
            var chars = Array(line)[...]
            lastLineContinues = false
            while let char = chars.first {
                if let open = quote {
                    if char == "\\" { chars = chars.dropFirst(2); continue }
                    if chars.starts(with: open) { quote = nil; chars = chars.dropFirst(open.count); continue }
                    chars = chars.dropFirst()
                    continue
                }
                switch char {
                case "#": chars = chars.dropLast(chars.count)
                case "\"", "'":
                    let triple = String(repeating: char, count: 3)
                    quote = chars.starts(with: triple) ? triple : String(char)
                    chars = chars.dropFirst(quote?.count ?? 1)
                case "(", "[", "{": depth += 1; chars = chars.dropFirst()
                case ")", "]", "}": depth -= 1; chars = chars.dropFirst()
                case "\\" where chars.count == 1: lastLineContinues = true; chars = chars.dropFirst()
                default: chars = chars.dropFirst()
                }
            }
            // A single-quoted string does not continue past its line.
            if let open = quote, open.count == 1 { quote = nil }
        }
        if quote != nil || depth > 0 || lastLineContinues { return true }
        let meaningful = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let first = meaningful.first else { return false }
        let opensBlock = meaningful.contains { stripComment($0).hasSuffix(":") }
        let isIndentedFirst = first.first == " " || first.first == "\t"
        guard opensBlock || (isIndentedFirst && lines.count > 1) else { return false }
        // A block ends with a blank line.
        return lines.last.map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? false
    }

    private static func stripComment(_ line: String) -> String {
        // Good enough for a trailing `:`; strings with `#` only make us ask for a blank line.
        let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return code.trimmingCharacters(in: .whitespaces)
    }
}
