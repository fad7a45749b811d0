"""Jupytext percent scripts (`# %%` cells) as nbformat 4 notebooks.

Follows Jupytext's rules for the parts the lessons use: `# %%` starts a code
cell, `# %% [markdown]` a Markdown cell whose lines are comments, a leading
`# ---` YAML header is skipped, blank lines around a cell are dropped, and a
commented magic (`# %time x`) in a code cell is the notebook's `%time x`.
"""
import re

import nbformat

_CELL = re.compile(r"^# %%(?:\s+(?P<title>[^\[]*?))?\s*(?:\[(?P<kind>\w+)\])?\s*$")
_MAGIC = re.compile(r"^# (%{1,2}[A-Za-z_]\w*.*)$")


def _strip_blank(lines):
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def _markdown(lines):
    out = []
    for line in lines:
        if line.startswith("# "):
            out.append(line[2:])
        elif line.rstrip() == "#":
            out.append("")
        else:
            out.append(line)
    return "\n".join(_strip_blank(out))


def _code(lines):
    return "\n".join(_MAGIC.sub(r"\1", line) for line in _strip_blank(lines))


def read_percent(text):
    """The notebook for the text of a percent-format script."""
    lines = text.split("\n")
    if lines and lines[0].rstrip() == "# ---":
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "# ---"), None)
        if end is not None:
            lines = lines[end + 1:]
    cells, kind, body = [], None, []

    def flush():
        if kind is None:
            if _strip_blank(body):
                cells.append(nbformat.v4.new_code_cell(_code(body)))
            return
        if kind == "markdown":
            cells.append(nbformat.v4.new_markdown_cell(_markdown(body)))
        else:
            cells.append(nbformat.v4.new_code_cell(_code(body)))

    started = False
    for line in lines:
        match = _CELL.match(line)
        if match:
            if started or _strip_blank(body):
                flush()
            started = True
            kind = "markdown" if match.group("kind") in ("markdown", "md") else "code"
            body = []
        else:
            body.append(line)
    if started or _strip_blank(body):
        flush()
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "kindling", "display_name": "Kindling", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    return notebook
