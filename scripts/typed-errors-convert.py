#!/usr/bin/env python3
"""Re-applies issue 12's typed errors to code written before they landed.

Exceptions used to be raised by name (`PyException.make("TypeError", ...)`), and an unknown
name silently became RuntimeError. Now every name is a case of `PyExceptionKind` (or of
`DataError.Kind` in KindlingData), so this script rewrites the old calls in place:

    PyException.make("TypeError", m)   -> PyException.make(.typeError, m)
    pyError("KeyError", m)             -> pyError(.keyError, m)
    e.matches("StopIteration")         -> e.matches(.stopIteration)
    Builtins.exc("ValueError")         -> Builtins.exc(.valueError)
    Builtins.exceptionClasses["X"]     -> Builtins.exc(.x)
    DataError("ValueError", m)         -> DataError(.valueError, m)
    pyError("AxisError", m)            -> pyError(NumpyModule.axisError, m)   (NumPy's own classes)

The kinds are read from the Swift sources, so the script follows the enums as they grow.
Names that are neither are reported and left alone (a compile error then points at them).

    python3 scripts/typed-errors-convert.py [PATH ...]     # default: Sources Tests
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASE = re.compile(r'(\w+) = "(\w+)"')

def kinds(path, enum_start):
    """Swift `case name = "Raw"` pairs of the enum starting at `enum_start` in `path`, Raw -> name."""
    text = open(os.path.join(ROOT, path)).read()
    body = text[text.index(enum_start):]
    body = body[:body.index('\n    }') if enum_start.startswith('    ') else body.index('\n}')]
    return {raw: name for name, raw in CASE.findall(body)}

BUILTIN = kinds('Sources/KindlingLanguage/Errors/PyExceptionKind.swift', 'public enum PyExceptionKind')
DATA = kinds('Sources/KindlingData/DataError.swift', '    public enum Kind')
# Library classes the bindings raise by name, and where their class lives.
LIBRARY = {'AxisError': 'NumpyModule.axisError', 'UFuncTypeError': 'NDArrayViews.ufuncTypeError'}

CALL = re.compile(r'(PyException\.make|pyError|\.matches|Builtins\.exc|\bexc)\("([A-Za-z]+)"')
TABLE = re.compile(r'Builtins\.exceptionClasses\["([A-Za-z]+)"\]')
DATA_CALL = re.compile(r'DataError\("([A-Za-z]+)"')

def convert(path, text):
    def call(m):
        fn, name = m.group(1), m.group(2)
        if name in LIBRARY and fn in ('pyError', 'PyException.make'):
            return f'pyError({LIBRARY[name]}'
        if name in BUILTIN:
            return f'{fn}(.{BUILTIN[name]}'
        print(f'{path}: left as is, not a builtin class: {m.group(0)}')
        return m.group(0)

    def table(m):
        return f'Builtins.exc(.{BUILTIN[m.group(1)]})' if m.group(1) in BUILTIN else m.group(0)

    def data(m):
        if m.group(1) in DATA:
            return f'DataError(.{DATA[m.group(1)]}'
        print(f'{path}: left as is, not a DataError kind: {m.group(0)}')
        return m.group(0)

    text = CALL.sub(call, text)
    if not path.endswith('PyException.swift'):
        text = TABLE.sub(table, text)
    if '/KindlingData/' in path:
        text = DATA_CALL.sub(data, text)
    return text

def main(paths):
    changed = 0
    for top in paths:
        for dirpath, _, files in os.walk(top):
            for f in files:
                if not f.endswith('.swift'):
                    continue
                p = os.path.join(dirpath, f)
                old = open(p).read()
                new = convert(p, old)
                if new != old:
                    open(p, 'w').write(new)
                    changed += 1
    print(f'{changed} files converted')

if __name__ == '__main__':
    os.chdir(ROOT)
    main(sys.argv[1:] or ['Sources', 'Tests'])
