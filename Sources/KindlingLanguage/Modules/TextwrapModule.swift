/// CPython's `textwrap.dedent` and `textwrap.indent` (`wrap`/`fill` are not supported by Kindling).
/// Written in Python (run by Kindling when first imported).
enum TextwrapModule {
    static func register(_ interpreter: Interpreter) {
        interpreter.registerSourceModule("textwrap", source: source)
    }

    static let source = #"""
def _indent_of(line):
    i = 0
    while i < len(line) and line[i] in ' \t':
        i += 1
    return line[:i]


def dedent(text):
    lines = text.split('\n')
    lines = ['' if line.strip(' \t') == '' else line for line in lines]
    margin = None
    for line in lines:
        if line == '':
            continue
        indent = _indent_of(line)
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            common = 0
            for x, y in zip(margin, indent):
                if x != y:
                    break
                common += 1
            margin = margin[:common]
    if margin:
        lines = [line[len(margin):] if line.startswith(margin) else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    out = []
    for line in text.splitlines(True):
        if (predicate(line) if predicate is not None else line.strip()):
            out.append(prefix + line)
        else:
            out.append(line)
    return ''.join(out)
"""#
}
