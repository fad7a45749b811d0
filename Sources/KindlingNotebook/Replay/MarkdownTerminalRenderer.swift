/// Renders a Markdown cell for the terminal.
///
/// With styling on: headings bold (level 1 also underlined) without their `#`s,
/// `code` spans in cyan, **bold**, *italic*, links as underlined text, bullets as `•`,
/// fenced code indented and dimmed without its fences. With styling off the Markdown
/// is printed as written, which is already the most readable plain text.
public struct MarkdownTerminalRenderer {
    public var style: TerminalStyle

    public init(style: TerminalStyle) { self.style = style }

    public func render(_ markdown: String) -> String {
        guard style.isEnabled else { return markdown }
        var output: [String] = []
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            if inFence {
                output.append(style.dim("    " + line))
            } else if let heading = MarkdownHeading(line) {
                let text = renderInline(heading.text)
                output.append(heading.level == 1 ? style.bold(style.underline(text)) : style.bold(text))
            } else if let bullet = bulletItem(line) {
                output.append(bullet.indent + "  • " + renderInline(bullet.text))
            } else if trimmed.hasPrefix(">") {
                output.append(style.dim("│ ") + style.italic(renderInline(String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces))))
            } else {
                output.append(renderInline(line))
            }
        }
        return output.joined(separator: "\n")
    }

    /// `- item`, `* item` or `+ item`, keeping the indentation of nested lists.
    private func bulletItem(_ line: String) -> (indent: String, text: String)? {
        let indent = String(line.prefix { $0 == " " })
        let rest = line.dropFirst(indent.count)
        guard let marker = rest.first, "-*+".contains(marker), rest.dropFirst().first == " " else { return nil }
        // `***` or `- - -` is a rule, not a list item.
        if rest.allSatisfy({ $0 == marker || $0 == " " }) { return nil }
        return (indent, String(rest.dropFirst(2)))
    }

    /// Styles `code`, **bold**, __bold__, *italic*, _italic_ and [links](url) in a line.
    func renderInline(_ text: String) -> String {
        let chars = Array(text)
        var output = ""
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char == "\\", index + 1 < chars.count, "\\`*_[]".contains(chars[index + 1]) {
                output.append(chars[index + 1])
                index += 2
                continue
            }
            if char == "`", let close = find("`", in: chars, from: index + 1) {
                output += style.cyan(String(chars[(index + 1)..<close]))
                index = close + 1
                continue
            }
            if (char == "*" || char == "_"), index + 1 < chars.count, chars[index + 1] == char,
               let close = find(String([char, char]), in: chars, from: index + 2), close > index + 2 {
                output += style.bold(renderInline(String(chars[(index + 2)..<close])))
                index = close + 2
                continue
            }
            if (char == "*" || char == "_"), index + 1 < chars.count, chars[index + 1] != " ",
               opensEmphasis(chars, at: index),
               let close = find(String(char), in: chars, from: index + 1), close > index + 1 {
                output += style.italic(renderInline(String(chars[(index + 1)..<close])))
                index = close + 1
                continue
            }
            if char == "[", let close = find("]", in: chars, from: index + 1),
               close + 1 < chars.count, chars[close + 1] == "(",
               let end = find(")", in: chars, from: close + 2) {
                let label = renderInline(String(chars[(index + 1)..<close]))
                let url = String(chars[(close + 2)..<end])
                output += style.underline(label) + style.dim(" (\(url))")
                index = end + 1
                continue
            }
            output.append(char)
            index += 1
        }
        return output
    }

    /// `_` only opens emphasis at a word start (snake_case names stay as they are).
    private func opensEmphasis(_ chars: [Character], at index: Int) -> Bool {
        guard chars[index] == "_" else { return true }
        return index == 0 || !(chars[index - 1].isLetter || chars[index - 1].isNumber)
    }

    private func find(_ needle: String, in chars: [Character], from start: Int) -> Int? {
        let pattern = Array(needle)
        guard start <= chars.count - pattern.count else { return nil }
        for position in start...(chars.count - pattern.count)
        where Array(chars[position..<(position + pattern.count)]) == pattern {
            return position
        }
        return nil
    }
}
